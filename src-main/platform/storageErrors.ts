/**
 * The one home that turns what the operating system, SQLite and ffmpeg say about a full
 * disk or a read-only folder into a French AppError naming the folder (and the space
 * needed, when known). Node reports ENOSPC/EDQUOT/EROFS/EACCES, SQLite SQLITE_FULL and
 * SQLITE_READONLY*, ffmpeg "No space left on device" among its last stderr lines (quoted
 * in the media-failed message): all of them end here, so a full disk never reads as
 * "damaged library, restore a backup".
 */
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../src-shared/appError';

export type StorageProblem = 'disk-full' | 'read-only';

const FULL_CODES = new Set(['ENOSPC', 'EDQUOT', 'SQLITE_FULL']);
const READ_ONLY_CODES = new Set(['EROFS', 'EACCES', 'EPERM']);
/** A line of a tool's output (ffmpeg's stderr) saying the disk is full or read-only. */
export const STORAGE_ERROR_LINE = /No space left on device|Disk quota exceeded|Read-only file system/i;
const FULL_TEXT = /No space left on device|Disk quota exceeded|database or disk is full|ENOSPC|EDQUOT/i;
const READ_ONLY_TEXT = /Read-only file system|attempt to write a readonly database|EROFS/i;

function codeOf(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : '';
}

/** What storage problem an error is (following its causes), or null when it is something else. */
export function storageProblem(error: unknown): StorageProblem | null {
  for (let current = error, depth = 0; current && depth < 5; current = (current as { cause?: unknown }).cause, depth++) {
    if (current instanceof AppError && (current.code === 'disk-full' || current.code === 'read-only')) return current.code;
    const code = codeOf(current);
    if (FULL_CODES.has(code)) return 'disk-full';
    if (READ_ONLY_CODES.has(code) || code.startsWith('SQLITE_READONLY')) return 'read-only';
    const message = current instanceof Error ? current.message : typeof current === 'string' ? current : '';
    if (FULL_TEXT.test(message)) return 'disk-full';
    if (READ_ONLY_TEXT.test(message)) return 'read-only';
  }
  return null;
}

const megabytes = (bytes: number) => `${Math.max(1, Math.ceil(bytes / (1024 * 1024)))} Mo`;
const freeMegabytes = (bytes: number) => `${Math.max(0, Math.floor(bytes / (1024 * 1024)))} Mo`;

export interface StorageContext {
  /** The folder the work was writing to (the library, an export destination, a backup folder). */
  folder: string;
  /** About how much the work needed, when it is known. */
  neededBytes?: number;
  /** Free bytes on that disk when known (read once, for the message). */
  freeBytes?: number;
  /** The library folder, when `folder` is it or inside it: a read-only library says so. */
  libraryDir?: string;
  /** What was being done, in French ("l’import", "la sauvegarde"…), for the message. */
  what?: string;
}

export function diskFullError(context: StorageContext, cause?: unknown): AppError {
  const needed =
    context.neededBytes !== undefined && context.neededBytes > 0
      ? ` Il faut environ ${megabytes(context.neededBytes)}${context.freeBytes !== undefined ? ` et il reste ${freeMegabytes(context.freeBytes)} libres` : ''}.`
      : '';
  const what = context.what ? ` pour ${context.what}` : '';
  return new AppError('disk-full', `Le disque est plein : impossible d’écrire dans ${context.folder}${what}.${needed}`, {
    hint: 'Libérez de la place sur ce disque (ou choisissez un autre disque), puis recommencez. Rien d’incomplet n’a été gardé.',
    cause,
  });
}

export function readOnlyError(context: StorageContext, cause?: unknown): AppError {
  const isLibrary =
    context.libraryDir !== undefined &&
    (context.folder === context.libraryDir || context.folder.startsWith(`${context.libraryDir}${path.sep}`));
  const folder = isLibrary ? context.libraryDir! : context.folder;
  return new AppError(
    'read-only',
    isLibrary
      ? `La bibliothèque est en lecture seule : ${folder} ne peut pas être modifié (disque protégé en écriture, ou droits insuffisants).`
      : `Le dossier est en lecture seule : ${folder} ne peut pas être modifié.`,
    {
      hint: isLibrary
        ? 'Rien n’est abîmé. Rendez le disque ou le dossier accessible en écriture (ou copiez la bibliothèque sur un disque où l’on peut écrire), puis rouvrez-la.'
        : 'Choisissez un dossier où l’on peut écrire, ou rendez celui-ci accessible en écriture.',
      cause,
    },
  );
}

/** The folder a Node file error was about (the destination of a copy), when it says. */
function folderOf(error: unknown): string | null {
  const { dest, path: filePath, syscall } = (error ?? {}) as { dest?: unknown; path?: unknown; syscall?: unknown };
  const file = typeof dest === 'string' ? dest : typeof filePath === 'string' ? filePath : null;
  if (!file) return null;
  return syscall === 'mkdir' || syscall === 'scandir' || syscall === 'opendir' ? file : path.dirname(file);
}

/**
 * The French AppError for a storage problem, or the error itself when it is something else.
 * With `followPath`, a Node error naming a file outside `context.folder` names its own folder.
 */
export function asStorageError(error: unknown, context: StorageContext, followPath = false): unknown {
  if (error instanceof AppError && (error.code === 'disk-full' || error.code === 'read-only')) return error;
  const problem = storageProblem(error);
  if (problem && followPath) {
    const folder = folderOf(error);
    if (folder && folder !== context.folder && !folder.startsWith(`${context.folder}${path.sep}`))
      context = { ...context, folder, neededBytes: undefined };
  }
  if (problem === 'disk-full') return diskFullError(context, error);
  if (problem === 'read-only') return readOnlyError(context, error);
  return error;
}

/** Whether this process may not write `target` (a read-only disk, or no write permission). */
export function writeRefused(target: string): boolean {
  try {
    fs.accessSync(target, fs.constants.W_OK);
    return false;
  } catch (error) {
    return storageProblem(error) === 'read-only';
  }
}
