/// <reference lib="dom" />
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExportRecord } from '../../src-shared/contract/schemas/editing';
import type { Recording } from '../../src-shared/contract/schemas';
import { startTestServer, type TestServer } from '../helpers/apiServer';
import { ARTIFACTS_DIR, builtRendererDir, launchChromium } from '../helpers/browser';
import { binaries } from '../helpers/media';
import { makeFrameCodedVideo } from '../helpers/frameCodedMedia';
import { makeTempDir } from '../helpers/tempDir';
import { dispatch } from '../../src-main/app';

let server: TestServer;
let browser: Browser;
let page: Page;
let recording: Recording;
let projectId: number;

beforeAll(async () => {
  server = await startTestServer(builtRendererDir());
  projectId = (await server.call('projects.create', { name: 'Témoignages', kind: 'testimony-campaign' })).json.result.id;
  const samira = (await server.call('people.add', { projectId, displayName: 'Samira Benali', role: 'young-person' })).json.result.id;
  for (const scope of ['recording', 'workshop']) {
    await server.call('consent.set', {
      personId: samira,
      scope,
      status: 'granted',
      method: 'signed-form',
      conditions: ['first-name-only'],
    });
  }
  const file = makeFrameCodedVideo(makeTempDir('eric-e2e-editing-'), 10);
  recording = (await dispatch(
    'recordings.importFile',
    { path: file, projectId, title: 'Témoignage de Samira', people: [{ personId: samira, part: 'Apprentie' }] },
    { ...server.ctx, trusted: true },
  )) as Recording;
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1400, height: 1100 }, locale: 'fr-FR' });
});

afterAll(async () => {
  await browser?.close();
});

async function seekTo(seconds: number) {
  await page.locator('video.player').evaluate((video: HTMLVideoElement, t: number) => (video.currentTime = t), seconds);
  await expect.poll(() => page.locator('video.player').evaluate((video: HTMLVideoElement) => video.currentTime)).toBeCloseTo(seconds, 1);
}

describe('editing and exporting', () => {
  it('makes a clip from I/O, builds a montage with a title card, sees the consent gate, exports and downloads it', async () => {
    await page.goto(`${server.url}#/recordings/${recording.id}`);
    await page.getByRole('heading', { name: 'Témoignage de Samira' }).waitFor();
    await expect.poll(() => page.locator('video.player').evaluate((video: HTMLVideoElement) => video.readyState)).toBeGreaterThanOrEqual(1);

    await seekTo(2);
    await page.keyboard.press('i');
    await seekTo(6);
    await page.keyboard.press('o');
    const clipForm = page.getByRole('form', { name: 'Créer un extrait' });
    await clipForm.getByLabel("Nom de l'extrait").fill('Mon apprentissage');
    await clipForm.getByLabel('Thèmes (séparés par des virgules)').fill('Parcours, Motivation');
    await clipForm.getByRole('button', { name: "Créer l'extrait (début I → fin O)" }).click();
    const clipItem = page.getByRole('listitem', { name: 'Mon apprentissage' });
    await clipItem.waitFor();
    await expect.poll(() => clipItem.innerText()).toMatch(/00:02 → 00:06 \(00:04\)/);
    const [clip] = (await server.call('clips.list', { recordingId: recording.id })).json.result;
    expect(clip).toMatchObject({ name: 'Mon apprentissage', tags: ['Parcours', 'Motivation'] });
    expect(clip.inSeconds).toBeCloseTo(2, 1);
    expect(clip.outSeconds).toBeCloseTo(6, 1);

    // draw the region to pixelate on the player
    await clipItem.getByRole('button', { name: 'Dessiner la zone à flouter' }).click();
    const overlay = page.getByRole('application');
    await overlay.waitFor();
    await expect.poll(async () => (await overlay.boundingBox())?.y ?? -1).toBeGreaterThanOrEqual(0);
    const box = (await overlay.boundingBox())!;
    await page.mouse.move(box.x + box.width * 0.25, box.y + box.height * 0.25);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.6, box.y + box.height * 0.7, { steps: 5 });
    await page.mouse.up();
    await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'e2e-blur-box.png') });
    await expect.poll(() => clipItem.innerText()).toMatch(/zone à flouter dessinée/);
    const drawn = (await server.call('clips.list', { recordingId: recording.id })).json.result[0].blurBox;
    expect(drawn.x).toBeCloseTo(0.25, 1);
    expect(drawn.w).toBeCloseTo(0.35, 1);

    // a montage: title card + the clip
    await page.goto(`${server.url}#/projects/${projectId}`);
    await page.getByLabel('Nom du montage').fill('Restitution atelier');
    await page.getByRole('button', { name: 'Nouveau montage' }).click();
    await page.getByRole('heading', { name: 'Restitution atelier' }).waitFor();
    await page.getByLabel('Texte du carton').fill('Témoignages 2026');
    await page.getByLabel('Durée (s)').fill('2');
    await page.getByRole('form', { name: 'Ajouter un carton titre' }).getByRole('button', { name: 'Ajouter un carton titre' }).click();
    await page.getByRole('button', { name: 'Ajouter « Mon apprentissage » au montage' }).click();
    await expect.poll(() => page.getByTestId('montage-duration').innerText()).toBe('Durée totale : 00:06');
    // reorder with the arrows, then undo
    await page
      .getByRole('listitem', { name: /Mon apprentissage/ })
      .getByRole('button', { name: 'Monter' })
      .click();
    await expect.poll(async () => (await server.call('montages.list', { projectId })).json.result[0].items[0].kind).toBe('clip');
    await page.getByRole('button', { name: 'Annuler (Ctrl+Z)' }).click();
    await expect.poll(async () => (await server.call('montages.list', { projectId })).json.result[0].items[0].kind).toBe('title');

    // the consent gate: elected is refused (no consent), workshop is allowed with the first name only
    await page.getByRole('button', { name: 'Exporter le montage' }).click();
    const dialog = page.getByRole('dialog', { name: 'Exporter « Restitution atelier »' });
    await dialog.getByLabel('Pour qui ?').selectOption({ label: 'Élus' });
    await expect.poll(() => dialog.getByTestId('consent-gate').innerText()).toMatch(/Export impossible pour ce public :\s*Samira Benali/);
    await expect(dialog.getByRole('button', { name: "Lancer l'export" }).isDisabled()).resolves.toBe(true);
    await dialog.getByLabel('Pour qui ?').selectOption({ label: "Groupe de l'atelier" });
    await expect.poll(() => dialog.getByTestId('consent-gate').innerText()).toMatch(/Samira Benali apparaîtra comme « Samira »/);
    await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'e2e-montage-export.png'), fullPage: true });
    await dialog.getByRole('button', { name: "Lancer l'export" }).click();
    // the dialog links to the file once done, then closes (the page behind is hidden while it is open)
    const fileLink = dialog.getByRole('link', { name: 'Télécharger le fichier' });
    await fileLink.waitFor({ timeout: 60_000 });
    // the file is named after the export, never after an id
    expect(await fileLink.getAttribute('download')).toMatch(/^Restitution-atelier.*\.mp4$/);
    await dialog.getByRole('button', { name: 'Fermer' }).click();
    await dialog.waitFor({ state: 'detached' });

    // the export appears with a download link once the render is done
    const exportItem = page.getByRole('listitem', { name: 'Restitution atelier' });
    const download = exportItem.getByRole('link', { name: 'Télécharger' });
    await download.waitFor({ timeout: 60_000 });
    const [record] = (await server.call('exports.list', { projectId })).json.result as ExportRecord[];
    expect(record).toMatchObject({ kind: 'montage', audience: 'workshop', mode: 'encode', durationSeconds: 6 });
    const href = (await download.getAttribute('href'))!;
    const bytes = Buffer.from(await (await fetch(new URL(href, server.url))).arrayBuffer());
    const file = path.join(makeTempDir('eric-e2e-editing-out-'), 'download.mp4');
    fs.writeFileSync(file, bytes);
    const streams = JSON.parse(
      String(execFileSync(binaries.ffprobe, ['-v', 'error', '-show_entries', 'stream=codec_name,width,height', '-of', 'json', file])),
    ).streams;
    expect(streams.map((s: { codec_name: string }) => s.codec_name)).toEqual(['h264', 'aac']);
    expect(streams[0]).toMatchObject({ width: 1280, height: 720 });
  });

  it("says what the consent gate changes before exporting: a name in the film's name, the whole picture pixelated, and checks the blur region", async () => {
    const samira = (await server.call('people.list', { projectId })).json.result[0].id;
    const [montage] = (await server.call('montages.list', { projectId })).json.result;
    await server.call('montages.update', { id: montage.id, changes: { name: 'Le film de Samira Benali' } });
    await server.call('consent.set', {
      personId: samira,
      scope: 'workshop',
      status: 'granted',
      method: 'signed-form',
      conditions: ['first-name-only', 'face-blurred'],
    });
    await page.goto(`${server.url}#/montages/${montage.id}`);
    await page.getByRole('button', { name: 'Exporter le montage' }).click();
    const dialog = page.getByRole('dialog', { name: 'Exporter « Le film de Samira Benali »' });
    await expect.poll(() => dialog.getByTestId('text-changes').innerText()).toMatch(/Nom du film — nom de famille retiré \(Samira\)/);
    // the drawn region was never checked on stills: the whole picture, and the panel says because of whom
    await expect.poll(() => dialog.getByTestId('whole-frame').innerText()).toMatch(/Tout le plan sera flouté à cause de : Samira/);
    await expect.poll(() => dialog.getByTestId('whole-frame').innerText()).toMatch(/pas été vérifiée/);

    // checking the region on stills of the clip
    await page.goto(`${server.url}#/recordings/${recording.id}`);
    const clipItem = page.getByRole('listitem', { name: 'Mon apprentissage' });
    await clipItem.getByRole('button', { name: 'Vérifier la zone floutée' }).click();
    const stills = clipItem.getByRole('group', { name: 'Vérifier la zone floutée' });
    await stills.getByRole('img').first().waitFor({ timeout: 30_000 }); // four frames taken by ffmpeg
    expect(await stills.getByRole('img').count()).toBe(4);
    await stills.getByLabel('Votre nom').fill('Nadia');
    await stills.getByRole('button', { name: 'La zone couvre le visage sur toutes les images' }).click();
    await expect.poll(() => clipItem.innerText()).toMatch(/zone vérifiée par Nadia/);
    const check = (await server.call('render.check', { target: { kind: 'montage', montageId: montage.id }, audience: 'workshop' })).json
      .result;
    expect(check.wholeFramePixelated).toEqual([]);

    // a name split from an old single name is asked about
    await server.call('people.add', { projectId, displayName: 'BENALI Karima', role: 'young-person' });
    await page.goto(`${server.url}#/projects/${projectId}`);
    const review = page.getByRole('group', { name: 'Vérifiez le prénom et le nom' });
    await review.waitFor();
    await review.getByRole('button', { name: 'Inverser prénom et nom' }).click();
    await review.getByRole('button', { name: 'C’est juste, enregistrer' }).click();
    await review.waitFor({ state: 'detached' });
    const people = (await server.call('people.list', { projectId })).json.result;
    expect(people.find((p: { familyName: string }) => p.familyName === 'BENALI')).toMatchObject({
      givenName: 'Karima',
      nameNeedsReview: false,
    });
  });
});
