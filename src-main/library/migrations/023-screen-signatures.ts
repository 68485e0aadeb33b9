/**
 * Schema 23: consent signed on the screen. Each signatory of an agreement given with the
 * method « Signature sur l'écran » (the person, each parent who signs) leaves a small PNG of
 * their signature, or, for someone who cannot sign by hand, their typed name: the proof
 * (RGPD art. 7(1)), kept in the database so erasure deletes it with the rows (secure_delete).
 * Shipped: never edit, add the next number.
 */
import type { Migration } from './migration';

export const migration023: Migration = {
  version: 23,
  name: 'consent: signatures drawn on the screen',
  up(db) {
    db.exec(`
      CREATE TABLE consent_screen_signatures (
        id INTEGER PRIMARY KEY,
        person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
        scope TEXT NOT NULL,
        signer TEXT NOT NULL CHECK (signer IN ('person', 'guardian')),
        guardian_id INTEGER REFERENCES guardians(id) ON DELETE CASCADE,
        png BLOB,
        typed_name TEXT,
        signed_on TEXT NOT NULL,
        CHECK ((png IS NULL) <> (typed_name IS NULL)),
        CHECK ((signer = 'guardian') = (guardian_id IS NOT NULL))
      );
      CREATE INDEX consent_screen_signatures_by_person ON consent_screen_signatures(person_id, scope);
    `);
  },
};
