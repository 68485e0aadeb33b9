/**
 * Opens `library.sqlite` safely: refuses files that are not SQLite or come from a newer
 * ERIC Studio (checked read-only first, so such a file is never modified), then turns
 * on WAL and foreign keys and applies pending migrations one transaction each.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { AppError } from '../../src-shared/appError';
import { sqliteBindingOptions } from '../platform/sqliteBinding';
import { asStorageError, readOnlyError, storageProblem, writeRefused } from '../platform/storageErrors';
import { LATEST_SCHEMA_VERSION, migrations as defaultMigrations, type Migration } from './migrations';

export type SqliteDatabase = Database.Database;

const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

function assertLooksLikeSqlite(file: string): void {
  const size = fs.statSync(file).size;
  if (size === 0) return; // an empty file is what SQLite itself creates; it gets initialised
  const header = Buffer.alloc(SQLITE_HEADER.length);
  const fd = fs.openSync(file, 'r');
  try {
    fs.readSync(fd, header, 0, header.length, 0);
  } finally {
    fs.closeSync(fd);
  }
  if (!header.equals(SQLITE_HEADER)) {
    throw unreadable(file, 'ce n’est pas une base SQLite (fichier abîmé ou remplacé)');
  }
}

function unreadable(file: string, why: string, cause?: unknown): AppError {
  return new AppError('library-unreadable', `La base de données de la bibliothèque ${file} ne peut pas être ouverte : ${why}.`, {
    hint: 'Le fichier n’a pas été modifié. Restaurez-le depuis une sauvegarde, ou choisissez un autre dossier de bibliothèque.',
    cause,
  });
}

/**
 * Why SQLite could not open the file: a read-only disk or folder (a WAL database needs to
 * write its -shm beside it even to read) or a full disk is not damage, and says so — never
 * "restore from a backup".
 */
function cannotOpen(file: string, error: unknown): AppError {
  const dir = path.dirname(file);
  if (storageProblem(error) === 'read-only' || writeRefused(dir) || (fs.existsSync(file) && writeRefused(file))) {
    return readOnlyError({ folder: dir, libraryDir: dir }, error);
  }
  return asStorageError(unreadable(file, `SQLite répond « ${(error as Error).message} »`, error), {
    folder: dir,
    libraryDir: dir,
  }) as AppError;
}

function readSchemaVersionReadOnly(file: string): number {
  let db: SqliteDatabase | undefined;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true, ...sqliteBindingOptions() });
    const version = db.pragma('user_version', { simple: true }) as number;
    db.prepare('SELECT count(*) FROM sqlite_master').get(); // forces the schema to be read
    return version;
  } catch (error) {
    throw cannotOpen(file, error);
  } finally {
    db?.close();
  }
}

export interface OpenDatabaseOptions {
  migrations?: readonly Migration[];
  /** Read-only (another process holds the library's lock): no migration, no write of any kind. */
  readOnly?: boolean;
}

/** Opens the database read-only, for read commands while another process writes the library. */
function openReadOnly(file: string, latest: number): SqliteDatabase {
  if (!fs.existsSync(file) || fs.statSync(file).size === 0) {
    throw unreadable(file, 'elle n’existe pas encore et ne peut pas être créée en lecture seule');
  }
  assertLooksLikeSqlite(file);
  let db: SqliteDatabase;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true, ...sqliteBindingOptions() });
    db.pragma('busy_timeout = 5000');
  } catch (error) {
    throw unreadable(file, `SQLite répond « ${(error as Error).message} »`, error);
  }
  const found = schemaVersion(db);
  if (found !== latest) {
    db.close();
    throw new AppError(
      'conflict',
      `La bibliothèque ${file} doit être mise à jour (schéma ${found}, attendu ${latest}) et ne peut pas être lue en lecture seule.`,
      {
        hint: "Fermez l'autre fenêtre ERIC Studio, puis relancez la commande : elle mettra la bibliothèque à jour.",
      },
    );
  }
  return db;
}

export function openDatabase(file: string, options: OpenDatabaseOptions = {}): SqliteDatabase {
  const migrations = options.migrations ?? defaultMigrations;
  const latest = migrations.length ? migrations[migrations.length - 1]!.version : 0;
  if (options.readOnly) return openReadOnly(file, latest);

  if (fs.existsSync(file)) {
    assertLooksLikeSqlite(file);
    if (fs.statSync(file).size > 0) {
      const found = readSchemaVersionReadOnly(file);
      if (found > latest) {
        throw new AppError(
          'library-too-new',
          `La bibliothèque ${file} a été écrite par une version plus récente d’ERIC Studio (schéma ${found} ; cette version connaît jusqu’au ${latest}).`,
          { hint: 'Mettez ERIC Studio à jour pour l’ouvrir. Le fichier n’a pas été modifié.' },
        );
      }
    }
  }

  let db: SqliteDatabase;
  try {
    db = new Database(file, sqliteBindingOptions());
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    db.pragma('secure_delete = ON'); // deleted rows (erased people) are overwritten, not left in free pages
    db.pragma('busy_timeout = 5000');
    db.pragma('cache_size = -65536'); // 64 MB: a large project's comments stay in memory
    db.pragma('mmap_size = 268435456'); // reads without a system call per page
  } catch (error) {
    throw cannotOpen(file, error);
  }

  try {
    applyMigrations(db, migrations);
  } catch (error) {
    db.close();
    throw error;
  }
  return db;
}

export function schemaVersion(db: SqliteDatabase): number {
  return db.pragma('user_version', { simple: true }) as number;
}

export function applyMigrations(db: SqliteDatabase, migrations: readonly Migration[]): void {
  const current = schemaVersion(db);
  for (const migration of migrations) {
    if (migration.version <= current) continue;
    const run = db.transaction(() => {
      migration.up(db);
      if (migration.withoutForeignKeys) {
        const broken = db.pragma('foreign_key_check') as unknown[];
        if (broken.length) throw new Error(`${broken.length} ligne(s) renvoient à des lignes qui n’existent pas`);
      }
      db.pragma(`user_version = ${migration.version}`);
    });
    const foreignKeys = db.pragma('foreign_keys', { simple: true }) as number;
    try {
      if (migration.withoutForeignKeys) db.pragma('foreign_keys = OFF');
      run();
    } catch (error) {
      throw new AppError(
        'library-unreadable',
        `La mise à jour de la bibliothèque au schéma ${migration.version} (${migration.name}) a échoué : ${(error as Error).message}.`,
        { hint: 'La bibliothèque est restée à sa version précédente. Signalez ce problème avec le message ci-dessus.', cause: error },
      );
    } finally {
      if (migration.withoutForeignKeys) db.pragma(`foreign_keys = ${foreignKeys ? 'ON' : 'OFF'}`);
    }
  }
}

export { LATEST_SCHEMA_VERSION };
