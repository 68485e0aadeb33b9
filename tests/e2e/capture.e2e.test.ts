/// <reference lib="dom" />
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Recording } from '../../src-shared/contract/schemas';
import { probe } from '../../src-main/media/probe';
import { startTestServer, type TestServer } from '../helpers/apiServer';
import { ARTIFACTS_DIR, builtRendererDir, launchChromium } from '../helpers/browser';
import { binaries, makeTestVideo } from '../helpers/media';
import { makeTempDir } from '../helpers/tempDir';

let server: TestServer;
let browser: Browser;
let page: Page;
let sessionId: number;
let leaId: number;

beforeAll(async () => {
  server = await startTestServer(builtRendererDir());
  const project = (await server.call('projects.create', { name: 'Entretiens filmés', kind: 'interview-workshop' })).json.result;
  sessionId = (await server.call('sessions.create', { projectId: project.id, date: '2026-11-22', title: 'Simulation' })).json.result.id;
  leaId = (await server.call('people.add', { projectId: project.id, displayName: 'Léa', role: 'job-seeker' })).json.result.id;
  await server.call('people.add', { projectId: project.id, displayName: 'Marc', role: 'employer' });
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'fr-FR' });
  fs.mkdirSync(ARTIFACTS_DIR, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
});

async function recordings(): Promise<Recording[]> {
  return (await server.call('recordings.list', { sessionId })).json.result;
}

describe('recording from the camera in Chromium', () => {
  it('records 5 s with 2 markers; the take appears with a thumbnail, audio and video', async () => {
    await page.goto(`${server.url}#/sessions/${sessionId}/record`);
    await page.getByRole('heading', { name: 'Filmer' }).waitFor();
    // the preview is live and the microphone meter is fed
    await expect
      .poll(() => page.locator('video').evaluate((video: HTMLVideoElement) => video.readyState), { timeout: 15_000 })
      .toBeGreaterThanOrEqual(2);
    await expect.poll(() => page.getByLabel('Caméra', { exact: true }).locator('option').count()).toBeGreaterThan(0);
    await page.getByRole('checkbox', { name: /Léa/ }).check();
    await page.getByLabel('Rôle de Léa dans la vidéo').selectOption('candidate');

    await page.getByRole('button', { name: 'Démarrer' }).click();
    await page.getByText(/Début dans/).waitFor();
    const elapsed = page.getByLabel('Durée');
    await elapsed.waitFor({ timeout: 10_000 });
    await page.waitForFunction(() => document.querySelector('.elapsed')?.textContent === '00:01');
    await page.keyboard.press('m');
    await page.waitForFunction(() => document.querySelector('.elapsed')?.textContent === '00:03');
    await page.getByRole('button', { name: 'Bon moment' }).click();
    await page.getByRole('list', { name: 'Repères posés' }).getByRole('listitem').nth(1).waitFor();
    await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'e2e-recording.png') });
    // leaving by the link during the take asks first; staying keeps filming
    await page.getByRole('link', { name: 'Retour au projet' }).click();
    const ask = page.getByRole('alertdialog');
    expect(await ask.getByRole('heading').textContent()).toMatch(/Une prise est en cours/);
    await ask.getByRole('button', { name: 'Annuler' }).click();
    expect(page.url()).toMatch(new RegExp(`#/sessions/${sessionId}/record$`));
    await page.waitForFunction(() => document.querySelector('.elapsed')?.textContent === '00:05');
    await page.getByRole('button', { name: 'Arrêter' }).click();

    // back on the session: the take is finalised and shows its poster
    await page.waitForURL(new RegExp(`#/sessions/${sessionId}$`));
    await expect.poll(async () => (await recordings())[0]?.status, { timeout: 60_000 }).toBe('ready');
    expect(await recordings()).toHaveLength(1);
    const [recording] = await recordings();
    const card = page.getByRole('listitem', { name: `Vidéo n° ${recording!.id}` });
    await card.getByText('Prête').waitFor();
    await expect
      .poll(() => card.locator('img').evaluate((img: HTMLImageElement) => img.naturalWidth), { timeout: 10_000 })
      .toBeGreaterThan(0);
    await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'e2e-session.png'), fullPage: true });

    expect(Math.abs(recording!.durationSeconds! - 5)).toBeLessThanOrEqual(0.5);
    expect(recording).toMatchObject({ kind: 'interview', hasVideo: true, hasAudio: true, source: 'camera' });
    expect(recording!.people.map((p) => [p.personId, p.part])).toEqual([[leaId, 'candidate']]);
    const master = await probe(binaries, server.ctx.library.mediaAssets.resolve(recording!.masterAssetId!).absolutePath);
    expect(master.video?.codec).toBe('h264');
    expect(master.audio?.codec).toBe('aac');
    expect(Math.abs(master.durationSeconds! - 5)).toBeLessThanOrEqual(0.5);

    const [first, second] = recording!.markers;
    expect(recording!.markers).toHaveLength(2);
    expect(first!.atSeconds).toBeGreaterThanOrEqual(1);
    expect(first!.atSeconds).toBeLessThan(2);
    expect(second!.atSeconds).toBeGreaterThanOrEqual(3);
    expect(second!.atSeconds).toBeLessThan(4);
    expect(second!.tag).toBe('Bon moment');
  });

  it('imports a video chosen in the file picker, then deletes it with every file', async () => {
    const file = makeTestVideo(makeTempDir('eric-e2e-upload-'), 'entretien-telephone.mp4', 3);
    await page.goto(`${server.url}#/sessions/${sessionId}`);
    const before = (await recordings()).length;
    await page.locator('input[type=file]').setInputFiles(file);
    await expect
      .poll(async () => (await recordings()).find((r) => r.title === 'entretien-telephone')?.status, { timeout: 60_000 })
      .toBe('ready');
    const imported = (await recordings()).find((r) => r.title === 'entretien-telephone')!;
    expect(imported).toMatchObject({ source: 'upload', hasVideo: true, hasAudio: true });
    expect(imported.durationSeconds).toBeCloseTo(3, 0);

    const card = page.getByRole('listitem', { name: 'entretien-telephone' });
    await card.getByText('Prête').waitFor();
    // a testimony imported into an interview workshop is set right on its card
    expect(imported.kind).toBe('interview');
    await card.getByLabel('Type de vidéo').selectOption({ label: 'Témoignage' });
    // the choice shows at once and stays once the list is read again
    expect(await card.getByLabel('Type de vidéo').inputValue()).toBe('testimony');
    await expect.poll(async () => (await recordings()).find((r) => r.id === imported.id)?.kind).toBe('testimony');
    await page.reload();
    await expect.poll(() => card.getByLabel('Type de vidéo').inputValue()).toBe('testimony');
    const folder = path.dirname(server.ctx.library.mediaAssets.resolve(imported.masterAssetId!).absolutePath);
    await card.getByRole('button', { name: 'Supprimer la vidéo' }).click();
    // the app's own confirmation (ConfirmDialog), not the browser's
    await page.getByRole('alertdialog').getByRole('button', { name: 'Supprimer' }).click();
    await card.waitFor({ state: 'detached' });
    expect((await recordings()).length).toBe(before);
    expect(fs.existsSync(folder)).toBe(false);
  });

  it('a text file renamed .mp4 stays in the jobs tray with its reason until closed, and leaves no recording', async () => {
    const file = path.join(makeTempDir('eric-e2e-bad-upload-'), 'pas-une-video.mp4');
    fs.writeFileSync(file, 'Ceci est un texte, pas une vidéo.\n'.repeat(200));
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.goto(`${server.url}#/sessions/${sessionId}`);
    const before = (await recordings()).length;
    await page.locator('input[type=file]').setInputFiles(file);
    const tray = page.getByRole('complementary', { name: 'Travaux en cours' });
    const failure = tray.getByRole('alert');
    await failure.waitFor({ timeout: 60_000 });
    expect(await failure.innerText()).toMatch(/Échec : \S+/);
    expect(await failure.isVisible()).toBe(true);
    await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'e2e-import-failed-tray.png') });
    expect((await recordings()).length).toBe(before);
    await tray.getByRole('button', { name: 'Fermer' }).click();
    await failure.waitFor({ state: 'detached' });
    expect((await server.call('jobs.list', {})).json.result.filter((job: { status: string }) => job.status === 'failed')).toHaveLength(0);
  });
});
