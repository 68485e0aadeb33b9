/**
 * What one schema migration is: a number, a name, and `up(db)`, which may run SQL or move
 * data in code. The database runs each inside one transaction together with the
 * `user_version` bump, so a crash mid-migration leaves the previous version intact.
 */
import type { Database as SqliteDatabase } from 'better-sqlite3';

export interface Migration {
  version: number;
  name: string;
  up(db: SqliteDatabase): void;
}
