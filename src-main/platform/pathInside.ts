/**
 * Resolves a path relative to a root folder, refusing anything that escapes it (absolute
 * paths, `..`, NUL bytes). Every path that comes from stored data goes through here, so a
 * tampered row can never make the app read or write outside the library folder. Files
 * served from the library are also checked by real path (`resolveExistingInside`), so a
 * symlink placed in the library cannot lead outside it; and `isInsideFolder` is the
 * real-path test the output rule (outputPath.ts) and backups use.
 */
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../src-shared/appError';

/** Resolves a library-relative path, refusing anything that escapes the library. */
export function resolveInside(libraryDir: string, relativePath: string): string {
  const root = path.resolve(libraryDir);
  if (path.isAbsolute(relativePath) || relativePath.includes('\0')) {
    throw new AppError('forbidden', 'Le chemin d’un média doit partir de la bibliothèque (chemin relatif).');
  }
  const resolved = path.resolve(root, relativePath);
  const rel = path.relative(root, resolved);
  if (rel === '' || rel.startsWith('..') || path.isAbsolute(rel)) {
    throw new AppError('forbidden', 'Le chemin d’un média sort de la bibliothèque : il est refusé.');
  }
  return resolved;
}

/** The real path of `target`, even when it (or its last folders) does not exist yet. */
export function realPathOf(target: string): string {
  let existing = path.resolve(target);
  const rest: string[] = [];
  for (;;) {
    try {
      return path.join(fs.realpathSync.native(existing), ...rest);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'ENOENT' && code !== 'ENOTDIR') throw error;
      const parent = path.dirname(existing);
      if (parent === existing) return path.join(existing, ...rest);
      rest.unshift(path.basename(existing));
      existing = parent;
    }
  }
}

const caseInsensitive = (platform: NodeJS.Platform) => platform === 'win32' || platform === 'darwin';

/** Is `target` the folder itself or anything under it, by real path? */
export function isInsideFolder(target: string, folder: string, platform: NodeJS.Platform = process.platform): boolean {
  let child = realPathOf(target);
  let root = realPathOf(folder);
  if (caseInsensitive(platform)) {
    child = child.toLowerCase();
    root = root.toLowerCase();
  }
  const relative = path.relative(root, child);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

/**
 * An existing file of the library, by real path: its symlinks (and those of the folders
 * above it) must not lead outside the library. Throws not-found when it does not exist.
 */
export function resolveExistingInside(libraryDir: string, relativePath: string): string {
  const absolute = resolveInside(libraryDir, relativePath);
  let real: string;
  try {
    real = fs.realpathSync.native(absolute);
  } catch {
    throw new AppError('not-found', 'Le fichier n’est plus dans le dossier de la bibliothèque.', {
      hint: 'Il a peut-être été déplacé ou supprimé à la main : restaurez la bibliothèque depuis une sauvegarde.',
    });
  }
  if (!isInsideFolder(real, libraryDir) || real === realPathOf(libraryDir)) {
    throw new AppError('forbidden', 'Un fichier de média mène hors de la bibliothèque (un lien) : il n’est pas servi.');
  }
  if (!fs.statSync(real).isFile())
    throw new AppError('forbidden', 'Le chemin d’un média ne mène pas à un fichier ordinaire : il n’est pas servi.');
  return real;
}
