/**
 * Projects: a workshop series or a testimony campaign. Rows in, plain objects out.
 */
import { AppError } from '../../src-shared/appError';
import type { CreateProjectInput, Project, UpdateProjectInput } from '../../src-shared/contract/schemas';
import type { SqliteDatabase } from './database';

interface ProjectRow {
  id: number;
  name: string;
  kind: Project['kind'];
  place: string;
  start_date: string | null;
  end_date: string | null;
  description: string;
  retention_months: number;
  withdrawal_contact: string;
  session_count: number;
  people_count: number;
  created_at: string;
  updated_at: string;
}

const SELECT_PROJECT = `
  SELECT p.*,
    (SELECT count(*) FROM sessions s WHERE s.project_id = p.id) AS session_count,
    (SELECT count(*) FROM people pe WHERE pe.project_id = p.id) AS people_count
  FROM projects p`;

function toProject(row: ProjectRow): Project {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    place: row.place,
    startDate: row.start_date,
    endDate: row.end_date,
    description: row.description,
    retentionMonths: row.retention_months,
    withdrawalContact: row.withdrawal_contact,
    sessionCount: row.session_count,
    peopleCount: row.people_count,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export class ProjectsStore {
  constructor(
    private readonly db: SqliteDatabase,
    private readonly now: () => string,
  ) {}

  list(): Project[] {
    const rows = this.db.prepare(`${SELECT_PROJECT} ORDER BY p.updated_at DESC, p.id DESC`).all() as ProjectRow[];
    return rows.map(toProject);
  }

  get(id: number, field = 'id'): Project {
    const row = this.db.prepare(`${SELECT_PROJECT} WHERE p.id = ?`).get(id) as ProjectRow | undefined;
    if (!row)
      throw new AppError('not-found', `Aucun projet n’a le numéro ${id}.`, {
        field,
        hint: 'Il a peut-être été supprimé : revenez à la liste des projets pour voir ceux qui existent.',
      });
    return toProject(row);
  }

  create(input: CreateProjectInput): Project {
    const at = this.now();
    const result = this.db
      .prepare(
        `INSERT INTO projects (name, kind, place, start_date, end_date, description, retention_months, withdrawal_contact, created_at, updated_at)
         VALUES (@name, @kind, @place, @startDate, @endDate, @description, @retentionMonths, @withdrawalContact, @at, @at)`,
      )
      .run({
        name: input.name,
        kind: input.kind,
        place: input.place ?? '',
        startDate: input.startDate ?? null,
        endDate: input.endDate ?? null,
        description: input.description ?? '',
        retentionMonths: input.retentionMonths ?? 24,
        withdrawalContact: input.withdrawalContact ?? '',
        at,
      });
    return this.get(Number(result.lastInsertRowid));
  }

  update({ id, changes }: UpdateProjectInput): Project {
    const current = this.get(id);
    const next = { ...current, ...changes };
    if (next.startDate && next.endDate && next.startDate > next.endDate) {
      throw new AppError('invalid-input', 'La date de fin est avant la date de début.', { field: 'changes.endDate' });
    }
    this.db
      .prepare(
        `UPDATE projects SET name = @name, kind = @kind, place = @place, start_date = @startDate,
           end_date = @endDate, description = @description, retention_months = @retentionMonths,
           withdrawal_contact = @withdrawalContact, updated_at = @at WHERE id = @id`,
      )
      .run({
        id,
        name: next.name,
        kind: next.kind,
        place: next.place,
        startDate: next.startDate ?? null,
        endDate: next.endDate ?? null,
        description: next.description,
        retentionMonths: next.retentionMonths,
        withdrawalContact: next.withdrawalContact,
        at: this.now(),
      });
    return this.get(id);
  }

  delete(id: number): void {
    const result = this.db.prepare('DELETE FROM projects WHERE id = ?').run(id);
    if (result.changes === 0) throw new AppError('not-found', `Aucun projet n’a le numéro ${id}.`, { field: 'id' });
  }

  /** Bumps the project's "last touched" date, so the home screen shows recent work first. */
  touch(id: number): void {
    this.db.prepare('UPDATE projects SET updated_at = ? WHERE id = ?').run(this.now(), id);
  }
}
