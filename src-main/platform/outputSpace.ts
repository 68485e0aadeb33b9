/**
 * Where exports are written: free-space checks before long work starts (so a full disk
 * fails at once, with sizes, not after twenty minutes), and checks of a destination
 * chosen on the command line. How files are written lives in atomicFile.ts.
 */
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../src-shared/appError';
import { checkOutputFile } from './outputPath';
import { diskFullError } from './storageErrors';

export type FreeBytes = (dir: string) => number;

/** Free bytes for an unprivileged writer on the file system holding `dir`. */
export const statFreeBytes: FreeBytes = (dir) => {
  const stats = fs.statfsSync(dir);
  return Number(stats.bavail) * Number(stats.bsize);
};

/**
 * Refuses work that would not fit: "Le disque est plein", naming the folder, the space
 * needed and the space free (storageErrors.ts writes the message). `what` is French.
 */
export function requireFreeSpace(dir: string, neededBytes: number, freeBytes: FreeBytes, what: string): void {
  const free = freeBytes(dir);
  if (free < neededBytes) throw diskFullError({ folder: dir, neededBytes, freeBytes: free, what });
}

/**
 * Checks a destination file chosen on the command line: its extension, and the output
 * rule (outputPath.ts: never inside the library, its folder exists, an existing file only
 * replaced when `overwrite` — the new one replaces it once complete).
 */
export function checkDestinationFile(
  destination: string,
  extensions: readonly string[],
  rule: { libraryDir: string; overwrite?: boolean },
): string {
  const absolute = path.resolve(destination);
  if (!extensions.includes(path.extname(absolute).toLowerCase())) {
    throw new AppError('invalid-input', `Le fichier à écrire doit finir par ${extensions.join(' ou ')}.`, {
      field: 'destination',
      hint: 'Changez l’extension à la fin du nom du fichier.',
    });
  }
  return checkOutputFile(absolute, { libraryDir: rule.libraryDir, force: rule.overwrite, field: 'destination' });
}
