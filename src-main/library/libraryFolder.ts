/**
 * Where a library lives on disk and how paths inside it are resolved. Every path that
 * comes from stored data goes through `resolveInside`, so a tampered row can never
 * make the app read or write outside the library folder.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AppError } from '../../src-shared/appError';
import { asStorageError } from '../platform/storageErrors';

export const DATABASE_FILE_NAME = 'library.sqlite';
export const LIBRARY_SUBFOLDERS = ['media', 'exports', 'tmp'] as const;

/**
 * The default library folder, the same one Electron's userData would give for the
 * product name "ERIC Studio", so the app, the CLI and browser mode share one library.
 */
export function defaultLibraryDir(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  home: string = os.homedir(),
): string {
  if (env.ERIC_STUDIO_LIBRARY) return path.resolve(env.ERIC_STUDIO_LIBRARY);
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), 'ERIC Studio', 'library');
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', 'ERIC Studio', 'library');
  return path.join(env.XDG_CONFIG_HOME ?? path.join(home, '.config'), 'ERIC Studio', 'library');
}

export function prepareLibraryFolder(dir: string): void {
  try {
    fs.mkdirSync(dir, { recursive: true });
    for (const sub of LIBRARY_SUBFOLDERS) fs.mkdirSync(path.join(dir, sub), { recursive: true });
  } catch (error) {
    const storage = asStorageError(error, { folder: dir, libraryDir: dir });
    if (storage instanceof AppError) throw storage;
    throw new AppError(
      'library-unreadable',
      `Le dossier de bibliothèque ${dir} ne peut pas être créé ou modifié : ${(error as Error).message}.`,
      {
        hint: 'Choisissez un dossier où vous avez le droit d’écrire (option --library), et vérifiez que le disque n’est pas plein.',
        cause: error,
      },
    );
  }
}
