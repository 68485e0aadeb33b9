/// <reference lib="dom" />
// Faces on the review screen: search the faces, see the boxes over the video and the strip of
// thumbnails, say whose face a track is, then export for élus and look at the frames.
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Recording } from '../../src-shared/contract/schemas';
import { startTestServer, type TestServer } from '../helpers/apiServer';
import { ARTIFACTS_DIR, builtRendererDir, launchChromium } from '../helpers/browser';
import { makeTempDir } from '../helpers/tempDir';
import { detailIn, grayFrames, innerRect, makeFaceVideo, type FaceVideo } from '../helpers/faceVideos';
import { dispatch } from '../../src-main/app';

let server: TestServer;
let browser: Browser;
let page: Page;
let recording: Recording;
let video: FaceVideo;
let lea: number;
const dir = makeTempDir('eric-e2e-faces-');

beforeAll(async () => {
  server = await startTestServer(builtRendererDir());
  const projectId = (await server.call('projects.create', { name: 'Témoignages', kind: 'testimony-campaign' })).json.result.id;
  lea = (await server.call('people.add', { projectId, displayName: 'Léa Fontvieille', role: 'young-person' })).json.result.id;
  for (const scope of ['recording', 'workshop', 'elected']) {
    await server.call('consent.set', {
      personId: lea,
      scope,
      status: 'granted',
      method: 'signed-form',
      conditions: scope === 'elected' ? ['face-blurred'] : [],
    });
  }
  video = makeFaceVideo(dir, 'one-face.mp4', [{ x: '60+60*t', y: '60', size: '150', at: (t) => ({ x: 60 + 60 * t, y: 60, size: 150 }) }], {
    seconds: 4,
  });
  recording = (await dispatch(
    'recordings.importFile',
    { path: video.file, projectId, title: 'Témoignage de Léa', people: [{ personId: lea, part: '' }] },
    { ...server.ctx, trusted: true },
  )) as Recording;
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale: 'fr-FR' });
}, 120_000);

afterAll(async () => {
  await browser?.close();
});

describe('faces on the review screen', () => {
  it('finds the face, shows its box and thumbnail, assigns it to Léa, and the export for élus hides it on every frame', async () => {
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(`${server.url}#/recordings/${recording.id}`);
    await page.getByRole('heading', { name: 'Témoignage de Léa' }).waitFor();
    const panel = page.getByRole('region', { name: 'Visages' });
    await panel.getByRole('button', { name: 'Chercher les visages' }).click();
    const firstTrack = panel.locator('[data-testid^="face-track-"]').first();
    await firstTrack.waitFor({ timeout: 60_000 });
    await expect.poll(() => panel.locator('img').count()).toBeGreaterThanOrEqual(1);
    await expect.poll(() => page.locator('.face-box').count()).toBeGreaterThanOrEqual(1);

    const tracks = panel.locator('[data-testid^="face-track-"]');
    for (let i = 0; i < (await tracks.count()); i++) {
      await tracks.nth(i).getByLabel('À qui est ce visage ?').selectOption({ label: 'Léa Fontvieille' });
    }
    await expect
      .poll(async () =>
        (await server.call('faces.tracks', { recordingId: recording.id })).json.result.tracks.every(
          (t: { personId: number }) => t.personId === lea,
        ),
      )
      .toBe(true);
    await expect.poll(() => page.locator('.face-box').first().innerText()).toContain('Léa Fontvieille');
    expect(pageErrors).toEqual([]);
    fs.mkdirSync(ARTIFACTS_DIR, { recursive: true });
    await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'e2e-faces-review.png'), fullPage: true });
    // on the projector of a workshop room
    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'e2e-faces-review-1080.png') });
    await page.setViewportSize({ width: 1366, height: 768 });

    const file = path.join(dir, 'elus.mp4');
    const target = { kind: 'range', recordingId: recording.id, fromSeconds: 0, toSeconds: 4 };
    const check = (await server.call('render.check', { target, audience: 'elected' })).json.result;
    expect(check).toMatchObject({ allowed: true, wholeFramePixelated: [] });
    await dispatch('render.start', { target, audience: 'elected', destination: file, wait: true }, { ...server.ctx, trusted: true });
    const source = grayFrames(video.file, 640, 360);
    const rendered = grayFrames(file, 640, 360);
    expect(rendered.length).toBeGreaterThanOrEqual(99);
    rendered.forEach((frame, i) => {
      const face = innerRect(video.faceAt(0, i / video.rate)!, 0.12);
      expect(detailIn(frame, 640, face), `frame ${i}`).toBeLessThan(detailIn(source[i]!, 640, face) * 0.6);
    });
  }, 180_000);
});
