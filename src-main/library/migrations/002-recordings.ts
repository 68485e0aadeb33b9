/** Schema 2: recordings, the people in them, markers. Shipped: never edit, add the next number. */
import type { Migration } from './migration';

export const migration002: Migration = {
  version: 2,
  name: 'recordings, the people in them, markers',
  up(db) {
    db.exec(`
      CREATE TABLE recordings (
        id INTEGER PRIMARY KEY,
        project_id INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
        session_id INTEGER REFERENCES sessions(id) ON DELETE SET NULL,
        kind TEXT NOT NULL CHECK (kind IN ('interview', 'testimony')),
        title TEXT NOT NULL DEFAULT '',
        source TEXT NOT NULL CHECK (source IN ('camera', 'upload', 'file')),
        -- capturing: chunks arriving; finalising: building the master; ready; failed
        status TEXT NOT NULL CHECK (status IN ('capturing', 'finalising', 'ready', 'failed')),
        folder TEXT NOT NULL UNIQUE,
        capture_mime_type TEXT NOT NULL DEFAULT '',
        capture_bytes INTEGER NOT NULL DEFAULT 0,
        capture_next_seq INTEGER NOT NULL DEFAULT 0,
        duration_seconds REAL,
        width INTEGER,
        height INTEGER,
        has_video INTEGER NOT NULL DEFAULT 0,
        has_audio INTEGER NOT NULL DEFAULT 0,
        master_asset_id INTEGER REFERENCES media_assets(id),
        poster_asset_id INTEGER REFERENCES media_assets(id),
        filmstrip_asset_id INTEGER REFERENCES media_assets(id),
        filmstrip_frames INTEGER NOT NULL DEFAULT 0,
        waveform_asset_id INTEGER REFERENCES media_assets(id),
        recovered INTEGER NOT NULL DEFAULT 0,
        failure TEXT,
        recorded_at TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE INDEX recordings_by_project ON recordings(project_id, recorded_at);
      CREATE INDEX recordings_by_session ON recordings(session_id, recorded_at);
      CREATE INDEX recordings_by_status ON recordings(status);

      CREATE TABLE recording_people (
        recording_id INTEGER NOT NULL REFERENCES recordings(id) ON DELETE CASCADE,
        person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
        part TEXT NOT NULL DEFAULT '',
        PRIMARY KEY (recording_id, person_id)
      );
      CREATE INDEX recording_people_by_person ON recording_people(person_id);

      CREATE TABLE markers (
        id INTEGER PRIMARY KEY,
        recording_id INTEGER NOT NULL REFERENCES recordings(id) ON DELETE CASCADE,
        at_seconds REAL NOT NULL CHECK (at_seconds >= 0),
        tag TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL
      );
      CREATE INDEX markers_by_recording ON markers(recording_id, at_seconds);
    `);
  },
};
