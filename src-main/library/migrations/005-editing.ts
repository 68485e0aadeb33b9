/** Schema 5: editing: clips, montages, subtitle cues, and what each export holds. Shipped: never edit, add the next number. */
import type { Migration } from './migration';

export const migration005: Migration = {
  version: 5,
  name: 'editing: clips, montages, subtitle cues, and what each export holds',
  up(db) {
    db.exec(`
      CREATE TABLE clips (
        id INTEGER PRIMARY KEY,
        recording_id INTEGER NOT NULL REFERENCES recordings(id) ON DELETE CASCADE,
        name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        in_seconds REAL NOT NULL CHECK (in_seconds >= 0),
        out_seconds REAL NOT NULL,
        -- themes, as a JSON array of labels
        tags TEXT NOT NULL DEFAULT '[]',
        -- who speaks (for the lower third); NULL: the recording's only person, if one
        speaker_person_id INTEGER REFERENCES people(id) ON DELETE SET NULL,
        -- the region to pixelate when someone must not be recognised, JSON {x,y,w,h} in 0..1
        blur_box TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        CHECK (out_seconds > in_seconds)
      );
      CREATE INDEX clips_by_recording ON clips(recording_id, in_seconds);

      CREATE TABLE montages (
        id INTEGER PRIMARY KEY,
        project_id INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
        name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        preset TEXT NOT NULL DEFAULT '720p' CHECK (preset IN ('720p', '1080p')),
        fade_seconds REAL NOT NULL DEFAULT 0.5 CHECK (fade_seconds BETWEEN 0 AND 2),
        normalise_audio INTEGER NOT NULL DEFAULT 1,
        lower_thirds INTEGER NOT NULL DEFAULT 1,
        burn_subtitles INTEGER NOT NULL DEFAULT 0,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE INDEX montages_by_project ON montages(project_id);

      CREATE TABLE montage_items (
        montage_id INTEGER NOT NULL REFERENCES montages(id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('title', 'clip')),
        clip_id INTEGER REFERENCES clips(id) ON DELETE CASCADE,
        title_text TEXT,
        title_seconds REAL,
        PRIMARY KEY (montage_id, position),
        CHECK ((kind = 'clip' AND clip_id IS NOT NULL) OR (kind = 'title' AND title_text IS NOT NULL AND title_seconds > 0))
      );
      CREATE INDEX montage_items_by_clip ON montage_items(clip_id);

      CREATE TABLE subtitle_cues (
        id INTEGER PRIMARY KEY,
        recording_id INTEGER NOT NULL REFERENCES recordings(id) ON DELETE CASCADE,
        start_seconds REAL NOT NULL CHECK (start_seconds >= 0),
        end_seconds REAL NOT NULL CHECK (end_seconds > start_seconds),
        text TEXT NOT NULL
      );
      CREATE INDEX subtitle_cues_by_recording ON subtitle_cues(recording_id, start_seconds);

      ALTER TABLE exports ADD COLUMN asset_id INTEGER REFERENCES media_assets(id) ON DELETE SET NULL;
      ALTER TABLE exports ADD COLUMN output_path TEXT;
      -- what was asked (target and options), to rebuild a corrected export after a recall
      ALTER TABLE exports ADD COLUMN spec TEXT NOT NULL DEFAULT '{}';
      -- what came out (duration, size, mode, conditions applied), without personal data
      ALTER TABLE exports ADD COLUMN summary TEXT NOT NULL DEFAULT '{}';
    `);
  },
};
