/** Schema 19: faces found in a recording, linked into tracks, and whose face each track is. Shipped: never edit, add the next number. */
import type { Migration } from './migration';

export const migration019: Migration = {
  version: 19,
  name: 'faces: analyses and tracks',
  up(db) {
    db.exec(`
      -- one analysis per recording (the latest); its tracks go with it and with the recording
      CREATE TABLE face_analyses (
        recording_id INTEGER PRIMARY KEY REFERENCES recordings(id) ON DELETE CASCADE,
        analysed_at TEXT NOT NULL,
        -- seconds between analysed frames, and the analysis size
        step_seconds REAL NOT NULL,
        analysis_width INTEGER NOT NULL,
        analysis_height INTEGER NOT NULL,
        detector TEXT NOT NULL
      );
      CREATE TABLE face_tracks (
        id INTEGER PRIMARY KEY,
        recording_id INTEGER NOT NULL REFERENCES face_analyses(recording_id) ON DELETE CASCADE,
        -- analysed boxes: JSON [{t,x,y,w,h,score}] in fractions of the frame, time order
        boxes_json TEXT NOT NULL,
        first_seconds REAL NOT NULL,
        last_seconds REAL NOT NULL,
        -- 'unreviewed' | 'person' | 'unknown' ("inconnu")
        assignment TEXT NOT NULL DEFAULT 'unreviewed' CHECK (assignment IN ('unreviewed', 'person', 'unknown')),
        person_id INTEGER REFERENCES people(id) ON DELETE SET NULL,
        -- a small JPEG of the face, for the strip of thumbnails (forgotten with the person)
        -- (a 'person' track whose person is gone reads as 'unreviewed': someone looks again)
        thumbnail_jpeg BLOB
      );
      CREATE INDEX face_tracks_of_recording ON face_tracks(recording_id, first_seconds);
      CREATE INDEX face_tracks_of_person ON face_tracks(person_id) WHERE person_id IS NOT NULL;
    `);
  },
};
