/** Schema 17: how long each project keeps its videos, comments and feedback sheets. Shipped: never edit, add the next number. */
import type { Migration } from './migration';

export const migration017: Migration = {
  version: 17,
  name: 'projects: retention per category',
  up(db) {
    db.exec(`
      -- only the categories a project changed; the others follow src-shared/retention.ts (per project kind)
      CREATE TABLE project_retention (
        project_id INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
        category TEXT NOT NULL CHECK (category IN ('interview-videos', 'testimonies', 'comments', 'feedback-sheets')),
        -- months kept after the item was made; NULL: as long as the consent of the people filmed
        months INTEGER CHECK (months IS NULL OR months BETWEEN 1 AND 120),
        updated_at TEXT NOT NULL,
        PRIMARY KEY (project_id, category)
      );
    `);
  },
};
