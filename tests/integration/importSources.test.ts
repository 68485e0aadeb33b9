// Imports of the sources that used to make wrong masters, each generated here with ffmpeg
// (a few seconds each): variable frame rate, interlaced, anamorphic, loud 5.1, two sound
// tracks with a subtitle stream, a truncated file, an empty file and awkward file names.
// Each goes through `recordings.importFile` and the master is measured with ffprobe/astats.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { closeApiContext, createApiContext, dispatch, type ApiContext } from '../../src-main/app';
import type { Recording } from '../../src-shared/contract/schemas';
import { binaries, runFfmpegSync } from '../helpers/media';
import { makeTempDir } from '../helpers/tempDir';

const root = makeTempDir('eric-import-sources-');
const media = path.join(root, 'sources');
fs.mkdirSync(media);
let libraryCount = 0;
const contexts: ApiContext[] = [];
afterAll(() => contexts.forEach((ctx) => ctx.library.db.open && closeApiContext(ctx)));

async function freshLibrary(): Promise<{ ctx: ApiContext; dir: string; sessionId: number }> {
  const dir = path.join(root, `library-${++libraryCount}`);
  const ctx = createApiContext(dir, 'http', { trusted: true });
  contexts.push(ctx);
  const project = (await dispatch('projects.create', { name: 'Imports', kind: 'interview-workshop' }, ctx)) as { id: number };
  const session = (await dispatch('sessions.create', { projectId: project.id, date: '2026-11-22' }, ctx)) as { id: number };
  return { ctx, dir, sessionId: session.id };
}

async function importInto(file: string): Promise<{ ctx: ApiContext; recording: Recording; master: string }> {
  const { ctx, sessionId } = await freshLibrary();
  const recording = (await dispatch('recordings.importFile', { path: file, sessionId }, ctx)) as Recording;
  return { ctx, recording, master: ctx.library.mediaAssets.resolve(recording.masterAssetId!).absolutePath };
}

function videoStreamOf(file: string): Record<string, string> {
  const out = execFileSync(binaries.ffprobe, [
    '-v',
    'error',
    '-select_streams',
    'v:0',
    '-show_entries',
    'stream=width,height,sample_aspect_ratio,field_order,r_frame_rate,avg_frame_rate,nb_frames',
    '-of',
    'json',
    file,
  ]).toString();
  return (JSON.parse(out) as { streams: Array<Record<string, string>> }).streams[0]!;
}

function streamCount(file: string, type: 'a' | 's'): number {
  return execFileSync(binaries.ffprobe, ['-v', 'error', '-select_streams', type, '-show_entries', 'stream=index', '-of', 'csv=p=0', file])
    .toString()
    .trim()
    .split('\n')
    .filter(Boolean).length;
}

/** The loudest sample of a file's first audio track in dBFS, decoded as float (nothing clamps it on the way). */
function peakDb(file: string, inputArgs: string[] = []): number {
  const result = spawnSync(
    binaries.ffmpeg,
    [
      '-hide_banner',
      '-nostats',
      ...inputArgs,
      '-i',
      file,
      '-map',
      '0:a:0',
      '-af',
      'aformat=sample_fmts=flt,astats=measure_perchannel=none',
      '-f',
      'null',
      '-',
    ],
    { encoding: 'utf8' },
  );
  const match = /Peak level dB:\s*(-?[\d.]+|-inf)/.exec(result.stderr);
  if (!match) throw new Error(`no peak measured: ${result.stderr.slice(-500)}`);
  return match[1] === '-inf' ? -Infinity : Number(match[1]);
}

const rate = (text: string) => {
  const [num, den] = text.split('/').map(Number);
  return num! / den!;
};

describe('import: a right master for every source', () => {
  it('films a variable-frame-rate video at the rate it was filmed at, not its average', async () => {
    const file = path.join(media, 'phone-vfr.mp4');
    // 30 fps with 3 frames of every 10 dropped: average 21 fps, nominal 30
    runFfmpegSync([
      '-f',
      'lavfi',
      '-i',
      'testsrc2=size=320x240:rate=30:duration=4',
      '-vf',
      "select='not(between(mod(n,10),3,5))'",
      '-fps_mode',
      'vfr',
      '-c:v',
      'libx264',
      '-preset',
      'ultrafast',
      file,
    ]);
    const source = videoStreamOf(file);
    expect(rate(source.avg_frame_rate!)).toBeCloseTo(21, 1);
    expect(rate(source.r_frame_rate!)).toBe(30);

    const { recording, master } = await importInto(file);
    const probed = videoStreamOf(master);
    expect(rate(probed.r_frame_rate!)).toBe(30);
    expect(rate(probed.avg_frame_rate!)).toBeCloseTo(30, 1);
    expect(recording.durationSeconds!).toBeGreaterThan(3.8);
    expect(recording.durationSeconds!).toBeLessThan(4.2);
    expect(Number(probed.nb_frames)).toBeGreaterThanOrEqual(118); // 4 s at 30 fps, the dropped frames held
    expect(recording.importWarning).toBeNull();
  });

  it('deinterlaces interlaced camcorder video (top field first) into progressive frames at its frame rate', async () => {
    const file = path.join(media, 'camcorder-interlaced.mp4');
    // 50 progressive frames a second woven into 25 interlaced, coded as interlaced H.264
    runFfmpegSync([
      '-f',
      'lavfi',
      '-i',
      'testsrc2=size=720x576:rate=50:duration=2',
      '-vf',
      'tinterlace=interleave_top,setfield=tff',
      '-flags',
      '+ildct+ilme',
      '-c:v',
      'libx264',
      '-preset',
      'ultrafast',
      '-pix_fmt',
      'yuv420p',
      file,
    ]);
    expect(videoStreamOf(file).field_order).toBe('tt');
    const { master } = await importInto(file);
    const probed = videoStreamOf(master);
    expect(probed.field_order).toBe('progressive');
    expect(rate(probed.r_frame_rate!)).toBe(25);
  });

  it('turns anamorphic 16:9 PAL (720×576, pixels 64:45) into square pixels at 16:9', async () => {
    const file = path.join(media, 'dv-anamorphic.mp4');
    runFfmpegSync([
      '-f',
      'lavfi',
      '-i',
      'testsrc2=size=720x576:rate=25:duration=2',
      '-vf',
      'setsar=64/45',
      '-c:v',
      'libx264',
      '-preset',
      'ultrafast',
      file,
    ]);
    expect(videoStreamOf(file).sample_aspect_ratio).toBe('64:45');
    const { recording, master } = await importInto(file);
    const probed = videoStreamOf(master);
    expect([Number(probed.width), Number(probed.height)]).toEqual([1024, 576]);
    expect(probed.sample_aspect_ratio).toBe('1:1');
    expect(Math.abs(recording.width! / recording.height! / (16 / 9) - 1)).toBeLessThan(0.01);
  });

  it('folds loud 5.1 to stereo without clipping (peak of the master at or below 0 dBFS)', async () => {
    const file = path.join(media, 'loud-5.1.mkv');
    const tones = [220, 330, 440, 60, 550, 660].map((f) => `sin(2*PI*${f}*t)`).join('|');
    runFfmpegSync([
      '-f',
      'lavfi',
      '-i',
      'testsrc2=size=320x240:rate=25:duration=3',
      '-f',
      'lavfi',
      '-i',
      `aevalsrc=${tones}:c=5.1:s=48000:d=3`,
      '-c:v',
      'libx264',
      '-preset',
      'ultrafast',
      '-c:a',
      'flac',
      '-shortest',
      file,
    ]);
    expect(peakDb(file)).toBeCloseTo(0, 1); // every channel at full scale
    // the fold as it was made before (-ac 2 alone) clips: the test can tell
    const naive = path.join(media, 'loud-5.1-naive.m4a');
    runFfmpegSync(['-i', file, '-vn', '-c:a', 'aac', '-b:a', '160k', '-ac', '2', naive]);
    expect(peakDb(naive)).toBeGreaterThan(3);

    const { recording, master } = await importInto(file);
    expect(recording.hasAudio).toBe(true);
    expect(streamCount(master, 'a')).toBe(1);
    const peak = peakDb(master);
    expect(peak).toBeLessThanOrEqual(0);
    expect(peak).toBeGreaterThan(-12); // folded, not silenced
  });

  it('says which sound track is used when there are two, and imports the subtitle stream as the recording’s subtitles', async () => {
    const srt = path.join(media, 'cues.srt');
    fs.writeFileSync(srt, '1\n00:00:00,500 --> 00:00:02,000\nBonjour et bienvenue\n\n2\n00:00:02,500 --> 00:00:03,500\nAu revoir\n');
    const file = path.join(media, 'two-tracks-subtitled.mkv');
    runFfmpegSync([
      '-f',
      'lavfi',
      '-i',
      'testsrc2=size=320x240:rate=25:duration=4',
      '-f',
      'lavfi',
      '-i',
      'sine=frequency=440:duration=4',
      '-f',
      'lavfi',
      '-i',
      'sine=frequency=880:duration=4',
      '-i',
      srt,
      ...['-map', '0', '-map', '1', '-map', '2', '-map', '3'],
      ...['-c:v', 'libx264', '-preset', 'ultrafast', '-c:a', 'flac', '-c:s', 'srt'],
      file,
    ]);
    const { ctx, recording, master } = await importInto(file);
    expect(recording.status).toBe('ready');
    expect(recording.importWarning).toContain('Cette vidéo a 2 pistes son : la piste 1 est utilisée');
    expect(streamCount(master, 'a')).toBe(1);
    const cues = (await dispatch('subtitles.list', { recordingId: recording.id }, ctx)) as Array<{ startSeconds: number; text: string }>;
    expect(cues.map((cue) => [cue.startSeconds, cue.text])).toEqual([
      [0.5, 'Bonjour et bienvenue'],
      [2.5, 'Au revoir'],
    ]);
    // the master itself carries no subtitle track: subtitles leave the library only through the consent-checked render
    expect(streamCount(master, 's')).toBe(0);
  });

  it('reports a truncated file with how much was recovered, instead of showing it complete', async () => {
    const whole = path.join(media, 'whole.mp4');
    runFfmpegSync([
      ...['-f', 'lavfi', '-i', 'testsrc2=size=320x240:rate=25:duration=6', '-f', 'lavfi', '-i', 'sine=frequency=440:duration=6'],
      ...['-c:v', 'libx264', '-preset', 'ultrafast', '-c:a', 'aac', '-movflags', '+faststart', '-shortest'],
      whole,
    ]);
    const bytes = fs.readFileSync(whole);
    const file = path.join(media, 'copied-halfway.mp4');
    fs.writeFileSync(file, bytes.subarray(0, Math.floor(bytes.length / 2)));
    const { recording } = await importInto(file);
    expect(recording.status).toBe('ready');
    expect(recording.durationSeconds!).toBeLessThan(4.5);
    expect(recording.importWarning).toMatch(/^Fichier incomplet : 00:00:0[2-4] récupérées sur 00:00:06\./);
  });

  it('keeps the warning empty for an ordinary file', async () => {
    const file = path.join(media, 'ordinary.mp4');
    runFfmpegSync([
      ...['-f', 'lavfi', '-i', 'testsrc2=size=320x240:rate=25:duration=2', '-f', 'lavfi', '-i', 'sine=frequency=440:duration=2'],
      ...['-c:v', 'libx264', '-preset', 'ultrafast', '-c:a', 'aac', '-shortest'],
      file,
    ]);
    const { recording } = await importInto(file);
    expect(recording).toMatchObject({ status: 'ready', importWarning: null, width: 320, height: 240 });
  });
});

describe('import: awkward files', () => {
  it('says an empty file is empty, and changes nothing', async () => {
    const { ctx, dir, sessionId } = await freshLibrary();
    const file = path.join(media, 'empty.mp4');
    fs.writeFileSync(file, '');
    await expect(dispatch('recordings.importFile', { path: file, sessionId }, ctx)).rejects.toMatchObject({
      code: 'invalid-input',
      field: 'path',
      message: expect.stringMatching(/^Le fichier est vide/),
    });
    const folders = path.join(dir, 'media', 'recordings');
    expect(fs.existsSync(folders) ? fs.readdirSync(folders) : []).toEqual([]);
    expect(ctx.library.db.prepare('SELECT count(*) n FROM recordings').get()).toEqual({ n: 0 });
  });

  it('says an empty upload (the browser’s file picker) is empty, and keeps nothing', async () => {
    const { ctx, sessionId } = await freshLibrary();
    const started = (await dispatch(
      'capture.start',
      { sessionId, kind: 'interview', source: 'upload', mimeType: 'video/mp4', fileName: 'vide.mp4' },
      ctx,
    )) as Recording;
    await expect(dispatch('capture.finish', { recordingId: started.id }, ctx)).rejects.toMatchObject({
      code: 'invalid-input',
      message: expect.stringMatching(/^Le fichier est vide/),
    });
    expect(ctx.library.db.prepare('SELECT count(*) n FROM recordings').get()).toEqual({ n: 0 });
  });

  it('imports a file whose name starts with a dash, or holds a line break, with a clean title', async () => {
    const made = path.join(media, 'made.mp4');
    runFfmpegSync([
      ...['-f', 'lavfi', '-i', 'testsrc2=size=320x240:rate=25:duration=2', '-f', 'lavfi', '-i', 'sine=frequency=440:duration=2'],
      ...['-c:v', 'libx264', '-preset', 'ultrafast', '-c:a', 'aac', '-shortest'],
      made,
    ]);
    const dashed = path.join(media, '-x.mp4');
    const broken = path.join(media, 'Entretien\nde Léa.mp4');
    fs.copyFileSync(made, dashed);
    fs.copyFileSync(made, broken);
    for (const [file, title] of [
      [dashed, 'x'],
      [broken, 'Entretien de Léa'],
    ] as const) {
      const { recording } = await importInto(file);
      expect(recording).toMatchObject({ status: 'ready', title, hasVideo: true, hasAudio: true });
    }
    // a relative name starting with a dash, as a script in that folder would give it
    const cwd = process.cwd();
    process.chdir(media);
    try {
      const { recording } = await importInto('-x.mp4');
      expect(recording.status).toBe('ready');
    } finally {
      process.chdir(cwd);
    }
  });
});

describe('finalise: the filmstrip from keyframes', () => {
  it('fills every thumbnail of a long enough video from keyframes only, the last one too', async () => {
    // 130 s: 60 thumbnails 2.17 s apart, so keyframes only, and the last keyframe (128 s) falls in the last slot
    const file = path.join(media, 'two-minutes.mp4');
    runFfmpegSync(['-f', 'lavfi', '-i', 'testsrc2=size=160x120:rate=10:duration=130', '-c:v', 'libx264', '-preset', 'ultrafast', file]);
    const { ctx, recording } = await importInto(file);
    expect(recording.filmstripFrames).toBe(60);
    const strip = ctx.library.mediaAssets.resolve(recording.filmstripAssetId!).absolutePath;
    const size = execFileSync(binaries.ffprobe, ['-v', 'error', '-show_entries', 'stream=width,height', '-of', 'csv=p=0', strip])
      .toString()
      .trim();
    expect(size).toBe('5760,72'); // 60 thumbnails of 96×72
    // the last thumbnail is a picture, not the black padding of an unfilled tile
    const lastTile = spawnSync(
      binaries.ffmpeg,
      ['-hide_banner', '-i', strip, '-vf', 'crop=96:72:5664:0,signalstats,metadata=print:key=lavfi.signalstats.YAVG', '-f', 'null', '-'],
      { encoding: 'utf8' },
    ).stderr;
    expect(Number(/YAVG=([\d.]+)/.exec(lastTile)![1])).toBeGreaterThan(30);
  });
});
