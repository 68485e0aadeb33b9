import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeApiContext, createApiContext, dispatch, recoverUnfinishedWork, type ApiContext } from '../../src-main/app';
import type { Clip, ExportRecord, Montage, RenderCheck } from '../../src-shared/contract/schemas/editing';
import type { Recording } from '../../src-shared/contract/schemas';
import { AppError } from '../../src-shared/appError';
import { defaultProcessRegistry } from '../../src-main/platform/processRegistry';
import {
  CODED_WIDTH,
  beepOnsets,
  detailIn,
  firstFrameNumber,
  flashOnsets,
  grayFrameAt,
  makeFrameCodedVideo,
  probeStreams,
} from '../helpers/frameCodedMedia';
import { makeTempDir } from '../helpers/tempDir';
import { jobEnd, progressPast } from '../helpers/jobEvents';
import { ARTIFACTS_DIR } from '../helpers/browser';

const root = makeTempDir('eric-render-');
const out = path.join(root, 'out');
fs.mkdirSync(out);
let ctx: ApiContext;
const call = <T>(method: string, input: unknown) => dispatch(method, input, ctx) as Promise<T>;
const people: Record<string, number> = {};
const recordings: Record<string, Recording> = {};
let projectId: number;

async function grant(personId: number, scopes: string[], conditions: string[] = []) {
  for (const scope of scopes) await call('consent.set', { personId, scope, status: 'granted', method: 'signed-form', conditions });
}

beforeAll(async () => {
  ctx = createApiContext(path.join(root, 'library'), 'http', { trusted: true });
  const source = makeFrameCodedVideo(root, 20);
  projectId = (await call<{ id: number }>('projects.create', { name: 'Atelier entretiens', kind: 'interview-workshop' })).id;
  const add = async (key: string, displayName: string, role: string) => {
    people[key] = (await call<{ id: number }>('people.add', { projectId, displayName, role })).id;
  };
  await add('samira', 'Samira Benali', 'job-seeker');
  await add('jonas', 'Jonas Petit', 'young-person');
  await add('karim', 'Karim Haddad', 'employer');
  await grant(people.samira!, ['recording', 'workshop', 'elected'], ['first-name-only']);
  await grant(people.jonas!, ['recording'], ['face-blurred']);
  await grant(people.jonas!, ['workshop', 'elected']);
  await grant(people.karim!, ['recording', 'workshop']);
  await call('consent.set', { personId: people.karim, scope: 'elected', status: 'refused' });
  for (const key of ['samira', 'jonas', 'karim']) {
    recordings[key] = await call<Recording>('recordings.importFile', {
      path: source,
      projectId,
      title: `Entretien ${key}`,
      people: [{ personId: people[key], part: key === 'samira' ? 'Candidate' : '' }],
    });
  }
}, 120_000);

afterAll(() => closeApiContext(ctx));

describe('clip export', () => {
  it('cuts 00:00:05.000–00:00:12.000 to 7 s ± one frame, from the right frame, audio in sync (re-encode)', async () => {
    const file = path.join(out, 'clip-5-12.mp4');
    // a lower third (drawn below the frame counter and the flash band) makes it a full re-encode;
    // without it this clip is a smart cut (tests/integration/frameAccuracy.test.ts)
    const options = { lowerThirds: true };
    const check = await call<RenderCheck>('render.check', {
      target: { kind: 'range', recordingId: recordings.samira!.id, fromSeconds: 5, toSeconds: 12 },
      audience: 'workshop',
      options,
    });
    expect(check).toMatchObject({ allowed: true, mode: 'encode', segments: 1 });
    const { export: record } = await call<{ export: ExportRecord }>('render.start', {
      target: { kind: 'range', recordingId: recordings.samira!.id, fromSeconds: 5, toSeconds: 12 },
      audience: 'workshop',
      options,
      destination: file,
      wait: true,
    });
    expect(record).toMatchObject({ kind: 'clip', audience: 'workshop', mode: 'encode', outputPath: file });
    const [video, audio] = [
      probeStreams(file).find((s) => s.codec_type === 'video')!,
      probeStreams(file).find((s) => s.codec_type === 'audio')!,
    ];
    expect(video.codec_name).toBe('h264');
    expect(audio.codec_name).toBe('aac');
    expect(Math.abs(Number(video.nb_frames) - 175)).toBeLessThanOrEqual(1);
    expect(Math.abs(Number(audio.duration) - 7)).toBeLessThanOrEqual(0.04);
    expect(firstFrameNumber(file)).toBe(125); // frame 125 of a 25 fps source is 00:00:05.000
    const flashes = flashOnsets(file, 25).filter((t) => t > 0.5);
    const beeps = beepOnsets(file).filter((t) => t > 0.5);
    expect(flashes).toEqual([1, 2, 3, 4, 5, 6]);
    expect(beeps).toHaveLength(6);
    beeps.forEach((beep, i) => expect(Math.abs(beep - flashes[i]!)).toBeLessThanOrEqual(0.04));
    expect(ctx.exports.personIds(record.id)).toEqual([people.samira]);
  });

  it('stream-copies a clip cut on keyframes, with nothing drawn on it: exact frames, audio in sync', async () => {
    const file = path.join(out, 'clip-copy.mp4');
    const { export: record } = await call<{ export: ExportRecord }>('render.start', {
      target: { kind: 'range', recordingId: recordings.samira!.id, fromSeconds: 4, toSeconds: 10 },
      audience: 'workshop',
      destination: file,
      wait: true,
    });
    expect(record.mode).toBe('copy');
    expect(firstFrameNumber(file)).toBe(100);
    const video = probeStreams(file).find((s) => s.codec_type === 'video')!;
    expect(video.width).toBe(CODED_WIDTH); // not re-encoded to the preset: copied as is
    expect(Number(video.nb_frames)).toBe(150);
    const flashes = flashOnsets(file, 25).filter((t) => t > 0.5);
    expect(flashes).toEqual([1, 2, 3, 4, 5]);
    beepOnsets(file)
      .filter((t) => t > 0.5)
      .forEach((beep, i) => expect(Math.abs(beep - flashes[i]!)).toBeLessThanOrEqual(0.04));
  });

  it('refuses a clip whose person refused the audience, naming them, and writes nothing', async () => {
    const file = path.join(out, 'refused.mp4');
    const error = await call('render.start', {
      target: { kind: 'range', recordingId: recordings.karim!.id, fromSeconds: 1, toSeconds: 3 },
      audience: 'elected',
      destination: file,
      wait: true,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('consent-refused');
    expect((error as AppError).message).toContain('Karim Haddad : a refusé « Élus »');
    expect(fs.existsSync(file)).toBe(false);
  });
});

describe('montage', () => {
  let clipSamira: Clip;
  let clipJonas: Clip;
  let montage: Montage;
  const box = { x: 0.5, y: 0.4, w: 0.4, h: 0.5 };

  beforeAll(async () => {
    clipSamira = await call<Clip>('clips.create', {
      recordingId: recordings.samira!.id,
      name: 'Présentation',
      inSeconds: 2,
      outSeconds: 8,
      tags: ['Posture'],
    });
    clipJonas = await call<Clip>('clips.create', {
      recordingId: recordings.jonas!.id,
      name: 'Motivation',
      inSeconds: 10,
      outSeconds: 14,
      blurBox: box,
    });
    // a drawn region stands for a blurred face once the animator confirmed it on stills across the clip
    const { stills } = await call<{ stills: Array<{ seconds: number }> }>('clips.stills', { clipId: clipJonas.id, count: 3 });
    clipJonas = await call<Clip>('clips.confirmFaceRegion', {
      clipId: clipJonas.id,
      stillSeconds: stills.map((still) => still.seconds),
      confirmedBy: 'Animatrice',
    });
    montage = await call<Montage>('montages.create', { projectId, name: 'Restitution juin' });
    montage = await call<Montage>('montages.update', {
      id: montage.id,
      changes: {
        items: [
          { kind: 'title', text: 'Atelier entretiens\nJuin 2026', seconds: 2 },
          { kind: 'clip', clipId: clipSamira.id },
          { kind: 'clip', clipId: clipJonas.id },
        ],
        fadeSeconds: 0.3,
      },
    });
  });

  it('renders a title card, two clips, a lower third with the first name only, and pixelates the blurred person', async () => {
    const check = await call<RenderCheck>('render.check', { target: { kind: 'montage', montageId: montage.id }, audience: 'elected' });
    expect(check.allowed).toBe(true);
    expect(check.people).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ displayName: 'Samira Benali', shownAs: 'Samira', conditions: ['first-name-only'] }),
        expect.objectContaining({ displayName: 'Jonas Petit', shownAs: 'Jonas Petit', conditions: ['face-blurred'] }),
      ]),
    );
    const file = path.join(out, 'montage.mp4');
    const { export: record } = await call<{ export: ExportRecord }>('render.start', {
      target: { kind: 'montage', montageId: montage.id },
      audience: 'elected',
      destination: file,
      wait: true,
    });
    expect(record).toMatchObject({ kind: 'montage', mode: 'encode', durationSeconds: 12 });
    const video = probeStreams(file).find((s) => s.codec_type === 'video')!;
    expect([video.width, video.height]).toEqual([1280, 720]);
    expect(Math.abs(Number(video.nb_frames) - 300)).toBeLessThanOrEqual(2);

    // lower third, read back by OCR: the first name, never the surname
    fs.mkdirSync(ARTIFACTS_DIR, { recursive: true });
    const frame = path.join(ARTIFACTS_DIR, 'montage-lower-third.png');
    execFileSync('ffmpeg', [
      '-loglevel',
      'error',
      '-y',
      '-ss',
      '4.5',
      '-i',
      file,
      '-frames:v',
      '1',
      '-vf',
      "crop=700:160:0:440,scale=1400:320,format=gray,lutyuv=y='if(gt(val,235),0,255)'",
      frame,
    ]);
    const text = String(execFileSync('tesseract', [frame, '-', '--psm', '6'], { stdio: ['ignore', 'pipe', 'ignore'] }));
    expect(text).toMatch(/Samira/);
    expect(text).not.toMatch(/Benali/);
    expect(text).toMatch(/Candidate/);

    // the drawn box is pixelated: little detail left inside, the rest of the frame untouched
    const at = 2 + 6 + 2; // 2 s into Jonas's clip
    const rendered = grayFrameAt(file, at, 1280, 720);
    execFileSync('ffmpeg', [
      '-loglevel',
      'error',
      '-y',
      '-ss',
      String(at),
      '-i',
      file,
      '-frames:v',
      '1',
      path.join(ARTIFACTS_DIR, 'montage-pixelated.png'),
    ]);
    execFileSync('ffmpeg', [
      '-loglevel',
      'error',
      '-y',
      '-ss',
      '1',
      '-i',
      file,
      '-frames:v',
      '1',
      path.join(ARTIFACTS_DIR, 'montage-title.png'),
    ]);
    const original = grayFrameAt(ctx.library.mediaAssets.resolve(recordings.jonas!.masterAssetId!).absolutePath, 12, 1280, 720);
    const inBox = { x: 700, y: 320, w: 400, h: 300 }; // inside x 0.5–0.9, y 0.4–0.9 of the frame
    const outside = { x: 40, y: 200, w: 400, h: 300 };
    expect(detailIn(original, 1280, inBox)).toBeGreaterThan(3);
    expect(detailIn(rendered, 1280, inBox)).toBeLessThan(detailIn(original, 1280, inBox) * 0.3);
    expect(detailIn(rendered, 1280, outside)).toBeGreaterThan(detailIn(original, 1280, outside) * 0.7);
    expect(ctx.exports.personIds(record.id).sort()).toEqual([people.samira, people.jonas].sort());
  }, 60_000);

  it('blocks the montage when one of its people refused the audience, with who and why', async () => {
    const clipKarim = await call<Clip>('clips.create', {
      recordingId: recordings.karim!.id,
      name: 'Recruteur',
      inSeconds: 0,
      outSeconds: 3,
    });
    const blocked = await call<Montage>('montages.create', { projectId, name: 'Avec Karim' });
    await call('montages.update', {
      id: blocked.id,
      changes: {
        items: [
          { kind: 'clip', clipId: clipSamira.id },
          { kind: 'clip', clipId: clipKarim.id },
        ],
      },
    });
    const check = await call<RenderCheck>('render.check', { target: { kind: 'montage', montageId: blocked.id }, audience: 'elected' });
    expect(check.allowed).toBe(false);
    expect(check.blockers).toEqual([
      expect.objectContaining({ personId: people.karim, displayName: 'Karim Haddad', reasons: [{ code: 'refused', scope: 'elected' }] }),
    ]);
    const file = path.join(out, 'blocked.mp4');
    await expect(
      call('render.start', { target: { kind: 'montage', montageId: blocked.id }, audience: 'elected', destination: file, wait: true }),
    ).rejects.toMatchObject({
      code: 'consent-refused',
      message: expect.stringContaining('Karim Haddad'),
    });
    expect(fs.existsSync(file)).toBe(false);
    // the same montage may go to the workshop, where Karim agreed
    expect(
      (await call<RenderCheck>('render.check', { target: { kind: 'montage', montageId: blocked.id }, audience: 'workshop' })).allowed,
    ).toBe(true);
  });
});

describe('render safety', () => {
  it('cancelling a render leaves no file, no partial file and no export record', async () => {
    const dir = path.join(out, 'cancel');
    fs.mkdirSync(dir);
    const exportsBefore = ctx.exports.list(projectId).length;
    const started = progressPast(ctx, 'render', 0.05);
    const finished = jobEnd(ctx, 'render');
    const { jobId } = await call<{ jobId: string }>('render.start', {
      target: { kind: 'range', recordingId: recordings.samira!.id, fromSeconds: 0.5, toSeconds: 19.5 },
      audience: 'workshop',
      options: { preset: '1080p', normaliseAudio: true },
      destination: path.join(dir, 'long.mp4'),
    });
    expect(await started).toBe(jobId);
    await call('jobs.cancel', { jobId });
    expect(await finished).toBe('cancelled');
    expect(fs.readdirSync(dir)).toEqual([]);
    expect(fs.readdirSync(path.join(ctx.library.dir, 'tmp')).filter((name) => name.startsWith('render-'))).toEqual([]);
    expect(ctx.exports.list(projectId)).toHaveLength(exportsBefore);
  });

  it('a render on a nearly full disk fails before starting, and names the sizes', async () => {
    const small = path.join(root, 'small-disk');
    fs.mkdirSync(small);
    let mounted = false;
    if (process.getuid?.() === 0) {
      try {
        execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', small], { stdio: 'ignore' });
        mounted = true;
      } catch {
        mounted = false;
      }
    }
    // without the rights to mount a 1 MB disk, the same check is fed a 1 MB free-space reading
    const target = mounted ? ctx : createApiContext(ctx.library.dir, 'http', { trusted: true, freeBytes: () => 1024 * 1024 });
    try {
      const jobsBefore = target.jobs.list().length;
      const recordingId = recordings.samira!.id;
      const error = await dispatch(
        'render.start',
        {
          target: { kind: 'range', recordingId, fromSeconds: 1, toSeconds: 15 },
          audience: 'workshop',
          options: { preset: '1080p', fadeSeconds: 0.5 },
          destination: path.join(small, 'x.mp4'),
          wait: true,
        },
        target,
      ).catch((e: unknown) => e);
      expect(error).toMatchObject({
        code: 'disk-full',
        message: expect.stringMatching(
          /^Le disque est plein : impossible d’écrire dans .*small-disk pour cet export\. Il faut environ \d+ Mo et il reste \d+ Mo libres\.$/,
        ),
      });
      expect(target.jobs.list()).toHaveLength(jobsBefore); // no job was even queued
      expect(fs.readdirSync(small)).toEqual([]);
    } finally {
      if (mounted) execFileSync('umount', [small]);
      else closeApiContext(target);
    }
  });

  it('start-up recovery removes partial exports and work folders left by a crash', async () => {
    const renders = path.join(ctx.library.dir, 'exports', 'renders');
    fs.mkdirSync(renders, { recursive: true });
    fs.writeFileSync(path.join(renders, 'montage.partial-0a1b2c3d.mp4'), 'half');
    fs.mkdirSync(path.join(ctx.library.dir, 'tmp', 'render-crashed'), { recursive: true });
    expect(recoverUnfinishedWork(ctx).partialExportsRemoved).toBe(2);
    expect(fs.readdirSync(renders).filter((name) => name.includes('.partial-'))).toEqual([]);
    expect(defaultProcessRegistry.size).toBe(0);
  });
});
