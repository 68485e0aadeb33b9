/**
 * Where exports are written: free-space checks before long work starts (so a full disk
 * fails at once, with sizes, not after twenty minutes), and the partial-file naming
 * that makes half-written outputs recognisable and removable after a crash.
 */
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import { AppError } from '../../src-shared/appError';

export type FreeBytes = (dir: string) => number;

/** Free bytes for an unprivileged writer on the file system holding `dir`. */
export const statFreeBytes: FreeBytes = (dir) => {
  const stats = fs.statfsSync(dir);
  return Number(stats.bavail) * Number(stats.bsize);
};

const megabytes = (bytes: number) => `${Math.ceil(bytes / (1024 * 1024))} MB`;

export function requireFreeSpace(dir: string, neededBytes: number, freeBytes: FreeBytes, what: string): void {
  const free = freeBytes(dir);
  if (free < neededBytes) {
    throw new AppError(
      'disk-full',
      `Not enough free space in ${dir} for ${what}: it needs about ${megabytes(neededBytes)} and ${megabytes(free)} are free.`,
      { hint: 'Free some space on this disk (or write the export to another disk), then start again. Nothing was written.' },
    );
  }
}

export const PARTIAL_MARK = '.partial-';

/** A sibling name for the file (or folder) being written; renamed to `finalPath` once complete. */
export function partialPathFor(finalPath: string): string {
  const ext = path.extname(finalPath);
  const base = finalPath.slice(0, finalPath.length - ext.length);
  return `${base}${PARTIAL_MARK}${crypto.randomBytes(4).toString('hex')}${ext}`;
}

/** Removes half-written outputs left in a folder by a crash. Returns how many. */
export function removePartials(dir: string): number {
  let removed = 0;
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return 0;
  }
  for (const name of names) {
    if (!name.includes(PARTIAL_MARK)) continue;
    fs.rmSync(path.join(dir, name), { recursive: true, force: true });
    removed++;
  }
  return removed;
}

/** Checks the extension and that the folder exists (an existing file is replaced once the new one is complete). */
export function checkDestinationFile(destination: string, extensions: readonly string[]): string {
  const absolute = path.resolve(destination);
  if (!extensions.includes(path.extname(absolute).toLowerCase())) {
    throw new AppError('invalid-input', `The output file must end in ${extensions.join(' or ')}.`, { field: 'destination' });
  }
  const dir = path.dirname(absolute);
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) {
    throw new AppError('not-found', `The folder ${dir} does not exist.`, {
      field: 'destination',
      hint: 'Create it first or choose another.',
    });
  }
  return absolute;
}
