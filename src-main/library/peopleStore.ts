/**
 * People of a project: job seekers, young people, employers, tutors, animators.
 * Only what the work needs is kept: a given name and a family name (separate, so
 * "first name only" is exact; `display_name` is kept as "given family" for lists), a
 * role, and optionally a birth date (needed to know who is a minor for consent).
 */
import { AppError } from '../../src-shared/appError';
import { fullName, splitDisplayName, type PersonName } from '../../src-shared/personName';
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
  given_name: string;
  family_name: string;
  name_needs_review: number;
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
    givenName: row.given_name,
    familyName: row.family_name,
    nameNeedsReview: row.name_needs_review === 1,
  };
}

/** The name an input gives: the two fields (checked by a person), or a single name split. */
function nameFromInput(input: { displayName?: string; givenName?: string; familyName?: string }, current?: PersonName): PersonName | null {
  if (input.givenName !== undefined || input.familyName !== undefined) {
    const givenName = (input.givenName ?? current?.givenName ?? '').trim();
    if (!givenName) throw new AppError('invalid-input', 'Le prénom est vide.', { field: 'givenName', hint: 'Tapez le prénom.' });
    return { givenName, familyName: (input.familyName ?? current?.familyName ?? '').trim(), nameNeedsReview: false };
  }
  if (input.displayName !== undefined) return splitDisplayName(input.displayName);
  return null;
}

function checkLength(name: PersonName): string {
  const display = fullName(name);
  if (display.length < 1 || display.length > 120) {
    throw new AppError('invalid-input', 'Un nom fait de 1 à 120 caractères.', { field: 'givenName' });
  }
  return display;
}

function assertBirthDateNotInFuture(birthDate: string | null | undefined, today: string): void {
  if (birthDate && birthDate > today) {
    throw new AppError('invalid-input', `La date de naissance ${birthDate.split('-').reverse().join('/')} est dans le futur.`, {
      field: 'birthDate',
      hint: 'Tapez la date au format JJ/MM/AAAA, ou laissez-la vide.',
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
      throw new AppError('not-found', `Aucune personne n’a le numéro ${id}.`, {
        field,
        hint: 'Listez les personnes du projet pour voir les numéros existants.',
      });
    return toPerson(row);
  }

  add(input: AddPersonInput): Person {
    const at = this.now();
    assertBirthDateNotInFuture(input.birthDate, localToday(new Date(at)));
    const name = nameFromInput(input);
    if (!name) throw new AppError('invalid-input', 'Le prénom est obligatoire.', { field: 'givenName' });
    const display = checkLength(name);
    const result = this.db
      .prepare(
        `INSERT INTO people (project_id, display_name, given_name, family_name, name_needs_review, role, birth_date, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        input.projectId,
        display,
        name.givenName,
        name.familyName,
        name.nameNeedsReview ? 1 : 0,
        input.role,
        input.birthDate ?? null,
        at,
        at,
      );
    return this.get(Number(result.lastInsertRowid));
  }

  update({ id, changes }: UpdatePersonInput): Person {
    const current = this.get(id);
    const at = this.now();
    assertBirthDateNotInFuture(changes.birthDate, localToday(new Date(at)));
    const next = { ...current, ...changes };
    const name = nameFromInput(changes, current) ?? current;
    const display = checkLength(name);
    this.db
      .prepare(
        'UPDATE people SET display_name = ?, given_name = ?, family_name = ?, name_needs_review = ?, role = ?, birth_date = ?, updated_at = ? WHERE id = ?',
      )
      .run(display, name.givenName, name.familyName, name.nameNeedsReview ? 1 : 0, next.role, next.birthDate ?? null, at, id);
    return this.get(id);
  }

  /** Erasure: the person's own row. */
  forgetPerson(personId: number): number {
    return this.db.prepare('DELETE FROM people WHERE id = ?').run(personId).changes;
  }

  delete(id: number): void {
    const result = this.db.prepare('DELETE FROM people WHERE id = ?').run(id);
    if (result.changes === 0) throw new AppError('not-found', `Aucune personne n’a le numéro ${id}.`, { field: 'id' });
  }
}
