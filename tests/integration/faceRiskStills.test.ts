// Issue 18 §4: the export panel shows stills of the frames at risk, drawn as the render will draw
// them. Léa's face (the public-domain astronaut photo) is half covered (a hand over mouth and nose) for 1.4 s in the middle of
// the video — still in the picture, at the same place, but the detector loses it — while Marc's face
// stays. Her face is to be blurred for élus: the stretches where tracked blur widens its box or
// pixelates the whole frame each get a still, which is read back: inside her face the still is
// pixelated (less detail than the raw frame scaled the same way), an outline surrounds what is
// hidden, and Marc's face keeps its detail where only boxes are pixelated. A refused audience gives
// a consent error and no stills.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeApiContext, createApiContext, dispatch, type ApiContext } from '../../src-main/app';
import type { FaceRiskStills, RenderCheck } from '../../src-shared/contract/schemas/editing';
import type { FaceTracksView, Recording } from '../../src-shared/contract/schemas';
import { makeTempDir } from '../helpers/tempDir';
import { faceProject } from '../helpers/faceProject';
import { binaries } from '../helpers/media';
import { runCli } from '../../src-main/cli/runCli';
import { detailIn, innerRect, makeFaceVideo, type FaceVideo, type Rect } from '../helpers/faceVideos';

const root = makeTempDir('eric-face-risk-stills-');
let ctx: ApiContext;
const call = <T>(method: string, input: unknown) => dispatch(method, input, ctx) as Promise<T>;
let video: FaceVideo;
let recording: Recording;
let lea: number;
let marc: number;
let nadia: number;

/** The still's size (480 wide) and the scale from the source (640×360) to it. */
const SW = 480;
const SH = 270;
const K = SW / 640;
const LEA = { x: '230', y: '30', size: '150', at: () => ({ x: 230, y: 30, size: 150 }) };

beforeAll(async () => {
  ctx = createApiContext(path.join(root, 'library'), 'http', { trusted: true });
  video = makeFaceVideo(root, 'covered.mp4', [
    { ...LEA, visible: [0, 1.98] },
    { ...LEA, visible: [2, 3.38], covered: true },
    { ...LEA, visible: [3.4, 6] },
    { x: '450', y: '200', size: '130', at: () => ({ x: 450, y: 200, size: 130 }) },
  ]);
  const scopes = ['recording', 'workshop', 'elected'];
  ({
    recording,
    personIds: [lea, marc, nadia],
  } = await faceProject(call, {
    projectName: 'Témoignages',
    file: video.file,
    title: 'Témoignage Léa',
    people: [
      { displayName: 'Léa Fontvieille', role: 'young-person', scopes, faceBlurredFor: ['elected'] },
      { displayName: 'Marc Dubreuil', role: 'employer', scopes },
      // Nadia agreed to the workshop only: an export for élus with her in it is refused (she is linked in a test below)
      { displayName: 'Nadia Roux', role: 'tutor', scopes: ['recording', 'workshop'], filmed: false },
    ],
  }));
  await call('faces.analyse', { recordingId: recording.id, wait: true });
  const view = await call<FaceTracksView>('faces.tracks', { recordingId: recording.id });
  for (const track of view.tracks) {
    const box = track.boxes[Math.floor(track.boxes.length / 2)]!;
    await call('faces.assign', { trackId: track.id, personId: box.x < 0.6 && box.y < 0.4 ? lea : marc });
  }
}, 180_000);

afterAll(() => closeApiContext(ctx));

/** Léa's true face at t (uncovered or half covered), in source pixels. */
const leaAt = (t: number) => video.faceAt(0, t) ?? video.faceAt(1, t) ?? video.faceAt(2, t)!;
const scaled = (r: Rect): Rect => ({ x: Math.round(r.x * K), y: Math.round(r.y * K), w: Math.round(r.w * K), h: Math.round(r.h * K) });

/** A JPEG data URL (or a file) as gray or RGB pixels at the still's size. */
function pixels(source: string, format: 'gray' | 'rgb24'): Uint8Array {
  let file = source;
  if (source.startsWith('data:')) {
    file = path.join(root, `still-${Math.random().toString(36).slice(2)}.jpg`);
    fs.writeFileSync(file, Buffer.from(source.replace(/^data:image\/jpeg;base64,/, ''), 'base64'));
  }
  return execFileSync(binaries.ffmpeg, ['-v', 'error', '-i', file, '-vf', `scale=${SW}:${SH},format=${format}`, '-f', 'rawvideo', '-']);
}

/** The raw frame of the video at t, scaled to the still's width like the still (no blur). */
function rawFrame(t: number): Uint8Array {
  const file = path.join(root, `raw-${t.toFixed(3)}.jpg`);
  execFileSync(binaries.ffmpeg, [
    '-v',
    'error',
    '-y',
    '-ss',
    (t - 0.01).toFixed(3),
    '-i',
    video.file,
    '-frames:v',
    '1',
    '-vf',
    `scale=${SW}:-2`,
    file,
  ]);
  return pixels(file, 'gray');
}

/** Pixels of the outline's yellow (0xFFD166, through JPEG), and their bounding box. */
function yellow(rgb: Uint8Array) {
  let count = 0;
  let x0 = SW;
  let y0 = SH;
  let x1 = -1;
  let y1 = -1;
  for (let i = 0; i < SW * SH; i++) {
    const [r, g, b] = [rgb[i * 3]!, rgb[i * 3 + 1]!, rgb[i * 3 + 2]!];
    if (r > 200 && g > 160 && b < 150 && r - b > 90) {
      count++;
      const x = i % SW;
      const y = Math.floor(i / SW);
      x0 = Math.min(x0, x);
      y0 = Math.min(y0, y);
      x1 = Math.max(x1, x);
      y1 = Math.max(y1, y);
    }
  }
  return { count, box: { x: x0, y: y0, w: x1 - x0 + 1, h: y1 - y0 + 1 } };
}

describe('stills of the frames at risk (export panel)', () => {
  const target = () => ({ kind: 'range', recordingId: recording.id, fromSeconds: 0, toSeconds: 6 });

  it('gives a still per stretch at risk, each pixelated inside Léa’s face, outlined, Marc untouched where only boxes are hidden', async () => {
    const check = await call<RenderCheck>('render.check', { target: target(), audience: 'elected' });
    expect(check.allowed).toBe(true);
    expect(check.wholeFramePixelated).toEqual([]);
    const risks = check.faceFramesAtRisk ?? [];
    // while her face is half covered the tracks lose it: a widened box, then the whole frame
    expect(risks.some((risk) => risk.personId === lea && risk.action === 'widened')).toBe(true);
    expect(risks.some((risk) => risk.personId === lea && risk.action === 'whole-frame')).toBe(true);

    const started = Date.now();
    const result = await call<FaceRiskStills>('render.faceRiskStills', { target: target(), audience: 'elected' });
    const ms = Date.now() - started;
    console.log(`face risk stills: ${result.stills.length} stills in ${ms} ms (${risks.length} stretches)`);
    expect(result.stills.length).toBe(Math.min(risks.length, 8));
    expect(result.leftOut).toBe(Math.max(0, risks.length - 8));
    expect(
      result.stills.map(({ recordingId, personId, fromSeconds, toSeconds, action }) => ({
        recordingId,
        personId,
        fromSeconds,
        toSeconds,
        action,
      })),
    ).toEqual(risks.slice(0, 8));

    let leaChecked = 0;
    for (const still of result.stills) {
      expect(still.image).toMatch(/^data:image\/jpeg;base64,/);
      expect(still).toMatchObject({ width: SW, height: SH });
      expect(still.seconds).toBeGreaterThanOrEqual(still.fromSeconds - 0.001);
      expect(still.seconds).toBeLessThan(still.toSeconds);
      const gray = pixels(still.image, 'gray');
      const raw = rawFrame(still.seconds);
      const rgb = pixels(still.image, 'rgb24');
      const outline = yellow(rgb);
      const face = scaled(leaAt(still.seconds));
      const inside = innerRect(face, 0.12);
      const label = `${still.action} ${still.fromSeconds}–${still.toSeconds} s (still at ${still.seconds} s)`;
      if (process.env.FACES_DEBUG)
        fs.writeFileSync(path.join(process.env.FACES_DEBUG, `${label}.jpg`), Buffer.from(still.image.split(',')[1]!, 'base64'));
      // her face is in the picture all along (uncovered or half covered): the still hides it
      expect(detailIn(gray, SW, inside), `${label}: Léa’s face keeps its detail`).toBeLessThan(detailIn(raw, SW, inside) * 0.6);
      leaChecked++;
      // the outline is drawn, and it surrounds her face
      expect(yellow(rawToRgb(still.seconds)).count, 'the raw frame has no outline yellow').toBeLessThan(20);
      expect(outline.count, `${label}: outline`).toBeGreaterThan(300);
      expect(outline.box.x, label).toBeLessThanOrEqual(face.x);
      expect(outline.box.y, label).toBeLessThanOrEqual(face.y);
      expect(outline.box.x + outline.box.w, label).toBeGreaterThanOrEqual(face.x + face.w);
      expect(outline.box.y + outline.box.h, label).toBeGreaterThanOrEqual(face.y + face.h);
      const marcFace = innerRect(scaled(video.faceAt(3, still.seconds)!), 0.15);
      if (still.action === 'widened') {
        expect(detailIn(gray, SW, marcFace), `${label}: Marc’s face was blurred`).toBeGreaterThan(detailIn(raw, SW, marcFace) * 0.7);
      } else {
        // the whole frame: Marc too, and the outline runs along the frame's edges
        expect(detailIn(gray, SW, marcFace)).toBeLessThan(detailIn(raw, SW, marcFace) * 0.6);
        expect(outline.box).toMatchObject({ x: 0, y: 0 });
        expect(outline.box.w).toBeGreaterThanOrEqual(SW - 2);
        expect(outline.box.h).toBeGreaterThanOrEqual(SH - 2);
      }
    }
    expect(leaChecked).toBeGreaterThanOrEqual(2);
  }, 120_000);

  it('a refused export gives a consent error and no stills', async () => {
    await call('recordings.linkPerson', { recordingId: recording.id, personId: nadia, part: '' });
    await expect(call('render.faceRiskStills', { target: target(), audience: 'elected' })).rejects.toMatchObject({
      code: 'consent-refused',
      message: expect.stringContaining('Nadia Roux'),
    });
    await call('recordings.unlinkPerson', { recordingId: recording.id, personId: nadia });
  });

  it('through the CLI: writes the stills as JPEG files', async () => {
    const dir = path.join(root, 'cli-stills');
    const lines: string[] = [];
    const errors: string[] = [];
    const code = await runCli(
      [
        'render',
        'face-risk-stills',
        '--recording',
        String(recording.id),
        '--from',
        '0',
        '--to',
        '6',
        '--audience',
        'elected',
        '--out-dir',
        dir,
        '--json',
        '--library',
        path.join(root, 'library'),
      ],
      { out: (text: string) => lines.push(text), err: (text: string) => errors.push(text) },
    );
    expect(code, errors.join('')).toBe(0);
    const printed = JSON.parse(lines.join('')) as { stills: Array<{ file: string; action: string }>; leftOut: number };
    expect(printed.stills.length).toBeGreaterThanOrEqual(2);
    for (const still of printed.stills) {
      expect(fs.readFileSync(still.file).subarray(0, 3)).toEqual(Buffer.from([0xff, 0xd8, 0xff]));
      expect(JSON.stringify(still)).not.toContain('base64');
    }
  }, 60_000);
});

/** The raw frame at t in RGB at the still's size (to check that its colours are not the outline's). */
function rawToRgb(t: number): Uint8Array {
  const file = path.join(root, `raw-${t.toFixed(3)}.jpg`);
  if (!fs.existsSync(file)) rawFrame(t);
  return pixels(file, 'rgb24');
}
