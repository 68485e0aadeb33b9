/**
 * Schema 15: who a quote quotes (a comment marked as a quote may quote someone other than
 * the clip's speaker: it is credited to them and needs their consent), and the animator's
 * confirmation that a drawn blur region covers the face across the whole clip (checked on
 * stills taken across the range; a changed range or region voids it), and the montage
 * option "voix remplacée" (voices muted, words burnt in). Shipped: never
 * edit, add the next number.
 */
import type { Migration } from './migration';

export const migration015: Migration = {
  version: 15,
  name: 'quotes credit the person quoted; confirmations that a blur region covers the face; voices replaced',
  up(db) {
    db.exec(`
      ALTER TABLE comments ADD COLUMN quoted_person_id INTEGER REFERENCES people(id) ON DELETE SET NULL;
      ALTER TABLE montages ADD COLUMN replace_voices INTEGER NOT NULL DEFAULT 0 CHECK (replace_voices IN (0, 1));

      CREATE TABLE clip_face_checks (
        clip_id INTEGER PRIMARY KEY REFERENCES clips(id) ON DELETE CASCADE,
        -- what was confirmed: the region (JSON {x,y,w,h}) and the range; a change to either voids it
        blur_box TEXT NOT NULL,
        in_seconds REAL NOT NULL,
        out_seconds REAL NOT NULL,
        -- the times of the stills the animator looked at (JSON array of seconds)
        still_seconds TEXT NOT NULL,
        confirmed_by TEXT NOT NULL,
        confirmed_at TEXT NOT NULL
      );
    `);
  },
};
