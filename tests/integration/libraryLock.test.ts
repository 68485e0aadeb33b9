// One process per library: browser mode A records a take through the API while B (a second
// browser-mode server, a writing CLI command) is refused in French and a read command works
// read-only; A's take comes out whole. Stale locks (dead pid, reused pid, silent other
// computer) are taken over; start-up recovery only kills an encoder whose identity matches.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { probe } from '../../src-main/media/probe';
import { acquireLibraryLock, LOCK_FILE_NAME, type LockRecord } from '../../src-main/library/libraryLock';
import { ownProcessIdentity, processStatus, readProcessIdentity } from '../../src-main/platform/processIdentity';
import { recoverUnfinishedWorkMarkers } from '../../src-main/platform/unfinishedWork';
import { binaries, makeWebmChunks } from '../helpers/media';
import { makeTempDir } from '../helpers/tempDir';

const repo = path.resolve(__dirname, '../..');
const root = makeTempDir('eric-lock-');
const children: ChildProcess[] = [];
afterAll(() => children.forEach((child) => child.exitCode === null && child.kill('SIGKILL')));

const BUSY = /Cette bibliothèque est déjà ouverte par ERIC Studio \(processus \d+, depuis \d\d:\d\d\)\. Fermez l'autre fenêtre/;

function cli(library: string, ...args: string[]) {
  return spawnSync(process.execPath, ['--import', 'tsx', 'src-main/cli/main.ts', ...args, '--library', library], {
    cwd: repo,
    encoding: 'utf8',
  });
}

/** The CLI without blocking this process (A's take keeps receiving chunks meanwhile). */
function cliAsync(library: string, ...args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src-main/cli/main.ts', ...args, '--library', library], { cwd: repo });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  return new Promise((resolve) => child.once('close', (status) => resolve({ status, stdout, stderr })));
}

/** Starts browser mode as its own process; resolves with its URL once it listens, or with its exit. */
function startServer(library: string): Promise<{ child: ChildProcess; url: string | null; stderr: () => string; exitCode: number | null }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src-main/server/main.ts', '--library', library, '--port', '0'], {
    cwd: repo,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let stdout = '';
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  return new Promise((resolve) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      stdout += chunk.toString('utf8');
      const found = /mode navigateur\) : (http:\/\/\S+)/.exec(stdout);
      if (found) resolve({ child, url: found[1]!, stderr: () => stderr, exitCode: null });
    });
    child.once('exit', (code) => resolve({ child, url: null, stderr: () => stderr, exitCode: code }));
  });
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the API answers arbitrary JSON
async function api(url: string, method: string, body: unknown, query = ''): Promise<any> {
  const binary = Buffer.isBuffer(body);
  const response = await fetch(`${url}api/${method}${query}`, {
    method: 'POST',
    headers: { 'Content-Type': binary ? 'application/octet-stream' : 'application/json' },
    body: binary ? new Uint8Array(body) : JSON.stringify(body),
  });
  const json = await response.json();
  if (response.status !== 200) throw new Error(`${method}: ${response.status} ${JSON.stringify(json)}`);
  return json.result;
}

function writeLock(library: string, record: Partial<LockRecord>): void {
  fs.mkdirSync(library, { recursive: true });
  const now = new Date().toISOString();
  const full: LockRecord = {
    format: 'eric-studio-lock/1',
    token: 'someone-else',
    pid: 999_999_99,
    image: 'node',
    startToken: 'linux:x:1',
    hostname: os.hostname(),
    holder: 'browser',
    since: now,
    heartbeatAt: now,
    ...record,
  };
  fs.writeFileSync(path.join(library, LOCK_FILE_NAME), JSON.stringify(full));
}

describe('one process per library', () => {
  it('A records through browser mode; a second server and a writing CLI are refused, a read CLI works read-only; the take is whole', async () => {
    const library = path.join(root, 'shared');
    const webm = makeWebmChunks(root, 6, 12);
    const a = await startServer(library);
    expect(a.url, a.stderr()).not.toBeNull();
    const url = a.url!;
    const lock = JSON.parse(fs.readFileSync(path.join(library, LOCK_FILE_NAME), 'utf8')) as LockRecord;
    expect(lock).toMatchObject({ pid: a.child.pid, holder: 'browser', hostname: os.hostname() });

    const project = await api(url, 'projects.create', { name: 'Atelier', kind: 'interview-workshop' });
    const session = await api(url, 'sessions.create', { projectId: project.id, date: '2026-11-22' });
    const person = await api(url, 'people.add', { projectId: project.id, displayName: 'Léa', role: 'job-seeker' });
    const take = await api(url, 'capture.start', {
      sessionId: session.id,
      kind: 'interview',
      source: 'camera',
      mimeType: 'video/webm;codecs=vp8,opus',
      people: [{ personId: person.id, part: 'candidate' }],
    });

    // A keeps writing while B tries
    let seq = 0;
    const append = async () => {
      await api(url, 'capture.appendChunk', webm.chunks[seq]!, `?recordingId=${take.id}&seq=${seq}`);
      seq++;
    };
    for (let i = 0; i < 4; i++) await append();
    // A keeps writing, a chunk every 300 ms, and holds back its last two chunks until B has tried everything
    let checksDone!: () => void;
    const checked = new Promise<void>((resolve) => (checksDone = resolve));
    const writing = (async () => {
      while (seq < webm.chunks.length - 2) {
        await append();
        await new Promise((resolve) => setTimeout(resolve, 300));
      }
      await checked;
      while (seq < webm.chunks.length) await append();
    })();

    const b = await startServer(library);
    expect(b.url).toBeNull();
    expect(b.exitCode).toBe(1);
    expect(b.stderr()).toMatch(BUSY);

    const write = await cliAsync(library, 'projects', 'create', '--name', 'Intrus', '--kind', 'interview-workshop');
    expect(write.status).toBe(1);
    expect(write.stderr).toMatch(BUSY);

    const read = await cliAsync(library, 'recordings', 'list', '--json');
    expect(read.status, read.stderr).toBe(0);
    expect(JSON.parse(read.stdout)).toEqual([expect.objectContaining({ id: take.id, status: 'capturing' })]);
    const projects = await cliAsync(library, 'projects', 'list', '--json');
    expect(seq).toBeGreaterThan(4); // A wrote while B tried
    expect(seq).toBeLessThan(webm.chunks.length); // and its take is still open
    expect(JSON.parse(projects.stdout).map((p: { name: string }) => p.name)).toEqual(['Atelier']); // the refused write wrote nothing
    checksDone();
    await writing;
    const { jobId } = await api(url, 'capture.finish', { recordingId: take.id });
    const deadline = Date.now() + 120_000;
    let status = '';
    while (Date.now() < deadline) {
      const job = ((await api(url, 'jobs.list', {})) as Array<{ jobId: string; status: string }>).find((j) => j.jobId === jobId);
      status = job?.status ?? '';
      if (['done', 'failed', 'cancelled'].includes(status)) break;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    expect(status).toBe('done');
    const recording = await api(url, 'recordings.get', { id: take.id });
    expect(recording.status).toBe('ready');
    expect(recording.recovered).toBe(false);
    const master = fs
      .readdirSync(path.join(library, 'media'), { recursive: true })
      .map(String)
      .find((file) => file.endsWith('.mp4') && !file.includes('partial'))!;
    const probed = await probe(binaries, path.join(library, 'media', master));
    const source = await probe(binaries, webm.file);
    expect(Math.abs(probed.durationSeconds! - source.durationSeconds!)).toBeLessThan(0.5);
    expect(probed.durationSeconds!).toBeGreaterThan(5.5);

    // A stops cleanly: the lock goes with it, and the CLI may write again
    const exited = new Promise((resolve) => a.child.once('exit', resolve));
    a.child.kill('SIGTERM');
    await exited;
    expect(fs.existsSync(path.join(library, LOCK_FILE_NAME))).toBe(false);
    const after = cli(library, 'projects', 'create', '--name', 'Ensuite', '--kind', 'interview-workshop');
    expect(after.status, after.stderr).toBe(0);
    expect(after.stderr).toBe('');
  }, 240_000);

  it('takes over a stale lock (pid gone, pid reused, silent other computer) and says so; refuses a live one', () => {
    const library = path.join(root, 'stale');
    fs.mkdirSync(library);
    writeLock(library, { pid: 999_999_99 });
    const gone = cli(library, 'projects', 'create', '--name', 'Un', '--kind', 'interview-workshop');
    expect(gone.status, gone.stderr).toBe(0);
    expect(gone.stderr).toMatch(/Verrou de bibliothèque repris : processus 99999999 terminé/);
    expect(fs.existsSync(path.join(library, LOCK_FILE_NAME))).toBe(false); // released at exit

    // our own pid, but a different start time: the pid was reused by another program
    writeLock(library, { pid: process.pid, startToken: 'linux:another-boot:42' });
    const reused = cli(library, 'projects', 'create', '--name', 'Deux', '--kind', 'interview-workshop');
    expect(reused.status, reused.stderr).toBe(0);
    expect(reused.stderr).toMatch(/repris par un autre programme/);

    // another computer whose heartbeat stopped long ago
    writeLock(library, { hostname: 'autre-poste', heartbeatAt: new Date(Date.now() - 10 * 60_000).toISOString() });
    const silent = cli(library, 'projects', 'create', '--name', 'Trois', '--kind', 'interview-workshop');
    expect(silent.status, silent.stderr).toBe(0);
    expect(silent.stderr).toMatch(/ordinateur distant silencieux/);

    // another computer still beating, and a live process here: refused
    writeLock(library, { hostname: 'autre-poste' });
    const remote = cli(library, 'projects', 'create', '--name', 'Quatre', '--kind', 'interview-workshop');
    expect(remote.status).toBe(1);
    expect(remote.stderr).toMatch(/déjà ouverte par ERIC Studio sur l'ordinateur « autre-poste »/);
    const me = ownProcessIdentity();
    writeLock(library, { pid: me.pid, startToken: me.startToken, image: me.image, heartbeatAt: new Date(0).toISOString() });
    const live = cli(library, 'projects', 'create', '--name', 'Cinq', '--kind', 'interview-workshop');
    expect(live.status).toBe(1);
    expect(live.stderr).toMatch(BUSY);
    const names = JSON.parse(cli(library, 'projects', 'list', '--json').stdout).map((p: { name: string }) => p.name);
    expect(names.sort()).toEqual(['Deux', 'Trois', 'Un']);
    fs.rmSync(path.join(library, LOCK_FILE_NAME));
  }, 120_000);

  it('in one process, contexts share the lock; the heartbeat refreshes it; release removes it', async () => {
    const library = path.join(root, 'same-process');
    const first = acquireLibraryLock(library, { holder: 'cli', heartbeatMs: 50 });
    const second = acquireLibraryLock(library, { holder: 'cli' });
    expect(second).toBe(first);
    const before = first.record.heartbeatAt;
    await new Promise((resolve) => setTimeout(resolve, 200));
    const onDisk = JSON.parse(fs.readFileSync(first.file, 'utf8')) as LockRecord;
    expect(onDisk.heartbeatAt > before).toBe(true);
    first.release();
    expect(fs.existsSync(first.file)).toBe(true); // still held by the second
    second.release();
    expect(fs.existsSync(first.file)).toBe(false);
  });

  it('start-up recovery kills an orphan encoder only when its image and start time match', async () => {
    const library = path.join(root, 'recovery');
    fs.mkdirSync(path.join(library, 'tmp'), { recursive: true });
    const encoder = spawn(binaries.ffmpeg, ['-hide_banner', '-f', 'lavfi', '-i', 'anullsrc', '-f', 'null', '-'], { stdio: 'ignore' });
    const bystander = spawn('sleep', ['60'], { stdio: 'ignore' });
    children.push(encoder, bystander);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const encoderIdentity = readProcessIdentity(encoder.pid!);
    const bystanderIdentity = readProcessIdentity(bystander.pid!);
    expect(encoderIdentity).toMatchObject({ image: 'ffmpeg' });
    const marker = (name: string, content: object) =>
      fs.writeFileSync(
        path.join(library, 'tmp', `work-${name}.json`),
        JSON.stringify({ kind: 'render', label: name, startedAt: Date.now(), paths: [], ...content }),
      );

    // the pid of a live ffmpeg, but recorded with another start time: a reused pid, left alone
    marker('reused', { ffmpegPids: [encoder.pid], ffmpegProcesses: [{ ...(encoderIdentity as object), startToken: 'linux:x:1' }] });
    // a live process that is not ffmpeg
    marker('bystander', { ffmpegPids: [bystander.pid], ffmpegProcesses: [bystanderIdentity] });
    expect(recoverUnfinishedWorkMarkers(library).processesStopped).toBe(0);
    expect(processStatus(encoderIdentity as never)).toBe('alive');
    expect(processStatus(bystanderIdentity as never)).toBe('alive');

    marker('ours', { ffmpegPids: [encoder.pid], ffmpegProcesses: [encoderIdentity] });
    const exited = new Promise((resolve) => encoder.once('exit', resolve));
    expect(recoverUnfinishedWorkMarkers(library).processesStopped).toBe(1);
    await exited;
    expect(processStatus(encoderIdentity as never)).toBe('gone');
    expect(processStatus(bystanderIdentity as never)).toBe('alive');
    bystander.kill('SIGKILL');
  });
});
