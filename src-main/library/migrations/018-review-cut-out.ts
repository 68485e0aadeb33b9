/**
 * Schema 18: after an erasure, a recording that showed the erased person with others is
 * resolved by an animator. "Cut out" keeps only the ranges where the person is not on
 * screen: those ranges (and the clips made of them) are the only parts that may leave the
 * library. No column points at a person: the erased person is already gone.
 * Shipped: never edit, add the next number.
 */
import type { Migration } from './migration';

export const migration018: Migration = {
  version: 18,
  name: 'recordings: resolution after an erasure, kept ranges',
  up(db) {
    db.exec(`
      -- how the "à revoir" flag was cleared: NULL (never flagged, or deleted), 'confirmed-absent' or 'cut-out'
      ALTER TABLE recordings ADD COLUMN review_resolution TEXT CHECK (review_resolution IN ('confirmed-absent', 'cut-out'));
      CREATE TABLE recording_kept_ranges (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        recording_id INTEGER NOT NULL REFERENCES recordings(id) ON DELETE CASCADE,
        in_seconds REAL NOT NULL CHECK (in_seconds >= 0),
        out_seconds REAL NOT NULL CHECK (out_seconds > in_seconds),
        clip_id INTEGER REFERENCES clips(id) ON DELETE SET NULL,
        created_at TEXT NOT NULL
      );
      CREATE INDEX recording_kept_ranges_by_recording ON recording_kept_ranges(recording_id, in_seconds);
    `);
  },
};
