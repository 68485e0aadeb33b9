// Erasure covers the whole schema: every column that holds a person's id (by name or by a
// foreign key to people) in a freshly migrated library is forgotten by some store.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src-main/library/database';
import { migrations, type Migration } from '../../src-main/library/migrations';
import { erasureCoverage, personReferencesInSchema } from '../../src-main/privacy/personReferences';
import { makeTempDir } from '../helpers/tempDir';

const root = makeTempDir('eric-erasure-coverage-');

describe('erasure coverage of the schema', () => {
  it('forgets every person reference of the latest schema, and declares none that is gone', () => {
    const db = openDatabase(path.join(root, 'latest.sqlite'));
    expect(personReferencesInSchema(db)).toContain('recording_people.person_id');
    expect(erasureCoverage(db)).toEqual({ uncovered: [], stale: [] });
    db.close();
  });

  it('fails when a migration adds a table pointing at people that no store forgets', () => {
    const extra: Migration = {
      version: migrations[migrations.length - 1]!.version + 100,
      name: 'a table nobody forgets',
      up(db) {
        db.exec(`
          CREATE TABLE interview_notes (id INTEGER PRIMARY KEY, person_id INTEGER, text TEXT);
          CREATE TABLE tutoring (id INTEGER PRIMARY KEY, tutor INTEGER REFERENCES people(id), mentee_person_id INTEGER);
        `);
      },
    };
    const db = openDatabase(path.join(root, 'extra.sqlite'), { migrations: [...migrations, extra] });
    expect(erasureCoverage(db).uncovered).toEqual(['interview_notes.person_id', 'tutoring.mentee_person_id', 'tutoring.tutor']);
    db.close();
  });
});
