/** Schema 6: search: full-text index of comments (accents folded), kept by triggers. Shipped: never edit, add the next number. */
import type { Migration } from './migration';

export const migration006: Migration = {
  version: 6,
  name: 'search: full-text index of comments (accents folded), kept by triggers',
  up(db) {
    db.exec(`
      CREATE VIRTUAL TABLE comments_fts USING fts5(text, content='comments', content_rowid='id', tokenize='unicode61 remove_diacritics 2');
      -- an erased comment must not linger in the index's pages
      INSERT INTO comments_fts(comments_fts, rank) VALUES ('secure-delete', 1);
      INSERT INTO comments_fts(comments_fts) VALUES ('rebuild');
      CREATE TRIGGER comments_fts_insert AFTER INSERT ON comments BEGIN
        INSERT INTO comments_fts(rowid, text) VALUES (new.id, new.text);
      END;
      CREATE TRIGGER comments_fts_delete AFTER DELETE ON comments BEGIN
        INSERT INTO comments_fts(comments_fts, rowid, text) VALUES ('delete', old.id, old.text);
      END;
      CREATE TRIGGER comments_fts_update AFTER UPDATE OF text ON comments BEGIN
        INSERT INTO comments_fts(comments_fts, rowid, text) VALUES ('delete', old.id, old.text);
        INSERT INTO comments_fts(rowid, text) VALUES (new.id, new.text);
      END;
    `);
  },
};
