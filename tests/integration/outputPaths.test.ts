// Outputs never overwrite the library: every CLI --out pointing at library.sqlite, a master, a path
// through a symlink into the library, or an existing file is refused and the library is unchanged
// (every file hashed before and after); --force replaces an existing file outside the library.
// Files served from the library are resolved by real path: a symlink placed in it cannot escape.
import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isInsideFolder, realPathOf } from '../../src-main/platform/pathInside';
import { closeApiContext, createApiContext, dispatch, type ApiContext } from '../../src-main/app';
import { startBrowserServer, type RunningBrowserServer } from '../../src-main/server/browserServer';
import { respondWithMedia } from '../../src-main/server/fetchResponders';
import { makeTestVideo } from '../helpers/media';
import { makeTempDir } from '../helpers/tempDir';

const repo = path.resolve(__dirname, '../..');
const root = makeTempDir('eric-outputs-');
const library = path.join(root, 'library');
const outside = path.join(root, 'outside');
fs.mkdirSync(outside);

function cli(...args: string[]) {
  return spawnSync(process.execPath, ['--import', 'tsx', 'src-main/cli/main.ts', ...args, '--library', library], {
    cwd: repo,
    encoding: 'utf8',
  });
}

/** Every file of the library folder with its SHA-256 (database, media, exports, tmp). */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const entry of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    out[path.relative(dir, file)] = crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
  }
  return out;
}

let personId: number;
let recordingId: number;
let masterPath: string;

beforeAll(() => {
  const project = JSON.parse(cli('projects', 'create', '--name', 'Sorties', '--kind', 'interview-workshop', '--json').stdout);
  personId = JSON.parse(
    cli('people', 'add', '--project', String(project.id), '--name', 'Inès Morel', '--role', 'job-seeker', '--json').stdout,
  ).id;
  const video = makeTestVideo(root, 'source.mp4', 2);
  const imported = cli('import', video, '--project', String(project.id), '--json');
  expect(imported.status, imported.stderr).toBe(0);
  recordingId = JSON.parse(imported.stdout).id;
  cli('comments', 'add', '--recording', String(recordingId), '--at', '1', '--text', 'Bon regard');
  masterPath = fs
    .readdirSync(path.join(library, 'media'), { recursive: true })
    .map((name) => path.join(library, 'media', String(name)))
    .find((file) => file.endsWith('.mp4'))!;
  expect(masterPath).toBeTruthy();
}, 120_000);

describe('CLI --out never writes into the library', () => {
  it('refuses library.sqlite, a master, a path through a symlink into the library and an existing file; the library is unchanged', () => {
    const link = path.join(outside, 'raccourci');
    fs.symlinkSync(library, link);
    const existing = path.join(outside, 'deja-la.csv');
    fs.writeFileSync(existing, 'à garder');
    const before = snapshot(library);

    const attempts: Array<{ args: string[]; status: number; message: RegExp }> = [
      {
        args: ['consent', 'form', '--person', String(personId), '--out', path.join(library, 'library.sqlite')],
        status: 2,
        message: /dans la bibliothèque/,
      },
      {
        args: ['consent', 'form', '--person', String(personId), '--out', masterPath, '--force'],
        status: 2,
        message: /dans la bibliothèque/,
      },
      {
        args: ['feedback-sheet', '--recording', String(recordingId), '--out', path.join(link, 'library.sqlite'), '--force'],
        status: 2,
        message: /dans la bibliothèque/,
      },
      {
        args: ['comments', 'export', '--recording', String(recordingId), '--format', 'csv', '--out', path.join(link, 'media', 'new.csv')],
        status: 2,
        message: /dans la bibliothèque/,
      },
      {
        args: [
          'clip',
          'export',
          '--recording',
          String(recordingId),
          '--from',
          '0',
          '--to',
          '1',
          '--audience',
          'workshop',
          '--out',
          path.join(link, 'clip.mp4'),
        ],
        status: 2,
        message: /dans la bibliothèque/,
      },
      {
        args: ['pack', 'build', '--project', '1', '--audience', 'workshop', '--out', path.join(library, 'exports', 'pack')],
        status: 2,
        message: /dans la bibliothèque/,
      },
      { args: ['backup', 'create', '--out', path.join(link, 'sauvegarde')], status: 2, message: /dans la bibliothèque/ },
      { args: ['clip', 'stills', '--clip', '1', '--out-dir', path.join(link, 'tmp')], status: 2, message: /dans la bibliothèque/ },
      {
        args: ['comments', 'export', '--recording', String(recordingId), '--format', 'csv', '--out', existing],
        status: 1,
        message: /existe déjà.*\n.*--force/,
      },
    ];
    for (const attempt of attempts) {
      const result = cli(...attempt.args);
      expect(result.status, `${attempt.args.join(' ')}\n${result.stderr}`).toBe(attempt.status);
      expect(result.stderr).toMatch(attempt.message);
    }
    expect(fs.readFileSync(existing, 'utf8')).toBe('à garder');
    expect(snapshot(library)).toEqual(before);
    expect(fs.readdirSync(outside).sort()).toEqual(['deja-la.csv', 'raccourci']);
  }, 120_000);

  it('with --force replaces an existing file outside the library, through a temp file and a rename', () => {
    const existing = path.join(outside, 'commentaires.csv');
    fs.writeFileSync(existing, 'ancien');
    const inodeBefore = fs.statSync(existing).ino;
    const result = cli('comments', 'export', '--recording', String(recordingId), '--format', 'csv', '--out', existing, '--force');
    expect(result.status, result.stderr).toBe(0);
    expect(fs.readFileSync(existing, 'utf8')).toContain('Bon regard');
    expect(fs.statSync(existing).ino).not.toBe(inodeBefore); // a new file renamed over the old one
    expect(fs.readdirSync(outside).filter((name) => name.includes('.partial-'))).toEqual([]);

    const form = path.join(outside, 'formulaire.pdf');
    fs.writeFileSync(form, 'ancien');
    expect(cli('consent', 'form', '--person', String(personId), '--out', form).status).toBe(1);
    expect(fs.readFileSync(form, 'utf8')).toBe('ancien');
    expect(cli('consent', 'form', '--person', String(personId), '--out', form, '--force').status).toBe(0);
    expect(fs.readFileSync(form).subarray(0, 5).toString()).toBe('%PDF-');
  }, 60_000);

  it('judges "inside" by real path, and without case where the file system ignores it', () => {
    const link = path.join(outside, 'lien-biblio');
    fs.symlinkSync(library, link);
    expect(isInsideFolder(path.join(link, 'media', 'nouveau', 'x.mp4'), library)).toBe(true);
    expect(realPathOf(path.join(link, 'pas-encore', 'y.pdf'))).toBe(path.join(fs.realpathSync(library), 'pas-encore', 'y.pdf'));
    expect(isInsideFolder(path.join(outside, 'x.mp4'), library)).toBe(false);
    expect(isInsideFolder(`${library}-sauvegardes/x`, library)).toBe(false);
    const shouted = path.join(root, 'LIBRARY', 'library.sqlite');
    expect(isInsideFolder(shouted, library, 'linux')).toBe(false);
    expect(isInsideFolder(shouted, library, 'darwin')).toBe(true);
    expect(isInsideFolder(shouted, library, 'win32')).toBe(true);
  });
});

describe('files served from the library stay inside it', () => {
  let ctx: ApiContext;
  let server: RunningBrowserServer;
  const secret = path.join(outside, 'secret.txt');
  let escapingAssetId: number;

  beforeAll(async () => {
    fs.writeFileSync(secret, 'NE-DOIT-PAS-SORTIR');
    ctx = createApiContext(library, 'http');
    server = await startBrowserServer({ ctx, rendererDir: null, port: 0 });
    // a file of the library replaced by a symlink to a file outside it
    const folder = path.join(library, 'media', 'piege');
    fs.mkdirSync(folder, { recursive: true });
    fs.symlinkSync(secret, path.join(folder, 'poster.jpg'));
    escapingAssetId = Number(
      ctx.library.db
        .prepare(
          "INSERT INTO media_assets (kind, relative_path, mime_type, size_bytes, created_at) VALUES ('poster', 'media/piege/poster.jpg', 'image/jpeg', 18, ?)",
        )
        .run(new Date().toISOString()).lastInsertRowid,
    );
    // and a folder of the library replaced by a symlink to a folder outside it
    fs.symlinkSync(outside, path.join(library, 'media', 'dossier-piege'));
    fs.copyFileSync(secret, path.join(outside, 'video.mp4'));
  });
  afterAll(async () => {
    await server.close();
    closeApiContext(ctx);
  });

  it('/media refuses a symlink leading outside (403), and a file under a symlinked folder; real files still stream', async () => {
    const escaping = await fetch(`${server.url}media/${escapingAssetId}`);
    expect(escaping.status).toBe(403);
    expect(await escaping.text()).not.toContain('NE-DOIT-PAS-SORTIR');

    const viaFolder = Number(
      ctx.library.db
        .prepare(
          "INSERT INTO media_assets (kind, relative_path, mime_type, size_bytes, created_at) VALUES ('master', 'media/dossier-piege/video.mp4', 'video/mp4', 18, ?)",
        )
        .run(new Date().toISOString()).lastInsertRowid,
    );
    const folderEscape = await fetch(`${server.url}media/${viaFolder}`);
    expect(folderEscape.status).toBe(403);
    expect(await folderEscape.text()).not.toContain('NE-DOIT-PAS-SORTIR');

    const recording = (await dispatch('recordings.get', { id: recordingId }, ctx)) as { masterAssetId: number };
    const real = await fetch(`${server.url}media/${recording.masterAssetId}`, { headers: { Range: 'bytes=0-99' } });
    expect(real.status).toBe(206);
    expect((await real.arrayBuffer()).byteLength).toBe(100);
  });

  it('media:// (the Electron protocol) refuses the same symlink', async () => {
    const response = respondWithMedia(new Request(`media://asset/${escapingAssetId}`), (id) => ctx.library.mediaAssets.resolve(id));
    expect(response.status).toBe(403);
    expect(await response.text()).not.toContain('NE-DOIT-PAS-SORTIR');
  });
});
