/**
 * The review screen's reads at any number of comments: a window of threads around the
 * playhead (with their replies), the counts per time bucket and category that the
 * timeline draws, and the few comments a change event names. Each is one indexed query
 * (comments_live_threads, migration 022), so nothing here grows with the whole list.
 */
import { AppError } from '../../src-shared/appError';
import { frenchNumber } from '../../src-shared/frenchNumber';
import type { Comment, CommentCounts, CommentWindow } from '../../src-shared/contract/schemas';
import { isQuickCommentToComplete } from '../../src-shared/quickComment';
import type { SqliteDatabase } from '../library/database';
import { COMMENT_COLUMNS as COLUMNS, commentFromTuple as toComment, type CommentTuple as Row } from './commentsStore';

const DEFAULT_LIMIT = 500;
/** More buckets than any screen has pixels: a finer bucket is a mistake, refused rather than computed. */
const MAX_BUCKETS = 100_000;

/** The threads of a window (parameters: recording, from, to, limit); exported so a test can check its query plan. */
export const WINDOW_SQL = `SELECT ${COLUMNS} FROM comments INDEXED BY comments_live_threads
  WHERE recording_id = ? AND deleted_at IS NULL AND parent_id IS NULL AND start_seconds >= ? AND start_seconds < ?
  ORDER BY start_seconds, id LIMIT ?`;

/** Threads per bucket and category (parameters: bucket seconds, recording). */
export const COUNTS_SQL = `SELECT CAST(start_seconds / ? AS INTEGER) AS bucket, category, count(*) AS count, sum(resolved) AS resolved,
    min(start_seconds) AS firstSeconds, id AS firstId
  FROM comments INDEXED BY comments_live_threads WHERE recording_id = ? AND deleted_at IS NULL AND parent_id IS NULL
  GROUP BY bucket, category ORDER BY bucket, category`;

export class CommentWindows {
  constructor(private readonly db: SqliteDatabase) {}

  window(recordingId: number, from: number, to: number, limit = DEFAULT_LIMIT): CommentWindow {
    const threads = this.db
      .prepare(WINDOW_SQL)
      .raw()
      .all(recordingId, from, to, limit + 1) as Row[];
    const complete = threads.length <= limit;
    if (!complete) threads.length = limit;
    const replies =
      threads.length === 0
        ? []
        : (this.db
            .prepare(
              `SELECT ${COLUMNS} FROM comments
               WHERE parent_id IN (SELECT value FROM json_each(?)) AND deleted_at IS NULL ORDER BY id`,
            )
            .raw()
            .all(JSON.stringify(threads.map((row) => row[0]))) as Row[]);
    const names = this.authorNames(recordingId);
    const repliesOf = new Map<number, Row[]>();
    for (const reply of replies) repliesOf.set(reply[1]!, [...(repliesOf.get(reply[1]!) ?? []), reply]);
    const comments: Comment[] = [];
    for (const thread of threads) {
      comments.push(toComment(thread, recordingId, names));
      for (const reply of repliesOf.get(thread[0]) ?? []) comments.push(toComment(reply, recordingId, names));
    }
    return { comments, complete };
  }

  counts(recordingId: number, bucketSeconds: number): CommentCounts {
    // SQLite takes a bare column's value from the row min() picked: firstId is the first thread's id
    const marks = this.db.prepare(COUNTS_SQL).all(bucketSeconds, recordingId) as CommentCounts['marks'];
    const spans = this.db
      .prepare(
        `SELECT start_seconds, end_seconds FROM comments INDEXED BY comments_live_threads
         WHERE recording_id = ? AND deleted_at IS NULL AND parent_id IS NULL AND end_seconds IS NOT NULL`,
      )
      .raw()
      .all(recordingId) as Array<[number, number]>;
    const lastEnd = spans.reduce((max, [, end]) => Math.max(max, end), marks.at(-1)?.firstSeconds ?? 0);
    if (lastEnd / bucketSeconds > MAX_BUCKETS) {
      throw new AppError(
        'invalid-input',
        `Des tranches de ${bucketSeconds} s font plus de ${frenchNumber(MAX_BUCKETS)} tranches sur cet enregistrement.`,
        {
          field: 'bucketSeconds',
          hint: 'Demandez environ une tranche par pixel de la ligne de temps : sa durée divisée par sa largeur.',
        },
      );
    }
    // a difference array: +1 where a range starts, -1 after the bucket where it ends
    const delta = new Map<number, number>();
    for (const [start, end] of spans) {
      const first = Math.floor(start / bucketSeconds);
      const last = Math.floor(end / bucketSeconds);
      delta.set(first, (delta.get(first) ?? 0) + 1);
      delta.set(last + 1, (delta.get(last + 1) ?? 0) - 1);
    }
    const ranges: CommentCounts['ranges'] = [];
    let running = 0;
    const edges = [...delta.keys()].sort((a, b) => a - b);
    for (let i = 0; i < edges.length; i++) {
      running += delta.get(edges[i]!)!;
      const until = edges[i + 1] ?? edges[i]!;
      if (running > 0) for (let bucket = edges[i]!; bucket < until; bucket++) ranges.push({ bucket, count: running });
    }
    return { bucketSeconds, total: marks.reduce((sum, mark) => sum + mark.count, 0), marks, ranges };
  }

  byIds(recordingId: number, ids: readonly number[]): Comment[] {
    const rows = this.db
      .prepare(
        `SELECT ${COLUMNS} FROM comments
         WHERE id IN (SELECT value FROM json_each(?)) AND recording_id = ? AND deleted_at IS NULL ORDER BY start_seconds, id`,
      )
      .raw()
      .all(JSON.stringify(ids), recordingId) as Row[];
    const names = this.authorNames(recordingId);
    return rows.map((row) => toComment(row, recordingId, names));
  }

  /**
   * The quick comments still to complete ("À compléter"), over the whole recording, in
   * time order; the cheap length test in SQL, the rule itself from quickComment.ts.
   */
  toComplete(recordingId: number, limit = DEFAULT_LIMIT): Comment[] {
    const rows = this.db
      .prepare(
        `SELECT ${COLUMNS} FROM comments INDEXED BY comments_live_threads
         WHERE recording_id = ? AND deleted_at IS NULL AND parent_id IS NULL AND category <> ''
           AND length(trim(text)) = length(trim(category))
         ORDER BY start_seconds, id`,
      )
      .raw()
      .all(recordingId) as Row[];
    const names = this.authorNames(recordingId);
    return rows
      .map((row) => toComment(row, recordingId, names))
      .filter(isQuickCommentToComplete)
      .slice(0, limit);
  }

  /** Authors are a handful of people: one small lookup instead of a join per row. */
  private authorNames(recordingId: number): Map<number, string> {
    return new Map(
      this.db
        .prepare('SELECT p.id, p.display_name FROM people p JOIN recordings r ON r.project_id = p.project_id WHERE r.id = ?')
        .raw()
        .all(recordingId) as Array<[number, string]>,
    );
  }
}
