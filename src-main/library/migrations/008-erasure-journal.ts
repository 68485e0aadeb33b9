/**
 * Schema 8: the erasure journal. What was erased (a person or a project, by id and a
 * fingerprint of id and creation time, never a name), so that restoring a backup taken
 * before an erasure can apply it again. Shipped: never edit, add the next number.
 */
import type { Migration } from './migration';

export const migration008: Migration = {
  version: 8,
  name: 'erasure journal (ids and fingerprints only), so a restored backup forgets again',
  up(db) {
    db.exec(`
      CREATE TABLE erasure_journal (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        at TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('person', 'project')),
        entity_id INTEGER NOT NULL,
        fingerprint TEXT NOT NULL CHECK (length(fingerprint) = 64),
        UNIQUE (kind, entity_id, fingerprint)
      );
    `);
  },
};
