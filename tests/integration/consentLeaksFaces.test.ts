// Consent holds on every picture (#13, #18): the consent leak suite for faces. One recording made
// from the public-domain astronaut photo holds three faces — Jonas, whose consent asks for a blurred
// face before élus (he moves, leaves the frame and comes back), Léa, shown freely, and a face nobody
// knows. The faces are analysed and assigned through dispatch, like the app; then every output élus
// can get (clips, a range starting while Jonas is out of the frame, a montage with a title card and
// the same clip twice, a pack with its videos, stills, synthese.pdf pictures, index.html and zip, and
// the command line's clip export and pack build with --blur-unknown) is looked at by an adversary:
// the app's own face detector, on every frame at the export's rate. It must never see Jonas where
// he is, and must see Léa in the same frames (so it could see); the detail inside Jonas's known box
// is compared with the unprocessed frame too, so a detector miss cannot hide a leak. A person whose
// faces were not analysed, or not reviewed, gets the whole picture pixelated.
import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeApiContext, createApiContext, dispatch, type ApiContext } from '../../src-main/app';
import { runCli } from '../../src-main/cli/runCli';
import { listFiles } from '../../src-main/platform/folderFiles';
import { readZipEntries } from '../../src-main/packs/packZip';
import type { Clip, ExportRecord, Montage, RenderCheck } from '../../src-shared/contract/schemas/editing';
import type { FaceTracksView, Recording } from '../../src-shared/contract/schemas';
import { detailIn, faceOfTrack, grayFrames, innerRect, makeFaceVideo, type FaceVideo, type Rect } from '../helpers/faceVideos';
import { facesInImage, facesInVideo, grayImage, seesFaceOn, type SeenFace } from '../helpers/faceAdversary';
import { makeTempDir } from '../helpers/tempDir';

const root = makeTempDir('eric-leaks-faces-');
const out = path.join(root, 'outputs');
let ctx: ApiContext;
const call = <T>(method: string, input: unknown) => dispatch(method, input, ctx) as Promise<T>;

/** The source's size; exports (720p) are read back scaled to it. */
const W = 640;
const H = 360;
/** The detector looks at frames this size: the app analysed at 384 px before moving to 640 (a pixelated face is no easier to find larger; 640 would take 2.4× longer). */
const DW = 384;
const DH = 216;
const RATE = 25;

const JONAS = 0; // face-blurred for élus
const LEA = 1; // shown freely
const UNKNOWN = 2; // "inconnu"

let video: FaceVideo;
let recording: Recording;
let projectId: number;
let jonas: number;
let lea: number;
const clips: Record<string, Clip> = {};
let montage: Montage;

/** The source time shown by each output frame (null: a title card). */
type Timeline = Array<number | null>;
const span = (from: number, to: number): Timeline => Array.from({ length: Math.round((to - from) * RATE) }, (_, i) => from + i / RATE);
const blank = (seconds: number): Timeline => Array.from({ length: Math.round(seconds * RATE) }, () => null);

const scaled = (r: Rect, k: number): Rect => ({ x: r.x * k, y: r.y * k, w: r.w * k, h: r.h * k });
/** A face big enough to be a face (at least a third of it in the picture). */
const shownAt = (face: number, t: number) => {
  const box = video.faceAt(face, t);
  return box && box.w * box.h > 600 ? box : null;
};

interface Figures {
  frames: number;
  hiddenChecked: number;
  hiddenSeen: number;
  shownVisible: number;
  shownSeen: number;
  unknownVisible: number;
  unknownSeen: number;
  detections: number;
  ms: number;
}
const figures = new Map<string, Figures>();

let sourceGray: Uint8Array[];
const sourceFrame = (t: number) => sourceGray[Math.min(sourceGray.length - 1, Math.round(t * RATE))]!;

type Expect = 'hidden' | 'shown' | 'any';

/** Checks one picture's faces: what must be hidden is neither seen nor detailed; counts what must be shown. */
function judge(
  label: string,
  t: number,
  seen: readonly SeenFace[],
  gray: Uint8Array,
  expected: { lea: Expect; unknown: Expect },
  tally: Figures,
  failures: string[],
) {
  const k = DW / W;
  const want: Array<[number, Expect]> = [
    [JONAS, 'hidden'],
    [LEA, expected.lea],
    [UNKNOWN, expected.unknown],
  ];
  for (const [face, expectation] of want) {
    const box = shownAt(face, t);
    if (!box) continue;
    const detected = seesFaceOn(seen, scaled(box, k));
    if (expectation === 'hidden') {
      if (face === JONAS) tally.hiddenChecked++;
      if (detected) {
        if (face === JONAS) tally.hiddenSeen++;
        failures.push(`${label} (${t.toFixed(2)} s): the detector sees face ${face} that must be hidden`);
      }
      const inside = innerRect(box, 0.12);
      const before = detailIn(sourceFrame(t), W, inside);
      const after = detailIn(gray, W, inside);
      if (after >= before * 0.6)
        failures.push(`${label} (${t.toFixed(2)} s): face ${face} keeps its detail (${after.toFixed(1)} of ${before.toFixed(1)})`);
    } else if (face === LEA) {
      tally.shownVisible++;
      if (detected) tally.shownSeen++;
    } else if (face === UNKNOWN) {
      tally.unknownVisible++;
      if (detected) tally.unknownSeen++;
    }
  }
}

const emptyFigures = (): Figures => ({
  frames: 0,
  hiddenChecked: 0,
  hiddenSeen: 0,
  shownVisible: 0,
  shownSeen: 0,
  unknownVisible: 0,
  unknownSeen: 0,
  detections: 0,
  ms: 0,
});

/**
 * Every frame of a video, at the export's rate: the detector never sees Jonas (nor the unknown
 * face when it must be hidden), the detail inside his box is gone, and Léa is seen where she
 * must be shown — in at least `minSeen` of her frames, so the detector could have seen a leak.
 */
async function lookAtVideo(
  label: string,
  file: string,
  timeline: Timeline,
  expected: { lea: Expect; unknown: Expect; minSeen?: number; nothingSeen?: boolean },
): Promise<Figures> {
  const started = Date.now();
  const seen = await facesInVideo(file, DW, DH, RATE);
  const gray = grayFrames(file, W, H);
  const tally = emptyFigures();
  const failures: string[] = [];
  expect(Math.abs(gray.length - timeline.length), `${label}: frames`).toBeLessThanOrEqual(1);
  expect(Math.abs(seen.length - gray.length), `${label}: frames looked at`).toBeLessThanOrEqual(1);
  for (let i = 0; i < Math.min(seen.length, gray.length, timeline.length); i++) {
    tally.frames++;
    tally.detections += seen[i]!.length;
    if (expected.nothingSeen && seen[i]!.length) failures.push(`${label} frame ${i}: a face is seen in a picture pixelated whole`);
    const t = timeline[i];
    if (t === null || t === undefined) continue;
    judge(`${label} frame ${i}`, t, seen[i]!, gray[i]!, expected, tally, failures);
  }
  tally.ms = Date.now() - started;
  figures.set(label, tally);
  expect(failures.slice(0, 20)).toEqual([]);
  expect(tally.hiddenChecked, `${label}: frames where Jonas is in the picture`).toBeGreaterThan(0);
  if (expected.lea === 'shown') {
    expect(tally.shownSeen / Math.max(1, tally.shownVisible), `${label}: Léa seen`).toBeGreaterThanOrEqual(expected.minSeen ?? 0.9);
  }
  if (expected.unknown === 'shown') {
    expect(tally.unknownSeen / Math.max(1, tally.unknownVisible), `${label}: the unknown face seen`).toBeGreaterThanOrEqual(
      expected.minSeen ?? 0.9,
    );
  }
  return tally;
}

/** A still (JPEG/PNG at the source's 16:9) taken at source time t: the same judgement as a frame. */
async function lookAtStill(label: string, file: string, t: number, expected: { lea: Expect; unknown: Expect }): Promise<Figures> {
  const started = Date.now();
  const seen = await facesInImage(file, DW, DH);
  const tally = emptyFigures();
  const failures: string[] = [];
  tally.frames = 1;
  tally.detections = seen.length;
  judge(label, t, seen, grayImage(file, W, H), expected, tally, failures);
  tally.ms = Date.now() - started;
  figures.set(label, tally);
  expect(failures).toEqual([]);
  if (expected.lea === 'shown' && shownAt(LEA, t)) expect(tally.shownSeen, `${label}: Léa seen`).toBe(1);
  return tally;
}

async function run(...args: string[]) {
  const lines: string[] = [];
  const errors: string[] = [];
  const code = await runCli([...args, '--library', ctx.library.dir], {
    out: (text: string) => lines.push(text),
    err: (text: string) => errors.push(text),
  });
  expect(code, errors.join('')).toBe(0);
  return lines.join('');
}

beforeAll(async () => {
  fs.mkdirSync(out, { recursive: true });
  ctx = createApiContext(path.join(root, 'library'), 'http', { trusted: true });
  video = makeFaceVideo(root, 'trois-visages.mp4', [
    {
      // Jonas: moves right along the top, grows and shrinks, leaves on the right near 2.8 s and comes back at 3.6 s
      x: 'if(lt(t,3.2),20+220*t,640-200*(t-3.6))',
      y: '20',
      size: '130+40*sin(1.5*t)',
      at: (t) => ({ x: t < 3.2 ? 20 + 220 * t : 640 - 200 * (t - 3.6), y: 20, size: 130 + 40 * Math.sin(1.5 * t) }),
    },
    // Léa: bottom right, drifting left
    { x: '470-10*t', y: '205', size: '130', at: (t) => ({ x: 470 - 10 * t, y: 205, size: 130 }) },
    // someone nobody named: bottom left
    { x: '40', y: '205', size: '125', at: () => ({ x: 40, y: 205, size: 125 }) },
  ]);
  sourceGray = grayFrames(video.file, W, H);
  projectId = (await call<{ id: number }>('projects.create', { name: 'Paroles de jeunes', kind: 'testimony-campaign' })).id;
  jonas = (await call<{ id: number }>('people.add', { projectId, givenName: 'Jonas', familyName: 'Petitjean', role: 'young-person' })).id;
  lea = (await call<{ id: number }>('people.add', { projectId, givenName: 'Léa', familyName: 'Fontvieille', role: 'tutor' })).id;
  for (const scope of ['recording', 'workshop', 'elected']) {
    const conditions = scope === 'elected' ? ['face-blurred'] : [];
    await call('consent.set', { personId: jonas, scope, status: 'granted', method: 'signed-form', conditions });
    await call('consent.set', { personId: lea, scope, status: 'granted', method: 'signed-form', conditions: [] });
  }
  const people = [
    { personId: jonas, part: '' },
    { personId: lea, part: '' },
  ];
  recording = await call<Recording>('recordings.importFile', { path: video.file, projectId, title: 'Témoignage', people });

  // the faces, found and said whose they are, as the review screen does
  await call('faces.analyse', { recordingId: recording.id, wait: true });
  const { tracks } = await call<FaceTracksView>('faces.tracks', { recordingId: recording.id });
  const owner = [jonas, lea, null];
  for (const track of tracks) await call('faces.assign', { trackId: track.id, personId: owner[faceOfTrack(video, track)] });
  const assigned = (await call<FaceTracksView>('faces.tracks', { recordingId: recording.id })).tracks;
  expect(assigned.filter((track) => track.personId === jonas).length).toBeGreaterThanOrEqual(2); // he left and came back
  expect(assigned.some((track) => track.personId === lea)).toBe(true);
  expect(assigned.some((track) => track.assignment === 'unknown')).toBe(true);

  const clip = async (key: string, name: string, inSeconds: number, outSeconds: number) => {
    clips[key] = await call<Clip>('clips.create', { recordingId: recording.id, name, inSeconds, outSeconds });
  };
  await clip('all', 'Tout le témoignage', 0, 6);
  // starts while Jonas is out of the frame (between two of his tracks); the master's keyframes (every 2 s) allow a smart cut
  await clip('back', 'Le retour', 3, 6);
  await clip('start', 'Le début', 0, 3);
  const created = await call<Montage>('montages.create', { projectId, name: 'Le film des jeunes' });
  montage = await call<Montage>('montages.update', {
    id: created.id,
    changes: {
      items: [
        { kind: 'title', text: 'Paroles de jeunes', seconds: 1 },
        { kind: 'clip', clipId: clips.start!.id },
        { kind: 'clip', clipId: clips.back!.id },
        { kind: 'clip', clipId: clips.start!.id }, // the same clip (and recording) twice
      ],
      fadeSeconds: 0.3,
      lowerThirds: false,
      normaliseAudio: false,
    },
  });
}, 240_000);

afterAll(() => {
  const rows = [...figures.entries()].map(([label, f]) => `${label}: ${JSON.stringify(f)}`);
  if (rows.length) console.log(`faces leak figures (detector at ${DW}×${DH}, every frame at ${RATE} f/s)\n${rows.join('\n')}`);
  closeApiContext(ctx);
});

const montageTimeline = (): Timeline => [...blank(1), ...span(0, 3), ...span(3, 6), ...span(0, 3)];

describe('consent leaks: no unblurred face for élus', () => {
  it('the adversary sees every face in the unprocessed recording (so it could see a leak)', async () => {
    const started = Date.now();
    const seen = await facesInVideo(video.file, DW, DH, RATE);
    const tally = emptyFigures();
    seen.forEach((faces, i) => {
      tally.frames++;
      tally.detections += faces.length;
      const jonasBox = shownAt(JONAS, i / RATE);
      if (jonasBox) {
        tally.hiddenChecked++;
        if (seesFaceOn(faces, scaled(jonasBox, DW / W))) tally.hiddenSeen++;
      }
      if (seesFaceOn(faces, scaled(shownAt(LEA, i / RATE)!, DW / W))) tally.shownSeen++;
      if (seesFaceOn(faces, scaled(shownAt(UNKNOWN, i / RATE)!, DW / W))) tally.unknownSeen++;
    });
    tally.shownVisible = tally.unknownVisible = seen.length;
    tally.ms = Date.now() - started;
    figures.set('source (unprocessed)', tally);
    expect(tally.frames).toBe(150);
    expect(tally.hiddenSeen / tally.hiddenChecked).toBeGreaterThan(0.85);
    expect(tally.shownSeen).toBe(tally.frames);
    expect(tally.unknownSeen).toBe(tally.frames);
  }, 120_000);

  it('a clip: Jonas pixelated on every frame, Léa and the unknown face seen', async () => {
    const target = { kind: 'clip', clipId: clips.all!.id };
    const check = await call<RenderCheck>('render.check', { target, audience: 'elected' });
    expect(check).toMatchObject({ allowed: true, mode: 'encode', wholeFramePixelated: [] });
    const file = path.join(out, 'clip-elus.mp4');
    await call('render.start', { target, audience: 'elected', destination: file, wait: true });
    await lookAtVideo('clip 0–6 s', file, span(0, 6), { lea: 'shown', unknown: 'shown' });
  }, 240_000);

  it('a clip that starts while Jonas is out of the frame: re-encoded whole (never smart-cut) and he is pixelated when he comes back', async () => {
    const target = { kind: 'clip', clipId: clips.back!.id };
    // for the workshop nothing is blurred: most of it is copied as is (smart cut)
    expect(await call<RenderCheck>('render.check', { target, audience: 'workshop' })).toMatchObject({ mode: 'smart-cut' });
    // for élus the blur forces a re-encode
    const check = await call<RenderCheck>('render.check', { target, audience: 'elected' });
    expect(check).toMatchObject({ allowed: true, mode: 'encode', wholeFramePixelated: [] });
    const file = path.join(out, 'retour-elus.mp4');
    const done = await call<{ export: ExportRecord }>('render.start', { target, audience: 'elected', destination: file, wait: true });
    expect(ctx.exports.summary(done.export.id)).toMatchObject({ mode: 'encode' });
    await lookAtVideo('clip 3–6 s (starts in a gap)', file, span(3, 6), { lea: 'shown', unknown: 'shown' });
  }, 180_000);

  it('in 1080p, while Jonas leaves the frame on the right: pixelated up to the edge', async () => {
    const target = { kind: 'range', recordingId: recording.id, fromSeconds: 2, toSeconds: 3 };
    const file = path.join(out, 'sortie-1080p.mp4');
    await call('render.start', { target, audience: 'elected', options: { preset: '1080p' }, destination: file, wait: true });
    await lookAtVideo('range 2–3 s in 1080p', file, span(2, 3), { lea: 'shown', unknown: 'shown' });
  }, 180_000);

  it('a montage with a title card, fades and the same clip twice: Jonas pixelated in every frame', async () => {
    const file = path.join(out, 'film-elus.mp4');
    await call('render.start', { target: { kind: 'montage', montageId: montage.id }, audience: 'elected', destination: file, wait: true });
    // fades darken the first and last frames of each clip: Léa is seen in most frames, not all
    await lookAtVideo('montage', file, montageTimeline(), { lea: 'shown', unknown: 'shown', minSeen: 0.8 });
  }, 300_000);

  it('a pack for élus: its videos, stills, the pictures in synthese.pdf, index.html and the zip show no unblurred face of Jonas', async () => {
    const dir = path.join(out, 'pack-elus');
    const spec = { projectId, audience: 'elected', montageIds: [montage.id], clipIds: [clips.all!.id, clips.back!.id] };
    await call('packs.build', { spec, destination: dir, zip: true, wait: true });
    const files = listFiles(dir);
    // montages first, then the clips in the order asked
    const timelines: Array<[RegExp, Timeline]> = [
      [/^videos\/01-Le-film-des-jeunes\./, montageTimeline()],
      [/^videos\/02-Tout-le-temoignage\./, span(0, 6)],
      [/^videos\/03-Le-retour\./, span(3, 6)],
    ];
    const timelineOf = (file: string) => timelines.find(([pattern]) => pattern.test(file))?.[1];
    const videos = files.filter((file) => file.endsWith('.mp4'));
    expect(videos.sort()).toHaveLength(3);
    for (const file of videos) {
      // fades darken the first and last frames: the faces shown are seen in most frames, not all
      await lookAtVideo(`pack ${file}`, path.join(dir, file), timelineOf(file)!, { lea: 'shown', unknown: 'shown', minSeen: 0.8 });
    }
    // the stills are taken from the rendered videos (packService), half-way through each
    const stills = files.filter((file) => /\.(jpe?g|png)$/i.test(file));
    expect(stills.sort()).toEqual(videos.map((file) => file.replace(/\.mp4$/, '.jpg')).sort());
    const stillTimes = new Map<string, number>();
    for (const file of stills) {
      const timeline = timelineOf(file)!;
      const t = timeline[Math.round(timeline.length / 2)]!;
      stillTimes.set(file, t);
      await lookAtStill(`pack ${file}`, path.join(dir, file), t, { lea: 'shown', unknown: 'shown' });
    }
    expect([...stillTimes.values()].some((t) => shownAt(JONAS, t))).toBe(true);

    // synthese.pdf: every picture in it, extracted, is one of the stills (and is judged as it)
    const pdfDir = path.join(root, 'pdf-images');
    fs.mkdirSync(pdfDir);
    execFileSync('pdfimages', ['-j', '-png', path.join(dir, 'synthese.pdf'), path.join(pdfDir, 'image')]);
    const pictures = fs.readdirSync(pdfDir).filter((file) => /\.(jpg|png)$/.test(file));
    expect(pictures.length).toBeGreaterThanOrEqual(2); // one per clip
    for (const picture of pictures) {
      const gray = grayImage(path.join(pdfDir, picture), W, H);
      const nearest = stills
        .map((still) => ({ still, difference: meanDifference(gray, grayImage(path.join(dir, still), W, H)) }))
        .sort((a, b) => a.difference - b.difference)[0]!;
      expect(nearest.difference, `${picture} is a pack still`).toBeLessThan(4);
      await lookAtStill(`synthese.pdf ${picture}`, path.join(pdfDir, picture), stillTimes.get(nearest.still)!, {
        lea: 'shown',
        unknown: 'any',
      });
    }

    // index.html embeds no picture (its data: URLs are subtitles), and every picture or video it shows is a file judged above
    const page = fs.readFileSync(path.join(dir, 'index.html'), 'utf8');
    const dataUrls = [...page.matchAll(/data:([^;,"]*)[;,]/g)].map((match) => match[1]);
    expect(dataUrls.filter((type) => !/^text\/vtt$/.test(type!))).toEqual([]);
    const shown = [...page.matchAll(/(?:src|poster|href)="(videos\/[^"]+)"/g)].map((match) => decodeURI(match[1]!));
    expect(shown.length).toBeGreaterThanOrEqual(6);
    for (const file of shown) expect([...videos, ...stills, ...files.filter((f) => f.endsWith('.vtt'))]).toContain(file);

    // the zip holds the same pictures, byte for byte
    const hashes = new Set([...videos, ...stills, 'synthese.pdf'].map((file) => sha256(fs.readFileSync(path.join(dir, file)))));
    let pictured = 0;
    for (const entry of await readZipEntries(`${dir}.zip`)) {
      if (!/\.(mp4|jpe?g|png|pdf)$/i.test(entry.path)) continue;
      pictured++;
      expect(hashes.has(sha256(await entry.read())), `${entry.path} is a file judged`).toBe(true);
    }
    expect(pictured).toBe(videos.length + stills.length + 1);
  }, 600_000);

  it('"inconnus floutés": a face assigned to nobody is pixelated on every frame when asked (the same clip without it showed it)', async () => {
    const target = { kind: 'range', recordingId: recording.id, fromSeconds: 0.5, toSeconds: 2.5 };
    const file = path.join(out, 'inconnus-floutes.mp4');
    await call('render.start', { target, audience: 'elected', options: { blurUnknownFaces: true }, destination: file, wait: true });
    await lookAtVideo('range 0.5–2.5 s, inconnus floutés', file, span(0.5, 2.5), { lea: 'shown', unknown: 'hidden' });
  }, 180_000);

  it('through the CLI: clip export and pack build with --blur-unknown show neither Jonas nor the unknown face', async () => {
    const dir = path.join(out, 'cli');
    fs.mkdirSync(dir);
    const help = await run('clip', 'export', '--help');
    expect(help).toContain('--blur-unknown');
    expect(help).toContain('inconnus floutés');
    const clipFile = path.join(dir, 'retour.mp4');
    await run('clip', 'export', '--clip', String(clips.back!.id), '--audience', 'elected', '--out', clipFile, '--blur-unknown');
    await lookAtVideo('CLI clip export --blur-unknown', clipFile, span(3, 6), { lea: 'shown', unknown: 'hidden' });

    const pack = path.join(dir, 'pack');
    await run(
      'pack',
      'build',
      '--project',
      String(projectId),
      '--audience',
      'elected',
      '--clip',
      String(clips.back!.id),
      '--out',
      pack,
      '--blur-unknown',
    );
    // the clip asked for, and the project's montage (a pack takes every montage when none is named)
    const files = listFiles(pack);
    const packVideos: Array<[string, Timeline]> = [
      ['videos/01-Le-film-des-jeunes.mp4', montageTimeline()],
      ['videos/02-Le-retour.mp4', span(3, 6)],
    ];
    expect(files.filter((file) => file.endsWith('.mp4')).sort()).toEqual(packVideos.map(([file]) => file));
    for (const [file, timeline] of packVideos) {
      await lookAtVideo(`CLI pack ${file} --blur-unknown`, path.join(pack, file), timeline, {
        lea: 'shown',
        unknown: 'hidden',
        minSeen: 0.8,
      });
      const still = file.replace(/\.mp4$/, '.jpg');
      expect(files).toContain(still);
      const t = timeline[Math.round(timeline.length / 2)]!;
      await lookAtStill(`CLI pack ${still} --blur-unknown`, path.join(pack, still), t, { lea: 'shown', unknown: 'hidden' });
    }
    // the pack remembers the choice: a rebuild blurs the unknown face too
    const record = ctx.exports.list(projectId).find((entry) => entry.kind === 'pack' && entry.outputPath === pack)!;
    expect(ctx.exports.spec<{ spec: { blurUnknownFaces?: boolean } }>(record.id).spec.blurUnknownFaces).toBe(true);
  }, 600_000);

  it('a person whose faces were not analysed, then not reviewed (or "inconnus floutés" unanalysed): the whole picture is pixelated, no face is seen', async () => {
    const people = [
      { personId: jonas, part: '' },
      { personId: lea, part: '' },
    ];
    const second = await call<Recording>('recordings.importFile', { path: video.file, projectId, title: 'Deuxième prise', people });
    const target = { kind: 'range', recordingId: second.id, fromSeconds: 1, toSeconds: 3 };
    const expectWholeFrame = async (label: string) => {
      const check = await call<RenderCheck>('render.check', { target, audience: 'elected' });
      expect(check.allowed).toBe(true);
      expect(check.wholeFramePixelated).toEqual([expect.objectContaining({ personId: jonas, why: 'no-region' })]);
      const file = path.join(out, `${label}.mp4`);
      await call('render.start', { target, audience: 'elected', destination: file, wait: true });
      await lookAtVideo(label, file, span(1, 3), { lea: 'hidden', unknown: 'hidden', nothingSeen: true });
    };
    await expectWholeFrame('not analysed');
    // "inconnus floutés" asked for the workshop (no condition there): nobody looked for the faces, so every one is unknown
    const unknownCheck = await call<RenderCheck>('render.check', { target, audience: 'workshop', options: { blurUnknownFaces: true } });
    expect(unknownCheck.faceFramesAtRisk).toEqual([expect.objectContaining({ personId: null, action: 'whole-frame' })]);
    const unknownFile = path.join(out, 'inconnus-non-analyse.mp4');
    await call('render.start', { target, audience: 'workshop', options: { blurUnknownFaces: true }, destination: unknownFile, wait: true });
    await lookAtVideo('not analysed, inconnus floutés (workshop)', unknownFile, span(1, 3), {
      lea: 'hidden',
      unknown: 'hidden',
      nothingSeen: true,
    });
    await call('faces.analyse', { recordingId: second.id, wait: true });
    const { tracks } = await call<FaceTracksView>('faces.tracks', { recordingId: second.id });
    expect(tracks.length).toBeGreaterThanOrEqual(3);
    expect(tracks.every((track) => track.assignment === 'unreviewed')).toBe(true);
    await expectWholeFrame('analysed, not reviewed');
    // one face still unreviewed is enough: it could be Jonas
    for (const track of tracks.slice(1)) await call('faces.assign', { trackId: track.id, personId: null });
    await expectWholeFrame('one face not reviewed');
  }, 600_000);

  it('a clip "confirmed" without Jonas while his assigned face is in it: the tracks win, he is pixelated', async () => {
    const narrowed = await call<Clip>('clips.create', {
      recordingId: recording.id,
      name: 'Sans lui (dit-on)',
      inSeconds: 0,
      outSeconds: 2,
    });
    await call('clips.setPeople', { clipId: narrowed.id, personIds: [lea], confirmed: true, actor: 'Animatrice' });
    const target = { kind: 'clip', clipId: narrowed.id };
    const check = await call<RenderCheck>('render.check', { target, audience: 'elected' });
    expect(check).toMatchObject({ allowed: true, mode: 'encode' });
    expect(check.people.map((person) => person.personId).sort()).toEqual([jonas, lea].sort());
    const file = path.join(out, 'sans-jonas-dit-on.mp4');
    await call('render.start', { target, audience: 'elected', destination: file, wait: true });
    await lookAtVideo('clip narrowed without Jonas', file, span(0, 2), { lea: 'shown', unknown: 'shown' });
  }, 180_000);
});

function meanDifference(a: Uint8Array, b: Uint8Array): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += Math.abs(a[i]! - b[i]!);
  return sum / a.length;
}

const sha256 = (data: Buffer) => crypto.createHash('sha256').update(data).digest('hex');
