/// <reference lib="dom" />
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Recording } from '../../src-shared/contract/schemas';
import { startTestServer, type TestServer } from '../helpers/apiServer';
import { ARTIFACTS_DIR, builtRendererDir, launchChromium } from '../helpers/browser';
import { makeFrameCodedVideo } from '../helpers/frameCodedMedia';
import { makeTempDir } from '../helpers/tempDir';
import { dispatch } from '../../src-main/app';

let server: TestServer;
let browser: Browser;
let page: Page;
let packDir: string;
let projectId: number;

beforeAll(async () => {
  server = await startTestServer(builtRendererDir());
  const trusted = { ...server.ctx, trusted: true };
  const call = (method: string, input: unknown) => dispatch(method, input, trusted) as Promise<{ id: number }>;
  projectId = (
    await call('projects.create', { name: 'Paroles d’apprentis', kind: 'testimony-campaign', description: 'Restitution aux élus.' })
  ).id;
  const ines = (await call('people.add', { projectId, displayName: 'Inès Moreau', role: 'young-person' })).id;
  for (const scope of ['recording', 'elected'])
    await call('consent.set', { personId: ines, scope, status: 'granted', method: 'signed-form' });
  const tmp = makeTempDir('eric-e2e-pack-');
  const recording = (await dispatch(
    'recordings.importFile',
    { path: makeFrameCodedVideo(tmp, 8), projectId, title: 'Inès', people: [{ personId: ines, part: 'Apprentie boulangère' }] },
    trusted,
  )) as Recording;
  await call('subtitles.import', {
    recordingId: recording.id,
    format: 'vtt',
    content: 'WEBVTT\n\n00:00:01.000 --> 00:00:05.000\nJe me lève à quatre heures et j’adore ça.\n',
  });
  await call('clips.create', { recordingId: recording.id, name: 'Le métier', inSeconds: 0.5, outSeconds: 6.5, tags: ['Métier'] });
  packDir = path.join(tmp, 'pack-elus');
  await dispatch('packs.build', { spec: { projectId, audience: 'elected' }, destination: packDir, wait: true }, trusted);
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1200, height: 1000 }, locale: 'fr-FR' });
});

afterAll(async () => {
  await browser?.close();
});

describe('the pack opens offline', () => {
  it('index.html from file:// plays the clip with its subtitles showing', async () => {
    await page.goto(pathToFileURL(path.join(packDir, 'index.html')).href);
    await page.getByRole('heading', { name: 'Paroles d’apprentis' }).waitFor();
    await page.getByRole('heading', { name: /Le métier/ }).waitFor();
    const video = page.locator('article.clip video');
    await expect.poll(() => video.evaluate((v: HTMLVideoElement) => v.readyState)).toBeGreaterThanOrEqual(1);
    expect(await video.evaluate((v: HTMLVideoElement) => v.duration)).toBeCloseTo(6, 0);
    // playing it for real: time moves
    await video.evaluate((v: HTMLVideoElement) => {
      v.muted = true;
      return v.play();
    });
    await expect.poll(() => video.evaluate((v: HTMLVideoElement) => v.currentTime), { timeout: 10_000 }).toBeGreaterThan(1.2);
    await video.evaluate((v: HTMLVideoElement) => v.pause());
    // the subtitle track is loaded from the page itself and shows the cue at 2 s (1.5 s into the clip)
    await video.evaluate((v: HTMLVideoElement) => (v.currentTime = 2));
    const track = () =>
      video.evaluate((v: HTMLVideoElement) => {
        const t = v.textTracks[0];
        return { mode: t?.mode, cues: t?.cues?.length ?? 0, active: t?.activeCues?.[0] ? (t.activeCues[0] as VTTCue).text : null };
      });
    await expect.poll(track).toEqual({ mode: 'showing', cues: 1, active: 'Je me lève à quatre heures et j’adore ça.' });
    await video.scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'e2e-pack-index-file-url.png'), fullPage: true });
    // the synthesis PDF is there and the page names the audience
    expect(await page.locator('header .audience').innerText()).toBe('Destiné à : Élus');
  });

  it('the project screen previews the pack, builds it as a job, and verifies it', async () => {
    await page.goto(`${server.url}#/projects/${projectId}`);
    const panel = page.getByRole('region', { name: 'Dossier de restitution' });
    await expect.poll(() => panel.getByTestId('pack-preview').innerText()).toMatch(/Dans le pack : 1 vidéo\(s\)[\s\S]*Le métier/);
    await panel.getByLabel('Pour qui ?').selectOption({ label: 'Public' });
    await expect.poll(() => panel.getByTestId('pack-preview').innerText()).toMatch(/Laissé de côté : 1[\s\S]*Inès Moreau/);
    await panel.getByLabel('Pour qui ?').selectOption({ label: 'Élus' });
    await expect.poll(() => panel.getByTestId('pack-preview').innerText()).toMatch(/Dans le pack : 1/);
    await panel.getByRole('button', { name: 'Construire le pack' }).click();
    // the panel says when the pack is ready, with its zip named after it
    await panel.getByText('Dossier prêt.').waitFor({ timeout: 60_000 });
    expect(await panel.getByRole('link', { name: 'Télécharger le dossier (.zip)' }).getAttribute('download')).toMatch(/\.zip$/);
    const item = page
      .getByRole('listitem', { name: 'Paroles d’apprentis — Élus' })
      .filter({ has: page.getByRole('link', { name: 'Télécharger' }) });
    await item.waitFor({ timeout: 60_000 });
    await item.getByRole('button', { name: 'Vérifier' }).click();
    await expect.poll(() => item.getByRole('status').innerText()).toMatch(/Dossier intact : \d+ fichiers vérifiés\./);
    await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'e2e-pack-panel.png'), fullPage: true });
  });
});
