/**
 * The one rule for every path ERIC Studio writes on request (CLI `--out`, API
 * destinations, backups): never inside the library folder, and never over an existing
 * file unless the caller asked to replace it (`--force`). "Inside" is judged on real
 * paths — symlinks resolved, and without regard to case where the file system usually
 * ignores it (Windows, macOS) — so `--out ~/link-to-library/library.sqlite` or
 * `--out LIBRARY/MEDIA/…` is refused like the plain path. Writes go through atomicFile
 * (temp + fsync + rename), so an interrupted write never leaves a half file in place.
 */
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../src-shared/appError';
import { commitPartial, partialPathFor, writeFileAtomic } from './atomicFile';
import { isInsideFolder } from './pathInside';

export { isInsideFolder };

export interface OutputRule {
  /** The library folder: nothing is ever written inside it on request. */
  libraryDir: string;
  /** Replace an existing file (`--force`). Never a folder, never inside the library. */
  force?: boolean;
  /** The input field or flag at fault, for the error. */
  field?: string;
}

/** Refuses an output inside the library; returns the absolute path. */
export function refuseInsideLibrary(target: string, rule: OutputRule): string {
  const absolute = path.resolve(target);
  if (isInsideFolder(absolute, rule.libraryDir)) {
    throw new AppError('invalid-input', `${absolute} est dans la bibliothèque : ERIC Studio n'y écrit jamais un fichier demandé.`, {
      field: rule.field,
      hint: 'Choisissez un dossier en dehors de la bibliothèque (par exemple vos Documents ou une clé USB).',
    });
  }
  return absolute;
}

/** Checks a file to be written: outside the library, its folder exists, and no existing file unless `force`. */
export function checkOutputFile(target: string, rule: OutputRule): string {
  const absolute = refuseInsideLibrary(target, rule);
  const dir = path.dirname(absolute);
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) {
    throw new AppError('not-found', `Le dossier ${dir} n'existe pas.`, { field: rule.field, hint: 'Créez-le, ou choisissez-en un autre.' });
  }
  let existing: fs.Stats | null = null;
  try {
    existing = fs.lstatSync(absolute);
  } catch {
    existing = null;
  }
  if (existing) {
    if (existing.isDirectory()) {
      throw new AppError('conflict', `${absolute} est un dossier.`, { field: rule.field, hint: 'Donnez un nom de fichier.' });
    }
    if (!rule.force) {
      throw new AppError('conflict', `Le fichier ${absolute} existe déjà : il n'a pas été remplacé.`, {
        field: rule.field,
        hint: 'Choisissez un autre nom, ou ajoutez --force pour le remplacer.',
      });
    }
  }
  return absolute;
}

/** Writes data to an output file under the rule (temp + fsync + rename). */
export function writeOutputFile(target: string, data: string | Uint8Array, rule: OutputRule): string {
  const absolute = checkOutputFile(target, rule);
  writeFileAtomic(absolute, data);
  return absolute;
}

/** Copies a file (e.g. a PDF made in the library) to an output file under the rule. */
export function copyOutputFile(source: string, target: string, rule: OutputRule): string {
  const absolute = checkOutputFile(target, rule);
  const partial = partialPathFor(absolute);
  try {
    fs.copyFileSync(source, partial);
    commitPartial(partial, absolute);
  } finally {
    fs.rmSync(partial, { force: true });
  }
  return absolute;
}

/** Checks a folder to be created or filled: outside the library. */
export function checkOutputFolder(target: string, rule: OutputRule): string {
  return refuseInsideLibrary(target, rule);
}
