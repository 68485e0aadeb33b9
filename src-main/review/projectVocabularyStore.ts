/**
 * Per-project word lists of the review: comment categories and rubric criteria.
 * A project starts with the defaults of resources/review/defaults.json; animators can
 * edit them. Criteria keep their ids when relabelled (scores stay attached).
 */
import type { SqliteDatabase } from '../library/database';
import { reviewDefaults } from './reviewDefaults';

type VocabularyTable = 'comment_categories' | 'rubric_criteria';

export class ProjectVocabularyStore {
  constructor(private readonly db: SqliteDatabase) {}

  private list(table: VocabularyTable, projectId: number, defaults: string[]): Array<{ id: number; label: string }> {
    const read = () =>
      this.db.prepare(`SELECT id, label FROM ${table} WHERE project_id = ? ORDER BY position, id`).all(projectId) as Array<{
        id: number;
        label: string;
      }>;
    const rows = read();
    if (rows.length > 0) return rows;
    this.replace(table, projectId, defaults);
    return read();
  }

  private replace(table: VocabularyTable, projectId: number, labels: string[]): void {
    this.db.transaction(() => {
      // labels are unique per project: park every row under a throw-away label first
      const token = Math.random().toString(36).slice(2);
      const parked = (position: number) => `~${token}~${position}`;
      const existing = this.db
        .prepare(`SELECT id, label FROM ${table} WHERE project_id = ? ORDER BY position, id`)
        .all(projectId) as Array<{ id: number; label: string }>;
      // keep rows in place (by position) so ids, and the scores on them, survive a relabel
      labels.forEach((label, position) => {
        const row = existing[position];
        if (row) this.db.prepare(`UPDATE ${table} SET label = ?, position = ? WHERE id = ?`).run(parked(position), position, row.id);
        else
          this.db.prepare(`INSERT INTO ${table} (project_id, label, position) VALUES (?, ?, ?)`).run(projectId, parked(position), position);
      });
      for (const row of existing.slice(labels.length)) this.db.prepare(`DELETE FROM ${table} WHERE id = ?`).run(row.id);
      labels.forEach((label, position) =>
        this.db.prepare(`UPDATE ${table} SET label = ? WHERE project_id = ? AND position = ?`).run(label, projectId, position),
      );
    })();
  }

  categories(projectId: number): string[] {
    return this.list('comment_categories', projectId, reviewDefaults().commentCategories).map((row) => row.label);
  }

  setCategories(projectId: number, labels: string[]): string[] {
    this.replace('comment_categories', projectId, labels);
    return this.categories(projectId);
  }

  criteria(projectId: number): Array<{ id: number; label: string }> {
    return this.list('rubric_criteria', projectId, reviewDefaults().rubricCriteria);
  }

  setCriteria(projectId: number, labels: string[]): Array<{ id: number; label: string }> {
    this.replace('rubric_criteria', projectId, labels);
    return this.criteria(projectId);
  }
}
