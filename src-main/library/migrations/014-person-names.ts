/**
 * Schema 14: people get a given name and a family name as separate fields, so "first
 * name only" never shows a family name whatever order it was typed in. Existing names are
 * split on their first space (given = first word) and the doubtful splits (more than two
 * words, a particle, a family name typed first in capitals) are flagged for review.
 * `display_name` stays, kept as "given family" by the people store, for the queries that
 * read it. Shipped: never edit, add the next number.
 */
import { splitDisplayName } from '../../../src-shared/personName';
import type { Migration } from './migration';

export const migration014: Migration = {
  version: 14,
  name: 'people: given and family names as separate fields, doubtful splits flagged for review',
  up(db) {
    db.exec(`
      ALTER TABLE people ADD COLUMN given_name TEXT NOT NULL DEFAULT '';
      ALTER TABLE people ADD COLUMN family_name TEXT NOT NULL DEFAULT '';
      ALTER TABLE people ADD COLUMN name_needs_review INTEGER NOT NULL DEFAULT 0 CHECK (name_needs_review IN (0, 1));
      CREATE INDEX people_by_family_name ON people(project_id, family_name, given_name);
    `);
    const rows = db.prepare('SELECT id, display_name FROM people').all() as Array<{ id: number; display_name: string }>;
    const update = db.prepare('UPDATE people SET given_name = ?, family_name = ?, name_needs_review = ? WHERE id = ?');
    for (const row of rows) {
      const name = splitDisplayName(row.display_name);
      update.run(name.givenName, name.familyName, name.nameNeedsReview ? 1 : 0, row.id);
    }
  },
};
