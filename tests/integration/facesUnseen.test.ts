// A face the detector cannot see is still a face: here the person to hide sits in the middle of
// the picture for the whole recording, with a hand over the face (covered) for the first two
// seconds and the last two. The tracks see her only in the middle two seconds. The frames before
// her first box and after her last must not show her: the whole picture is pixelated there,
// listed at risk, and her face region keeps little of its detail on every frame of the export.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeApiContext, createApiContext, dispatch, type ApiContext } from '../../src-main/app';
import type { FaceTracksView, Recording } from '../../src-shared/contract/schemas';
import type { RenderCheck } from '../../src-shared/contract/schemas/editing';
import { makeTempDir } from '../helpers/tempDir';
import { faceProject } from '../helpers/faceProject';
import { detailIn, grayFrames, innerRect, makeFaceVideo, type FaceVideo } from '../helpers/faceVideos';

const root = makeTempDir('eric-faces-unseen-');
let ctx: ApiContext;
const call = <T>(method: string, input: unknown) => dispatch(method, input, ctx) as Promise<T>;
let video: FaceVideo;
let recording: Recording;
let lea: number;

const W = 640;
const H = 360;
/** Seen from 2 s to 4 s; covered before and after, at the same place. */
const SEEN: [number, number] = [2, 4];
const place = { x: 245, y: 95, size: 160 };

beforeAll(async () => {
  ctx = createApiContext(path.join(root, 'library'), 'http', { trusted: true });
  const still = (visible: [number, number], covered: boolean) => ({
    x: String(place.x),
    y: String(place.y),
    size: String(place.size),
    visible,
    covered,
    at: () => place,
  });
  video = makeFaceVideo(root, 'unseen.mp4', [still([0, SEEN[0] - 0.01], true), still(SEEN, false), still([SEEN[1] + 0.01, 6], true)]);
  ({
    recording,
    personIds: [lea],
  } = await faceProject(call, {
    projectName: 'Visages cachés',
    file: video.file,
    title: 'Témoignage caché',
    people: [{ displayName: 'Léa Fontvieille', role: 'young-person', scopes: ['recording', 'elected'], faceBlurredFor: ['elected'] }],
  }));
}, 120_000);

afterAll(() => closeApiContext(ctx));

describe('a person to hide whose face the detector sees only for a while, in the middle of the picture', () => {
  it('is seen only while uncovered', async () => {
    await call('faces.analyse', { recordingId: recording.id, wait: true });
    const { tracks } = await call<FaceTracksView>('faces.tracks', { recordingId: recording.id });
    expect(tracks.length).toBeGreaterThanOrEqual(1);
    const detected = tracks.flatMap((track) => track.boxes.filter((box) => box.score > 0).map((box) => box.t));
    // nothing found while covered, so the frames before and after are for the rule to cover
    expect(Math.min(...detected)).toBeGreaterThanOrEqual(SEEN[0] - 0.1);
    expect(Math.max(...detected)).toBeLessThanOrEqual(SEEN[1] + 0.1);
    if (tracks.length > 1) await call('faces.merge', { trackIds: tracks.map((track) => track.id) });
    for (const track of (await call<FaceTracksView>('faces.tracks', { recordingId: recording.id })).tracks)
      await call('faces.assign', { trackId: track.id, personId: lea });
  }, 180_000);

  it('is hidden on every frame of the export for élus: the whole picture before her first box and after her last', async () => {
    const target = { kind: 'range', recordingId: recording.id, fromSeconds: 0, toSeconds: video.seconds };
    const check = await call<RenderCheck>('render.check', { target, audience: 'elected' });
    expect(check.allowed).toBe(true);
    const wholeFrame = (check.faceFramesAtRisk ?? []).filter((risk) => risk.action === 'whole-frame' && risk.personId === lea);
    expect(wholeFrame.some((risk) => risk.fromSeconds === 0 && risk.toSeconds >= SEEN[0] - 0.8)).toBe(true);
    expect(wholeFrame.some((risk) => risk.fromSeconds <= SEEN[1] + 0.8 && risk.toSeconds >= video.seconds - 0.05)).toBe(true);

    const file = path.join(root, 'clip-elus.mp4');
    await call('render.start', { target, audience: 'elected', destination: file, wait: true });
    const source = grayFrames(video.file, W, H);
    const rendered = grayFrames(file, W, H);
    expect(Math.abs(rendered.length - video.seconds * video.rate)).toBeLessThanOrEqual(1);
    let covered = 0;
    rendered.forEach((frame, i) => {
      const t = i / video.rate;
      const face = video.faceAt(0, t) ?? video.faceAt(1, t) ?? video.faceAt(2, t);
      expect(face, `frame ${i}: the face is always in the picture`).not.toBeNull();
      const inside = innerRect(face!, 0.12);
      expect(detailIn(frame, W, inside), `frame ${i} (${t.toFixed(2)} s): her face keeps its detail`).toBeLessThan(
        detailIn(source[i]!, W, inside) * 0.6,
      );
      if (t < SEEN[0] || t > SEEN[1]) covered++;
    });
    expect(covered).toBeGreaterThan(80);
  }, 240_000);
});
