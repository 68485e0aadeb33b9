// Crash tests: the process is SIGKILLed in the middle of a render and of a pack build.
// Afterwards the library opens, nothing half-written is presented as an export,
// start-up recovery stops the orphan encoder and removes the partial files (even
// outside the library), says what was interrupted, and the work can simply be redone.
// FAULTS_FULL=1 (npm run test:faults) kills at several points of each job.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Recording, SystemInfo } from '../../src-shared/contract/schemas';
import { makeFrameCodedVideo, probeStreams } from '../helpers/frameCodedMedia';
import { makeTempDir } from '../helpers/tempDir';
import { closeApiContext, createApiContext, dispatch, recoverUnfinishedWork, type ApiContext } from '../../src-main/app';

const root = makeTempDir('eric-faults-');
const libraryDir = path.join(root, 'library');
const killPoints = process.env.FAULTS_FULL ? [0.05, 0.5, 0.9] : [0.2];
let projectId: number;
let montageId: number;

beforeAll(async () => {
  const ctx = createApiContext(libraryDir, 'http', { trusted: true });
  const call = (method: string, input: unknown) => dispatch(method, input, ctx) as Promise<{ id: number }>;
  projectId = (await call('projects.create', { name: 'Crash', kind: 'interview-workshop' })).id;
  const person = (await call('people.add', { projectId, displayName: 'Noé', role: 'job-seeker' })).id;
  for (const scope of ['recording', 'workshop'])
    await call('consent.set', { personId: person, scope, status: 'granted', method: 'signed-form' });
  const recording = (await dispatch(
    'recordings.importFile',
    { path: makeFrameCodedVideo(root, 20), projectId, people: [{ personId: person }] },
    ctx,
  )) as Recording;
  // in and out points on the 25 fps grid: each clip holds exactly 9 s of frames (225)
  const clipA = (await call('clips.create', { recordingId: recording.id, name: 'A', inSeconds: 0.6, outSeconds: 9.6, tags: ['Un'] })).id;
  const clipB = (await call('clips.create', { recordingId: recording.id, name: 'B', inSeconds: 10.4, outSeconds: 19.4, tags: ['Deux'] }))
    .id;
  montageId = (await call('montages.create', { projectId, name: 'Film' })).id;
  await call('montages.update', {
    id: montageId,
    changes: {
      preset: '1080p',
      items: [
        { kind: 'clip', clipId: clipA },
        { kind: 'clip', clipId: clipB },
      ],
    },
  });
  closeApiContext(ctx);
}, 120_000);

const contexts: ApiContext[] = [];
afterAll(() => contexts.forEach((ctx) => ctx.library.db.open && closeApiContext(ctx)));

async function runAndKill(mode: 'render' | 'pack', destination: string, threshold: number): Promise<void> {
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      path.resolve(__dirname, '../helpers/killableExport.ts'),
      libraryDir,
      mode,
      destination,
      String(mode === 'render' ? montageId : projectId),
      String(threshold),
    ],
    { cwd: path.resolve(__dirname, '../..'), stdio: ['ignore', 'pipe', 'inherit'] },
  );
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (data: Buffer) => {
      if (data.toString().includes('progress')) resolve();
    });
    child.on('exit', (code) => reject(new Error(`the child ended by itself (${code}) before being killed`)));
  });
  child.kill('SIGKILL');
  await new Promise((resolve) => child.once('exit', resolve));
}

/** Still running (a zombie waiting for its parent to reap it is not). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    return !/^State:\s+Z/m.test(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
  } catch {
    return false;
  }
}

function markerPids(): number[] {
  const tmp = path.join(libraryDir, 'tmp');
  return fs
    .readdirSync(tmp)
    .filter((name) => name.startsWith('work-') && name.endsWith('.json'))
    .flatMap((name) => (JSON.parse(fs.readFileSync(path.join(tmp, name), 'utf8')) as { ffmpegPids: number[] }).ffmpegPids);
}

async function reopenAndRecover(kind: 'render' | 'pack', destination: string) {
  const pids = markerPids();
  expect(pids.length).toBeGreaterThan(0); // the marker knew which encoder ran
  const ctx = createApiContext(libraryDir, 'http', { trusted: true });
  contexts.push(ctx);
  const exportsBefore = ctx.exports.list(projectId).length;
  const report = recoverUnfinishedWork(ctx);
  expect(report.interrupted).toEqual([expect.objectContaining({ kind })]);
  for (const pid of pids) await expect.poll(() => alive(pid)).toBe(false);
  // nothing half-written remains, in the library or at the destination
  expect(fs.readdirSync(path.dirname(destination)).filter((name) => name.startsWith(path.basename(destination)))).toEqual([]);
  expect(fs.readdirSync(path.join(libraryDir, 'tmp'))).toEqual([]);
  expect(ctx.exports.list(projectId)).toHaveLength(exportsBefore);
  expect(ctx.library.db.pragma('integrity_check', { simple: true })).toBe('ok');
  // recovery is offered: the home screen lists what to start again
  const info = (await dispatch('system.info', {}, ctx)) as SystemInfo;
  expect(info.interrupted).toEqual([expect.objectContaining({ kind })]);
  await dispatch('system.dismissRecovery', {}, ctx);
  return ctx;
}

describe('killed during long work', () => {
  it.each(killPoints)(
    'a render killed at %s of its progress leaves no export and can be redone',
    async (threshold) => {
      const destination = path.join(root, `film-${threshold}.mp4`);
      await runAndKill('render', destination, threshold);
      const ctx = await reopenAndRecover('render', destination);
      const result = (await dispatch(
        'render.start',
        { target: { kind: 'montage', montageId }, audience: 'workshop', destination, wait: true },
        ctx,
      )) as { export: { durationSeconds: number } };
      expect(result.export.durationSeconds).toBe(18);
      expect(probeStreams(destination).map((s) => s.codec_name)).toEqual(['h264', 'aac']);
      closeApiContext(ctx);
    },
    120_000,
  );

  it.each(killPoints)(
    'a pack build killed at %s of its progress leaves no pack and can be redone',
    async (threshold) => {
      const destination = path.join(root, `pack-${threshold}`);
      await runAndKill('pack', destination, threshold);
      const ctx = await reopenAndRecover('pack', destination);
      await dispatch('packs.build', { spec: { projectId, audience: 'workshop' }, destination, zip: true, wait: true }, ctx);
      expect(fs.existsSync(path.join(destination, 'manifest.json'))).toBe(true);
      expect(fs.existsSync(`${destination}.zip`)).toBe(true);
      closeApiContext(ctx);
    },
    180_000,
  );
});
