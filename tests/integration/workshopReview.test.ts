// Issue 16 §4 and §9 on the API: a take left "en cours" by a closed page is finalised from what
// was received while the app runs (browser mode notices the silent stream), a take still sending
// is left alone; clips can be renamed, trimmed to the frame and their speaker changed (API and
// CLI); the feedback sheet never prints a quick comment's category twice ("Voix : Voix").
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { closeApiContext, createApiContext, dispatch, type ApiContext } from '../../src-main/app';
import type { Recording } from '../../src-shared/contract/schemas';
import type { Clip } from '../../src-shared/contract/schemas/editing';
import { categoryAndText } from '../../src-main/review/commentLine';
import { startTestServer } from '../helpers/apiServer';
import { makeTestVideo, makeWebmChunks } from '../helpers/media';
import { makeTempDir } from '../helpers/tempDir';

const root = makeTempDir('eric-workshop-review-');
const sources = path.join(root, 'sources');
fs.mkdirSync(sources);
const webm = makeWebmChunks(sources, 6, 6);
const contexts: ApiContext[] = [];
afterAll(() => contexts.forEach((ctx) => ctx.library.db.open && closeApiContext(ctx)));

async function setUp(ctx: ApiContext) {
  const project = (await dispatch('projects.create', { name: 'Atelier', kind: 'interview-workshop' }, ctx)) as { id: number };
  const session = (await dispatch('sessions.create', { projectId: project.id, date: '2026-11-23' }, ctx)) as { id: number };
  const samira = (await dispatch('people.add', { projectId: project.id, displayName: 'Samira', role: 'job-seeker' }, ctx)) as {
    id: number;
  };
  const marc = (await dispatch('people.add', { projectId: project.id, displayName: 'Marc', role: 'employer' }, ctx)) as { id: number };
  return { projectId: project.id, sessionId: session.id, samiraId: samira.id, marcId: marc.id };
}

/** Until no job runs (a finalise must not outlive its library). */
async function waitForJobs(ctx: ApiContext): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (ctx.jobs.list().some((job) => !['done', 'failed', 'cancelled'].includes(job.status)) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const startTake = (ctx: ApiContext, sessionId: number) =>
  dispatch(
    'capture.start',
    { sessionId, kind: 'interview', source: 'camera', mimeType: 'video/webm;codecs=vp8,opus' },
    ctx,
  ) as Promise<Recording>;

describe('a take left in the middle by its page (issue 16 §9)', () => {
  it('is finalised from what was received once its page has been silent, with its real length; a live take is left alone', async () => {
    const server = await startTestServer(null, { silentTakeSeconds: 2 });
    const { sessionId } = await setUp(server.ctx);
    const abandoned = await startTake(server.ctx, sessionId);
    const live = await startTake(server.ctx, sessionId);
    // the abandoned page sent 4 of its 6 seconds, then went away; the live page keeps sending
    for (let seq = 0; seq < 4; seq++) {
      const response = await fetch(`${server.url}api/capture.appendChunk?recordingId=${abandoned.id}&seq=${seq}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/octet-stream' },
        body: new Uint8Array(webm.chunks[seq]!),
      });
      expect(response.status).toBe(200);
    }
    let liveSeq = 0;
    const started = Date.now();
    while (Date.now() - started < 3500) {
      await dispatch(
        'capture.appendChunk',
        { recordingId: live.id, seq: liveSeq, data: webm.chunks[liveSeq % 6]!.subarray(0, 64) },
        server.ctx,
      );
      liveSeq += 1;
      await new Promise((resolve) => setTimeout(resolve, 400));
    }
    // the live take was never more than 0.4 s silent: still being filmed
    expect(((await dispatch('recordings.get', { id: live.id }, server.ctx)) as Recording).status).toBe('capturing');

    const deadline = Date.now() + 60_000;
    let recovered = (await dispatch('recordings.get', { id: abandoned.id }, server.ctx)) as Recording;
    while (recovered.status !== 'ready' && recovered.status !== 'failed' && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      recovered = (await dispatch('recordings.get', { id: abandoned.id }, server.ctx)) as Recording;
    }
    expect(recovered).toMatchObject({ status: 'ready', recovered: true, hasVideo: true, source: 'camera' });
    // 4 of 6 chunks of a 6 s take: about 4 s (chunk edges fall mid-cluster)
    expect(recovered.durationSeconds!).toBeGreaterThan(2.5);
    expect(recovered.durationSeconds!).toBeLessThan(5);
    // the page that was closed cannot add to a finalised take
    const late = await server.call('capture.finish', { recordingId: abandoned.id });
    expect(late.status).toBe(409);
    // once the live page stops too, its take goes the same way (then every job ends before the library closes)
    await waitForJobs(server.ctx);
  });

  it('decides by the clock: silent long enough is recovered, a take with nothing received is removed, a finished one is not touched', async () => {
    const ctx = createApiContext(path.join(root, 'library-clock'), 'http', { trusted: true });
    contexts.push(ctx);
    const { sessionId } = await setUp(ctx);
    const withData = await startTake(ctx, sessionId);
    await dispatch('capture.appendChunk', { recordingId: withData.id, seq: 0, data: webm.chunks[0] }, ctx);
    await dispatch('capture.appendChunk', { recordingId: withData.id, seq: 1, data: webm.chunks[1] }, ctx);
    const empty = await startTake(ctx, sessionId);
    const finished = await startTake(ctx, sessionId);
    await dispatch('capture.appendChunk', { recordingId: finished.id, seq: 0, data: webm.chunks[0] }, ctx);
    await dispatch('capture.finish', { recordingId: finished.id }, ctx);

    expect(ctx.capture.recoverSilentCaptures(10_000, Date.now() + 5_000)).toEqual([]);
    const recovered = ctx.capture.recoverSilentCaptures(10_000, Date.now() + 11_000);
    expect(recovered).toEqual([{ recordingId: withData.id, jobId: expect.any(String) }]);
    const list = (await dispatch('recordings.list', { sessionId }, ctx)) as Recording[];
    expect(list.map((r) => r.id).sort()).toEqual([withData.id, finished.id].sort());
    expect(list.find((r) => r.id === withData.id)).toMatchObject({ status: 'finalising', recovered: true });
    expect(list.find((r) => r.id === finished.id)!.recovered).toBe(false);
    expect(list.some((r) => r.id === empty.id)).toBe(false);
    await waitForJobs(ctx);
  });
});

describe('clips.update: rename, trim to the frame, change the speaker (issue 16 §4)', () => {
  const ctx = createApiContext(path.join(root, 'library-clips'), 'http', { trusted: true });
  contexts.push(ctx);

  it('changes name, in and out, and speaker; refuses a speaker who is not in the recording and an end before the start', async () => {
    const { sessionId, samiraId, marcId, projectId } = await setUp(ctx);
    const file = makeTestVideo(sources, 'entretien.mp4', 4);
    const recording = (await dispatch(
      'recordings.importFile',
      { path: file, sessionId, title: 'Entretien', people: [{ personId: samiraId, part: 'candidate' }] },
      ctx,
    )) as Recording;
    const clip = (await dispatch(
      'clips.create',
      { recordingId: recording.id, name: 'Premier essai', inSeconds: 0.5, outSeconds: 2.5, speakerPersonId: null },
      ctx,
    )) as Clip;

    const updated = (await dispatch(
      'clips.update',
      { id: clip.id, changes: { name: 'La poignée de main', inSeconds: 1, outSeconds: 3, speakerPersonId: samiraId } },
      ctx,
    )) as Clip;
    expect(updated).toMatchObject({ id: clip.id, name: 'La poignée de main', inSeconds: 1, outSeconds: 3, speakerPersonId: samiraId });
    const listed = (await dispatch('clips.list', { recordingId: recording.id }, ctx)) as Clip[];
    expect(listed).toEqual([
      expect.objectContaining({ name: 'La poignée de main', inSeconds: 1, outSeconds: 3, speakerPersonId: samiraId }),
    ]);

    // only the fields given change
    const renamed = (await dispatch('clips.update', { id: clip.id, changes: { name: 'Poignée de main' } }, ctx)) as Clip;
    expect(renamed).toMatchObject({ name: 'Poignée de main', inSeconds: 1, outSeconds: 3, speakerPersonId: samiraId });
    const noSpeaker = (await dispatch('clips.update', { id: clip.id, changes: { speakerPersonId: null } }, ctx)) as Clip;
    expect(noSpeaker.speakerPersonId).toBeNull();

    // Marc is in the project but not in this recording; an end before the start is no clip
    await expect(dispatch('clips.update', { id: clip.id, changes: { speakerPersonId: marcId } }, ctx)).rejects.toMatchObject({
      code: 'invalid-input',
    });
    await expect(dispatch('clips.update', { id: clip.id, changes: { inSeconds: 3, outSeconds: 2 } }, ctx)).rejects.toMatchObject({
      code: 'invalid-input',
    });
    await expect(dispatch('clips.update', { id: clip.id, changes: { name: '' } }, ctx)).rejects.toMatchObject({ code: 'invalid-input' });
    expect(((await dispatch('clips.list', { projectId }, ctx)) as Clip[])[0]).toMatchObject({ name: 'Poignée de main', inSeconds: 1 });
  });

  it('the CLI verb "clip update" renames, trims and sets the speaker', async () => {
    closeApiContext(ctx);
    const library = path.join(root, 'library-clips');
    const cli = (...args: string[]) =>
      spawnSync(process.execPath, ['--import', 'tsx', 'src-main/cli/main.ts', ...args, '--library', library, '--json'], {
        cwd: path.resolve(__dirname, '../..'),
        encoding: 'utf8',
      });
    const [clip] = JSON.parse(cli('clip', 'list', '--project', '1').stdout) as Clip[];
    const result = cli(
      'clip',
      'update',
      '--clip',
      String(clip!.id),
      '--name',
      'Le sourire',
      '--from',
      '00:00:00.500',
      '--to',
      '2',
      '--speaker',
      'none',
    );
    expect(result.status, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({
      id: clip!.id,
      name: 'Le sourire',
      inSeconds: 0.5,
      outSeconds: 2,
      speakerPersonId: null,
    });
    const bad = cli('clip', 'update', '--clip', String(clip!.id), '--to', 'soon');
    expect(bad.status).toBe(2);
  });
});

describe('the feedback sheet line of a comment (issue 16 §3)', () => {
  it('a quick comment never completed prints "Voix", a completed one "Posture : Dos droit", never "Voix : Voix"', async () => {
    const sheetCtx = createApiContext(path.join(root, 'library-sheet'), 'http', { trusted: true });
    contexts.push(sheetCtx);
    const { sessionId, samiraId } = await setUp(sheetCtx);
    for (const scope of ['recording', 'workshop'])
      await dispatch('consent.set', { personId: samiraId, scope, status: 'granted', method: 'signed-form' }, sheetCtx);
    const recording = (await dispatch(
      'recordings.importFile',
      { path: makeTestVideo(sources, 'fiche.mp4', 3), sessionId, title: 'Entretien', people: [{ personId: samiraId, part: 'candidate' }] },
      sheetCtx,
    )) as Recording;
    await dispatch('comments.add', { recordingId: recording.id, startSeconds: 1, category: 'Voix', text: 'Voix' }, sheetCtx);
    const posture = (await dispatch(
      'comments.add',
      { recordingId: recording.id, startSeconds: 2, category: 'Posture', text: 'Posture' },
      sheetCtx,
    )) as {
      id: number;
    };
    await dispatch('comments.update', { id: posture.id, changes: { text: 'Dos droit, mains posées' } }, sheetCtx);
    const sheet = (await dispatch('feedback.sheet', { recordingId: recording.id }, sheetCtx)) as { assetId: number };
    const text = execFileSync('pdftotext', ['-layout', sheetCtx.library.mediaAssets.resolve(sheet.assetId).absolutePath, '-'], {
      encoding: 'utf8',
    });
    expect(text).toContain('Posture : Dos droit, mains posées');
    expect(text).toMatch(/• Voix +\(/);
    expect(text).not.toMatch(/Voix\s*:\s*Voix/);
    expect(text).not.toMatch(/Posture\s*:\s*Posture/);
  });

  it('prints a quick comment never completed as its category alone, and a completed one as category : text', () => {
    expect(categoryAndText('Voix', 'Voix')).toBe('Voix');
    expect(categoryAndText('Voix', ' voix ')).toBe('Voix');
    expect(categoryAndText('Voix', 'Trop basse au début')).toBe('Voix : Trop basse au début');
    expect(categoryAndText('', 'Sans catégorie')).toBe('Sans catégorie');
  });
});
