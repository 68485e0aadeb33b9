// The face detector works in its own thread: during a real analysis the main event loop stays
// free (it answers API calls; the detector's model is never loaded in it), a cancelled analysis
// stops mid-way and leaves the thread ready, a thread that dies fails the job with a French
// message and the next analysis starts a new one, and closing the library ends the thread.
import { createRequire } from 'node:module';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { threadId as mainThreadId, type Worker } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeApiContext, createApiContext, dispatch, type ApiContext } from '../../src-main/app';
import type { FaceTracksView, Recording } from '../../src-shared/contract/schemas';
import { makeTempDir } from '../helpers/tempDir';
import { faceProject } from '../helpers/faceProject';
import { makeFaceVideo } from '../helpers/faceVideos';

const root = makeTempDir('eric-faces-worker-');
let ctx: ApiContext;
let closed = false;
const call = <T>(method: string, input: unknown) => dispatch(method, input, ctx) as Promise<T>;
let recording: Recording;

interface Finished {
  jobId: string;
  outcome: string;
  error: { code: string; message: string } | null;
}

beforeAll(async () => {
  ctx = createApiContext(path.join(root, 'library'), 'http', { trusted: true });
  const video = makeFaceVideo(
    root,
    'faces.mp4',
    [
      { x: '40+50*t', y: '30', size: '150', at: (t) => ({ x: 40 + 50 * t, y: 30, size: 150 }) },
      { x: '420', y: '180', size: '140', at: () => ({ x: 420, y: 180, size: 140 }) },
    ],
    { seconds: 8 },
  );
  ({ recording } = await faceProject(call, {
    projectName: 'Fil du détecteur',
    file: video.file,
    title: 'Témoignage',
    people: [{ displayName: 'Léa Fontvieille', role: 'young-person', scopes: ['recording'] }],
  }));
}, 120_000);

afterAll(() => {
  if (!closed) closeApiContext(ctx);
});

/** Resolves when `check` holds, looking again at each turn of a 20 ms timer. */
function until(check: () => boolean): Promise<void> {
  return new Promise((resolve) => {
    const timer = setInterval(() => {
      if (!check()) return;
      clearInterval(timer);
      resolve();
    }, 20);
  });
}

/** The end of a job, listened to from before it starts. */
function jobFinished(): { jobId: (id: string) => void; finished: Promise<Finished> } {
  let wanted: string | null = null;
  const seen: Finished[] = [];
  let resolveFinished!: (value: Finished) => void;
  const finished = new Promise<Finished>((resolve) => (resolveFinished = resolve));
  const unsubscribe = ctx.events.subscribe((event, payload) => {
    if (event !== 'job.finished') return;
    seen.push(payload as Finished);
    const match = seen.find((entry) => entry.jobId === wanted);
    if (match) {
      unsubscribe();
      resolveFinished(match);
    }
  });
  return {
    jobId: (id) => {
      wanted = id;
      const match = seen.find((entry) => entry.jobId === id);
      if (match) {
        unsubscribe();
        resolveFinished(match);
      }
    },
    finished,
  };
}

const loadedInThisThread = (name: string) =>
  Object.keys(createRequire(__filename).cache).some((file) => file.split(path.sep).join('/').includes(`/node_modules/${name}/`));

const workerOf = () => (ctx.faces.detector as unknown as { worker: Worker | null }).worker;

describe('the face detector’s own thread', () => {
  let analysedAt: string | null = null;

  it('detects in another thread while the main event loop stays free to answer', async () => {
    expect(ctx.faces.detector.running).toBe(false); // started lazily, by the first analysis
    let answered = 0;
    let longestDelay = 0;
    let last = performance.now();
    let ticks = 0;
    const loop = setInterval(() => {
      const now = performance.now();
      longestDelay = Math.max(longestDelay, now - last - 10);
      last = now;
      // the review screen keeps asking while the analysis runs
      if (++ticks % 5 === 0) void call('faces.tracks', { recordingId: recording.id }).then(() => answered++);
    }, 10);
    const busy = performance.eventLoopUtilization();
    const { result } = await call<{ result: { analysedFrames: number; tracks: number } }>('faces.analyse', {
      recordingId: recording.id,
      wait: true,
    });
    const utilisation = performance.eventLoopUtilization(busy).utilization;
    clearInterval(loop);
    console.info(
      `main event loop during the analysis: ${(utilisation * 100).toFixed(0)} % busy, longest timer delay ${longestDelay.toFixed(0)} ms, ` +
        `${answered} API calls answered, ${result.analysedFrames} frames`,
    );
    expect(result.analysedFrames).toBeGreaterThanOrEqual(45);
    expect(result.tracks).toBeGreaterThanOrEqual(2);
    // every frame was answered by the detector's thread, which is not this one
    expect(ctx.faces.detector.framesDetected).toBe(result.analysedFrames);
    expect(ctx.faces.detector.threadId).toEqual(expect.any(Number));
    expect(ctx.faces.detector.threadId).not.toBe(mainThreadId);
    // the detector, TensorFlow.js and the weights were never loaded here
    expect(loadedInThisThread('@vladmandic/face-api')).toBe(false);
    expect(loadedInThisThread('@tensorflow/tfjs-backend-wasm')).toBe(false);
    // the main loop mostly waited (detecting a frame here took it whole)
    expect(utilisation).toBeLessThan(0.5);
    expect(answered).toBeGreaterThan(0);
    analysedAt = (await call<FaceTracksView>('faces.tracks', { recordingId: recording.id })).analysedAt;
    expect(analysedAt).not.toBeNull();
  }, 180_000);

  it('cancels mid-way: the job ends cancelled, the cached tracks stay, the thread stays ready', async () => {
    const thread = ctx.faces.detector.threadId;
    const before = ctx.faces.detector.framesDetected;
    const watch = jobFinished();
    const { jobId } = await call<{ jobId: string }>('faces.analyse', { recordingId: recording.id });
    watch.jobId(jobId);
    await until(() => ctx.faces.detector.framesDetected >= before + 5);
    await call('jobs.cancel', { jobId });
    const finished = await watch.finished;
    expect(finished.outcome).toBe('cancelled');
    const done = ctx.faces.detector.framesDetected - before;
    expect(done).toBeLessThan(45); // stopped well before the 48 frames of the video
    expect((await call<FaceTracksView>('faces.tracks', { recordingId: recording.id })).analysedAt).toBe(analysedAt);
    expect(ctx.faces.detector.running).toBe(true);
    expect(ctx.faces.detector.threadId).toBe(thread);
    // and it answers the next analysis, in the same thread
    const { result } = await call<{ result: { analysedFrames: number } }>('faces.analyse', { recordingId: recording.id, wait: true });
    expect(result.analysedFrames).toBeGreaterThanOrEqual(45);
    expect(ctx.faces.detector.threadId).toBe(thread);
    analysedAt = (await call<FaceTracksView>('faces.tracks', { recordingId: recording.id })).analysedAt;
  }, 180_000);

  it('a thread that dies fails the analysis with a French message; the next analysis starts a new thread and works', async () => {
    const thread = ctx.faces.detector.threadId;
    const before = ctx.faces.detector.framesDetected;
    const watch = jobFinished();
    const { jobId } = await call<{ jobId: string }>('faces.analyse', { recordingId: recording.id });
    watch.jobId(jobId);
    await until(() => ctx.faces.detector.framesDetected >= before + 5);
    // the thread ends under the analysis (as it would on a crash or running out of memory)
    await workerOf()!.terminate();
    const finished = await watch.finished;
    expect(finished.outcome).toBe('failed');
    expect(finished.error?.message).toMatch(
      /^La recherche des visages s’est arrêtée : le module qui trouve les visages a cessé de fonctionner\.$/,
    );
    const job = (await call<Array<{ jobId: string; error: { hint?: string } | null }>>('jobs.list', {})).find(
      (entry) => entry.jobId === jobId,
    );
    expect(job?.error?.hint).toMatch(/Relancez l’analyse des visages/);
    expect(ctx.faces.detector.running).toBe(false);
    // nothing half-done was kept
    expect((await call<FaceTracksView>('faces.tracks', { recordingId: recording.id })).analysedAt).toBe(analysedAt);
    const { result } = await call<{ result: { analysedFrames: number; tracks: number } }>('faces.analyse', {
      recordingId: recording.id,
      wait: true,
    });
    expect(result.analysedFrames).toBeGreaterThanOrEqual(45);
    expect(result.tracks).toBeGreaterThanOrEqual(2);
    expect(ctx.faces.detector.running).toBe(true);
    expect(ctx.faces.detector.threadId).not.toBe(thread);
    expect(ctx.faces.detector.threadId).not.toBe(mainThreadId);
  }, 180_000);

  it('closing the library ends the detector thread', async () => {
    const worker = workerOf()!;
    const exited = new Promise<number>((resolve) => worker.once('exit', resolve));
    closeApiContext(ctx);
    closed = true;
    await exited;
    expect(ctx.faces.detector.running).toBe(false);
  });
});
