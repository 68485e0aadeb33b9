/**
 * Schema 22: the review screen reads comments by window around the playhead and counts
 * them per time bucket for the timeline. One partial index over the live threads only
 * (replies and deleted comments left out), covering what the counts read, so both stay
 * index range scans at 100,000 comments. Shipped: never edit, add the next number.
 */
import type { Migration } from './migration';

export const migration022: Migration = {
  version: 22,
  name: 'comments: live threads by time',
  up(db) {
    db.exec(`
      CREATE INDEX comments_live_threads ON comments(recording_id, start_seconds, id, category, resolved, end_seconds)
        WHERE deleted_at IS NULL AND parent_id IS NULL;
    `);
  },
};
