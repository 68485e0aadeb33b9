import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../src-shared/appError';
import { probe } from '../../src-main/media/probe';
import { ProcessRegistry } from '../../src-main/platform/processRegistry';
import type { FfmpegProgress } from '../../src-main/media/progressParser';
import { runFfmpeg } from '../../src-main/media/runFfmpeg';
import { binaries, makeTestVideo, testSourceInputs } from '../helpers/media';
import { makeTempDir } from '../helpers/tempDir';

const dir = makeTempDir();
const lavfiArgs = (seconds: number, out: string) => [
  ...testSourceInputs(seconds),
  ...['-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p', '-c:a', 'aac', '-shortest', out],
];

describe('runFfmpeg with real ffmpeg', () => {
  it('encodes, reporting progress up to done', async () => {
    const out = path.join(dir, 'encoded.mp4');
    const updates: FfmpegProgress[] = [];
    await runFfmpeg(binaries, lavfiArgs(3, out), { durationSeconds: 3, onProgress: (u) => updates.push(u) });
    expect(updates.length).toBeGreaterThan(0);
    expect(updates.at(-1)).toMatchObject({ done: true, ratio: 1 });
    const ratios = updates.map((u) => u.ratio ?? 0);
    expect([...ratios].sort((a, b) => a - b)).toEqual(ratios); // never goes backwards
    const probed = await probe(binaries, out);
    expect(probed.durationSeconds).toBeCloseTo(3, 0);
    expect(probed.video).toMatchObject({ codec: 'h264', width: 320, height: 240 });
    expect(probed.audio).toMatchObject({ codec: 'aac' });
  });

  it('is cancelled by its AbortSignal, killing the process', async () => {
    const registry = new ProcessRegistry();
    const controller = new AbortController();
    const out = path.join(dir, 'cancelled.mp4');
    const run = runFfmpeg(binaries, ['-re', ...lavfiArgs(60, out)], {
      registry,
      signal: controller.signal,
      onProgress: () => controller.abort(),
    });
    await expect(run).rejects.toMatchObject({ code: 'cancelled' });
    expect(registry.size).toBe(0);
  });

  it("fails with ffmpeg's own last lines", async () => {
    const error = await runFfmpeg(binaries, ['-i', path.join(dir, 'missing.mp4'), path.join(dir, 'x.mp4')], {
      purpose: 'reading a missing file',
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('media-failed');
    expect((error as AppError).message).toMatch(/reading a missing file[\s\S]*No such file or directory/);
  });

  it('reports a missing binary clearly', async () => {
    await expect(runFfmpeg({ ffmpeg: path.join(dir, 'no-ffmpeg-here') }, ['-version'])).rejects.toMatchObject({
      code: 'media-tool-missing',
    });
  });
});

describe('probe', () => {
  it('reads audio-only files', async () => {
    const out = path.join(dir, 'voice.m4a');
    await runFfmpeg(binaries, ['-f', 'lavfi', '-i', 'sine=duration=1', '-c:a', 'aac', out]);
    const probed = await probe(binaries, out);
    expect(probed.video).toBeNull();
    expect(probed.audio).not.toBeNull();
  });

  it('knows portrait phone videos by their rotation', async () => {
    const source = makeTestVideo(dir, 'landscape.mp4', 1);
    const rotated = path.join(dir, 'portrait.mp4');
    await runFfmpeg(binaries, ['-i', source, '-c', 'copy', '-metadata:s:v:0', 'rotate=90', rotated]);
    const probed = await probe(binaries, rotated);
    expect(probed.video).toMatchObject({ width: 320, height: 240, displayWidth: 240, displayHeight: 320 });
    expect([90, 270]).toContain(probed.video!.rotation);
  });

  it('refuses a text file renamed .mp4 and a missing file with clear errors', async () => {
    const fake = path.join(dir, 'notes.mp4');
    fs.writeFileSync(fake, 'Ceci est un texte, pas une vidéo.\n');
    await expect(probe(binaries, fake)).rejects.toMatchObject({
      code: 'media-failed',
      message: expect.stringMatching(/ne peut pas être lu/),
    });
    await expect(probe(binaries, path.join(dir, 'absent.mp4'))).rejects.toMatchObject({ code: 'not-found' });
  });
});
