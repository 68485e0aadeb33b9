/** Schema 16: what an import could not keep as it was (truncated file, second sound track…). Shipped: never edit, add the next number. */
import type { Migration } from './migration';

export const migration016: Migration = {
  version: 16,
  name: 'recordings: import warning',
  up(db) {
    db.exec(`
      -- French sentences for the recording card: "Fichier incomplet : 00:01:12 récupérées sur 00:02:30." NULL when all was kept.
      ALTER TABLE recordings ADD COLUMN import_warning TEXT;
      -- the few recordings to look at again (truncated, tracks left out), per project
      CREATE INDEX recordings_with_import_warning ON recordings(project_id) WHERE import_warning IS NOT NULL;
    `);
  },
};
