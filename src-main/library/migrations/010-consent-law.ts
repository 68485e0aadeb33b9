/**
 * Schema 10: consent as French law has it, and the proof register (RGPD art. 7(1)).
 * Guardians become signatories with a capacity; a row written before this version counts
 * as one holder (`parent-1`), so an old consent of a minor beyond the workshop now lacks
 * the second parent — which is the law. Each consent keeps the place, and the version and
 * SHA-256 of the form shown; an emancipation is recorded with its proof. Shipped: never edit.
 */
import type { Migration } from './migration';

export const migration010: Migration = {
  version: 10,
  name: 'consent law: signatories with a capacity, emancipation with proof, form version and place per consent',
  up(db) {
    db.exec(`
      ALTER TABLE guardians ADD COLUMN capacity TEXT NOT NULL DEFAULT 'parent-1'
        CHECK (capacity IN ('parent-1', 'parent-2', 'sole-holder', 'legal-guardian'));
      ALTER TABLE guardians ADD COLUMN sole_holder_reason TEXT
        CHECK (sole_holder_reason IS NULL OR sole_holder_reason IN
          ('sole-parental-authority', 'other-parent-deceased', 'other-parent-unknown', 'court-decision'));
      ALTER TABLE guardians ADD COLUMN sole_holder_detail TEXT NOT NULL DEFAULT '';

      ALTER TABLE consents ADD COLUMN place TEXT NOT NULL DEFAULT '';
      ALTER TABLE consents ADD COLUMN form_version TEXT;
      ALTER TABLE consents ADD COLUMN form_sha256 TEXT;

      -- an emancipated minor acts as an adult from that day; the proof is part of the register
      CREATE TABLE person_emancipation (
        person_id INTEGER PRIMARY KEY REFERENCES people(id) ON DELETE CASCADE,
        emancipated_on TEXT NOT NULL,
        proof TEXT NOT NULL CHECK (length(proof) BETWEEN 1 AND 500),
        recorded_at TEXT NOT NULL
      );
    `);
  },
};
