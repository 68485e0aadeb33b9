/**
 * Schema 12: who appears in a clip's range. A clip shows everyone linked to its recording
 * unless an animator confirmed that some of them are not on screen in that range; the
 * excluded set is stored (not the included one), so a person linked to the recording
 * later is always included until someone confirms otherwise. Shipped: never edit, add the next number.
 */
import type { Migration } from './migration';

export const migration012: Migration = {
  version: 12,
  name: 'clip people: who a confirmed narrowing leaves out of a clip',
  up(db) {
    db.exec(`
      CREATE TABLE clip_excluded_people (
        clip_id INTEGER NOT NULL REFERENCES clips(id) ON DELETE CASCADE,
        person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
        confirmed_at TEXT NOT NULL,
        confirmed_by TEXT NOT NULL DEFAULT '',
        PRIMARY KEY (clip_id, person_id)
      );
      CREATE INDEX clip_excluded_people_by_person ON clip_excluded_people(person_id);
    `);
  },
};
