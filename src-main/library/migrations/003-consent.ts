/** Schema 3: consent: records per scope, guardians, append-only audit log, exports to recall. Shipped: never edit, add the next number. */
import type { Migration } from './migration';

export const migration003: Migration = {
  version: 3,
  name: 'consent: records per scope, guardians, append-only audit log, exports to recall',
  up(db) {
    db.exec(`
      ALTER TABLE projects ADD COLUMN retention_months INTEGER NOT NULL DEFAULT 24 CHECK (retention_months BETWEEN 1 AND 120);
      ALTER TABLE projects ADD COLUMN withdrawal_contact TEXT NOT NULL DEFAULT '';
      -- set when an erasure leaves a recording with other people in it: an animator decides
      ALTER TABLE recordings ADD COLUMN needs_review TEXT;

      CREATE TABLE guardians (
        id INTEGER PRIMARY KEY,
        person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
        name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
        relationship TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL
      );
      CREATE INDEX guardians_by_person ON guardians(person_id);

      CREATE TABLE consents (
        person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
        scope TEXT NOT NULL CHECK (scope IN ('recording', 'workshop', 'partners', 'elected', 'public')),
        status TEXT NOT NULL CHECK (status IN ('granted', 'refused', 'pending', 'withdrawn')),
        decided_on TEXT,
        method TEXT CHECK (method IS NULL OR method IN ('signed-form', 'on-screen-signature', 'filmed-oral-consent')),
        evidence_asset_id INTEGER REFERENCES media_assets(id) ON DELETE SET NULL,
        evidence_recording_id INTEGER REFERENCES recordings(id) ON DELETE SET NULL,
        evidence_from_seconds REAL,
        evidence_to_seconds REAL,
        conditions TEXT NOT NULL DEFAULT '[]',
        expires_on TEXT,
        minor_agreed INTEGER NOT NULL DEFAULT 0,
        updated_at TEXT NOT NULL,
        PRIMARY KEY (person_id, scope)
      );

      CREATE TABLE consent_guardian_signatures (
        person_id INTEGER NOT NULL,
        scope TEXT NOT NULL,
        guardian_id INTEGER NOT NULL REFERENCES guardians(id) ON DELETE CASCADE,
        PRIMARY KEY (person_id, scope, guardian_id),
        FOREIGN KEY (person_id, scope) REFERENCES consents(person_id, scope) ON DELETE CASCADE
      );

      -- Every consent change, in order. Never updated; rows go only with a full erasure.
      CREATE TABLE consent_audit (
        id INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        project_id INTEGER,
        person_id INTEGER,
        action TEXT NOT NULL,
        scope TEXT,
        change TEXT NOT NULL DEFAULT '{}',
        actor TEXT NOT NULL DEFAULT '',
        reason TEXT NOT NULL DEFAULT ''
      );
      CREATE INDEX consent_audit_by_person ON consent_audit(person_id, id);
      CREATE TABLE erasure_guard (person_id INTEGER PRIMARY KEY);
      CREATE TRIGGER consent_audit_no_update BEFORE UPDATE ON consent_audit
        BEGIN SELECT RAISE(ABORT, 'the consent log is append-only'); END;
      CREATE TRIGGER consent_audit_no_delete BEFORE DELETE ON consent_audit
        WHEN NOT EXISTS (SELECT 1 FROM erasure_guard WHERE person_id = OLD.person_id)
        BEGIN SELECT RAISE(ABORT, 'the consent log is append-only'); END;

      -- What left the library (clips, montages, packs) and who was in it, to recall after a withdrawal.
      CREATE TABLE exports (
        id INTEGER PRIMARY KEY,
        project_id INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
        kind TEXT NOT NULL,
        audience TEXT NOT NULL,
        label TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        flagged_at TEXT,
        flag_reason TEXT
      );
      CREATE TABLE export_people (
        export_id INTEGER NOT NULL REFERENCES exports(id) ON DELETE CASCADE,
        person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
        PRIMARY KEY (export_id, person_id)
      );
      CREATE INDEX export_people_by_person ON export_people(person_id);
    `);
  },
};
