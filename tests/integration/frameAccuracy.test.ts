// Frame-exact pictures and sample-exact sound, measured rather than assumed: masters
// made through the real import (H.264, keyframe every 2 s) from media that prints its
// frame number on every frame and beeps once a second; every export is read back frame
// by frame (first, last, count, no frame missing or doubled), its sound's start and end
// on the output's time line, and where the picture stands when each beep is heard.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeApiContext, createApiContext, dispatch, type ApiContext } from '../../src-main/app';
import type { Clip, ClipRenderOptions, Montage, RenderTarget } from '../../src-shared/contract/schemas/editing';
import type { Recording } from '../../src-shared/contract/schemas';
import type { RenderMode } from '../../src-main/editing/renderMode';
import { makeBeepingAudio, makeFrameCodedVideo, measureCoded, probeStreams, type CodedMeasure } from '../helpers/frameCodedMedia';
import { binaries, runFfmpegSync } from '../helpers/media';
import { mediaIndexPathFor } from '../../src-main/media/mediaIndex';
import { makeTempDir } from '../helpers/tempDir';

const FPS = 25;
const MASTER_SECONDS = 40;
const MASTER_FRAMES = MASTER_SECONDS * FPS;
/** One AAC frame at 48 kHz: how far sound may be from where it belongs. */
const AUDIO_FRAME = 1024 / 48000;

const root = makeTempDir('eric-frames-');
const out = path.join(root, 'out');
fs.mkdirSync(out);
let ctx: ApiContext;
const call = <T>(method: string, input: unknown) => dispatch(method, input, ctx) as Promise<T>;
let projectId: number;
let coded: Recording;
let late: Recording;
let soundOnly: Recording;
let rendered = 0;

beforeAll(async () => {
  ctx = createApiContext(path.join(root, 'library'), 'http', { trusted: true });
  projectId = (await call<{ id: number }>('projects.create', { name: 'Mesures', kind: 'testimony-campaign' })).id;
  const personId = (await call<{ id: number }>('people.add', { projectId, displayName: 'Inès Mesure', role: 'young-person' })).id;
  for (const scope of ['recording', 'workshop']) {
    await call('consent.set', { personId, scope, status: 'granted', method: 'signed-form', conditions: [] });
  }
  const importFile = (file: string, title: string) =>
    call<Recording>('recordings.importFile', { path: file, projectId, title, people: [{ personId }] });
  coded = await importFile(makeFrameCodedVideo(root, MASTER_SECONDS, FPS), 'Codée');
  late = await importFile(
    makeFrameCodedVideo(root, 10, FPS, 'late-sound.mp4', { audioDelaySeconds: 1, evenSecondBeeps: true }),
    'Son en retard',
  );
  soundOnly = await importFile(makeBeepingAudio(root, 10), 'Son seul');
}, 180_000);

afterAll(() => closeApiContext(ctx));

/** Renders a target in the mode the app picks, or forced to a full re-encode. */
async function render(target: RenderTarget, force?: 'encode', options?: ClipRenderOptions): Promise<{ file: string; mode: RenderMode }> {
  const prepared = await ctx.render.prepare({ target, audience: 'workshop', options });
  if (force) {
    prepared.mode = force;
    prepared.cut = null;
  }
  const file = path.join(out, `export-${rendered++}.mp4`);
  await ctx.render.renderToFile(prepared, file, binaries, { signal: new AbortController().signal, progress: () => undefined });
  return { file, mode: prepared.mode };
}

const range = (fromSeconds: number, toSeconds: number, recording = coded): RenderTarget => ({
  kind: 'range',
  recordingId: recording.id,
  fromSeconds,
  toSeconds,
});

/** Frames [first, end) of the coded master. */
const run = (first: number, end: number) => Array.from({ length: end - first }, (_, i) => first + i);

/** Every frame in order, the sound over exactly the picture, every beep on its second. */
function expectExact(measure: CodedMeasure, frames: number[], beepEvery = 1): void {
  expect(measure.frames.length).toBe(frames.length);
  expect(measure.first).toBe(frames[0]);
  expect(measure.last).toBe(frames[frames.length - 1]);
  expect(measure.frames).toEqual(frames);
  const seconds = frames.length / FPS;
  expect(Math.abs(measure.audioEnd! - seconds)).toBeLessThanOrEqual(AUDIO_FRAME);
  for (const beep of measure.beeps) {
    const second = Math.round(beep.pictureSeconds / beepEvery) * beepEvery;
    expect(Math.abs(beep.pictureSeconds - second), `beep at ${beep.at.toFixed(3)} s`).toBeLessThanOrEqual(AUDIO_FRAME);
  }
}

describe('a clip holds exactly the frames of [in, out), and its sound exactly as long, in every mode', () => {
  const table: Array<{ name: string; from: number; to: number; first: number; end: number; mode: RenderMode }> = [
    { name: 'both cuts on keyframes', from: 4, to: 10, first: 100, end: 250, mode: 'copy' },
    { name: 'both cuts between frames', from: 5.02, to: 9.01, first: 125, end: 226, mode: 'smart-cut' },
    { name: 'across keyframes, out on a keyframe', from: 1.5, to: 8, first: 37, end: 200, mode: 'smart-cut' },
    { name: 'from the very start', from: 0, to: 3.5, first: 0, end: 88, mode: 'smart-cut' },
    { name: 'to the very end', from: 36.5, to: MASTER_SECONDS, first: 912, end: MASTER_FRAMES, mode: 'smart-cut' },
    { name: 'one frame in the middle', from: 7.3, to: 7.31, first: 182, end: 183, mode: 'encode' },
    { name: 'the first frame alone', from: 0, to: 0.04, first: 0, end: 1, mode: 'encode' },
    { name: 'the last frame alone', from: 39.97, to: MASTER_SECONDS, first: 999, end: MASTER_FRAMES, mode: 'encode' },
    { name: 'inside one keyframe interval', from: 10.5, to: 11.7, first: 262, end: 293, mode: 'encode' },
  ];

  for (const row of table) {
    it(`${row.name}: ${row.from}–${row.to} s is frames ${row.first}–${row.end - 1} (${row.mode}, and re-encoded)`, async () => {
      const natural = await render(range(row.from, row.to));
      expect(natural.mode).toBe(row.mode);
      expectExact(measureCoded(natural.file, FPS), run(row.first, row.end));
      if (row.mode !== 'encode') {
        // copied frames keep the master's size: nothing but the ends was re-encoded
        expect(probeStreams(natural.file).find((s) => s.codec_type === 'video')!.width).toBe(640);
        const encoded = await render(range(row.from, row.to), 'encode');
        expectExact(measureCoded(encoded.file, FPS), run(row.first, row.end));
      }
    }, 60_000);
  }

  it('render.check names the mode and says why, in French', async () => {
    const check = await call<{ mode: string; modeReason: { code: string; text: string; encodedSeconds?: number } }>('render.check', {
      target: range(5.02, 9.01),
      audience: 'workshop',
    });
    expect(check.mode).toBe('smart-cut');
    expect(check.modeReason.text).toMatch(/^Découpe rapide : seules les 2 secondes autour des points de coupe sont recalculées/);
    expect(check.modeReason.encodedSeconds).toBeCloseTo(2, 1);
    const copy = await call<{ mode: string; modeReason: { text: string } }>('render.check', { target: range(4, 10), audience: 'workshop' });
    expect(copy.modeReason.text).toMatch(/^Copie exacte/);
  });
});

describe('montages: every clip exact, no gap and no overlap at the junctions', () => {
  async function montageOf(bounds: Array<[number, number]>): Promise<Montage> {
    const items = [];
    for (const [i, [inSeconds, outSeconds]] of bounds.entries()) {
      const clip = await call<Clip>('clips.create', { recordingId: coded.id, name: `Extrait ${i + 1}`, inSeconds, outSeconds });
      items.push({ kind: 'clip', clipId: clip.id });
    }
    const montage = await call<Montage>('montages.create', { projectId, name: `Montage de ${bounds.length}` });
    // no fades (a black first frame has no number to read); lower thirds and loudness as a montage has them
    return call<Montage>('montages.update', { id: montage.id, changes: { items, fadeSeconds: 0 } });
  }

  const expected = (bounds: Array<[number, number]>) =>
    bounds.flatMap(([from, to]) => run(Math.floor((from + 0.001) * FPS), Math.ceil((to - 0.001) * FPS)));

  // in points between frames and away from the beeps (a clip starting mid-beep would sound like a new one)
  const cases: Array<[string, Array<[number, number]>]> = [
    [
      '2 clips',
      [
        [3.33, 5.71],
        [12.47, 14.02],
      ],
    ],
    [
      '6 clips, one of them earlier in the master than the one before',
      [
        [1.31, 2.62],
        [6.45, 8.57],
        [20.3, 21.11],
        [14.27, 16.5],
        [30.61, 31.83],
        [35.42, 37.79],
      ],
    ],
    ['20 short clips', Array.from({ length: 20 }, (_, i): [number, number] => [0.37 + i * 2, 0.37 + i * 2 + 0.73 + (i % 3) * 0.1])],
  ];

  for (const [name, bounds] of cases) {
    it(`${name}: all frames in order, the sound as long as the picture and on time`, async () => {
      const montage = await montageOf(bounds);
      const { file, mode } = await render({ kind: 'montage', montageId: montage.id });
      expect(mode).toBe('encode');
      const measure = measureCoded(file, FPS);
      expectExact(measure, expected(bounds));
      expect(measure.beeps.length).toBeGreaterThan(0);
    }, 120_000);
  }
});

describe('a smart cut that fails its check', () => {
  it('is re-encoded instead, and says so: ends encoded with other H.264 parameters than the master are refused', async () => {
    const recording = await call<Recording>('recordings.importFile', {
      path: makeFrameCodedVideo(root, 10, FPS, 'other-encoder.mp4'),
      projectId,
      title: 'Autre encodeur',
      people: [{ personId: coded.people[0]!.personId }],
    });
    // a master written by another encoder setting (no B-frames, CAVLC): same frames and keyframes, other parameters
    const master = ctx.library.mediaAssets.resolve(recording.masterAssetId!).absolutePath;
    const other = path.join(root, 'other-master.mp4');
    runFfmpegSync([
      '-i',
      master,
      '-c:v',
      'libx264',
      '-preset',
      'ultrafast',
      '-force_key_frames',
      'expr:gte(t,n_forced*2)',
      '-c:a',
      'copy',
      other,
    ]);
    fs.copyFileSync(other, master);
    fs.rmSync(mediaIndexPathFor(master), { force: true });
    const check = await call<{ mode: string }>('render.check', { target: range(0.5, 4.5, recording), audience: 'workshop' });
    expect(check.mode).toBe('smart-cut');
    const { file, mode } = await render(range(0.5, 4.5, recording));
    expect(mode).toBe('encode');
    expectExact(measureCoded(file, FPS), run(12, 113));
  }, 60_000);
});

describe('sound that is not where the picture is', () => {
  it('a recording whose sound starts 1 s after its picture keeps that second of silence (smart cut and re-encode)', async () => {
    for (const force of [undefined, 'encode'] as const) {
      const { file, mode } = await render(range(0.5, 4.5, late), force);
      expect(mode).toBe(force ?? 'smart-cut');
      const measure = measureCoded(file, FPS);
      expectExact(measure, run(12, 113), 2);
      // beeps on the even seconds of the picture: moved up by a second, they would fall on odd ones
      expect(measure.beeps.map((beep) => Math.round(beep.pictureSeconds))).toEqual([2, 4]);
    }
  }, 60_000);

  it('a recording with sound only exports, over its poster or a plain background', async () => {
    for (const audioOnlyPicture of ['poster', 'plain'] as const) {
      const { file, mode } = await render(range(2.5, 6.5, soundOnly), undefined, { audioOnlyPicture });
      expect(mode).toBe('encode');
      const [video, audio] = [
        probeStreams(file).find((s) => s.codec_type === 'video')!,
        probeStreams(file).find((s) => s.codec_type === 'audio')!,
      ];
      expect(Number(video.nb_frames)).toBe(120); // 4 s at the 30 fps used when there is no picture
      expect(Math.abs(Number(audio.duration) - 4)).toBeLessThanOrEqual(AUDIO_FRAME);
      const beeps = measureCoded(file, 30).beeps.map((beep) => beep.at);
      expect(beeps).toHaveLength(4); // seconds 3, 4, 5 and 6 of the recording
      beeps.forEach((at, i) => expect(Math.abs(at - (0.5 + i))).toBeLessThanOrEqual(AUDIO_FRAME));
    }
  }, 60_000);
});
