import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { closeApiContext, createApiContext, dispatch, type ApiContext } from '../../src-main/app';
import type { Recording } from '../../src-shared/contract/schemas';
import { probe } from '../../src-main/media/probe';
import { binaries, makeTestVideo, makeWebmChunks, testSourceInputs } from '../helpers/media';
import { makeTempDir } from '../helpers/tempDir';

const root = makeTempDir('eric-capture-');
const media = path.join(root, 'sources');
fs.mkdirSync(media);
let libraryCount = 0;
const contexts: ApiContext[] = [];
afterAll(() => contexts.forEach((ctx) => ctx.library.db.open && closeApiContext(ctx)));

async function freshLibrary(): Promise<{ ctx: ApiContext; dir: string; sessionId: number; personId: number }> {
  const dir = path.join(root, `library-${++libraryCount}`);
  const ctx = createApiContext(dir, 'http', { trusted: true });
  contexts.push(ctx);
  const project = (await dispatch('projects.create', { name: 'Capture', kind: 'interview-workshop' }, ctx)) as { id: number };
  const session = (await dispatch('sessions.create', { projectId: project.id, date: '2026-11-22' }, ctx)) as { id: number };
  const person = (await dispatch('people.add', { projectId: project.id, displayName: 'Léa', role: 'job-seeker' }, ctx)) as { id: number };
  return { ctx, dir, sessionId: session.id, personId: person.id };
}

function filesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath, e.name));
}

function waitForJob(ctx: ApiContext, jobId: string): Promise<'done' | 'failed' | 'cancelled'> {
  return new Promise((resolve) => {
    const existing = ctx.jobs.list().find((job) => job.jobId === jobId);
    if (existing && ['done', 'failed', 'cancelled'].includes(existing.status)) return resolve(existing.status as 'done');
    const unsubscribe = ctx.events.subscribe((event, payload) => {
      if (event === 'job.finished' && 'outcome' in payload && payload.jobId === jobId) {
        unsubscribe();
        resolve(payload.outcome);
      }
    });
  });
}

const webm = makeWebmChunks(media, 6, 6);

describe('capture: chunks streamed to disk, then finalised', () => {
  it('appends chunks, finalises to an MP4 master with poster, filmstrip and waveform', async () => {
    const { ctx, dir, sessionId, personId } = await freshLibrary();
    const progress: number[] = [];
    ctx.events.subscribe((event, payload) => {
      if (event === 'job.progress' && 'ratio' in payload && payload.ratio !== null) progress.push(payload.ratio);
    });
    const started = (await dispatch(
      'capture.start',
      { sessionId, kind: 'interview', source: 'camera', mimeType: 'video/webm;codecs=vp8,opus', people: [{ personId, part: 'candidate' }] },
      ctx,
    )) as Recording;
    expect(started.status).toBe('capturing');

    for (const [seq, data] of webm.chunks.entries()) {
      const ack = (await dispatch('capture.appendChunk', { recordingId: started.id, seq, data }, ctx)) as {
        bytes: number;
        nextSeq: number;
      };
      expect(ack.nextSeq).toBe(seq + 1);
    }
    // chunks are on disk as they arrive
    const staging = filesUnder(path.join(dir, 'media')).find((f) => f.endsWith('capture.webm'))!;
    expect(fs.readFileSync(staging).equals(fs.readFileSync(webm.file))).toBe(true);

    await dispatch('markers.add', { recordingId: started.id, atSeconds: 1.5, tag: 'regard' }, ctx);
    await dispatch('markers.add', { recordingId: started.id, atSeconds: 4.25 }, ctx);
    const { jobId } = (await dispatch('capture.finish', { recordingId: started.id }, ctx)) as { jobId: string };
    expect(await waitForJob(ctx, jobId)).toBe('done');

    const recording = (await dispatch('recordings.get', { id: started.id }, ctx)) as Recording;
    expect(recording).toMatchObject({ status: 'ready', hasVideo: true, hasAudio: true, width: 640, height: 360, recovered: false });
    expect(recording.durationSeconds!).toBeGreaterThan(5.5);
    expect(recording.durationSeconds!).toBeLessThan(6.5);
    expect(recording.people).toEqual([expect.objectContaining({ personId, part: 'candidate', displayName: 'Léa' })]);
    expect(recording.markers.map((m) => [m.atSeconds, m.tag])).toEqual([
      [1.5, 'regard'],
      [4.25, ''],
    ]);
    expect(progress.at(-1)).toBe(1);

    const master = ctx.library.mediaAssets.resolve(recording.masterAssetId!);
    const probed = await probe(binaries, master.absolutePath);
    expect(probed.video?.codec).toBe('h264');
    expect(probed.audio?.codec).toBe('aac');
    expect(fs.existsSync(staging)).toBe(false); // the master replaces the capture file
    const waveform = JSON.parse(fs.readFileSync(ctx.library.mediaAssets.resolve(recording.waveformAssetId!).absolutePath, 'utf8'));
    expect(waveform.peaks.length).toBeGreaterThan(100);
    expect(Math.max(...waveform.peaks)).toBeGreaterThan(0.1);
    expect(recording.filmstripFrames).toBeGreaterThanOrEqual(8);
    expect(fs.statSync(ctx.library.mediaAssets.resolve(recording.posterAssetId!).absolutePath).size).toBeGreaterThan(1000);
  });

  it('acknowledges a resent chunk again, refuses gaps and chunks after the stop', async () => {
    const { ctx, sessionId } = await freshLibrary();
    const started = (await dispatch(
      'capture.start',
      { sessionId, kind: 'testimony', source: 'camera', mimeType: 'video/webm' },
      ctx,
    )) as Recording;
    await dispatch('capture.appendChunk', { recordingId: started.id, seq: 0, data: webm.chunks[0] }, ctx);
    const again = (await dispatch('capture.appendChunk', { recordingId: started.id, seq: 0, data: webm.chunks[0] }, ctx)) as {
      bytes: number;
    };
    expect(again.bytes).toBe(webm.chunks[0]!.length);
    await expect(dispatch('capture.appendChunk', { recordingId: started.id, seq: 2, data: webm.chunks[2] }, ctx)).rejects.toMatchObject({
      code: 'conflict',
      field: 'seq',
    });
    await expect(dispatch('capture.appendChunk', { recordingId: started.id, seq: 1, data: new Uint8Array(0) }, ctx)).rejects.toMatchObject({
      code: 'invalid-input',
      field: 'data',
    });
    await dispatch('capture.discard', { recordingId: started.id }, ctx);
    await expect(dispatch('capture.appendChunk', { recordingId: started.id, seq: 1, data: webm.chunks[1] }, ctx)).rejects.toMatchObject({
      code: 'not-found',
    });
  });

  it('refuses to finalise an empty capture and leaves nothing behind', async () => {
    const { ctx, dir, sessionId } = await freshLibrary();
    const started = (await dispatch(
      'capture.start',
      { sessionId, kind: 'interview', source: 'camera', mimeType: 'video/webm' },
      ctx,
    )) as Recording;
    await expect(dispatch('capture.finish', { recordingId: started.id }, ctx)).rejects.toMatchObject({ code: 'invalid-input' });
    expect(filesUnder(path.join(dir, 'media'))).toEqual([]);
    expect(await dispatch('recordings.list', {}, ctx)).toEqual([]);
  });

  it('recovers a capture whose writer was killed mid-way (SIGKILL), keeping what was acknowledged', async () => {
    const { ctx, dir, sessionId } = await freshLibrary();
    closeApiContext(ctx);
    const chunkDir = path.join(root, 'chunks');
    fs.mkdirSync(chunkDir, { recursive: true });
    webm.chunks.forEach((chunk, i) => fs.writeFileSync(path.join(chunkDir, `chunk-${i}`), chunk));

    const child = spawn(
      process.execPath,
      ['--import', 'tsx', path.resolve(__dirname, '../helpers/killableCapture.ts'), dir, String(sessionId), chunkDir, '3'],
      {
        cwd: path.resolve(__dirname, '../..'),
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    const line = await new Promise<string>((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (data: Buffer) => {
        out += data.toString();
        if (out.includes('\n')) resolve(out);
      });
      child.on('exit', (code) => reject(new Error(`child exited early with ${code}`)));
    });
    expect(line).toMatch(/acknowledged 3/);
    child.kill('SIGKILL');
    await new Promise((resolve) => child.once('exit', resolve));

    const reopened = createApiContext(dir, 'http');
    contexts.push(reopened);
    const [unfinished] = (await dispatch('recordings.list', {}, reopened)) as Recording[];
    expect(unfinished!.status).toBe('capturing');
    const report = reopened.capture.recoverUnfinished();
    expect(report).toEqual([{ recordingId: unfinished!.id, action: 'recovering', jobId: expect.any(String) }]);
    expect(await waitForJob(reopened, report[0]!.jobId!)).toBe('done');

    const recovered = (await dispatch('recordings.get', { id: unfinished!.id }, reopened)) as Recording;
    expect(recovered).toMatchObject({ status: 'ready', recovered: true, hasVideo: true });
    // 3 of 6 chunks of a 6 s take: about 3 s survive (chunk edges fall mid-cluster)
    expect(recovered.durationSeconds!).toBeGreaterThan(1.5);
    expect(recovered.durationSeconds!).toBeLessThan(4.5);
    const master = await probe(binaries, reopened.library.mediaAssets.resolve(recovered.masterAssetId!).absolutePath);
    expect(master.video?.codec).toBe('h264');
  });

  it('drops bytes written but never acknowledged when a capture resumes', async () => {
    const { ctx, dir, sessionId } = await freshLibrary();
    const started = (await dispatch(
      'capture.start',
      { sessionId, kind: 'interview', source: 'camera', mimeType: 'video/webm' },
      ctx,
    )) as Recording;
    await dispatch('capture.appendChunk', { recordingId: started.id, seq: 0, data: webm.chunks[0] }, ctx);
    closeApiContext(ctx);
    const staging = filesUnder(path.join(dir, 'media')).find((f) => f.endsWith('capture.webm'))!;
    fs.appendFileSync(staging, Buffer.from('half-written chunk that was never acknowledged'));
    const reopened = createApiContext(dir, 'http');
    contexts.push(reopened);
    await dispatch('capture.appendChunk', { recordingId: started.id, seq: 1, data: webm.chunks[1] }, reopened);
    expect(fs.readFileSync(staging).equals(Buffer.concat([webm.chunks[0]!, webm.chunks[1]!]))).toBe(true);
  });
});

describe('import of existing files', () => {
  const sources: Array<{ name: string; args: string[]; expect: Partial<Recording> }> = [
    {
      name: 'phone.mp4',
      args: [...testSourceInputs(2, { rate: 30 }), '-c:v', 'libx264', '-c:a', 'aac', '-shortest'],
      expect: { hasVideo: true, hasAudio: true, width: 320, height: 240 },
    },
    {
      name: 'camera.mov',
      args: [...testSourceInputs(2, { rate: 25 }), '-c:v', 'mpeg4', '-c:a', 'pcm_s16le', '-shortest'],
      expect: { hasVideo: true, hasAudio: true },
    },
    {
      name: 'film.mkv',
      args: [...testSourceInputs(2, { rate: 25 }), '-c:v', 'libx264', '-c:a', 'libopus', '-shortest'],
      expect: { hasVideo: true, hasAudio: true },
    },
    {
      name: 'browser.webm',
      args: [...testSourceInputs(2, { rate: 25 }), '-c:v', 'libvpx-vp9', '-deadline', 'realtime', '-c:a', 'libopus', '-shortest'],
      expect: { hasVideo: true, hasAudio: true },
    },
    {
      name: 'old.avi',
      args: [...testSourceInputs(2, { rate: 25 }), '-c:v', 'mjpeg', '-c:a', 'pcm_s16le', '-shortest'],
      expect: { hasVideo: true, hasAudio: true },
    },
    {
      name: 'vfr.mp4',
      args: [
        '-f',
        'lavfi',
        '-i',
        'testsrc2=size=320x240:rate=30:duration=2',
        '-vf',
        "select='not(mod(n\\,3))+lt(n\\,10)'",
        '-fps_mode',
        'vfr',
        '-c:v',
        'libx264',
        '-an',
      ],
      expect: { hasVideo: true, hasAudio: false },
    },
    {
      name: 'voice.m4a',
      args: ['-f', 'lavfi', '-i', 'sine=duration=2', '-c:a', 'aac'],
      expect: { hasVideo: false, hasAudio: true, posterAssetId: null },
    },
    {
      name: 'silent.mp4',
      args: ['-f', 'lavfi', '-i', 'testsrc2=size=320x240:rate=25:duration=2', '-c:v', 'libx264', '-an'],
      expect: { hasVideo: true, hasAudio: false, waveformAssetId: null },
    },
  ];

  it.each(sources)('imports $name', async (source) => {
    const { ctx, sessionId } = await freshLibrary();
    const file = path.join(media, source.name);
    const { runFfmpegSync } = await import('../helpers/media');
    runFfmpegSync([...source.args, file]);
    const before = fs.readFileSync(file);
    const recording = (await dispatch('recordings.importFile', { path: file, sessionId, kind: 'testimony' }, ctx)) as Recording;
    expect(recording).toMatchObject({ status: 'ready', source: 'file', ...source.expect });
    expect(recording.durationSeconds!).toBeGreaterThan(1.5);
    expect(recording.durationSeconds!).toBeLessThan(2.6);
    expect(fs.readFileSync(file).equals(before)).toBe(true); // the source is untouched
    const master = await probe(binaries, ctx.library.mediaAssets.resolve(recording.masterAssetId!).absolutePath);
    if (source.expect.hasVideo) expect(master.video?.codec).toBe('h264');
    if (source.expect.hasAudio) expect(master.audio?.codec).toBe('aac');
  });

  it('imports a portrait phone video the right way up', async () => {
    const { ctx, sessionId } = await freshLibrary();
    const landscape = makeTestVideo(media, 'to-rotate.mp4', 2);
    const portrait = path.join(media, 'portrait.mp4');
    const { runFfmpegSync } = await import('../helpers/media');
    runFfmpegSync(['-i', landscape, '-c', 'copy', '-metadata:s:v:0', 'rotate=90', portrait]);
    const recording = (await dispatch('recordings.importFile', { path: portrait, sessionId }, ctx)) as Recording;
    expect(recording).toMatchObject({ width: 240, height: 320 });
  });

  it('refuses a corrupt file, a text file renamed .mp4 and a missing file, leaving the library unchanged', async () => {
    const { ctx, dir, sessionId } = await freshLibrary();
    const good = makeTestVideo(media, 'to-corrupt.mp4', 2);
    const truncated = path.join(media, 'truncated.mp4');
    fs.writeFileSync(truncated, fs.readFileSync(good).subarray(0, 20_000));
    const text = path.join(media, 'notes.mp4');
    fs.writeFileSync(text, 'Compte rendu de l’atelier, pas une vidéo.\n');
    const dbRowsBefore = JSON.stringify(
      ctx.library.db.prepare('SELECT (SELECT count(*) FROM recordings) r, (SELECT count(*) FROM media_assets) a').get(),
    );

    for (const [file, code, pattern] of [
      [truncated, 'media-failed', /ne peut pas être lu/],
      [text, 'media-failed', /ne peut pas être lu/],
      [path.join(media, 'absent.mp4'), 'not-found', /n’existe pas/],
    ] as const) {
      await expect(dispatch('recordings.importFile', { path: file, sessionId }, ctx)).rejects.toMatchObject({
        code,
        message: expect.stringMatching(pattern),
      });
    }
    expect(filesUnder(path.join(dir, 'media'))).toEqual([]);
    expect(
      JSON.stringify(ctx.library.db.prepare('SELECT (SELECT count(*) FROM recordings) r, (SELECT count(*) FROM media_assets) a').get()),
    ).toBe(dbRowsBefore);
  });

  it('is refused to pages (untrusted transports): it reads paths', async () => {
    const { ctx, sessionId } = await freshLibrary();
    const page = { ...ctx, trusted: false };
    await expect(dispatch('recordings.importFile', { path: '/etc/passwd', sessionId }, page)).rejects.toMatchObject({ code: 'forbidden' });
  });
});

describe('deleting a recording', () => {
  it('removes its rows and every file', async () => {
    const { ctx, dir, sessionId, personId } = await freshLibrary();
    const recording = (await dispatch(
      'recordings.importFile',
      { path: makeTestVideo(media, 'to-delete.mp4', 2), sessionId, people: [{ personId }] },
      ctx,
    )) as Recording;
    await dispatch('markers.add', { recordingId: recording.id, atSeconds: 1 }, ctx);
    expect(filesUnder(path.join(dir, 'media')).length).toBeGreaterThanOrEqual(4);
    await dispatch('recordings.delete', { id: recording.id }, ctx);
    expect(filesUnder(path.join(dir, 'media'))).toEqual([]);
    const counts = ctx.library.db
      .prepare(
        'SELECT (SELECT count(*) FROM recordings) + (SELECT count(*) FROM media_assets) + (SELECT count(*) FROM markers) + (SELECT count(*) FROM recording_people) AS n',
      )
      .get();
    expect(counts).toEqual({ n: 0 });
  });
});
