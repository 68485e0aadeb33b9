/**
 * People of a project: job seekers, young people, employers, tutors, animators.
 * Only what the work needs is kept: a display name, a role, and optionally a birth
 * date (needed to know who is a minor for consent).
 */
import { AppError } from '../../src-shared/appError';
import type { AddPersonInput, Person, UpdatePersonInput } from '../../src-shared/contract/schemas';
import type { SqliteDatabase } from './database';
import { localToday } from '../../src-shared/age';

interface PersonRow {
  id: number;
  project_id: number;
  display_name: string;
  role: Person['role'];
  birth_date: string | null;
  created_at: string;
  updated_at: string;
}

function toPerson(row: PersonRow): Person {
  return {
    id: row.id,
    projectId: row.project_id,
    displayName: row.display_name,
    role: row.role,
    birthDate: row.birth_date,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function assertBirthDateNotInFuture(birthDate: string | null | undefined, today: string): void {
  if (birthDate && birthDate > today) {
    throw new AppError('invalid-input', `The birth date ${birthDate} is in the future.`, {
      field: 'birthDate',
      hint: 'Give the date as YYYY-MM-DD, or leave it empty.',
    });
  }
}

export class PeopleStore {
  constructor(
    private readonly db: SqliteDatabase,
    private readonly now: () => string,
  ) {}

  listByProject(projectId: number): Person[] {
    const rows = this.db
      .prepare('SELECT * FROM people WHERE project_id = ? ORDER BY display_name COLLATE NOCASE, id')
      .all(projectId) as PersonRow[];
    return rows.map(toPerson);
  }

  /** `field` names the input that carried the id, for the error message. */
  get(id: number, field = 'id'): Person {
    const row = this.db.prepare('SELECT * FROM people WHERE id = ?').get(id) as PersonRow | undefined;
    if (!row)
      throw new AppError('not-found', `No person with id ${id}.`, { field, hint: "List the project's people to see the existing ids." });
    return toPerson(row);
  }

  add(input: AddPersonInput): Person {
    const at = this.now();
    assertBirthDateNotInFuture(input.birthDate, localToday(new Date(at)));
    const result = this.db
      .prepare(
        `INSERT INTO people (project_id, display_name, role, birth_date, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?)`,
      )
      .run(input.projectId, input.displayName, input.role, input.birthDate ?? null, at, at);
    return this.get(Number(result.lastInsertRowid));
  }

  update({ id, changes }: UpdatePersonInput): Person {
    const current = this.get(id);
    const at = this.now();
    assertBirthDateNotInFuture(changes.birthDate, localToday(new Date(at)));
    const next = { ...current, ...changes };
    this.db
      .prepare('UPDATE people SET display_name = ?, role = ?, birth_date = ?, updated_at = ? WHERE id = ?')
      .run(next.displayName, next.role, next.birthDate ?? null, at, id);
    return this.get(id);
  }

  /** Erasure: the person's own row. */
  forgetPerson(personId: number): number {
    return this.db.prepare('DELETE FROM people WHERE id = ?').run(personId).changes;
  }

  delete(id: number): void {
    const result = this.db.prepare('DELETE FROM people WHERE id = ?').run(id);
    if (result.changes === 0) throw new AppError('not-found', `No person with id ${id}.`, { field: 'id' });
  }
}
