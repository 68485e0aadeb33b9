/// <reference lib="dom" />
/**
 * The export panel as a real dialog, at 1366×768: focus moves into it and Escape gives it
 * back; the consent verdict is asked again when the montage changes (a blocked clip added
 * turns it red and names the clip), a lower third without a speaker is refused by name;
 * the title card is previewed, then the exported film's title frame is read back (tesseract)
 * and its side margins are checked to be background: nothing of the long title is cut.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Recording } from '../../src-shared/contract/schemas';
import { startTestServer, type TestServer } from '../helpers/apiServer';
import { ARTIFACTS_DIR, builtRendererDir, launchChromium } from '../helpers/browser';
import { binaries, makeTestVideo } from '../helpers/media';
import { makeTempDir } from '../helpers/tempDir';
import { dispatch } from '../../src-main/app';

const LONG_TITLE = 'Premiers emplois en boulangerie — ERIC de Béthune';
let server: TestServer;
let browser: Browser;
let page: Page;
let montageId: number;
let clipId: number;
let blockedClipId: number;
let lea: number;

async function importWith(title: string, people: Array<{ personId: number; part: string }>, projectId: number): Promise<Recording> {
  const file = makeTestVideo(makeTempDir('eric-e2e-export-dialog-'), `${people.length}.mp4`, 4);
  return (await dispatch('recordings.importFile', { path: file, projectId, title, people }, { ...server.ctx, trusted: true })) as Recording;
}

beforeAll(async () => {
  server = await startTestServer(builtRendererDir());
  const projectId = (await server.call('projects.create', { name: 'Boulangerie', kind: 'testimony-campaign' })).json.result.id;
  lea = (await server.call('people.add', { projectId, displayName: 'Léa Martin', role: 'young-person' })).json.result.id;
  const marc = (await server.call('people.add', { projectId, displayName: 'Marc Petit', role: 'employer' })).json.result.id;
  const karim = (await server.call('people.add', { projectId, displayName: 'Karim Haddad', role: 'young-person' })).json.result.id;
  for (const personId of [lea, marc]) {
    for (const scope of ['recording', 'workshop'])
      await server.call('consent.set', { personId, scope, status: 'granted', method: 'signed-form' });
  }
  await server.call('consent.set', { personId: karim, scope: 'recording', status: 'granted', method: 'signed-form' });
  const both = await importWith(
    'Au fournil',
    [
      { personId: lea, part: 'Apprentie' },
      { personId: marc, part: 'Patron' },
    ],
    projectId,
  );
  const alone = await importWith('Karim au four', [{ personId: karim, part: 'Apprenti' }], projectId);
  clipId = (await server.call('clips.create', { recordingId: both.id, name: 'Le métier', inSeconds: 0, outSeconds: 3 })).json.result.id;
  blockedClipId = (await server.call('clips.create', { recordingId: alone.id, name: 'Le four de Karim', inSeconds: 0, outSeconds: 2 })).json
    .result.id;
  montageId = (await server.call('montages.create', { projectId, name: 'Restitution boulangerie' })).json.result.id;
  await server.call('montages.update', {
    id: montageId,
    changes: {
      items: [
        { kind: 'title', text: LONG_TITLE, seconds: 2 },
        { kind: 'clip', clipId },
      ],
      lowerThirds: false,
    },
  });
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale: 'fr-FR' });
});

afterAll(async () => {
  await browser?.close();
});

const items = (withBlocked: boolean) => [
  { kind: 'title' as const, text: LONG_TITLE, seconds: 2 },
  { kind: 'clip' as const, clipId },
  ...(withBlocked ? [{ kind: 'clip' as const, clipId: blockedClipId }] : []),
];

describe('the export dialog', () => {
  it('takes focus, re-checks consent on every change, names what blocks, refuses a lower third without a speaker, closes on Escape', async () => {
    await page.goto(`${server.url}#/montages/${montageId}`);
    const opener = page.getByRole('button', { name: 'Exporter le montage' });
    await opener.click();
    const dialog = page.getByRole('dialog', { name: 'Exporter « Restitution boulangerie »' });
    await dialog.waitFor();
    expect(await page.evaluate(() => Boolean(document.activeElement?.closest('[role="dialog"]')))).toBe(true);
    const box = (await dialog.boundingBox())!;
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.y).toBeLessThan(768 / 2);
    const gate = dialog.getByTestId('consent-gate');
    await expect.poll(() => gate.innerText()).toMatch(/Export possible pour ce public/);

    // a clip of someone without consent for this audience is added elsewhere: the verdict turns, naming the clip
    await server.call('montages.update', { id: montageId, changes: { items: items(true) } });
    await expect.poll(() => gate.innerText()).toMatch(/Export impossible pour ce public :[\s\S]*Karim Haddad[\s\S]*« Le four de Karim »/);
    await expect(dialog.getByRole('button', { name: "Lancer l'export" }).isDisabled()).resolves.toBe(true);
    await server.call('montages.update', { id: montageId, changes: { items: items(false) } });
    await expect.poll(() => gate.innerText()).toMatch(/Export possible pour ce public/);

    // name banners on a clip of two people, nobody chosen as the speaker: refused by name, not silently dropped
    await server.call('montages.update', { id: montageId, changes: { lowerThirds: true } });
    await expect.poll(() => gate.innerText()).toMatch(/« Le métier » : un bandeau avec le nom est demandé, mais personne n’est choisi/);
    const refused = await server.call('render.start', { target: { kind: 'montage', montageId }, audience: 'workshop' });
    expect(refused.json.error.code).toBe('consent-refused');
    expect(refused.json.error.message).toMatch(/extrait « Le métier » : un bandeau avec le nom est demandé/);
    await server.call('clips.update', { id: clipId, changes: { speakerPersonId: lea } });
    await expect.poll(() => gate.innerText()).toMatch(/Export possible pour ce public/);

    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(await page.evaluate(() => document.activeElement?.textContent)).toMatch(/Exporter le montage/);
  });

  it('previews the title card wrapped, exports it, links to the file, and the exported title frame has nothing cut', async () => {
    await page.getByRole('button', { name: 'Exporter le montage' }).click();
    const dialog = page.getByRole('dialog', { name: 'Exporter « Restitution boulangerie »' });
    const preview = dialog.getByTestId('title-previews').getByRole('img');
    await preview.first().waitFor({ timeout: 30_000 });
    expect(await preview.first().getAttribute('alt')).toBe(`Carton titre n° 1 : ${LONG_TITLE}`);
    await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'e2e-export-dialog-title-preview.png') });
    await expect.poll(() => dialog.getByTestId('consent-gate').innerText()).toMatch(/Export possible pour ce public/);
    await dialog.getByRole('button', { name: "Lancer l'export" }).click();
    const link = dialog.getByRole('link', { name: 'Télécharger le fichier' });
    await link.waitFor({ timeout: 90_000 });
    await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'e2e-export-dialog-done.png') });
    const href = (await link.getAttribute('href'))!;
    const dir = makeTempDir('eric-e2e-export-title-');
    const film = path.join(dir, 'film.mp4');
    fs.writeFileSync(film, Buffer.from(await (await fetch(new URL(href, server.url))).arrayBuffer()));

    // the title frame, read back
    const frame = path.join(dir, 'title.png');
    execFileSync(binaries.ffmpeg, ['-v', 'error', '-ss', '1', '-i', film, '-frames:v', '1', '-y', frame]);
    fs.copyFileSync(frame, path.join(ARTIFACTS_DIR, 'e2e-export-title-frame.png'));
    const read = String(execFileSync('tesseract', [frame, '-', '-l', 'eng'], { stdio: ['ignore', 'pipe', 'ignore'] }));
    for (const word of ['Premiers', 'emplois', 'en', 'boulangerie', 'ERIC', 'de', 'thune']) expect(read).toContain(word);

    // and nothing touches the edges: the outer 5 % on each side is plain background
    const raw = execFileSync(binaries.ffmpeg, ['-v', 'error', '-i', frame, '-f', 'rawvideo', '-pix_fmt', 'gray', '-']);
    const [width, height] = [1280, 720];
    expect(raw.length).toBe(width * height);
    const margin = Math.round(width * 0.05);
    let edgeInk = 0;
    let middleInk = 0;
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) {
        const ink = raw[y * width + x]! > 140; // white text on the dark blue background (luma ~45)
        if (x < margin || x >= width - margin) edgeInk += ink ? 1 : 0;
        else middleInk += ink ? 1 : 0;
      }
    }
    expect(edgeInk).toBe(0);
    expect(middleInk).toBeGreaterThan(2000);
  });

  it('keeps focus on the moved item after reordering the running order', async () => {
    await page.goto('about:blank'); // a fresh page: the export dialog of the test before is still open
    await page.goto(`${server.url}#/montages/${montageId}`);
    const titleRow = page.getByRole('listitem', { name: new RegExp(`^${LONG_TITLE}`) });
    await titleRow.getByRole('button', { name: 'Descendre' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await server.call('montages.get', { id: montageId })).json.result.items[1].kind).toBe('title');
    // the title is now last: its "down" arrow is disabled, so focus is on its "up" arrow, in the same row
    const focused = () =>
      page.evaluate(() => ({
        label: document.activeElement?.getAttribute('aria-label'),
        row: document.activeElement?.closest('li')?.getAttribute('aria-label'),
      }));
    await expect.poll(focused).toEqual({ label: 'Monter', row: `${LONG_TITLE} (2 s)` });
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await server.call('montages.get', { id: montageId })).json.result.items[0].kind).toBe('title');
    await expect.poll(focused).toEqual({ label: 'Descendre', row: `${LONG_TITLE} (2 s)` });
  });
});
