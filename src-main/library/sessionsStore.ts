/**
 * Sessions of a project: one workshop day or one filming day, led by an animator.
 */
import { AppError } from '../../src-shared/appError';
import type { CreateSessionInput, Session, UpdateSessionInput } from '../../src-shared/contract/schemas';
import type { SqliteDatabase } from './database';

interface SessionRow {
  id: number;
  project_id: number;
  date: string;
  title: string;
  animator_person_id: number | null;
  created_at: string;
  updated_at: string;
}

function toSession(row: SessionRow): Session {
  return {
    id: row.id,
    projectId: row.project_id,
    date: row.date,
    title: row.title,
    animatorPersonId: row.animator_person_id,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export class SessionsStore {
  constructor(
    private readonly db: SqliteDatabase,
    private readonly now: () => string,
  ) {}

  listByProject(projectId: number): Session[] {
    const rows = this.db.prepare('SELECT * FROM sessions WHERE project_id = ? ORDER BY date DESC, id DESC').all(projectId) as SessionRow[];
    return rows.map(toSession);
  }

  get(id: number): Session {
    const row = this.db.prepare('SELECT * FROM sessions WHERE id = ?').get(id) as SessionRow | undefined;
    if (!row)
      throw new AppError('not-found', `Aucune séance n’a le numéro ${id}.`, {
        field: 'id',
        hint: 'Listez les séances du projet pour voir les numéros existants.',
      });
    return toSession(row);
  }

  /** The animator must be one of the project's own people. */
  private assertAnimatorBelongs(projectId: number, animatorPersonId: number | null | undefined, field: string): void {
    if (animatorPersonId == null) return;
    const row = this.db.prepare('SELECT project_id FROM people WHERE id = ?').get(animatorPersonId) as { project_id: number } | undefined;
    if (!row || row.project_id !== projectId) {
      throw new AppError('invalid-input', `La personne n° ${animatorPersonId} ne fait pas partie du projet n° ${projectId}.`, {
        field,
        hint: 'Ajoutez d’abord l’animateur ou l’animatrice aux personnes du projet.',
      });
    }
  }

  create(input: CreateSessionInput): Session {
    this.assertAnimatorBelongs(input.projectId, input.animatorPersonId, 'animatorPersonId');
    const at = this.now();
    const result = this.db
      .prepare(
        `INSERT INTO sessions (project_id, date, title, animator_person_id, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?)`,
      )
      .run(input.projectId, input.date, input.title ?? '', input.animatorPersonId ?? null, at, at);
    return this.get(Number(result.lastInsertRowid));
  }

  update({ id, changes }: UpdateSessionInput): Session {
    const current = this.get(id);
    this.assertAnimatorBelongs(current.projectId, changes.animatorPersonId, 'changes.animatorPersonId');
    const next = { ...current, ...changes };
    this.db
      .prepare('UPDATE sessions SET date = ?, title = ?, animator_person_id = ?, updated_at = ? WHERE id = ?')
      .run(next.date, next.title, next.animatorPersonId ?? null, this.now(), id);
    return this.get(id);
  }

  /** Erasure: sessions they led keep their date and title but lose their animator. */
  forgetPerson(personId: number): number {
    return this.db.prepare('UPDATE sessions SET animator_person_id = NULL WHERE animator_person_id = ?').run(personId).changes;
  }

  delete(id: number): void {
    const result = this.db.prepare('DELETE FROM sessions WHERE id = ?').run(id);
    if (result.changes === 0) throw new AppError('not-found', `Aucune séance n’a le numéro ${id}.`, { field: 'id' });
  }
}
