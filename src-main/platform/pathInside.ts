/**
 * Resolves a path relative to a root folder, refusing anything that escapes it (absolute
 * paths, `..`, NUL bytes). Every path that comes from stored data goes through here, so a
 * tampered row can never make the app read or write outside the library folder.
 */
import path from 'node:path';
import { AppError } from '../../src-shared/appError';

/** Resolves a library-relative path, refusing anything that escapes the library. */
export function resolveInside(libraryDir: string, relativePath: string): string {
  const root = path.resolve(libraryDir);
  if (path.isAbsolute(relativePath) || relativePath.includes('\0')) {
    throw new AppError('forbidden', 'A media path must be relative to the library.');
  }
  const resolved = path.resolve(root, relativePath);
  const rel = path.relative(root, resolved);
  if (rel === '' || rel.startsWith('..') || path.isAbsolute(rel)) {
    throw new AppError('forbidden', 'A media path points outside the library.');
  }
  return resolved;
}
