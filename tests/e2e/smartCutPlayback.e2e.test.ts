/// <reference lib="dom" />
// A smart-cut export plays in Chromium's <video>, frame by frame: the re-encoded head,
// the copied middle and the re-encoded tail decode without error, and every frame shown
// is the master frame the clip promises (each frame prints its number in binary in its
// top band; the page reads it back from a canvas). A re-encoded copy of the same range
// is read the same way.
import fs from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeApiContext, createApiContext, dispatch, type ApiContext } from '../../src-main/app';
import type { Recording } from '../../src-shared/contract/schemas';
import type { RenderTarget } from '../../src-shared/contract/schemas/editing';
import { launchChromium } from '../helpers/browser';
import { binaries } from '../helpers/media';
import { makeFrameCodedVideo } from '../helpers/frameCodedMedia';
import { makeTempDir } from '../helpers/tempDir';

const FPS = 25;
const root = makeTempDir('eric-e2e-smartcut-');
let ctx: ApiContext;
let browser: Browser;
let coded: Recording;

beforeAll(async () => {
  ctx = createApiContext(path.join(root, 'library'), 'http', { trusted: true });
  const call = (method: string, input: unknown) => dispatch(method, input, ctx) as Promise<{ id: number }>;
  const projectId = (await call('projects.create', { name: 'Lecture', kind: 'interview-workshop' })).id;
  const personId = (await call('people.add', { projectId, displayName: 'Inès', role: 'job-seeker' })).id;
  for (const scope of ['recording', 'workshop']) await call('consent.set', { personId, scope, status: 'granted', method: 'signed-form' });
  coded = (await dispatch(
    'recordings.importFile',
    {
      path: makeFrameCodedVideo(root, 20, FPS),
      projectId,
      title: 'Codée',
      people: [{ personId }],
    },
    ctx,
  )) as Recording;
  browser = await launchChromium();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  if (ctx) closeApiContext(ctx);
});

async function render(target: RenderTarget, force?: 'encode'): Promise<{ file: string; mode: string }> {
  const prepared = await ctx.render.prepare({ target, audience: 'workshop' });
  if (force) {
    prepared.mode = force;
    prepared.cut = null;
  }
  const file = path.join(root, `clip-${force ?? prepared.mode}.mp4`);
  await ctx.render.renderToFile(prepared, file, binaries, { signal: new AbortController().signal, progress: () => undefined });
  return { file, mode: prepared.mode };
}

/** Opens the file in a <video>, seeks to the middle of every frame and reads its number. */
async function framesSeenByChromium(file: string): Promise<{ duration: number; frames: number[]; error: string | null }> {
  const page = await browser.newPage();
  try {
    // handed over as a blob: a file:// video would taint the canvas the frames are read from
    const base64 = fs.readFileSync(file).toString('base64');
    return await page.evaluate(
      async ({ fps, base64 }) => {
        const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
        document.body.innerHTML = '<video muted preload="auto"></video><canvas></canvas>';
        const video = document.querySelector('video')!;
        video.src = URL.createObjectURL(new Blob([bytes], { type: 'video/mp4' }));
        const failed = () => (video.error ? `code ${video.error.code}: ${video.error.message}` : null);
        await new Promise<void>((resolve, reject) => {
          if (video.readyState >= 2) resolve();
          video.addEventListener('loadeddata', () => resolve(), { once: true });
          video.addEventListener('error', () => reject(new Error(failed() ?? 'error')), { once: true });
        });
        const canvas = document.querySelector('canvas')!;
        canvas.width = video.videoWidth;
        canvas.height = video.videoHeight;
        const draw = canvas.getContext('2d', { willReadFrequently: true })!;
        const frames: number[] = [];
        const scale = video.videoWidth / 640;
        const count = Math.round(video.duration * fps);
        for (let k = 0; k < count; k++) {
          // 'seeked' can come before the new frame is composited: wait for it to be presented too
          // (or a short while, should that frame already be the one shown)
          const presented = new Promise<void>((resolve) => {
            video.requestVideoFrameCallback(() => resolve());
            setTimeout(resolve, 500);
          });
          await new Promise<void>((resolve) => {
            video.addEventListener('seeked', () => resolve(), { once: true });
            video.currentTime = (k + 0.5) / fps;
          });
          await presented;
          draw.drawImage(video, 0, 0);
          // 10 blocks of 64 px in the top 48 px band of the 640×360 master (scaled with the export): bit b is white when set
          let number = 0;
          for (let bit = 0; bit < 10; bit++) {
            const [luma] = draw.getImageData(Math.round((bit * 64 + 32) * scale), Math.round(24 * scale), 1, 1).data;
            if (luma! > 128) number += 2 ** bit;
          }
          frames.push(number);
        }
        return { duration: video.duration, frames, error: failed() };
      },
      { fps: FPS, base64 },
    );
  } finally {
    await page.close();
  }
}

describe('smart cut in Chromium', () => {
  it('a smart-cut clip and its re-encoded twin show exactly frames 125–325, without a decoding error', async () => {
    const target: RenderTarget = { kind: 'range', recordingId: coded.id, fromSeconds: 5.02, toSeconds: 13.01 };
    const smart = await render(target);
    expect(smart.mode).toBe('smart-cut');
    const encoded = await render(target, 'encode');
    const expected = Array.from({ length: 201 }, (_, i) => 125 + i);
    for (const output of [smart, encoded]) {
      const seen = await framesSeenByChromium(output.file);
      expect(seen.error, output.mode).toBeNull();
      expect(Math.abs(seen.duration - expected.length / FPS), output.mode).toBeLessThanOrEqual(1 / FPS);
      expect(seen.frames, output.mode).toEqual(expected);
    }
  }, 240_000);
});
