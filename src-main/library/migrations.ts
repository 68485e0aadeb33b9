/**
 * Numbered schema migrations. Each one runs inside its own transaction together with
 * the `user_version` bump, so a crash mid-migration leaves the previous version intact.
 * Never edit a shipped migration: add the next number.
 */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const migrations: readonly Migration[] = [
  {
    version: 1,
    name: 'projects, sessions, people, media assets, settings',
    sql: `
      CREATE TABLE projects (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        kind TEXT NOT NULL CHECK (kind IN ('interview-workshop', 'testimony-campaign')),
        place TEXT NOT NULL DEFAULT '',
        start_date TEXT,
        end_date TEXT,
        description TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );

      CREATE TABLE people (
        id INTEGER PRIMARY KEY,
        project_id INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
        display_name TEXT NOT NULL CHECK (length(display_name) BETWEEN 1 AND 120),
        role TEXT NOT NULL CHECK (role IN ('job-seeker', 'young-person', 'employer', 'tutor', 'animator', 'other')),
        birth_date TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE INDEX people_by_project ON people(project_id, display_name);

      CREATE TABLE sessions (
        id INTEGER PRIMARY KEY,
        project_id INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
        date TEXT NOT NULL,
        title TEXT NOT NULL DEFAULT '',
        animator_person_id INTEGER REFERENCES people(id) ON DELETE SET NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE INDEX sessions_by_project ON sessions(project_id, date);

      -- Every file the library owns (masters, thumbnails, exports...), addressed by id
      -- so that no file path ever travels to the renderer.
      CREATE TABLE media_assets (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL,
        relative_path TEXT NOT NULL UNIQUE,
        mime_type TEXT NOT NULL,
        size_bytes INTEGER NOT NULL,
        created_at TEXT NOT NULL
      );

      CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      );
    `,
  },
  {
    version: 2,
    name: 'recordings, the people in them, markers',
    sql: `
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
    `,
  },
  {
    version: 3,
    name: 'consent: records per scope, guardians, append-only audit log, exports to recall',
    sql: `
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
    `,
  },
  {
    version: 4,
    name: 'review: comments with threads and revisions, categories, interview rubric',
    sql: `
      CREATE TABLE comment_categories (
        id INTEGER PRIMARY KEY,
        project_id INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
        label TEXT NOT NULL CHECK (length(label) BETWEEN 1 AND 60),
        position INTEGER NOT NULL,
        UNIQUE (project_id, label)
      );

      CREATE TABLE comments (
        id INTEGER PRIMARY KEY,
        recording_id INTEGER NOT NULL REFERENCES recordings(id) ON DELETE CASCADE,
        parent_id INTEGER REFERENCES comments(id) ON DELETE CASCADE,
        start_seconds REAL NOT NULL CHECK (start_seconds >= 0),
        end_seconds REAL CHECK (end_seconds IS NULL OR end_seconds >= start_seconds),
        -- NULL author: "Groupe"
        author_person_id INTEGER REFERENCES people(id) ON DELETE SET NULL,
        category TEXT NOT NULL DEFAULT '',
        text TEXT NOT NULL,
        resolved INTEGER NOT NULL DEFAULT 0,
        is_quote INTEGER NOT NULL DEFAULT 0,
        plus_ones INTEGER NOT NULL DEFAULT 0,
        edited INTEGER NOT NULL DEFAULT 0,
        deleted_at TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE INDEX comments_by_recording ON comments(recording_id, start_seconds, id);
      CREATE INDEX comments_by_parent ON comments(parent_id);

      -- the text before each edit, and deletions, so nothing said in a workshop is lost by mistake
      CREATE TABLE comment_revisions (
        id INTEGER PRIMARY KEY,
        comment_id INTEGER NOT NULL REFERENCES comments(id) ON DELETE CASCADE,
        action TEXT NOT NULL CHECK (action IN ('edited', 'deleted')),
        previous TEXT NOT NULL,
        at TEXT NOT NULL
      );
      CREATE INDEX comment_revisions_by_comment ON comment_revisions(comment_id);

      CREATE TABLE rubric_criteria (
        id INTEGER PRIMARY KEY,
        project_id INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
        label TEXT NOT NULL CHECK (length(label) BETWEEN 1 AND 120),
        position INTEGER NOT NULL,
        UNIQUE (project_id, label)
      );

      CREATE TABLE rubric_scores (
        recording_id INTEGER NOT NULL REFERENCES recordings(id) ON DELETE CASCADE,
        criterion_id INTEGER NOT NULL REFERENCES rubric_criteria(id) ON DELETE CASCADE,
        rater TEXT NOT NULL CHECK (rater IN ('self', 'group')),
        score INTEGER NOT NULL CHECK (score BETWEEN 1 AND 4),
        updated_at TEXT NOT NULL,
        PRIMARY KEY (recording_id, criterion_id, rater)
      );
    `,
  },
  {
    version: 5,
    name: 'editing: clips, montages, subtitle cues, and what each export holds',
    sql: `
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
    `,
  },
  {
    version: 6,
    name: 'search: full-text index of comments (accents folded), kept by triggers',
    sql: `
      CREATE VIRTUAL TABLE comments_fts USING fts5(text, content='comments', content_rowid='id', tokenize='unicode61 remove_diacritics 2');
      -- an erased comment must not linger in the index's pages
      INSERT INTO comments_fts(comments_fts, rank) VALUES ('secure-delete', 1);
      INSERT INTO comments_fts(comments_fts) VALUES ('rebuild');
      CREATE TRIGGER comments_fts_insert AFTER INSERT ON comments BEGIN
        INSERT INTO comments_fts(rowid, text) VALUES (new.id, new.text);
      END;
      CREATE TRIGGER comments_fts_delete AFTER DELETE ON comments BEGIN
        INSERT INTO comments_fts(comments_fts, rowid, text) VALUES ('delete', old.id, old.text);
      END;
      CREATE TRIGGER comments_fts_update AFTER UPDATE OF text ON comments BEGIN
        INSERT INTO comments_fts(comments_fts, rowid, text) VALUES ('delete', old.id, old.text);
        INSERT INTO comments_fts(rowid, text) VALUES (new.id, new.text);
      END;
    `,
  },
];

export const LATEST_SCHEMA_VERSION = migrations[migrations.length - 1]!.version;
