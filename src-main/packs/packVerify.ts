/**
 * `pack verify` on a pack folder or .zip that may have been tampered with, or built to
 * hurt whoever checks it. Nothing is followed, opened or trusted before it is looked at:
 * the manifest is read with a size cap (never a FIFO, never through a link); manifest
 * paths and entry names with `..`, absolute names, symlinks, FIFOs and other files that
 * are not regular are reported as problems, never as "ok"; a zip's entries are streamed
 * (yauzl), a zip bomb (a huge declared size, or a compression ratio no pack has) is
 * reported without being inflated, and the bytes hashed per entry and in total are capped,
 * so memory stays flat and time bounded whatever the archive claims.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import yauzl from 'yauzl';
import type { PackVerification } from '../../src-shared/contract/schemas/packs';
import { sha256OfFile, type ManifestFile } from '../platform/fileManifest';

export const MANIFEST_FILE = 'manifest.json';

/** Limits, exported for the tests. */
export const VERIFY_LIMITS = {
  /** A manifest listing 100,000 files is about 15 MB. */
  manifestBytes: 16 * 1024 * 1024,
  /** No pack file is bigger (a 4-hour 1080p montage is about 10 GB). */
  entryBytes: 64 * 1024 ** 3,
  /** Bytes hashed from a zip in all. */
  totalBytes: 256 * 1024 ** 3,
  /** Videos are stored, texts deflate 3–10×: a ratio past this, on more than a megabyte, is a bomb. */
  ratio: 200,
  ratioMinBytes: 1024 * 1024,
};

type Problem = PackVerification['problems'][number];
type ProblemKind = Problem['problem'];

interface PackManifestShape {
  format: 'eric-studio-pack/1';
  packId: string;
  files: ManifestFile[];
}

/** A relative POSIX path that stays inside the pack: no `..`, not absolute, no drive, no NUL or backslash. */
export function isSafeRelativePath(name: string): boolean {
  if (name === '' || name.includes('\0') || name.includes('\\')) return false;
  if (name.startsWith('/') || /^[a-zA-Z]:/.test(name)) return false;
  return name.split('/').every((part) => part !== '..' && part !== '.' && part !== '');
}

function parseManifest(text: string): PackManifestShape | null {
  try {
    const manifest = JSON.parse(text) as PackManifestShape;
    if (!manifest || manifest.format !== 'eric-studio-pack/1' || !Array.isArray(manifest.files)) return null;
    const wellFormed = manifest.files.every(
      (file) =>
        file && typeof file.path === 'string' && Number.isSafeInteger(file.size) && file.size >= 0 && typeof file.sha256 === 'string',
    );
    return wellFormed ? manifest : null;
  } catch {
    return null;
  }
}

function verdict(manifest: PackManifestShape | null, problems: Problem[]): PackVerification {
  return { ok: problems.length === 0, packId: manifest?.packId ?? null, checkedFiles: manifest?.files.length ?? 0, problems };
}

/** Reads at most `cap` + 1 bytes of a regular file (the caller checked it is one). */
function readCapped(file: string, cap: number): Buffer | null {
  const fd = fs.openSync(file, fs.constants.O_RDONLY | (fs.constants.O_NOFOLLOW ?? 0) | (fs.constants.O_NONBLOCK ?? 0));
  try {
    const buffer = Buffer.alloc(cap + 1);
    let length = 0;
    for (;;) {
      const read = fs.readSync(fd, buffer, length, buffer.length - length, null);
      if (read === 0) break;
      length += read;
      if (length > cap) return null;
    }
    return buffer.subarray(0, length);
  } finally {
    fs.closeSync(fd);
  }
}

function kindOf(stats: fs.Stats): ProblemKind | null {
  if (stats.isSymbolicLink()) return 'symlink';
  if (!stats.isFile() && !stats.isDirectory()) return 'not-regular-file';
  return null;
}

/** Every entry under a folder without following links: regular files, and the rest as problems. */
function walkFolder(root: string): { files: Map<string, number>; problems: Problem[] } {
  const files = new Map<string, number>();
  const problems: Problem[] = [];
  const walk = (relative: string) => {
    for (const name of fs.readdirSync(path.join(root, relative))) {
      const child = relative ? `${relative}/${name}` : name;
      const stats = fs.lstatSync(path.join(root, ...child.split('/')));
      const bad = kindOf(stats);
      if (bad) problems.push({ path: child, problem: bad });
      else if (stats.isDirectory()) walk(child);
      else files.set(child, stats.size);
    }
  };
  walk('');
  return { files, problems };
}

async function verifyFolder(dir: string): Promise<PackVerification> {
  const manifestPath = path.join(dir, MANIFEST_FILE);
  let manifestStats: fs.Stats | null = null;
  try {
    manifestStats = fs.lstatSync(manifestPath);
  } catch {
    manifestStats = null;
  }
  if (!manifestStats) return verdict(null, [{ path: MANIFEST_FILE, problem: 'manifest-unreadable' }]);
  const manifestKind = kindOf(manifestStats);
  if (manifestKind || manifestStats.isDirectory()) {
    return verdict(null, [{ path: MANIFEST_FILE, problem: manifestKind ?? 'not-regular-file' }]);
  }
  if (manifestStats.size > VERIFY_LIMITS.manifestBytes) return verdict(null, [{ path: MANIFEST_FILE, problem: 'too-large' }]);
  const text = readCapped(manifestPath, VERIFY_LIMITS.manifestBytes);
  if (!text) return verdict(null, [{ path: MANIFEST_FILE, problem: 'too-large' }]);
  const manifest = parseManifest(text.toString('utf8'));
  if (!manifest) return verdict(null, [{ path: MANIFEST_FILE, problem: 'manifest-unreadable' }]);

  const { files: present, problems } = walkFolder(dir);
  const flagged = new Set(problems.map((problem) => problem.path));
  const listed = new Set<string>();
  for (const file of manifest.files) {
    if (!isSafeRelativePath(file.path)) {
      problems.push({ path: file.path.slice(0, 300), problem: 'unsafe-path' });
      continue;
    }
    listed.add(file.path);
    if (flagged.has(file.path)) continue; // a link or a FIFO in its place: already reported, never opened
    const size = present.get(file.path);
    if (size === undefined) problems.push({ path: file.path, problem: 'missing' });
    else if (size !== file.size || (await sha256OfFile(path.join(dir, ...file.path.split('/')))) !== file.sha256) {
      problems.push({ path: file.path, problem: 'altered' });
    }
  }
  for (const file of present.keys()) if (!listed.has(file) && file !== MANIFEST_FILE) problems.push({ path: file, problem: 'extra' });
  return verdict(manifest, problems);
}

interface ScannedEntry {
  name: string;
  entry: yauzl.Entry;
}

const S_IFMT = 0o170000;
const S_IFREG = 0o100000;
const S_IFLNK = 0o120000;
const S_IFDIR = 0o040000;

/** What kind of file a zip entry says it is (Unix mode in the external attributes, when made on Unix). */
function zipEntryKind(entry: yauzl.Entry): ProblemKind | null {
  const madeOnUnix = entry.versionMadeBy >> 8 === 3;
  const mode = (entry.externalFileAttributes >>> 16) & S_IFMT;
  if (!madeOnUnix || mode === 0) return null;
  if (mode === S_IFLNK) return 'symlink';
  if (mode !== S_IFREG && mode !== S_IFDIR) return 'not-regular-file';
  return null;
}

function isBomb(entry: yauzl.Entry): boolean {
  if (entry.uncompressedSize > VERIFY_LIMITS.entryBytes) return true;
  if (entry.uncompressedSize < VERIFY_LIMITS.ratioMinBytes) return false;
  return entry.uncompressedSize > Math.max(entry.compressedSize, 1) * VERIFY_LIMITS.ratio;
}

function openZip(file: string): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) =>
    // names left raw: yauzl would stop at the first `..` or absolute name, and we want to report each one
    yauzl.open(file, { lazyEntries: true, autoClose: false, decodeStrings: false }, (error, zip) =>
      error || !zip ? reject(error ?? new Error('unreadable zip')) : resolve(zip),
    ),
  );
}

function decodeName(entry: yauzl.Entry): string {
  const raw = entry.fileName as unknown as Buffer;
  const lowLevel = (yauzl as unknown as { getFileNameLowLevel?: (flag: number, raw: Buffer, extra: unknown, strict: boolean) => string })
    .getFileNameLowLevel;
  return lowLevel ? lowLevel(entry.generalPurposeBitFlag, raw, entry.extraFields, true) : raw.toString('utf8');
}

function listEntries(zip: yauzl.ZipFile): Promise<ScannedEntry[]> {
  return new Promise((resolve, reject) => {
    const entries: ScannedEntry[] = [];
    zip.on('entry', (entry: yauzl.Entry) => {
      entries.push({ name: decodeName(entry), entry });
      zip.readEntry();
    });
    zip.on('end', () => resolve(entries));
    zip.on('error', reject);
    zip.readEntry();
  });
}

/** Streams an entry, giving up past `cap` bytes (yauzl also stops at the declared size). */
async function streamEntry(zip: yauzl.ZipFile, entry: yauzl.Entry, cap: number, onChunk: (chunk: Buffer) => void): Promise<boolean> {
  const stream = await new Promise<NodeJS.ReadableStream>((ok, ko) =>
    zip.openReadStream(entry, (error, readable) => (error || !readable ? ko(error) : ok(readable))),
  );
  let seen = 0;
  try {
    for await (const chunk of stream) {
      seen += (chunk as Buffer).length;
      if (seen > cap) {
        (stream as unknown as { destroy(): void }).destroy();
        return false;
      }
      onChunk(chunk as Buffer);
    }
    return true;
  } catch {
    return false; // a corrupt or lying entry (sizes that do not match what inflates)
  }
}

async function verifyZip(file: string): Promise<PackVerification> {
  let zip: yauzl.ZipFile;
  try {
    zip = await openZip(file);
  } catch {
    return verdict(null, [{ path: path.basename(file), problem: 'manifest-unreadable' }]);
  }
  try {
    let entries: ScannedEntry[];
    try {
      entries = await listEntries(zip);
    } catch {
      return verdict(null, [{ path: path.basename(file), problem: 'manifest-unreadable' }]);
    }
    const problems: Problem[] = [];
    const usable: ScannedEntry[] = [];
    const seen = new Set<string>();
    for (const scanned of entries) {
      const shown = scanned.name.slice(0, 300);
      const folderName = scanned.name.replace(/\/$/, '');
      if (!isSafeRelativePath(folderName)) problems.push({ path: shown, problem: 'unsafe-path' });
      else if (zipEntryKind(scanned.entry)) problems.push({ path: shown, problem: zipEntryKind(scanned.entry)! });
      else if (scanned.name.endsWith('/')) continue;
      else if (isBomb(scanned.entry)) problems.push({ path: shown, problem: 'zip-bomb' });
      else if (seen.has(scanned.name))
        problems.push({ path: shown, problem: 'altered' }); // two entries, one name
      else {
        seen.add(scanned.name);
        usable.push(scanned);
      }
    }
    const flagged = new Set(problems.map((problem) => problem.path));

    // the zip holds one folder: its name is stripped from every path
    const manifestEntry = usable.find((item) => item.name.split('/').length === 2 && item.name.endsWith(`/${MANIFEST_FILE}`));
    const manifestFlagged = [...flagged].some((name) => name.split('/').length === 2 && name.endsWith(`/${MANIFEST_FILE}`));
    if (!manifestEntry) {
      if (!manifestFlagged) problems.push({ path: MANIFEST_FILE, problem: 'manifest-unreadable' });
      return verdict(null, problems);
    }
    if (manifestEntry.entry.uncompressedSize > VERIFY_LIMITS.manifestBytes) {
      problems.push({ path: MANIFEST_FILE, problem: 'too-large' });
      return verdict(null, problems);
    }
    const chunks: Buffer[] = [];
    const complete = await streamEntry(zip, manifestEntry.entry, VERIFY_LIMITS.manifestBytes, (chunk) => chunks.push(chunk));
    const manifest = complete ? parseManifest(Buffer.concat(chunks).toString('utf8')) : null;
    if (!manifest) {
      problems.push({ path: MANIFEST_FILE, problem: complete ? 'manifest-unreadable' : 'too-large' });
      return verdict(null, problems);
    }
    const root = manifestEntry.name.slice(0, manifestEntry.name.length - MANIFEST_FILE.length);
    const present = new Map(usable.filter((item) => item.name.startsWith(root)).map((item) => [item.name.slice(root.length), item.entry]));

    let budget = VERIFY_LIMITS.totalBytes;
    const listed = new Set<string>();
    for (const file of manifest.files) {
      if (!isSafeRelativePath(file.path)) {
        problems.push({ path: file.path.slice(0, 300), problem: 'unsafe-path' });
        continue;
      }
      listed.add(file.path);
      if (flagged.has(root + file.path)) continue; // reported above, never inflated
      const entry = present.get(file.path);
      if (!entry) {
        problems.push({ path: file.path, problem: 'missing' });
        continue;
      }
      if (entry.uncompressedSize !== file.size) {
        problems.push({ path: file.path, problem: 'altered' });
        continue;
      }
      if (entry.uncompressedSize > budget) {
        problems.push({ path: file.path, problem: 'too-large' });
        continue;
      }
      budget -= entry.uncompressedSize;
      const hash = crypto.createHash('sha256');
      const whole = await streamEntry(zip, entry, Math.min(file.size, VERIFY_LIMITS.entryBytes), (chunk) => hash.update(chunk));
      if (!whole || hash.digest('hex') !== file.sha256) problems.push({ path: file.path, problem: 'altered' });
    }
    for (const name of present.keys()) if (!listed.has(name) && name !== MANIFEST_FILE) problems.push({ path: name, problem: 'extra' });
    for (const item of usable) if (!item.name.startsWith(root)) problems.push({ path: item.name.slice(0, 300), problem: 'extra' });
    return verdict(manifest, problems);
  } finally {
    zip.close();
  }
}

/** Checks a pack folder, or a .zip holding one pack folder, without trusting anything in it. */
export async function verifyPack(target: string): Promise<PackVerification> {
  const stats = fs.lstatSync(target);
  if (stats.isSymbolicLink()) {
    // the path the user gave may be a link to their pack: follow that one link, never those inside
    return verifyPack(fs.realpathSync(target));
  }
  if (stats.isDirectory()) return verifyFolder(target);
  if (!stats.isFile()) return verdict(null, [{ path: path.basename(target), problem: 'not-regular-file' }]);
  return verifyZip(target);
}
