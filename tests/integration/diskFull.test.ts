// A full disk and a read-only library, for real: the library (and a backup folder) live on a
// small tmpfs that the test fills to the last byte, so import, render, pack, backup and
// erasure meet ENOSPC from the kernel, from SQLite and from ffmpeg itself. Each must say
// "Le disque est plein" naming the folder, leave no partial file and no row pointing at
// one, and leave the library whole (same data hash) and able to open again. Then the
// tmpfs is remounted read-only: opening the library says it is read-only, not damaged.
// Mounting needs root (as here and in CI); elsewhere the suite is skipped and says why.
import { execFileSync, spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeApiContext, createApiContext, dispatch, type ApiContext } from '../../src-main/app';
import { statFreeBytes } from '../../src-main/platform/outputSpace';
import type { Recording } from '../../src-shared/contract/schemas';
import type { Clip, ExportRecord } from '../../src-shared/contract/schemas/editing';
import { makeTestVideo, runFfmpegSync, testSourceInputs } from '../helpers/media';
import { makeTempDir } from '../helpers/tempDir';

const root = makeTempDir('eric-diskfull-');
const disk = path.join(root, 'disk');
fs.mkdirSync(disk);

function tryMount(): string | null {
  if (process.getuid?.() !== 0) return 'not running as root';
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=48m', 'tmpfs', disk], { stdio: 'pipe' });
    return null;
  } catch (error) {
    return `mount -t tmpfs refused: ${(error as Error).message.split('\n')[0]}`;
  }
}
const cannotMount = tryMount();
if (cannotMount) console.warn(`diskFull.test.ts skipped: a small tmpfs is needed to fill a disk for real (${cannotMount}).`);

const libraryDir = path.join(disk, 'library');
const filler = path.join(disk, 'filler');
let fakeFree: number | null = null;
let ctx: ApiContext;
const call = <T>(method: string, input: unknown) => dispatch(method, input, ctx) as Promise<T>;
const failure = (method: string, input: unknown) =>
  call(method, input).then(
    () => null,
    (error: unknown) => error as { code: string; message: string },
  );
let projectId: number;
let alone: number;
let shared: number;
let recording: Recording;
let clip: Clip;

const open = () => createApiContext(libraryDir, 'http', { trusted: true, freeBytes: (dir: string) => fakeFree ?? statFreeBytes(dir) });

/** Fills the tmpfs until the kernel says ENOSPC, leaving about `leaveBytes` free. */
function fill(leaveBytes = 0): void {
  const reserve = path.join(disk, 'reserve');
  if (leaveBytes > 0) fs.writeFileSync(reserve, Buffer.alloc(leaveBytes, 1));
  const fd = fs.openSync(filler, 'a');
  try {
    for (const size of [1 << 20, 1 << 16, 1 << 12, 1 << 9, 1]) {
      const block = Buffer.alloc(size, 7);
      for (;;) {
        try {
          fs.writeSync(fd, block);
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code === 'ENOSPC') break;
          throw error;
        }
      }
    }
  } finally {
    fs.closeSync(fd);
  }
  if (leaveBytes > 0) fs.rmSync(reserve);
}

function unfill(): void {
  fs.rmSync(filler, { force: true });
  fakeFree = null;
}

const sha256 = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');

/** What must survive every failure: the rows that matter and the master's bytes. */
async function libraryHash(): Promise<string> {
  const data = {
    projects: await call('projects.list', {}),
    people: await call('people.list', { projectId }),
    recordings: await call('recordings.list', { projectId }),
    clips: await call('clips.list', { projectId }),
    exports: await call('exports.list', { projectId }),
    assets: ctx.library.db.prepare('SELECT id, kind, relative_path FROM media_assets ORDER BY id').all(),
    master: sha256(ctx.library.mediaAssets.resolve(recording.masterAssetId!).absolutePath),
  };
  return crypto.createHash('sha256').update(JSON.stringify(data)).digest('hex');
}

/** Files under a folder whose name says they were never finished. */
function partialsUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return (fs.readdirSync(dir, { recursive: true }) as string[]).filter((name) => /\.partial-|\.part$|\.part\//.test(name));
}

const DISK_FULL = /^Le disque est plein : impossible d’écrire dans /;

describe.skipIf(cannotMount !== null)('a full disk (real tmpfs of 48 MB)', () => {
  let before: string;

  beforeAll(async () => {
    ctx = open();
    const source = makeTestVideo(root, 'source.mp4', 3);
    projectId = (await call<{ id: number }>('projects.create', { name: 'Atelier disque', kind: 'interview-workshop' })).id;
    alone = (await call<{ id: number }>('people.add', { projectId, displayName: 'Maëlys Quintard', role: 'job-seeker' })).id;
    shared = (await call<{ id: number }>('people.add', { projectId, displayName: 'Bertrand Olivo', role: 'tutor' })).id;
    for (const personId of [alone, shared]) {
      for (const scope of ['recording', 'workshop'])
        await call('consent.set', { personId, scope, status: 'granted', method: 'signed-form' });
    }
    recording = await call<Recording>('recordings.importFile', {
      path: source,
      projectId,
      title: 'Entretien à deux',
      people: [{ personId: alone }, { personId: shared }],
    });
    clip = await call<Clip>('clips.create', {
      recordingId: recording.id,
      name: 'Extrait',
      inSeconds: 0.5,
      outSeconds: 2.5,
      speakerPersonId: alone,
    });
    before = await libraryHash();
  }, 120_000);

  afterAll(() => {
    try {
      unfill();
      closeApiContext(ctx);
    } finally {
      execFileSync('mount', ['-o', 'remount,rw', disk], { stdio: 'ignore' });
      execFileSync('umount', [disk]);
    }
  });

  it('import: refused before copying, naming the library and the size; no row, no folder left', async () => {
    const source = makeTestVideo(root, 'second.mp4', 2);
    const foldersBefore = fs.readdirSync(path.join(libraryDir, 'media', 'recordings')).sort();
    fill();
    try {
      const error = await failure('recordings.importFile', { path: source, projectId, title: 'Nouvelle prise' });
      expect(error).toMatchObject({ code: 'disk-full' });
      expect(error!.message).toMatch(DISK_FULL);
      expect(error!.message).toContain(libraryDir);
      expect(error!.message).toMatch(/pour l’import\. Il faut environ \d+ Mo et il reste 0 Mo libres\.$/);
      expect(fs.readdirSync(path.join(libraryDir, 'media', 'recordings')).sort()).toEqual(foldersBefore);
      expect(await libraryHash()).toBe(before);
    } finally {
      unfill();
    }
  });

  it('import: ffmpeg meeting "No space left on device" while writing the master fails the job with the message; the recording is gone', async () => {
    // a noisy 6 s video: the copy fits in what is left, its master does not
    const source = path.join(root, 'noisy.mp4');
    runFfmpegSync([
      ...testSourceInputs(6, { size: '640x360' }),
      '-vf',
      'noise=alls=100:allf=t',
      '-c:v',
      'libx264',
      '-preset',
      'ultrafast',
      '-crf',
      '30',
      '-c:a',
      'aac',
      '-shortest',
      source,
    ]);
    const foldersBefore = fs.readdirSync(path.join(libraryDir, 'media', 'recordings')).sort();
    fill(fs.statSync(source).size + 256 * 1024);
    try {
      const jobsBefore = ctx.jobs.list().length;
      const error = await failure('recordings.importFile', { path: source, projectId, title: 'Prise bruitée' });
      expect(error, error?.message).toMatchObject({ code: 'disk-full' });
      expect(error!.message).toMatch(DISK_FULL);
      expect(error!.message).toContain(libraryDir);
      const job = ctx.jobs
        .list()
        .slice(jobsBefore)
        .find((entry) => entry.kind === 'finalise-recording');
      expect(job).toMatchObject({ status: 'failed', error: { code: 'disk-full', message: expect.stringMatching(DISK_FULL) } });
      expect(fs.readdirSync(path.join(libraryDir, 'media', 'recordings')).sort()).toEqual(foldersBefore);
      expect((await call<Recording[]>('recordings.list', { projectId })).map((r) => r.id)).toEqual([recording.id]);
    } finally {
      unfill();
    }
    expect(await libraryHash()).toBe(before);
  }, 60_000);

  it('render: a nearly full disk is refused before starting; a disk that fills during the encode removes the partial file, records nothing', async () => {
    const renders = path.join(libraryDir, 'exports', 'renders');
    fill();
    try {
      const refused = await failure('render.start', { target: { kind: 'clip', clipId: clip.id }, audience: 'workshop', wait: true });
      expect(refused).toMatchObject({ code: 'disk-full' });
      expect(refused!.message).toMatch(
        /^Le disque est plein : impossible d’écrire dans .*exports\/renders pour cet export\. Il faut environ \d+ Mo/,
      );
    } finally {
      unfill();
    }
    // the free-space reading says there is room: ffmpeg itself meets ENOSPC
    fill(32 * 1024);
    fakeFree = 10 * 1024 ** 3;
    try {
      const error = await failure('render.start', {
        target: { kind: 'clip', clipId: clip.id },
        audience: 'workshop',
        options: { preset: '1080p', lowerThirds: true },
        wait: true,
      });
      expect(error).toMatchObject({ code: 'disk-full' });
      expect(error!.message).toMatch(DISK_FULL);
      expect(error!.message).toContain(libraryDir);
      expect(partialsUnder(renders)).toEqual([]);
      expect(fs.existsSync(renders) ? fs.readdirSync(renders).filter((name) => name.endsWith('.mp4')) : []).toEqual([]);
      expect(fs.readdirSync(path.join(libraryDir, 'tmp')).filter((name) => name.startsWith('render-'))).toEqual([]);
    } finally {
      unfill();
    }
    expect(await libraryHash()).toBe(before);
  }, 60_000);

  it('pack: the build that fills the disk leaves no partial folder or zip and no export row', async () => {
    const packs = path.join(libraryDir, 'exports', 'packs');
    fill(32 * 1024);
    fakeFree = 10 * 1024 ** 3;
    try {
      const error = await failure('packs.build', { spec: { projectId, audience: 'workshop', clipIds: [clip.id] }, zip: true, wait: true });
      expect(error).toMatchObject({ code: 'disk-full' });
      expect(error!.message).toMatch(DISK_FULL);
      expect(error!.message).toContain(libraryDir);
      expect(partialsUnder(packs)).toEqual([]);
      expect(fs.existsSync(packs) ? fs.readdirSync(packs) : []).toEqual([]);
      expect(await call<ExportRecord[]>('exports.list', { projectId })).toEqual([]);
    } finally {
      unfill();
    }
    expect(await libraryHash()).toBe(before);
  }, 60_000);

  it('backup: refused on a full disk, naming the backup folder and the size; no partial backup left', async () => {
    const backups = path.join(disk, 'sauvegardes');
    fs.mkdirSync(backups);
    fill();
    try {
      const error = await failure('library.backup', { destination: path.join(backups, 'b1') });
      expect(error).toMatchObject({ code: 'disk-full' });
      expect(error!.message).toMatch(
        new RegExp(`^Le disque est plein : impossible d’écrire dans ${backups} pour la sauvegarde\\. Il faut environ \\d+ Mo`),
      );
      expect(fs.readdirSync(backups)).toEqual([]);
    } finally {
      unfill();
    }
    expect(await libraryHash()).toBe(before);
  });

  it('erasure: SQLite cannot grow its log on a full disk; the erasure is rolled back and says so, never "done"', async () => {
    await call('privacy.finishErasure', {}).catch(() => undefined); // an empty WAL: the erasure's pages need new blocks
    fill();
    let error: { code: string; message: string } | null;
    try {
      error = await failure('people.erase', { personId: alone, actor: 'Animatrice', reason: 'demande' });
    } finally {
      unfill();
    }
    expect(error).toMatchObject({ code: 'disk-full' });
    expect(error!.message).toMatch(new RegExp(`^Le disque est plein : impossible d’écrire dans ${libraryDir} pour l’effacement\\.`));
    // nothing half-done: the person and the shared recording are as they were
    expect(await libraryHash()).toBe(before);
    expect((await call<Array<{ id: number }>>('people.list', { projectId })).map((p) => p.id).sort()).toEqual([alone, shared].sort());
  });

  it('after all that the library opens again (disk still full) with the same data', async () => {
    fill();
    try {
      closeApiContext(ctx);
      ctx = open();
      expect(await libraryHash()).toBe(before);
    } finally {
      unfill();
    }
  });

  it('a read-only library says so, and not "restore from a backup"', async () => {
    closeApiContext(ctx);
    execFileSync('mount', ['-o', 'remount,ro', disk]);
    try {
      let error: unknown = null;
      try {
        ctx = open();
      } catch (caught) {
        error = caught;
      }
      expect(error).toMatchObject({ code: 'read-only' });
      expect((error as Error).message).toBe(
        `La bibliothèque est en lecture seule : ${libraryDir} ne peut pas être modifié (disque protégé en écriture, ou droits insuffisants).`,
      );
      expect((error as { hint: string }).hint).not.toMatch(/sauvegarde|backup/i);

      const cli = spawnSync(process.execPath, ['--import', 'tsx', 'src-main/cli/main.ts', 'projects', 'list', '--library', libraryDir], {
        cwd: path.resolve(__dirname, '../..'),
        encoding: 'utf8',
      });
      expect(cli.status).not.toBe(0);
      expect(cli.stderr).toContain(`La bibliothèque est en lecture seule : ${libraryDir}`);
      expect(cli.stderr).not.toMatch(/sauvegarde|backup/i);
    } finally {
      execFileSync('mount', ['-o', 'remount,rw', disk]);
      ctx = open();
    }
    expect(await libraryHash()).toBe(before);
  }, 60_000);
});
