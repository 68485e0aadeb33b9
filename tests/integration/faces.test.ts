// Faces blurred where they are: a real face (the public-domain astronaut photo) moves across the
// frame, grows and shrinks, leaves it and comes back, while a second face stays; the first is
// assigned to a person whose consent asks for a blurred face, the second to one whose does not.
// The exports (a clip and a montage) are read back frame by frame and compared with the source.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeApiContext, createApiContext, dispatch, type ApiContext } from '../../src-main/app';
import type { Clip, ExportRecord, Montage, RenderCheck } from '../../src-shared/contract/schemas/editing';
import type { FaceTrackView, FaceTracksView, Recording } from '../../src-shared/contract/schemas';
import { makeTempDir } from '../helpers/tempDir';
import { faceProject } from '../helpers/faceProject';
import { runCli } from '../../src-main/cli/runCli';
import {
  detailIn,
  differenceIn,
  faceOfTrack,
  grayFrames,
  innerRect,
  makeFaceVideo,
  type FaceVideo,
  type Rect,
} from '../helpers/faceVideos';

const root = makeTempDir('eric-faces-');
const out = path.join(root, 'out');
fs.mkdirSync(out);
let ctx: ApiContext;
const call = <T>(method: string, input: unknown) => dispatch(method, input, ctx) as Promise<T>;
let video: FaceVideo;
let recording: Recording;
let lea: number;
let marc: number;
let projectId: number;

const W = 640;
const H = 360;

beforeAll(async () => {
  ctx = createApiContext(path.join(root, 'library'), 'http', { trusted: true });
  video = makeFaceVideo(root, 'faces.mp4', [
    {
      // moves right, grows and shrinks, leaves on the right around 2.8 s and comes back from the right at 3.6 s
      x: 'if(lt(t,3.2),20+220*t,640-200*(t-3.6))',
      y: '20',
      size: '130+40*sin(1.5*t)',
      at: (t) => ({ x: t < 3.2 ? 20 + 220 * t : 640 - 200 * (t - 3.6), y: 20, size: 130 + 40 * Math.sin(1.5 * t) }),
    },
    { x: '60+15*t', y: '200', size: '130', at: (t) => ({ x: 60 + 15 * t, y: 200, size: 130 }) },
  ]);
  const scopes = ['recording', 'workshop', 'elected'];
  ({
    projectId,
    recording,
    personIds: [lea, marc],
  } = await faceProject(call, {
    projectName: 'Témoignages',
    file: video.file,
    title: 'Témoignage Léa',
    people: [
      { displayName: 'Léa Fontvieille', role: 'young-person', scopes, faceBlurredFor: ['elected'] },
      { displayName: 'Marc Dubreuil', role: 'employer', scopes },
    ],
  }));
}, 120_000);

afterAll(() => closeApiContext(ctx));

/** Which face of the video a track follows (0: the one that moves, 1: the one that stays). */
const faceOf = (track: FaceTrackView) => faceOfTrack(video, track);

/** Every frame where the face to hide shows at least a third of itself: pixelated; the other face and the background: as in the source. */
function expectOnlyLeaHidden(file: string, inSeconds = 0, outSeconds = video.seconds, hiddenOnly = false) {
  if (process.env.FACES_DEBUG) fs.cpSync(root, process.env.FACES_DEBUG, { recursive: true });
  const source = grayFrames(video.file, W, H);
  const rendered = grayFrames(file, W, H);
  expect(Math.abs(rendered.length - Math.round((outSeconds - inSeconds) * video.rate))).toBeLessThanOrEqual(1);
  let checked = 0;
  const background: Rect = { x: 560, y: 280, w: 70, h: 70 };
  rendered.forEach((frame, i) => {
    const t = inSeconds + i / video.rate;
    const original = source[Math.round(t * video.rate)]!;
    const hidden = video.faceAt(0, t);
    if (hidden && hidden.w * hidden.h > 600) {
      const inside = innerRect(hidden, 0.12);
      const before = detailIn(original, W, inside);
      const after = detailIn(frame, W, inside);
      expect(after, `frame ${i} (${t.toFixed(2)} s): the face to hide keeps its detail`).toBeLessThan(before * 0.6);
      checked++;
    }
    // packs add fades and lower thirds to clips: there only the face to hide is looked at
    if (hiddenOnly) return;
    const shown = innerRect(video.faceAt(1, t)!, 0.15);
    expect(differenceIn(original, frame, W, shown), `frame ${i}: the other face was changed`).toBeLessThan(10);
    expect(detailIn(frame, W, shown)).toBeGreaterThan(detailIn(original, W, shown) * 0.7);
    expect(differenceIn(original, frame, W, background), `frame ${i}: the background was changed`).toBeLessThan(6);
  });
  expect(checked).toBeGreaterThan((outSeconds - inSeconds) * video.rate * 0.5);
}

let montageId: number;
const clipRanges = new Map<string, [number, number]>();

describe('faces blurred where they are', () => {
  let tracks: FaceTrackView[];

  it('finds the faces as tracks, with a thumbnail each, cached with the recording', async () => {
    const started = await call<{ jobId: string; result: { tracks: number; analysedFrames: number } }>('faces.analyse', {
      recordingId: recording.id,
      wait: true,
    });
    expect(started.result.analysedFrames).toBeGreaterThanOrEqual(35);
    const view = await call<FaceTracksView>('faces.tracks', { recordingId: recording.id });
    expect(view.analysed).toBe(true);
    tracks = view.tracks;
    // face A leaves and comes back (two tracks), face B stays (one track)
    const ofA = tracks.filter((track) => faceOf(track) === 0);
    const ofB = tracks.filter((track) => faceOf(track) === 1);
    expect(ofA.length).toBeGreaterThanOrEqual(2);
    expect(ofB.length).toBeGreaterThanOrEqual(1);
    for (const track of tracks) {
      expect(track.assignment).toBe('unreviewed');
      expect(track.thumbnail).toMatch(/^data:image\/jpeg;base64,/);
    }
  }, 120_000);

  it('refuses tracked blur while a face in range is not assigned, and blurs the whole frame instead', async () => {
    const check = await call<RenderCheck>('render.check', {
      target: { kind: 'range', recordingId: recording.id, fromSeconds: 0, toSeconds: 6 },
      audience: 'elected',
    });
    expect(check.allowed).toBe(true);
    expect(check.wholeFramePixelated.map((entry) => entry.personId)).toEqual([lea]);
  });

  it('assigns tracks to people (merging the two tracks of the face that came back), and refuses someone not in the video', async () => {
    const ofA = tracks.filter((track) => faceOf(track) === 0);
    const merged = await call<FaceTrackView>('faces.merge', { trackIds: ofA.map((track) => track.id) });
    expect(merged.boxes.length).toBe(ofA.reduce((sum, track) => sum + track.boxes.length, 0));
    await call('faces.assign', { trackId: merged.id, personId: lea });
    for (const track of tracks.filter((t) => faceOf(t) === 1)) await call('faces.assign', { trackId: track.id, personId: marc });
    const stranger = (await call<{ id: number }>('people.add', { projectId, displayName: 'Zoé Inconnue', role: 'other' })).id;
    await expect(call('faces.assign', { trackId: merged.id, personId: stranger })).rejects.toMatchObject({ code: 'invalid-input' });
    const view = await call<FaceTracksView>('faces.tracks', { recordingId: recording.id });
    expect(view.tracks.every((track) => track.assignment === 'person')).toBe(true);
    expect(view.tracks.filter((track) => track.personId === lea)).toHaveLength(1);
  });

  it('a clip for élus: the face to hide is pixelated on every frame, the other face and the background untouched', async () => {
    const target = { kind: 'range', recordingId: recording.id, fromSeconds: 0, toSeconds: 6 };
    const check = await call<RenderCheck>('render.check', { target, audience: 'elected' });
    expect(check).toMatchObject({ allowed: true, mode: 'encode', wholeFramePixelated: [] });
    const file = path.join(out, 'clip-elus.mp4');
    await call<{ export: ExportRecord }>('render.start', { target, audience: 'elected', destination: file, wait: true });
    expectOnlyLeaHidden(file);
  }, 180_000);

  it('a montage of two clips for élus: the same on every frame', async () => {
    const first = await call<Clip>('clips.create', { recordingId: recording.id, name: 'Début', inSeconds: 0, outSeconds: 3 });
    const second = await call<Clip>('clips.create', { recordingId: recording.id, name: 'Fin', inSeconds: 3, outSeconds: 6 });
    const created = await call<Montage>('montages.create', { projectId, name: 'Le film' });
    const montage = await call<Montage>('montages.update', {
      id: created.id,
      changes: {
        items: [
          { kind: 'clip', clipId: first.id },
          { kind: 'clip', clipId: second.id },
        ],
        fadeSeconds: 0,
        lowerThirds: false,
        normaliseAudio: false,
      },
    });
    montageId = montage.id;
    clipRanges.set('debut', [0, 3]);
    clipRanges.set('fin', [3, 6]);
    const file = path.join(out, 'montage-elus.mp4');
    await call('render.start', { target: { kind: 'montage', montageId: montage.id }, audience: 'elected', destination: file, wait: true });
    expectOnlyLeaHidden(file);
  }, 180_000);

  it('a pack for élus: its videos and the stills taken from them show no unblurred face of Léa', async () => {
    const dir = path.join(out, 'pack-elus');
    await call('packs.build', { spec: { projectId, audience: 'elected', montageIds: [montageId] }, destination: dir, wait: true });
    const files = fs.readdirSync(dir, { recursive: true }).map(String);
    const videos = files.filter((file) => file.endsWith('.mp4'));
    expect(videos.length).toBeGreaterThanOrEqual(3);
    for (const file of videos) {
      const range = [...clipRanges.entries()].find(([key]) => path.basename(file).toLowerCase().includes(key))?.[1] ?? [0, video.seconds];
      expectOnlyLeaHidden(path.join(dir, file), range[0], range[1], true);
    }
    const stills = files.filter((file) => file.endsWith('.jpg'));
    expect(stills.length).toBeGreaterThanOrEqual(1);
    for (const file of stills) {
      const range = [...clipRanges.entries()].find(([key]) => path.basename(file).toLowerCase().includes(key))?.[1] ?? [0, video.seconds];
      const t = (range[0] + range[1]) / 2;
      const face = video.faceAt(0, t);
      if (!face) continue;
      const still = grayFrames(path.join(dir, file), W, H)[0]!;
      const source = grayFrames(video.file, W, H)[Math.round(t * video.rate)]!;
      expect(detailIn(still, W, innerRect(face, 0.12)), file).toBeLessThan(detailIn(source, W, innerRect(face, 0.12)) * 0.6);
    }
  }, 300_000);

  it('"inconnus floutés": a face assigned to nobody is pixelated too when asked', async () => {
    const view = await call<FaceTracksView>('faces.tracks', { recordingId: recording.id });
    for (const track of view.tracks.filter((t) => t.personId === marc)) await call('faces.assign', { trackId: track.id, personId: null });
    const target = { kind: 'range', recordingId: recording.id, fromSeconds: 1, toSeconds: 2 };
    const file = path.join(out, 'unknown-blurred.mp4');
    await call('render.start', { target, audience: 'workshop', options: { blurUnknownFaces: true }, destination: file, wait: true });
    const source = grayFrames(video.file, W, H);
    const rendered = grayFrames(file, W, H);
    rendered.forEach((frame, i) => {
      const t = 1 + i / video.rate;
      const face = innerRect(video.faceAt(1, t)!, 0.15);
      expect(detailIn(frame, W, face)).toBeLessThan(detailIn(source[Math.round(t * video.rate)]!, W, face) * 0.6);
    });
  }, 120_000);

  it('through the CLI: lists the tracks and says whose face one is', async () => {
    const run = async (...args: string[]) => {
      const lines: string[] = [];
      const errors: string[] = [];
      const code = await runCli([...args, '--library', path.join(root, 'library')], {
        out: (text: string) => lines.push(text),
        err: (text: string) => errors.push(text),
      });
      expect(code, errors.join('')).toBe(0);
      return lines.join('');
    };
    const listed = JSON.parse(await run('faces', 'list', '--recording', String(recording.id), '--json')) as FaceTracksView;
    expect(listed.tracks.length).toBeGreaterThanOrEqual(2);
    const track = listed.tracks.find((t) => t.personId === lea)!;
    expect(await run('faces', 'assign', '--track', String(track.id), '--unknown')).toContain('unknown');
    expect(ctx.faceTracks.track(track.id).assignment).toBe('unknown');
    await call('faces.assign', { trackId: track.id, personId: lea });
  });

  it('a face track given to someone else while the export renders: refused, no file, no export row', async () => {
    const dir = path.join(out, 'reassigned');
    fs.mkdirSync(dir);
    const rows = () => ctx.library.db.prepare('SELECT COUNT(*) AS n FROM exports').get();
    const rowsBefore = rows();
    const leaTrack = ctx.faceTracks.tracks(recording.id).find((track) => track.personId === lea)!;
    let reassigned: Promise<unknown> | null = null;
    const off = ctx.events.subscribe((event, payload) => {
      if (event === 'job.progress' && 'kind' in payload && payload.kind === 'render' && !reassigned)
        reassigned = call('faces.assign', { trackId: leaTrack.id, personId: null });
    });
    try {
      const target = { kind: 'range', recordingId: recording.id, fromSeconds: 0, toSeconds: 4 };
      const error = await call('render.start', { target, audience: 'elected', destination: path.join(dir, 'lea.mp4'), wait: true }).catch(
        (e: unknown) => e,
      );
      expect(reassigned).not.toBeNull();
      expect(error).toMatchObject({
        code: 'consent-refused',
        message: expect.stringMatching(/les visages de la vidéo n° \d+ ont été attribués autrement/),
      });
    } finally {
      off();
      await reassigned;
      await call('faces.assign', { trackId: leaTrack.id, personId: lea });
    }
    expect(fs.readdirSync(dir)).toEqual([]);
    expect(rows()).toEqual(rowsBefore);
  }, 120_000);

  it('forgets a person’s tracks and their pictures on erasure, and the cache goes with the recording', async () => {
    const before = ctx.faceTracks.tracks(recording.id).filter((track) => track.personId === lea);
    expect(before.length).toBeGreaterThan(0);
    expect(ctx.faceTracks.forgetPerson(lea)).toBe(before.length);
    const after = ctx.faceTracks.tracks(recording.id);
    expect(after.some((track) => track.personId === lea)).toBe(false);
    expect(after.find((track) => track.id === before[0]!.id)).toMatchObject({ assignment: 'unreviewed', thumbnailJpeg: null });
    await call('recordings.delete', { id: recording.id });
    expect(ctx.library.db.prepare('SELECT COUNT(*) AS n FROM face_tracks').get()).toEqual({ n: 0 });
    expect(ctx.faceTracks.analysis(recording.id)).toBeNull();
  });
});
