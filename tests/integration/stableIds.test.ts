// Ids are never reused (migration 7): the rebuild keeps every row, index and trigger, and a
// person added after a deletion never gets the deleted person's id (nor their consent log).
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src-main/library/database';
import { migrations } from '../../src-main/library/migrations';
import { STABLE_ID_TABLES } from '../../src-main/library/migrations/007-stable-ids';
import { makeTempDir } from '../helpers/tempDir';

const root = makeTempDir('eric-stable-ids-');
const at = '2026-11-22T10:00:00.000Z';

describe('stable ids (migration 7)', () => {
  it('rebuilds the tables with AUTOINCREMENT, keeping rows, links, indexes, triggers and the search index', () => {
    const file = path.join(root, 'upgrade.sqlite');
    const old = openDatabase(file, { migrations: migrations.filter((migration) => migration.version <= 6) });
    old.exec(`
      INSERT INTO projects (id, name, kind, created_at, updated_at) VALUES (1, 'Atelier', 'interview-workshop', '${at}', '${at}');
      INSERT INTO people (id, project_id, display_name, role, created_at, updated_at) VALUES
        (1, 1, 'Awa', 'job-seeker', '${at}', '${at}'), (2, 1, 'Bilal', 'job-seeker', '${at}', '${at}');
      INSERT INTO recordings (id, project_id, kind, source, status, folder, recorded_at, created_at, updated_at)
        VALUES (1, 1, 'interview', 'file', 'ready', 'media/recordings/a', '${at}', '${at}', '${at}');
      INSERT INTO recording_people (recording_id, person_id) VALUES (1, 1);
      INSERT INTO comments (recording_id, start_seconds, author_person_id, text, created_at, updated_at)
        VALUES (1, 1, 1, 'Regard motivé', '${at}', '${at}');
      INSERT INTO consent_audit (at, project_id, person_id, action) VALUES ('${at}', 1, 2, 'set');
      DELETE FROM people WHERE id = 2;
    `);
    const indexesBefore = old.prepare("SELECT name FROM sqlite_master WHERE type IN ('index','trigger') ORDER BY name").all();
    old.close();

    const db = openDatabase(file, { migrations: migrations.filter((migration) => migration.version <= 7) });
    expect(db.pragma('user_version', { simple: true })).toBe(7);
    for (const table of STABLE_ID_TABLES) {
      const { sql } = db.prepare('SELECT sql FROM sqlite_master WHERE name = ?').get(table) as { sql: string };
      expect(sql).toMatch(/^CREATE TABLE "?\w+"? \(\s*id INTEGER PRIMARY KEY AUTOINCREMENT/);
    }
    expect(db.prepare("SELECT name FROM sqlite_master WHERE type IN ('index','trigger') ORDER BY name").all()).toEqual(indexesBefore);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.prepare('SELECT person_id FROM recording_people').all()).toEqual([{ person_id: 1 }]);
    expect(db.prepare("SELECT rowid FROM comments_fts WHERE comments_fts MATCH 'motive'").all()).toEqual([{ rowid: 1 }]);
    // cascades still work after the rebuild
    db.prepare('DELETE FROM recordings WHERE id = 1').run();
    expect(db.prepare('SELECT count(*) AS n FROM comments').get()).toEqual({ n: 0 });
    db.close();
  });

  it('never gives a deleted person’s id to a new person', () => {
    const db = openDatabase(path.join(root, 'fresh.sqlite'));
    db.exec(`INSERT INTO projects (name, kind, created_at, updated_at) VALUES ('Atelier', 'interview-workshop', '${at}', '${at}')`);
    const add = () =>
      Number(
        db.prepare("INSERT INTO people (project_id, display_name, role, created_at, updated_at) VALUES (1, 'X', 'other', ?, ?)").run(at, at)
          .lastInsertRowid,
      );
    const first = add();
    db.prepare('DELETE FROM people WHERE id = ?').run(first);
    expect(add()).toBe(first + 1);
    db.close();
  });
});
