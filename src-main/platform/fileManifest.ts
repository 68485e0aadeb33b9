/**
 * The one home of file manifests: every file's relative path, size and SHA-256 (hashed
 * as a stream, so files over 2 GiB work), and the comparison of a manifest with what is
 * really there, naming each missing, altered and extra file. Backups and packs use it.
 */
import { sha256OfFileOffThread } from './fileHash';
import fs from 'node:fs';
import path from 'node:path';

export interface ManifestFile {
  path: string;
  size: number;
  sha256: string;
}

export type ManifestProblem = { path: string; problem: 'missing' | 'altered' | 'extra' };

/** A file as found on disk or in an archive: its size, and its hash computed on demand. */
export interface PresentFile {
  size: number;
  sha256: () => Promise<string>;
}

/** Hashed on a worker thread, so a pack or a backup of long videos never freezes the window. */
export function sha256OfFile(file: string): Promise<string> {
  return sha256OfFileOffThread(file);
}

/** Describes files under `root`, given as POSIX paths relative to it. */
export async function describeFiles(root: string, relativePaths: readonly string[]): Promise<ManifestFile[]> {
  const files: ManifestFile[] = [];
  for (const relative of relativePaths) {
    const absolute = path.join(root, ...relative.split('/'));
    files.push({ path: relative, size: fs.statSync(absolute).size, sha256: await sha256OfFile(absolute) });
  }
  return files;
}

/** Files under `root` as PresentFile entries, keyed by their relative POSIX path. */
export function presentFilesIn(root: string, relativePaths: readonly string[]): Map<string, PresentFile> {
  return new Map(
    relativePaths.map((relative) => {
      const absolute = path.join(root, ...relative.split('/'));
      return [relative, { size: fs.statSync(absolute).size, sha256: () => sha256OfFile(absolute) }] as const;
    }),
  );
}

/** What differs between a manifest and the files present; `exempt` files (the manifest itself) are never extra. */
export async function compareWithManifest(
  listed: readonly ManifestFile[],
  present: ReadonlyMap<string, PresentFile>,
  exempt: readonly string[] = [],
): Promise<ManifestProblem[]> {
  const problems: ManifestProblem[] = [];
  for (const file of listed) {
    const found = present.get(file.path);
    if (!found) problems.push({ path: file.path, problem: 'missing' });
    else if (found.size !== file.size || (await found.sha256()) !== file.sha256) problems.push({ path: file.path, problem: 'altered' });
  }
  const names = new Set(listed.map((file) => file.path));
  for (const file of present.keys()) if (!names.has(file) && !exempt.includes(file)) problems.push({ path: file, problem: 'extra' });
  return problems;
}
