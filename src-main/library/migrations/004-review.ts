/** Schema 4: review: comments with threads and revisions, categories, interview rubric. Shipped: never edit, add the next number. */
import type { Migration } from './migration';

export const migration004: Migration = {
  version: 4,
  name: 'review: comments with threads and revisions, categories, interview rubric',
  up(db) {
    db.exec(`
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
    `);
  },
};
