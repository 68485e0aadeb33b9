import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../src-shared/appError';
import { applyMigrations, openDatabase } from '../../src-main/library/database';
import { Library } from '../../src-main/library/library';
import { LATEST_SCHEMA_VERSION, migrations, type Migration } from '../../src-main/library/migrations';
import { makeTempDir } from '../helpers/tempDir';

const root = makeTempDir();
let counter = 0;
const freshDir = () => path.join(root, `lib-${++counter}`);
const sha256 = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');

function expectAppError(fn: () => unknown, code: string): AppError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe(code);
    return error as AppError;
  }
  throw new Error(`expected an AppError ${code}`);
}

describe('Library store on a real SQLite file', () => {
  it('creates the folder, the database in WAL mode with foreign keys, at the latest schema', () => {
    const dir = freshDir();
    const library = Library.open(dir);
    expect(fs.existsSync(path.join(dir, 'library.sqlite'))).toBe(true);
    for (const sub of ['media', 'exports', 'tmp']) expect(fs.statSync(path.join(dir, sub)).isDirectory()).toBe(true);
    expect(library.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(library.db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(library.schemaVersion).toBe(LATEST_SCHEMA_VERSION);
    library.close();
  });

  it('keeps projects, sessions and people across reopen, with counts and ordering', () => {
    const dir = freshDir();
    let library = Library.open(dir);
    const older = library.createProject({ name: 'Témoignages 2026', kind: 'testimony-campaign', place: 'ERIC Morlaix' });
    const project = library.createProject({
      name: 'Atelier « entretien »',
      kind: 'interview-workshop',
      startDate: '2026-03-01',
      endDate: '2026-06-30',
    });
    const animator = library.addPerson({ projectId: project.id, displayName: 'Karim', role: 'animator' });
    library.addPerson({ projectId: project.id, displayName: 'Léa', role: 'job-seeker', birthDate: '2010-05-04' });
    library.createSession({ projectId: project.id, date: '2026-03-10', title: 'Premier atelier', animatorPersonId: animator.id });
    library.close();

    library = Library.open(dir);
    const projects = library.projects.list();
    expect(projects.map((p) => p.id)).toEqual([project.id, older.id]);
    expect(projects[0]).toMatchObject({ name: 'Atelier « entretien »', sessionCount: 1, peopleCount: 2, endDate: '2026-06-30' });
    expect(library.listPeople(project.id).map((p) => p.displayName)).toEqual(['Karim', 'Léa']);
    expect(library.listSessions(project.id)[0]).toMatchObject({ title: 'Premier atelier', animatorPersonId: animator.id });
    library.close();
  });

  it('refuses links to another project and unknown projects, changing nothing', () => {
    const library = Library.open(freshDir());
    const a = library.createProject({ name: 'A', kind: 'interview-workshop' });
    const b = library.createProject({ name: 'B', kind: 'interview-workshop' });
    const animatorOfB = library.addPerson({ projectId: b.id, displayName: 'Sam', role: 'animator' });
    const error = expectAppError(
      () => library.createSession({ projectId: a.id, date: '2026-01-01', animatorPersonId: animatorOfB.id }),
      'invalid-input',
    );
    expect(error.field).toBe('animatorPersonId');
    expect(expectAppError(() => library.addPerson({ projectId: 999, displayName: 'X', role: 'other' }), 'not-found').field).toBe(
      'projectId',
    );
    expect(library.listSessions(a.id)).toEqual([]);
    expect(library.db.prepare('SELECT count(*) AS n FROM people').get()).toEqual({ n: 1 });
    library.close();
  });

  it('deleting a project removes its sessions and people; deleting an animator keeps the session', () => {
    const library = Library.open(freshDir());
    const p = library.createProject({ name: 'P', kind: 'interview-workshop' });
    const animator = library.addPerson({ projectId: p.id, displayName: 'Ana', role: 'animator' });
    const session = library.createSession({ projectId: p.id, date: '2026-02-02', animatorPersonId: animator.id });
    library.people.delete(animator.id);
    expect(library.sessions.get(session.id).animatorPersonId).toBeNull();
    library.projects.delete(p.id);
    expect(library.db.prepare('SELECT (SELECT count(*) FROM sessions) + (SELECT count(*) FROM people) AS n').get()).toEqual({ n: 0 });
    library.close();
  });

  it('refuses a birth date in the future', () => {
    const library = Library.open(freshDir(), { now: () => '2026-11-22T10:00:00.000Z' });
    const p = library.createProject({ name: 'P', kind: 'testimony-campaign' });
    expect(
      expectAppError(
        () => library.addPerson({ projectId: p.id, displayName: 'Bébé', role: 'other', birthDate: '2027-01-01' }),
        'invalid-input',
      ).field,
    ).toBe('birthDate');
    library.close();
  });
});

describe('Opening a damaged or foreign library', () => {
  it('refuses a file that is not SQLite and leaves it byte for byte', () => {
    const dir = freshDir();
    fs.mkdirSync(dir, { recursive: true });
    const file = path.join(dir, 'library.sqlite');
    fs.writeFileSync(file, 'this is a text file, not a database\n'.repeat(100));
    const before = sha256(file);
    const error = expectAppError(() => Library.open(dir), 'library-unreadable');
    expect(error.message).toMatch(/n’est pas une base SQLite/);
    expect(error.hint).toMatch(/n’a pas été modifié/);
    expect(sha256(file)).toBe(before);
    expect(fs.existsSync(`${file}-wal`)).toBe(false);
  });

  it('refuses a truncated/corrupt SQLite file without modifying it', () => {
    const dir = freshDir();
    const library = Library.open(dir);
    for (let i = 0; i < 200; i++) library.createProject({ name: `Projet ${i}`, kind: 'interview-workshop' });
    library.db.pragma('wal_checkpoint(TRUNCATE)');
    library.close();
    const file = path.join(dir, 'library.sqlite');
    const bytes = fs.readFileSync(file);
    bytes.fill(0xab, 100, bytes.length); // keep the header, wreck every page
    fs.writeFileSync(file, bytes);
    const before = sha256(file);
    expectAppError(() => Library.open(dir), 'library-unreadable');
    expect(sha256(file)).toBe(before);
  });

  it('refuses a library written by a newer version and does not touch it', () => {
    const dir = freshDir();
    fs.mkdirSync(dir, { recursive: true });
    const file = path.join(dir, 'library.sqlite');
    const raw = new Database(file);
    raw.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 5}`);
    raw.exec('CREATE TABLE future_things (id INTEGER PRIMARY KEY)');
    raw.close();
    const before = sha256(file);
    const error = expectAppError(() => Library.open(dir), 'library-too-new');
    expect(error.hint).toMatch(/Mettez ERIC Studio à jour/);
    expect(sha256(file)).toBe(before);
  });

  it('rolls back a failing migration, keeping the previous version and data', () => {
    const dir = freshDir();
    fs.mkdirSync(dir, { recursive: true });
    const file = path.join(dir, 'library.sqlite');
    const db = openDatabase(file);
    db.prepare("INSERT INTO projects (name, kind, created_at, updated_at) VALUES ('Gardé', 'interview-workshop', 'x', 'x')").run();
    const broken: Migration[] = [
      ...migrations,
      {
        version: LATEST_SCHEMA_VERSION + 1,
        name: 'broken',
        up: (db) => db.exec('CREATE TABLE half (id INTEGER); SELECT * FROM no_such_table;'),
      },
    ];
    expect(() => applyMigrations(db, broken)).toThrow(/schéma/);
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    expect(db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'half'").get()).toEqual({ n: 0 });
    expect(db.prepare('SELECT name FROM projects').all()).toEqual([{ name: 'Gardé' }]);
    db.close();
  });
});
