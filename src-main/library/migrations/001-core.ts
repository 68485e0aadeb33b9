/** Schema 1: projects, sessions, people, media assets, settings. Shipped: never edit, add the next number. */
import type { Migration } from './migration';

export const migration001: Migration = {
  version: 1,
  name: 'projects, sessions, people, media assets, settings',
  up(db) {
    db.exec(`
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
    `);
  },
};
