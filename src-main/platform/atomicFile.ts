/**
 * The one home of how a file is written so that nobody ever sees it half-written: write
 * under a partial name beside it, fsync, then rename over the final name (a rename on
 * the same file system is atomic). Partial names carry a mark, so what a crash left
 * behind is recognisable and removable at start-up.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export const PARTIAL_MARK = '.partial-';

/** A sibling name for the file (or folder) being written; renamed to `finalPath` once complete. */
export function partialPathFor(finalPath: string): string {
  const ext = path.extname(finalPath);
  const base = finalPath.slice(0, finalPath.length - ext.length);
  return `${base}${PARTIAL_MARK}${crypto.randomBytes(4).toString('hex')}${ext}`;
}

/** Flushes a written file to the disk. */
export function fsyncFile(file: string): void {
  const fd = fs.openSync(file, 'r+');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/** Makes a complete partial file visible under its final name (fsync, then rename). */
export function commitPartial(partialPath: string, finalPath: string): void {
  fsyncFile(partialPath);
  fs.renameSync(partialPath, finalPath);
}

/** Writes data to `file` atomically; on failure nothing new is left behind. */
export function writeFileAtomic(file: string, data: string | Uint8Array): void {
  const partial = partialPathFor(file);
  try {
    fs.writeFileSync(partial, data);
    commitPartial(partial, file);
  } finally {
    fs.rmSync(partial, { force: true });
  }
}

/** Lets `write` produce the file (e.g. ffmpeg writing to the path given), then commits it atomically. */
export async function produceFileAtomic(file: string, write: (partialPath: string) => Promise<void>): Promise<void> {
  const partial = partialPathFor(file);
  try {
    await write(partial);
    commitPartial(partial, file);
  } finally {
    fs.rmSync(partial, { force: true });
  }
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
