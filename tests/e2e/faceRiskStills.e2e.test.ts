/// <reference lib="dom" />
// Issue 18 §4 in the export panel: Léa's face is half covered for a while (the detector loses it);
// exporting the film for élus, where her face is to be blurred, shows a still of each stretch at
// risk — drawn as the export will blur it, with the time, her name and what will be done — and
// nothing of the kind for the workshop, where her face may be shown.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FaceTracksView, Recording } from '../../src-shared/contract/schemas';
import { startTestServer, type TestServer } from '../helpers/apiServer';
import { ARTIFACTS_DIR, builtRendererDir, launchChromium } from '../helpers/browser';
import { makeTempDir } from '../helpers/tempDir';
import { makeFaceVideo } from '../helpers/faceVideos';
import { dispatch } from '../../src-main/app';

let server: TestServer;
let browser: Browser;
let page: Page;
let montageId: number;
const dir = makeTempDir('eric-e2e-face-risks-');
const AXE_PATH = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

beforeAll(async () => {
  server = await startTestServer(builtRendererDir());
  const trusted = { ...server.ctx, trusted: true };
  const projectId = (await server.call('projects.create', { name: 'Témoignages', kind: 'testimony-campaign' })).json.result.id;
  const lea = (await server.call('people.add', { projectId, displayName: 'Léa Fontvieille', role: 'young-person' })).json.result.id;
  const marc = (await server.call('people.add', { projectId, displayName: 'Marc Dubreuil', role: 'employer' })).json.result.id;
  for (const scope of ['recording', 'workshop', 'elected']) {
    const conditions = scope === 'elected' ? ['face-blurred'] : [];
    await server.call('consent.set', { personId: lea, scope, status: 'granted', method: 'signed-form', conditions });
    await server.call('consent.set', { personId: marc, scope, status: 'granted', method: 'signed-form' });
  }
  // the video of tests/integration/faceRiskStills.test.ts: her face half covered from 2 to 3.4 s, Marc's stays
  const face = { x: '230', y: '30', size: '150', at: () => ({ x: 230, y: 30, size: 150 }) };
  const video = makeFaceVideo(dir, 'covered.mp4', [
    { ...face, visible: [0, 1.98] },
    { ...face, visible: [2, 3.38], covered: true },
    { ...face, visible: [3.4, 6] },
    { x: '450', y: '200', size: '130', at: () => ({ x: 450, y: 200, size: 130 }) },
  ]);
  const recording = (await dispatch(
    'recordings.importFile',
    {
      path: video.file,
      projectId,
      title: 'Témoignage de Léa',
      people: [
        { personId: lea, part: '' },
        { personId: marc, part: '' },
      ],
    },
    trusted,
  )) as Recording;
  await dispatch('faces.analyse', { recordingId: recording.id, wait: true }, trusted);
  const view = (await server.call('faces.tracks', { recordingId: recording.id })).json.result as FaceTracksView;
  for (const track of view.tracks) {
    const box = track.boxes[Math.floor(track.boxes.length / 2)]!;
    await server.call('faces.assign', { trackId: track.id, personId: box.x < 0.6 && box.y < 0.4 ? lea : marc });
  }
  const clip = (await server.call('clips.create', { recordingId: recording.id, name: 'Son parcours', inSeconds: 0, outSeconds: 6 })).json
    .result;
  montageId = (await server.call('montages.create', { projectId, name: 'Le film de Léa' })).json.result.id;
  await server.call('montages.update', { id: montageId, changes: { items: [{ kind: 'clip', clipId: clip.id }], lowerThirds: false } });
  browser = await launchChromium();
  // axe is injected as a script: the test page lets it past the app's CSP (the app itself is unchanged)
  page = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale: 'fr-FR', bypassCSP: true });
}, 120_000);

afterAll(async () => {
  await browser?.close();
});

describe('stills of the frames at risk in the export panel', () => {
  it('shows, for élus, a still per stretch at risk with its time, the person and what will be done; none for the workshop', async () => {
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(`${server.url}#/montages/${montageId}`);
    await page.getByRole('button', { name: 'Exporter le montage' }).click();
    const dialog = page.getByRole('dialog', { name: 'Exporter « Le film de Léa »' });
    await dialog.waitFor();
    await expect.poll(() => dialog.getByTestId('consent-gate').innerText()).toMatch(/Export possible pour ce public/);
    // the workshop sees her face: nothing at risk, no stills asked for
    expect(await dialog.getByTestId('face-risk-stills').count()).toBe(0);

    await dialog.getByLabel('Pour qui ?').selectOption({ label: 'Élus' });
    const stills = dialog.getByTestId('face-risk-stills');
    await stills.waitFor({ timeout: 30_000 });
    await expect.poll(() => stills.locator('img').count(), { timeout: 30_000 }).toBeGreaterThanOrEqual(2);
    const images = await stills
      .locator('img')
      .evaluateAll((nodes) =>
        (nodes as HTMLImageElement[]).map((img) => ({ src: img.src.slice(0, 30), alt: img.alt, loaded: img.complete && img.naturalWidth })),
      );
    for (const image of images) {
      expect(image.src).toMatch(/^data:image\/jpeg;base64,/);
      expect(image.alt).toMatch(
        /^Image à \d\d:\d\d, Léa Fontvieille : (visage masqué par une zone élargie|image entière floutée)\. Un cadre jaune/,
      );
      expect(image.loaded).toBe(480);
    }
    const captions = await stills.locator('figcaption').allInnerTexts();
    expect(captions.length).toBe(images.length);
    for (const caption of captions) expect(caption).toMatch(/^\d\d:\d\d–\d\d:\d\d \(\d+(,\d)? s\) · Léa Fontvieille\n/);
    expect(captions.some((caption) => caption.includes('visage masqué par une zone élargie'))).toBe(true);
    expect(captions.some((caption) => caption.includes('image entière floutée'))).toBe(true);
    await expect(stills.innerText()).resolves.toContain('Le cadre jaune montre ce qui sera flouté');
    // a whole blurred picture says why, and how to avoid it when the person is not there
    await expect(stills.innerText()).resolves.toContain('Si elle n’y est pas, indiquez-le dans « Qui apparaît » de l’extrait');
    // the list above names the same stretches
    await expect(dialog.getByTestId('face-risks').innerText()).resolves.toMatch(/passage\(s\) où le flou ne suit pas le visage de près/);

    fs.mkdirSync(ARTIFACTS_DIR, { recursive: true });
    await stills.scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'e2e-face-risk-stills.png') });
    expect(pageErrors).toEqual([]);

    // the dialog with its stills passes axe-core (no serious or critical violation: alt texts, contrast, names)
    await page.addScriptTag({ path: AXE_PATH });
    const violations = (await page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run(context: Element, options: object): Promise<{ violations: unknown[] }> } }).axe;
      return (await axe.run(document.querySelector('[role="dialog"]')!, { resultTypes: ['violations'] })).violations;
    })) as Array<{ id: string; impact: string | null }>;
    expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
  });
});
