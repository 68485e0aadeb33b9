/**
 * What one schema migration is: a number, a name, and `up(db)`, which may run SQL or move
 * data in code. The database runs each inside one transaction together with the
 * `user_version` bump, so a crash mid-migration leaves the previous version intact.
 */
import type { Database as SqliteDatabase } from 'better-sqlite3';

export interface Migration {
  version: number;
  name: string;
  /**
   * A table rebuild (create, copy, drop, rename) needs foreign keys off, or dropping a
   * parent table would cascade into its children. SQLite only changes that setting
   * outside a transaction, so the runner does it around this migration and runs
   * `foreign_key_check` before committing.
   */
  withoutForeignKeys?: boolean;
  up(db: SqliteDatabase): void;
}
