// Small faces: a face 80 px wide in a 1280×720 video (a person far from the camera) is found in
// most analysed frames, and the export for élus pixelates it on every frame while the
// background stays as it was. At the former analysis width (384 px) this face was never found.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeApiContext, createApiContext, dispatch, type ApiContext } from '../../src-main/app';
import type { FaceTrackView, FaceTracksView, Recording } from '../../src-shared/contract/schemas';
import type { RenderCheck } from '../../src-shared/contract/schemas/editing';
import { makeTempDir } from '../helpers/tempDir';
import { faceProject } from '../helpers/faceProject';
import { detailIn, differenceIn, grayFrames, innerRect, makeFaceVideo, type FaceVideo, type Rect } from '../helpers/faceVideos';

const root = makeTempDir('eric-faces-small-');
let ctx: ApiContext;
const call = <T>(method: string, input: unknown) => dispatch(method, input, ctx) as Promise<T>;
let video: FaceVideo;
let recording: Recording;
let lea: number;

/** The face's width in the 1280-wide picture (the head square is 1/0.62 of it). */
const FACE_WIDTH = 80;
const HEAD = Math.round(FACE_WIDTH / 0.62);

beforeAll(async () => {
  ctx = createApiContext(path.join(root, 'library'), 'http', { trusted: true });
  video = makeFaceVideo(
    root,
    'small-face.mp4',
    [
      {
        x: '200+140*t',
        y: '300+30*sin(t)',
        size: String(HEAD),
        at: (t) => ({ x: 200 + 140 * t, y: 300 + 30 * Math.sin(t), size: HEAD }),
      },
    ],
    { width: 1280, height: 720, seconds: 5 },
  );
  ({
    recording,
    personIds: [lea],
  } = await faceProject(call, {
    projectName: 'Petits visages',
    file: video.file,
    title: 'Témoignage de loin',
    people: [{ displayName: 'Léa Fontvieille', role: 'young-person', scopes: ['recording', 'elected'], faceBlurredFor: ['elected'] }],
  }));
}, 120_000);

afterAll(() => closeApiContext(ctx));

const iou = (a: Rect, b: Rect) => {
  const w = Math.max(0, Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x));
  const h = Math.max(0, Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y));
  return (w * h) / (a.w * a.h + b.w * b.h - w * h);
};

describe(`a face ${FACE_WIDTH} px wide in a 1280×720 video`, () => {
  let tracks: FaceTrackView[];

  it('is found in most analysed frames', async () => {
    const { result } = await call<{ result: { analysedFrames: number } }>('faces.analyse', { recordingId: recording.id, wait: true });
    tracks = (await call<FaceTracksView>('faces.tracks', { recordingId: recording.id })).tracks;
    expect(tracks.length).toBeGreaterThanOrEqual(1);
    // detections only (boxes the tracker bridged or held are not counted)
    const found = new Set<number>();
    for (const track of tracks)
      for (const box of track.boxes) {
        const truth = video.faceAt(0, box.t);
        if (truth && box.score > 0 && iou(truth, { x: box.x * 1280, y: box.y * 720, w: box.w * 1280, h: box.h * 720 }) > 0.3)
          found.add(Math.round(box.t * 6));
      }
    console.info(`${FACE_WIDTH} px face found in ${found.size} of ${result.analysedFrames} analysed frames`);
    expect(found.size).toBeGreaterThanOrEqual(result.analysedFrames * 0.8);
  }, 180_000);

  it('is pixelated on every frame of the export for élus; the background is untouched', async () => {
    if (tracks.length > 1) await call('faces.merge', { trackIds: tracks.map((track) => track.id) });
    for (const track of (await call<FaceTracksView>('faces.tracks', { recordingId: recording.id })).tracks)
      await call('faces.assign', { trackId: track.id, personId: lea });
    const target = { kind: 'range', recordingId: recording.id, fromSeconds: 0, toSeconds: video.seconds };
    const check = await call<RenderCheck>('render.check', { target, audience: 'elected' });
    // the blur follows the face's track: nothing falls back to whole-frame pixelation
    expect(check).toMatchObject({ allowed: true, wholeFramePixelated: [] });
    const file = path.join(root, 'clip-elus.mp4');
    await call('render.start', { target, audience: 'elected', destination: file, wait: true });
    expect(fs.statSync(file).size).toBeGreaterThan(0);
    const W = 1280;
    const source = grayFrames(video.file, W, 720);
    const rendered = grayFrames(file, W, 720);
    expect(Math.abs(rendered.length - video.seconds * video.rate)).toBeLessThanOrEqual(1);
    const background: Rect = { x: 1100, y: 40, w: 120, h: 120 };
    let checked = 0;
    rendered.forEach((frame, i) => {
      const t = i / video.rate;
      const original = source[i]!;
      const face = video.faceAt(0, t)!;
      const inside = innerRect(face, 0.12);
      expect(detailIn(frame, W, inside), `frame ${i} (${t.toFixed(2)} s): the small face keeps its detail`).toBeLessThan(
        detailIn(original, W, inside) * 0.6,
      );
      expect(differenceIn(original, frame, W, background), `frame ${i}: the background was changed`).toBeLessThan(6);
      checked++;
    });
    expect(checked).toBe(rendered.length);
  }, 240_000);
});
