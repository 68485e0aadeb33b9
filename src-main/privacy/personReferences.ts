/**
 * Reads a database's schema for the columns that hold a person's id (named `person_id`
 * or `*_person_id`, or declared as a foreign key to `people`), and compares them with
 * what the erasure covers. A new table that points at people must be forgotten too.
 */
import type { SqliteDatabase } from '../library/database';
import { PERSON_REFERENCES } from './erasure';

/** Every `table.column` of the schema that refers to a person, sorted. */
export function personReferencesInSchema(db: SqliteDatabase): string[] {
  const tables = (
    db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as Array<{
      name: string;
    }>
  ).map((row) => row.name);
  const found = new Set<string>(['people.id']);
  for (const table of tables) {
    const columns = db.prepare('SELECT name FROM pragma_table_info(?)').all(table) as Array<{ name: string }>;
    for (const { name } of columns) {
      if (name === 'person_id' || name.endsWith('_person_id')) found.add(`${table}.${name}`);
    }
    const keys = db.prepare('SELECT "table" AS target, "from" AS column FROM pragma_foreign_key_list(?)').all(table) as Array<{
      target: string;
      column: string;
    }>;
    for (const key of keys) if (key.target === 'people') found.add(`${table}.${key.column}`);
  }
  return [...found].sort();
}

/** Person references no store forgets, and declared ones the schema no longer has. */
export function erasureCoverage(db: SqliteDatabase): { uncovered: string[]; stale: string[] } {
  const declared = new Set<string>(Object.values(PERSON_REFERENCES).flat());
  const inSchema = personReferencesInSchema(db);
  return {
    uncovered: inSchema.filter((reference) => !declared.has(reference)),
    stale: [...declared].filter((reference) => !inSchema.includes(reference)).sort(),
  };
}
