/**
 * Backups of a library: a consistent copy of the database taken while it is in use
 * (SQLite online backup), the media and exports, and a manifest with the SHA-256 of
 * every file. A backup appears under its final name only once complete; restore checks
 * the manifest first and only fills an empty folder, so it can never overwrite a library.
 */
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../src-shared/appError';
import { isInsideFolder } from '../platform/outputPath';
import { DATABASE_FILE_NAME } from './libraryFolder';
import { Library } from './library';
import { requireFreeSpace, statFreeBytes } from '../platform/outputSpace';
import { asStorageError } from '../platform/storageErrors';
import { compareWithManifest, describeFiles, presentFilesIn, type ManifestFile, type ManifestProblem } from '../platform/fileManifest';

export const BACKUP_MANIFEST = 'backup.json';
const COPIED_FOLDERS = ['media', 'exports'];

/** What is wrong with a file of a backup, in French (the verdict is read by people). */
const MANIFEST_PROBLEM_FR: Record<ManifestProblem['problem'], string> = {
  missing: 'manquant',
  altered: 'modifié',
  extra: 'absent du manifeste',
};

export interface BackupManifest {
  format: 'eric-studio-backup';
  version: 1;
  createdAt: string;
  appVersion: string;
  schemaVersion: number;
  files: ManifestFile[];
}

function filesUnder(root: string, sub: string): string[] {
  const dir = path.join(root, sub);
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && !entry.name.endsWith('.part'))
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'));
}

function assertEmptyOrMissing(dir: string, what: string): void {
  if (fs.existsSync(dir) && fs.readdirSync(dir).length > 0) {
    throw new AppError('conflict', `${what} ${dir} n’est pas vide.`, {
      hint: 'Choisissez un dossier nouveau ou vide ; rien n’a été modifié.',
    });
  }
}

export function defaultBackupDir(libraryDir: string, now: string): string {
  return path.join(`${path.resolve(libraryDir)}-sauvegardes`, `sauvegarde-${now.slice(0, 19).replace(/[:T]/g, '-')}`);
}

export async function backupLibrary(
  library: Library,
  destination: string,
  appVersion: string,
): Promise<{ dir: string; files: number; bytes: number }> {
  const dir = path.resolve(destination);
  if (isInsideFolder(dir, library.dir)) {
    throw new AppError('invalid-input', `Une sauvegarde ne peut pas être écrite dans la bibliothèque elle-même (${dir}).`, {
      field: 'destination',
      hint: 'Choisissez un dossier en dehors de la bibliothèque, de préférence sur un autre disque.',
    });
  }
  assertEmptyOrMissing(dir, 'Le dossier de sauvegarde');
  const temp = `${dir}.part`;
  // the database, media and exports, plus room for the manifest: a backup that cannot fit fails before copying
  const neededBytes =
    [DATABASE_FILE_NAME, `${DATABASE_FILE_NAME}-wal`, ...COPIED_FOLDERS.flatMap((sub) => filesUnder(library.dir, sub))].reduce(
      (sum, relative) => sum + (fs.statSync(path.join(library.dir, relative), { throwIfNoEntry: false })?.size ?? 0),
      0,
    ) +
    1024 * 1024;
  const storage = { folder: path.dirname(dir), neededBytes, what: 'la sauvegarde' };
  fs.rmSync(temp, { recursive: true, force: true });
  try {
    fs.mkdirSync(path.dirname(dir), { recursive: true });
    requireFreeSpace(path.dirname(dir), neededBytes, statFreeBytes, 'la sauvegarde');
    fs.mkdirSync(temp, { recursive: true });
  } catch (error) {
    fs.rmSync(temp, { recursive: true, force: true });
    throw asStorageError(error, storage, true);
  }
  try {
    await library.db.backup(path.join(temp, DATABASE_FILE_NAME));
    const relativeFiles = [DATABASE_FILE_NAME];
    for (const sub of COPIED_FOLDERS) {
      for (const relative of filesUnder(library.dir, sub)) {
        const target = path.join(temp, relative);
        fs.mkdirSync(path.dirname(target), { recursive: true });
        await fs.promises.copyFile(path.join(library.dir, relative), target);
        relativeFiles.push(relative);
      }
    }
    const manifest: BackupManifest = {
      format: 'eric-studio-backup',
      version: 1,
      createdAt: library.now(),
      appVersion,
      schemaVersion: library.schemaVersion,
      files: await describeFiles(temp, relativeFiles),
    };
    fs.writeFileSync(path.join(temp, BACKUP_MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`);
    fs.rmSync(dir, { recursive: true, force: true });
    fs.mkdirSync(path.dirname(dir), { recursive: true });
    fs.renameSync(temp, dir);
    return { dir, files: manifest.files.length, bytes: manifest.files.reduce((sum, file) => sum + file.size, 0) };
  } catch (error) {
    fs.rmSync(temp, { recursive: true, force: true });
    throw asStorageError(error, storage, true);
  }
}

/** Missing, altered or unexpected files of a backup, against its manifest. */
export async function verifyBackup(backupDir: string): Promise<{ ok: boolean; manifest: BackupManifest | null; problems: string[] }> {
  const dir = path.resolve(backupDir);
  let manifest: BackupManifest;
  try {
    manifest = JSON.parse(fs.readFileSync(path.join(dir, BACKUP_MANIFEST), 'utf8')) as BackupManifest;
    if (manifest.format !== 'eric-studio-backup') throw new Error('ce n’est pas une sauvegarde d’ERIC Studio');
  } catch (error) {
    return { ok: false, manifest: null, problems: [`${BACKUP_MANIFEST}: ${(error as Error).message}`] };
  }
  const problems: string[] = [];
  const inside = manifest.files.filter((file) => path.resolve(dir, file.path).startsWith(dir + path.sep));
  for (const file of manifest.files) if (!inside.includes(file)) problems.push(`${file.path} : hors de la sauvegarde`);
  const present = [DATABASE_FILE_NAME, ...COPIED_FOLDERS.flatMap((sub) => filesUnder(dir, sub))].filter((relative) =>
    fs.existsSync(path.join(dir, relative)),
  );
  for (const problem of await compareWithManifest(inside, presentFilesIn(dir, present))) {
    problems.push(`${problem.path} : ${MANIFEST_PROBLEM_FR[problem.problem]}`);
  }
  return { ok: problems.length === 0, manifest, problems };
}

/**
 * Restores a verified backup into an empty or new folder, and checks that it opens.
 * `beforeOpen` runs on the restored copy before it takes its final name (the app
 * applies again the erasures made since the backup); its count is returned.
 */
export async function restoreLibrary(
  backupDir: string,
  targetDir: string,
  beforeOpen?: (restoredDir: string) => Promise<number>,
): Promise<{ dir: string; files: number; erasuresReapplied: number }> {
  const verdict = await verifyBackup(backupDir);
  if (!verdict.ok) {
    throw new AppError('invalid-input', `La sauvegarde est abîmée : ${verdict.problems.slice(0, 5).join(' ; ')}.`, {
      hint: 'Utilisez une autre sauvegarde ; rien n’a été restauré.',
    });
  }
  const dir = path.resolve(targetDir);
  assertEmptyOrMissing(dir, 'Le dossier où restaurer');
  const temp = `${dir}.part`;
  fs.rmSync(temp, { recursive: true, force: true });
  let erasuresReapplied = 0;
  try {
    for (const file of verdict.manifest!.files) {
      const target = path.join(temp, file.path);
      fs.mkdirSync(path.dirname(target), { recursive: true });
      fs.copyFileSync(path.join(path.resolve(backupDir), file.path), target);
    }
    Library.open(temp).close(); // it must open (and migrate) before it becomes the library
    if (beforeOpen) erasuresReapplied = await beforeOpen(temp);
    fs.rmSync(dir, { recursive: true, force: true });
    fs.renameSync(temp, dir);
  } catch (error) {
    fs.rmSync(temp, { recursive: true, force: true });
    throw error;
  }
  return { dir, files: verdict.manifest!.files.length, erasuresReapplied };
}
