import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { closeApiContext, createApiContext, dispatch } from '../../src-main/app';
import type { Recording } from '../../src-shared/contract/schemas';
import { Library } from '../../src-main/library/library';
import { makeTestVideo } from '../helpers/media';
import { makeTempDir } from '../helpers/tempDir';

const root = makeTempDir('eric-backup-');
const libraryDir = path.join(root, 'library');
const ctx = createApiContext(libraryDir, 'http', { trusted: true });
afterAll(() => ctx.library.db.open && closeApiContext(ctx));
const call = <T>(method: string, input: unknown) => dispatch(method, input, ctx) as Promise<T>;

function cli(...args: string[]) {
  return spawnSync(process.execPath, ['--import', 'tsx', 'src-main/cli/main.ts', ...args], {
    cwd: path.resolve(__dirname, '../..'),
    encoding: 'utf8',
  });
}

function tablesFingerprint(db: Library['db']): string {
  const hash = crypto.createHash('sha256');
  for (const { name } of db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as Array<{ name: string }>) {
    hash.update(name).update(JSON.stringify(db.prepare(`SELECT * FROM "${name}"`).raw().all()));
  }
  return hash.digest('hex');
}

describe('backup and restore', () => {
  it('round-trips a library in use: rows, consent log and media identical; damage is detected; nothing is overwritten', async () => {
    const project = await call<{ id: number }>('projects.create', { name: 'Sauvegarde', kind: 'testimony-campaign' });
    const session = await call<{ id: number }>('sessions.create', { projectId: project.id, date: '2026-11-22' });
    const lea = await call<{ id: number }>('people.add', { projectId: project.id, displayName: 'Léa', role: 'young-person' });
    await call('consent.set', { personId: lea.id, scope: 'recording', status: 'granted', method: 'signed-form' });
    const recording = await call<Recording>('recordings.importFile', {
      path: makeTestVideo(root, 'source.mp4', 2),
      sessionId: session.id,
      people: [{ personId: lea.id }],
    });
    await call('comments.add', { recordingId: recording.id, startSeconds: 1, text: 'Très clair' });

    const backupDir = path.join(root, 'backups', 'first');
    const made = await call<{ dir: string; files: number }>('library.backup', { destination: backupDir });
    expect(made.dir).toBe(backupDir);
    expect(made.files).toBeGreaterThanOrEqual(5); // database, master, poster, filmstrip, waveform
    expect(fs.existsSync(`${backupDir}.part`)).toBe(false);
    // changes after the backup are not in it
    await call('comments.add', { recordingId: recording.id, startSeconds: 1.5, text: 'Après la sauvegarde' });

    expect(cli('backup', 'verify', backupDir, '--json').status).toBe(0);
    const restoredDir = path.join(root, 'restored');
    const restored = cli('backup', 'restore', backupDir, '--library', restoredDir, '--json');
    expect(restored.status, restored.stderr).toBe(0);

    const copy = Library.open(restoredDir);
    try {
      const comments = copy.db.prepare('SELECT text FROM comments').all();
      expect(comments).toEqual([{ text: 'Très clair' }]);
      expect(copy.db.prepare("SELECT count(*) AS n FROM consent_audit WHERE action = 'set'").get()).toEqual({ n: 1 });
      const master = ctx.library.mediaAssets.resolve(recording.masterAssetId!);
      expect(
        fs.readFileSync(copy.mediaAssets.resolve(recording.masterAssetId!).absolutePath).equals(fs.readFileSync(master.absolutePath)),
      ).toBe(true);
      expect(copy.db.pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      copy.close();
    }

    // restoring over an existing library is refused, and changes nothing there
    const before = tablesFingerprint(ctx.library.db);
    const refused = cli('backup', 'restore', backupDir, '--library', libraryDir);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/n’est pas vide/);
    expect(tablesFingerprint(ctx.library.db)).toBe(before);

    // one changed byte in a video, or a missing file, is named
    const master = fs.readdirSync(path.join(backupDir, 'media', 'recordings'))[0]!;
    const masterFile = path.join(backupDir, 'media', 'recordings', master, 'master.mp4');
    const bytes = fs.readFileSync(masterFile);
    bytes[bytes.length >> 1] = bytes[bytes.length >> 1]! ^ 0xff;
    fs.writeFileSync(masterFile, bytes);
    fs.rmSync(path.join(backupDir, 'media', 'recordings', master, 'poster.jpg'));
    const damaged = cli('backup', 'verify', backupDir);
    expect(damaged.status).toBe(2);
    expect(damaged.stderr).toMatch(/master\.mp4 : modifié/);
    expect(damaged.stderr).toMatch(/poster\.jpg : manquant/);
    expect(cli('backup', 'restore', backupDir, '--library', path.join(root, 'other')).status).toBe(2);
    expect(fs.existsSync(path.join(root, 'other'))).toBe(false);
  });

  it('lets only the command line choose the backup folder', async () => {
    await expect(dispatch('library.backup', { destination: '/tmp/elsewhere' }, { ...ctx, trusted: false })).rejects.toMatchObject({
      code: 'forbidden',
    });
  });

  it('lets only the command line choose where an export or a pack is written', async () => {
    const untrusted = { ...ctx, trusted: false };
    for (const [method, input] of [
      ['render.start', { target: { kind: 'clip', clipId: 1 }, audience: 'workshop', destination: '/tmp/elsewhere.mp4' }],
      ['packs.build', { spec: { projectId: 1, audience: 'workshop' }, destination: '/tmp/elsewhere' }],
      ['packs.rebuild', { exportId: 1, destination: '/tmp/elsewhere' }],
    ] as const) {
      await expect(dispatch(method, input, untrusted)).rejects.toMatchObject({ code: 'forbidden', field: 'destination' });
    }
  });
});
