// `pack verify` on folders and zips built to hurt whoever checks them: `../` and absolute names,
// symlinks, FIFOs (which would hang a naive reader), an oversize manifest, and a zip bomb
// (1 GiB of zeros deflated to about a megabyte) — each reported as a problem, never as "ok",
// with bounded memory and time.
import { execFileSync, spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import yazl from 'yazl';
import { describe, expect, it } from 'vitest';
import { buildManifest, MANIFEST_FILE, verifyPack } from '../../src-main/packs/packManifest';
import { VERIFY_LIMITS } from '../../src-main/packs/packVerify';
import { zipFolder } from '../../src-main/packs/packZip';
import { makeTempDir } from '../helpers/tempDir';

const repo = path.resolve(__dirname, '../..');
const root = makeTempDir('eric-verify-');
const outsideFile = path.join(root, 'secret.txt');
fs.writeFileSync(outsideFile, 'hors du pack');
const sha = (data: string | Buffer) => crypto.createHash('sha256').update(data).digest('hex');

/** A genuine small pack folder: two files and their manifest. */
async function makePack(name: string): Promise<string> {
  const dir = path.join(root, name);
  fs.mkdirSync(path.join(dir, 'videos'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>Pack</title>');
  fs.writeFileSync(path.join(dir, 'videos', 'a.txt'), 'hors du pack');
  const manifest = await buildManifest(dir, {
    packId: name,
    project: { id: 1, name: 'P' },
    audience: 'elected',
    createdAt: '2026-11-23',
    appVersion: 't',
  });
  fs.writeFileSync(path.join(dir, MANIFEST_FILE), JSON.stringify(manifest));
  return dir;
}

function rewriteManifest(dir: string, change: (manifest: { files: Array<{ path: string; size: number; sha256: string }> }) => void): void {
  const file = path.join(dir, MANIFEST_FILE);
  const manifest = JSON.parse(fs.readFileSync(file, 'utf8'));
  change(manifest);
  fs.writeFileSync(file, JSON.stringify(manifest));
}

/** verifyPack with a deadline: a FIFO opened for reading would block forever. */
function verifyWithin<T>(promise: Promise<T>, ms = 20_000): Promise<T> {
  return Promise.race([promise, new Promise<T>((_, reject) => setTimeout(() => reject(new Error('verify hung')), ms))]);
}

function writeZip(file: string, fill: (zip: yazl.ZipFile) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const zip = new yazl.ZipFile();
    const out = fs.createWriteStream(file);
    out.on('close', resolve);
    out.on('error', reject);
    zip.outputStream.pipe(out);
    fill(zip);
    zip.end();
  });
}

function manifestFor(
  files: Array<{ path: string; data: string | Buffer }>,
  extra: Array<{ path: string; size: number; sha256: string }> = [],
) {
  return JSON.stringify({
    format: 'eric-studio-pack/1',
    packId: 'z',
    project: { id: 1, name: 'P' },
    audience: 'elected',
    createdAt: '2026-11-23',
    appVersion: 't',
    files: [...files.map((file) => ({ path: file.path, size: Buffer.byteLength(file.data), sha256: sha(file.data) })), ...extra],
  });
}

describe('pack verify: adversarial folders', () => {
  it('a genuine pack is ok (folder and zip)', async () => {
    const dir = await makePack('genuine');
    expect(await verifyPack(dir)).toMatchObject({ ok: true, problems: [] });
    await zipFolder(dir, 'genuine', `${dir}.zip`);
    expect(await verifyPack(`${dir}.zip`)).toMatchObject({ ok: true, problems: [] });
  });

  it('reports ../ and absolute manifest entries without reading them', async () => {
    const dir = await makePack('dotdot');
    rewriteManifest(dir, (manifest) => {
      manifest.files.push({ path: '../secret.txt', size: 12, sha256: sha('hors du pack') });
      manifest.files.push({ path: outsideFile, size: 12, sha256: sha('hors du pack') });
      manifest.files.push({ path: 'videos/../../secret.txt', size: 12, sha256: sha('hors du pack') });
    });
    const result = await verifyPack(dir);
    expect(result.ok).toBe(false);
    expect(result.problems).toEqual([
      { path: '../secret.txt', problem: 'unsafe-path' },
      { path: outsideFile, problem: 'unsafe-path' },
      { path: 'videos/../../secret.txt', problem: 'unsafe-path' },
    ]);
  });

  it('reports a listed file replaced by a symlink (even to identical bytes), an extra symlink and a symlinked manifest', async () => {
    const dir = await makePack('links');
    fs.rmSync(path.join(dir, 'videos', 'a.txt'));
    fs.symlinkSync(outsideFile, path.join(dir, 'videos', 'a.txt')); // same bytes as the listed file
    fs.symlinkSync(root, path.join(dir, 'escape'));
    const result = await verifyPack(dir);
    expect(result.ok).toBe(false);
    expect(result.problems).toEqual(
      expect.arrayContaining([
        { path: 'escape', problem: 'symlink' },
        { path: 'videos/a.txt', problem: 'symlink' },
      ]),
    );
    expect(result.problems.some((problem) => problem.path === 'videos/a.txt' && problem.problem !== 'symlink')).toBe(false);

    const linked = await makePack('linked-manifest');
    const real = path.join(root, 'elsewhere.json');
    fs.renameSync(path.join(linked, MANIFEST_FILE), real);
    fs.symlinkSync(real, path.join(linked, MANIFEST_FILE));
    expect(await verifyPack(linked)).toMatchObject({ ok: false, problems: [{ path: MANIFEST_FILE, problem: 'symlink' }] });
  });

  it('reports FIFOs (a listed file, an extra one, the manifest itself) without blocking on them', async () => {
    const dir = await makePack('fifo');
    fs.rmSync(path.join(dir, 'index.html'));
    execFileSync('mkfifo', [path.join(dir, 'index.html'), path.join(dir, 'tube')]);
    const result = await verifyWithin(verifyPack(dir));
    expect(result.ok).toBe(false);
    expect(result.problems).toEqual(
      expect.arrayContaining([
        { path: 'index.html', problem: 'not-regular-file' },
        { path: 'tube', problem: 'not-regular-file' },
      ]),
    );

    const manifestFifo = await makePack('fifo-manifest');
    fs.rmSync(path.join(manifestFifo, MANIFEST_FILE));
    execFileSync('mkfifo', [path.join(manifestFifo, MANIFEST_FILE)]);
    expect(await verifyWithin(verifyPack(manifestFifo))).toMatchObject({
      ok: false,
      problems: [{ path: MANIFEST_FILE, problem: 'not-regular-file' }],
    });

    // and through the CLI: exit 1, the problems listed, no hang
    const cli = spawnSync(process.execPath, ['--import', 'tsx', 'src-main/cli/main.ts', 'pack', 'verify', dir, '--json'], {
      cwd: repo,
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(cli.status).toBe(1);
    expect(JSON.parse(cli.stdout).ok).toBe(false);
  }, 90_000);

  it('refuses an oversize manifest without reading it whole', async () => {
    const dir = await makePack('big-manifest');
    fs.writeFileSync(path.join(dir, MANIFEST_FILE), Buffer.alloc(VERIFY_LIMITS.manifestBytes + 10, 0x20));
    expect(await verifyPack(dir)).toMatchObject({ ok: false, problems: [{ path: MANIFEST_FILE, problem: 'too-large' }] });
  });
});

describe('pack verify: adversarial zips', () => {
  it('reports ../ and absolute entry names, symlink and FIFO entries', async () => {
    const file = path.join(root, 'names.zip');
    const good = { path: 'index.html', data: '<title>Pack</title>' };
    // yazl refuses unsafe names, so same-length placeholders are written and patched in the bytes
    await writeZip(file, (zip) => {
      zip.addBuffer(Buffer.from(manifestFor([good])), `pack/${MANIFEST_FILE}`);
      zip.addBuffer(Buffer.from(good.data), `pack/${good.path}`);
      zip.addBuffer(Buffer.from('evil'), 'pack/PLACEHOLDER1.txt');
      zip.addBuffer(Buffer.from('evil'), 'PLACEHOLDER2/passwd');
      zip.addBuffer(Buffer.from('/etc/passwd'), 'pack/lien', { mode: 0o120777 });
      zip.addBuffer(Buffer.from(''), 'pack/tube', { mode: 0o010644 });
    });
    let bytes = fs.readFileSync(file);
    const patch = (from: string, to: string) => {
      expect(to.length).toBe(from.length);
      let at = bytes.indexOf(from);
      expect(at).toBeGreaterThanOrEqual(0);
      while (at >= 0) {
        bytes.write(to, at, 'latin1');
        at = bytes.indexOf(from, at + 1);
      }
    };
    patch('pack/PLACEHOLDER1.txt', 'pack/../../../../evil');
    patch('PLACEHOLDER2/passwd', '/etc/cron.d/passwdx');
    fs.writeFileSync(file, bytes);
    bytes = Buffer.alloc(0);

    const result = await verifyPack(file);
    expect(result.ok).toBe(false);
    expect(result.problems).toEqual(
      expect.arrayContaining([
        { path: 'pack/../../../../evil', problem: 'unsafe-path' },
        { path: '/etc/cron.d/passwdx', problem: 'unsafe-path' },
        { path: 'pack/lien', problem: 'symlink' },
        { path: 'pack/tube', problem: 'not-regular-file' },
      ]),
    );
  });

  it('reports a zip bomb (1 GiB of zeros) without inflating it, with flat memory', async () => {
    const file = path.join(root, 'bomb.zip');
    const gib = 1024 ** 3;
    const chunk = Buffer.alloc(4 * 1024 * 1024);
    let left = gib;
    const zeros = new Readable({
      read() {
        if (left <= 0) return void this.push(null);
        left -= chunk.length;
        this.push(chunk);
      },
    });
    await writeZip(file, (zip) => {
      zip.addBuffer(
        Buffer.from(manifestFor([], [{ path: 'videos/film.mp4', size: gib, sha256: '0'.repeat(64) }])),
        `pack/${MANIFEST_FILE}`,
      );
      zip.addReadStream(zeros, 'pack/videos/film.mp4', { compress: true });
    });
    const zipSize = fs.statSync(file).size;
    expect(zipSize).toBeLessThan(8 * 1024 * 1024);

    global.gc?.();
    const before = process.memoryUsage().rss;
    const started = Date.now();
    const result = await verifyPack(file);
    const elapsed = Date.now() - started;
    const grown = process.memoryUsage().rss - before;
    expect(result.ok).toBe(false);
    expect(result.problems).toEqual([{ path: 'pack/videos/film.mp4', problem: 'zip-bomb' }]);
    expect(grown).toBeLessThan(64 * 1024 * 1024);
    expect(elapsed).toBeLessThan(5_000); // not inflated: a gigabyte would take far longer
    console.log(
      `zip bomb: ${Math.round(zipSize / 1024)} KiB declaring 1 GiB; verify ${elapsed} ms, RSS +${Math.round(grown / 1024 / 1024)} MiB`,
    );
  }, 180_000);

  it('refuses an oversize manifest entry inside a zip', async () => {
    const file = path.join(root, 'big-manifest.zip');
    const noise = crypto.randomBytes(VERIFY_LIMITS.manifestBytes / 2 + 10).toString('hex'); // barely compressible
    await writeZip(file, (zip) => zip.addBuffer(Buffer.from(noise), `pack/${MANIFEST_FILE}`));
    expect(await verifyPack(file)).toMatchObject({ ok: false, problems: [{ path: MANIFEST_FILE, problem: 'too-large' }] });
  });
});
