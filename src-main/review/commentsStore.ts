/**
 * Timestamped comments on a recording: points or ranges, authors (a person, or the
 * group), categories, threads, +1s, resolved flags. Edits and deletions keep the
 * previous version in comment_revisions; deleted comments leave the lists.
 */
import { AppError } from '../../src-shared/appError';
import type { AddCommentInput, Comment, UpdateCommentInput } from '../../src-shared/contract/schemas';
import type { SqliteDatabase } from '../library/database';

export const GROUP_AUTHOR = 'Groupe';

interface CommentRow {
  id: number;
  recording_id: number;
  parent_id: number | null;
  start_seconds: number;
  end_seconds: number | null;
  author_person_id: number | null;
  author_name: string | null;
  category: string;
  text: string;
  resolved: number;
  is_quote: number;
  plus_ones: number;
  edited: number;
  created_at: string;
  updated_at: string;
  quoted_person_id: number | null;
}

const SELECT = `
  SELECT c.id, c.recording_id, c.parent_id, c.start_seconds, c.end_seconds, c.author_person_id, p.display_name AS author_name,
    c.category, c.text, c.resolved, c.is_quote, c.plus_ones, c.edited, c.created_at, c.updated_at, c.quoted_person_id
  FROM comments c LEFT JOIN people p ON p.id = c.author_person_id`;

function toComment(row: CommentRow): Comment {
  return {
    id: row.id,
    recordingId: row.recording_id,
    parentId: row.parent_id,
    startSeconds: row.start_seconds,
    endSeconds: row.end_seconds,
    authorPersonId: row.author_person_id,
    authorName: row.author_name ?? GROUP_AUTHOR,
    category: row.category,
    text: row.text,
    resolved: row.resolved === 1,
    isQuote: row.is_quote === 1,
    plusOnes: row.plus_ones,
    edited: row.edited === 1,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    quotedPersonId: row.quoted_person_id,
  };
}

/** A comment as `COMMENT_COLUMNS` reads it in raw mode: one array per row, no object (the long lists). */
export type CommentTuple = [
  id: number,
  parentId: number | null,
  startSeconds: number,
  endSeconds: number | null,
  authorPersonId: number | null,
  category: string,
  text: string,
  resolved: number,
  isQuote: number,
  plusOnes: number,
  edited: number,
  createdAt: string,
  updatedAt: string,
  quotedPersonId: number | null,
];

/** The columns of a comment, in `CommentTuple`'s order: the whole list and the windows read the same. */
export const COMMENT_COLUMNS = `id, parent_id, start_seconds, end_seconds, author_person_id, category, text, resolved, is_quote, plus_ones, edited,
  created_at, updated_at, quoted_person_id`;

/** A row as the API gives it (authors by name; the group's comments as GROUP_AUTHOR). */
export function commentFromTuple(row: CommentTuple, recordingId: number, names: ReadonlyMap<number, string>): Comment {
  const [id, parent, start, end, author, category, text, resolved, isQuote, plusOnes, edited, createdAt, updatedAt, quoted] = row;
  return {
    id,
    recordingId,
    parentId: parent,
    startSeconds: start,
    endSeconds: end,
    authorPersonId: author,
    authorName: (author !== null && names.get(author)) || GROUP_AUTHOR,
    category,
    text,
    resolved: resolved === 1,
    isQuote: isQuote === 1,
    plusOnes,
    edited: edited === 1,
    createdAt,
    updatedAt,
    quotedPersonId: quoted,
  };
}

export class CommentsStore {
  constructor(
    private readonly db: SqliteDatabase,
    private readonly now: () => string,
  ) {}

  /** Every live comment of a recording, by time then creation; replies included (parentId set). */
  list(recordingId: number): Comment[] {
    // authors are a handful of people: one small lookup instead of a join per row
    const names = new Map(
      this.db
        .prepare('SELECT p.id, p.display_name FROM people p JOIN recordings r ON r.project_id = p.project_id WHERE r.id = ?')
        .raw()
        .all(recordingId) as Array<[number, string]>,
    );
    const rows = this.db
      .prepare(`SELECT ${COMMENT_COLUMNS} FROM comments WHERE recording_id = ? AND deleted_at IS NULL ORDER BY start_seconds, id`)
      .raw()
      .all(recordingId) as CommentTuple[];
    return rows.map((row) => commentFromTuple(row, recordingId, names));
  }

  get(id: number): Comment {
    const row = this.db.prepare(`${SELECT} WHERE c.id = ? AND c.deleted_at IS NULL`).get(id) as CommentRow | undefined;
    if (!row) throw new AppError('not-found', `Aucun commentaire n’a le numéro ${id}.`, { field: 'id' });
    return toComment(row);
  }

  add(input: AddCommentInput, projectId: number): Comment {
    if (input.authorPersonId != null) {
      const author = this.db.prepare('SELECT project_id FROM people WHERE id = ?').get(input.authorPersonId) as
        { project_id: number } | undefined;
      if (!author || author.project_id !== projectId) {
        throw new AppError('invalid-input', `La personne n° ${input.authorPersonId} ne fait pas partie du projet de cet enregistrement.`, {
          field: 'authorPersonId',
        });
      }
    }
    if (input.quotedPersonId != null) this.assertLinked(input.recordingId, input.quotedPersonId);
    let start = input.startSeconds;
    let end = input.endSeconds ?? null;
    if (input.parentId != null) {
      const parent = this.get(input.parentId);
      if (parent.recordingId !== input.recordingId)
        throw new AppError('invalid-input', 'Une réponse doit porter sur le même enregistrement que le commentaire auquel elle répond.', {
          field: 'parentId',
        });
      if (parent.parentId !== null)
        throw new AppError('invalid-input', 'On ne répond qu’au premier commentaire d’une discussion : répondez à celui-là.', {
          field: 'parentId',
        });
      // a reply sits at its thread's time, so exports and the timeline keep them together
      start = parent.startSeconds;
      end = parent.endSeconds;
    }
    const at = this.now();
    const result = this.db
      .prepare(
        `INSERT INTO comments (recording_id, parent_id, start_seconds, end_seconds, author_person_id, category, text, created_at, updated_at, quoted_person_id)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        input.recordingId,
        input.parentId ?? null,
        start,
        end,
        input.authorPersonId ?? null,
        input.category ?? '',
        input.text,
        at,
        at,
        input.quotedPersonId ?? null,
      );
    return this.get(Number(result.lastInsertRowid));
  }

  update({ id, changes }: UpdateCommentInput): Comment {
    return this.db.transaction(() => {
      const current = this.get(id);
      const next = { ...current, ...changes };
      if (changes.quotedPersonId != null) this.assertLinked(current.recordingId, changes.quotedPersonId);
      if (next.endSeconds !== null && next.endSeconds < next.startSeconds) {
        throw new AppError('invalid-input', 'La fin est avant le début.', { field: 'changes.endSeconds' });
      }
      const contentChanged =
        next.text !== current.text ||
        next.category !== current.category ||
        next.startSeconds !== current.startSeconds ||
        next.endSeconds !== current.endSeconds;
      if (contentChanged) {
        this.db.prepare("INSERT INTO comment_revisions (comment_id, action, previous, at) VALUES (?, 'edited', ?, ?)").run(
          id,
          JSON.stringify({
            text: current.text,
            category: current.category,
            startSeconds: current.startSeconds,
            endSeconds: current.endSeconds,
          }),
          this.now(),
        );
      }
      this.db
        .prepare(
          'UPDATE comments SET text = ?, category = ?, start_seconds = ?, end_seconds = ?, resolved = ?, is_quote = ?, edited = ?, updated_at = ?, quoted_person_id = ? WHERE id = ?',
        )
        .run(
          next.text,
          next.category,
          next.startSeconds,
          next.endSeconds,
          next.resolved ? 1 : 0,
          next.isQuote ? 1 : 0,
          current.edited || contentChanged ? 1 : 0,
          this.now(),
          next.quotedPersonId ?? null,
          id,
        );
      return this.get(id);
    })();
  }

  /** The person a quote quotes must be one of the recording's people. */
  private assertLinked(recordingId: number, personId: number): void {
    const linked = this.db.prepare('SELECT 1 FROM recording_people WHERE recording_id = ? AND person_id = ?').get(recordingId, personId);
    if (!linked) {
      throw new AppError(
        'invalid-input',
        `La personne n° ${personId} n’est pas reliée à cet enregistrement : une citation cite quelqu’un qui y est filmé.`,
        {
          field: 'quotedPersonId',
          hint: 'Reliez d’abord la personne à l’enregistrement, ou laissez la citation à la personne qui parle dans l’extrait.',
        },
      );
    }
  }

  react(id: number): Comment {
    this.get(id);
    this.db.prepare('UPDATE comments SET plus_ones = plus_ones + 1 WHERE id = ?').run(id);
    return this.get(id);
  }

  /** Soft delete: the comment (and its replies) leave the lists; the text stays in the revisions. */
  delete(id: number): number {
    return this.db.transaction(() => {
      const current = this.get(id);
      const at = this.now();
      this.db
        .prepare("INSERT INTO comment_revisions (comment_id, action, previous, at) VALUES (?, 'deleted', ?, ?)")
        .run(id, JSON.stringify({ text: current.text, category: current.category }), at);
      this.db.prepare('UPDATE comments SET deleted_at = ? WHERE id = ? OR parent_id = ?').run(at, id, id);
      return current.recordingId;
    })();
  }

  /**
   * Erasure: what they said in the review is theirs, so their comments go for good (not
   * soft-deleted), with their revisions and replies (foreign keys cascade) and, through
   * the triggers, their words in the search index. A quote quoting them is their words
   * too: it goes as well (left behind, it would be credited to the clip's speaker).
   */
  forgetPerson(personId: number): number {
    return this.db.prepare('DELETE FROM comments WHERE author_person_id = ? OR quoted_person_id = ?').run(personId, personId).changes;
  }

  revisions(id: number): Array<{ id: number; action: 'edited' | 'deleted'; previous: Record<string, unknown>; at: string }> {
    const rows = this.db.prepare('SELECT * FROM comment_revisions WHERE comment_id = ? ORDER BY id').all(id) as Array<{
      id: number;
      action: 'edited' | 'deleted';
      previous: string;
      at: string;
    }>;
    return rows.map((row) => ({
      id: row.id,
      action: row.action,
      previous: JSON.parse(row.previous) as Record<string, unknown>,
      at: row.at,
    }));
  }

  /**
   * Retention: comments past their period go for good, like an erasure (revisions and
   * replies cascade, the search index forgets them through its triggers). Returns how many
   * rows went, replies included.
   */
  purge(ids: readonly number[]): number {
    const count = this.db.prepare('SELECT count(*) AS n FROM comments WHERE id = ? OR parent_id = ?');
    const remove = this.db.prepare('DELETE FROM comments WHERE id = ?');
    let removed = 0;
    for (const id of ids) {
      removed += (count.get(id, id) as { n: number }).n;
      remove.run(id);
    }
    return removed;
  }
}
