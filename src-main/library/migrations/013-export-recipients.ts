/**
 * Schema 13: recall with its recipients. Who each export or pack was given to (RGPD art. 19:
 * they must be told of a withdrawal); how each person appeared in an export (the name shown
 * and the conditions applied), so a later change can be compared with what left; and which
 * person and which change caused a flag, for the notification letter.
 * Shipped: never edit, add the next number.
 */
import type { Migration } from './migration';

export const migration013: Migration = {
  version: 13,
  name: 'export recipients, how people appeared in exports, what caused a flag',
  up(db) {
    db.exec(`
      CREATE TABLE export_recipients (
        id INTEGER PRIMARY KEY,
        export_id INTEGER NOT NULL REFERENCES exports(id) ON DELETE CASCADE,
        name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        given_on TEXT NOT NULL,
        actor TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL
      );
      CREATE INDEX export_recipients_by_export ON export_recipients(export_id);
      -- NULL: not known (exports made before this version)
      ALTER TABLE export_people ADD COLUMN shown_as TEXT;
      ALTER TABLE export_people ADD COLUMN conditions TEXT;
      ALTER TABLE exports ADD COLUMN flag_person_id INTEGER;
      ALTER TABLE exports ADD COLUMN flag_change TEXT;
    `);
  },
};
