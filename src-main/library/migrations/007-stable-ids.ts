/**
 * Schema 7: ids are never reused. Without AUTOINCREMENT, SQLite hands a deleted row's id
 * to the next row, so a new person could inherit a deleted person's consent log, a new
 * recording a deleted one's /media ids. Each table is rebuilt with AUTOINCREMENT (the
 * documented create-copy-drop-rename procedure, foreign keys off, checked at the end),
 * keeping every row, index and trigger. Shipped: never edit, add the next number.
 */
import type { Migration } from './migration';

export const STABLE_ID_TABLES = [
  'projects',
  'people',
  'sessions',
  'media_assets',
  'recordings',
  'guardians',
  'exports',
  'comments',
  'clips',
  'montages',
] as const;

export const migration007: Migration = {
  version: 7,
  name: 'ids are never reused (AUTOINCREMENT on every table whose id leaves the database)',
  withoutForeignKeys: true,
  up(db) {
    for (const table of STABLE_ID_TABLES) {
      const { sql } = db.prepare("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?").get(table) as { sql: string };
      const dependents = (
        db
          .prepare(
            "SELECT sql FROM sqlite_master WHERE type IN ('index', 'trigger') AND tbl_name = ? AND sql IS NOT NULL ORDER BY type, name",
          )
          .all(table) as Array<{ sql: string }>
      ).map((row) => row.sql);
      const rebuilt = sql
        .replace(/^CREATE TABLE\s+("?)(\w+)\1/i, `CREATE TABLE "${table}_rebuilt"`)
        .replace(/\bid INTEGER PRIMARY KEY\b(?! AUTOINCREMENT)/i, 'id INTEGER PRIMARY KEY AUTOINCREMENT');
      if (!/AUTOINCREMENT/i.test(rebuilt)) throw new Error(`table ${table} has no "id INTEGER PRIMARY KEY" to make stable`);
      db.exec(rebuilt);
      db.exec(`INSERT INTO "${table}_rebuilt" SELECT * FROM "${table}"`);
      db.exec(`DROP TABLE "${table}"`);
      db.exec(`ALTER TABLE "${table}_rebuilt" RENAME TO "${table}"`);
      for (const statement of dependents) db.exec(statement);
    }
  },
};
