/**
 * Search across a library (or one project): comments by full text (accents folded,
 * every word as a prefix: "motiv entret" finds "Motivée pour l'entretien"), and
 * recordings, people and clips by name — a recording also by the name of a person linked
 * to it. Deleted comments are never found.
 */
import type { SqliteDatabase } from '../library/database';

export interface SearchResults {
  comments: Array<{ id: number; recordingId: number; recordingTitle: string; projectId: number; startSeconds: number; text: string }>;
  /** `via`: the linked person whose name matched, when the title did not. */
  recordings: Array<{ id: number; title: string; projectId: number; via: string | null }>;
  people: Array<{ id: number; displayName: string; projectId: number }>;
  clips: Array<{ id: number; name: string; recordingId: number; projectId: number }>;
}

/** User words → an FTS5 query of quoted prefixes (no operator a user could type gets through). */
export function ftsQuery(text: string): string | null {
  const words = text.normalize('NFC').match(/[\p{L}\p{N}]+/gu) ?? [];
  return words.length
    ? words
        .slice(0, 8)
        .map((word) => `"${word}"*`)
        .join(' ')
    : null;
}

function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export class SearchStore {
  constructor(private readonly db: SqliteDatabase) {}

  search(text: string, projectId: number | null, limit: number): SearchResults {
    const match = ftsQuery(text);
    const like = likePattern(text.trim());
    const project = projectId ?? null;
    const comments = match
      ? (this.db
          .prepare(
            `SELECT c.id, c.recording_id AS recordingId, r.title AS recordingTitle, r.project_id AS projectId, c.start_seconds AS startSeconds, c.text
             FROM comments_fts f JOIN comments c ON c.id = f.rowid JOIN recordings r ON r.id = c.recording_id
             WHERE comments_fts MATCH ? AND c.deleted_at IS NULL AND (? IS NULL OR r.project_id = ?)
             ORDER BY f.rank LIMIT ?`,
          )
          .all(match, project, project, limit) as SearchResults['comments'])
      : [];
    // by title, or by the name of a person linked to it, read through the link at query time:
    // no second copy of a name to forget on erasure or unlinking
    const recordings = this.db
      .prepare(
        `SELECT r.id, r.title, r.project_id AS projectId,
                CASE WHEN r.title LIKE @like ESCAPE '\\' THEN NULL
                     ELSE (SELECT p.display_name FROM recording_people rp JOIN people p ON p.id = rp.person_id
                           WHERE rp.recording_id = r.id AND p.display_name LIKE @like ESCAPE '\\' ORDER BY p.display_name LIMIT 1) END AS via
         FROM recordings r
         WHERE (r.title LIKE @like ESCAPE '\\'
                OR EXISTS (SELECT 1 FROM recording_people rp JOIN people p ON p.id = rp.person_id
                           WHERE rp.recording_id = r.id AND p.display_name LIKE @like ESCAPE '\\'))
           AND (@project IS NULL OR r.project_id = @project)
         ORDER BY r.recorded_at DESC LIMIT @limit`,
      )
      .all({ like, project, limit }) as SearchResults['recordings'];
    const people = this.db
      .prepare(
        `SELECT id, display_name AS displayName, project_id AS projectId FROM people WHERE display_name LIKE ? ESCAPE '\\' AND (? IS NULL OR project_id = ?) ORDER BY display_name LIMIT ?`,
      )
      .all(like, project, project, limit) as SearchResults['people'];
    const clips = this.db
      .prepare(
        `SELECT c.id, c.name, c.recording_id AS recordingId, r.project_id AS projectId FROM clips c JOIN recordings r ON r.id = c.recording_id
         WHERE (c.name LIKE ? ESCAPE '\\' OR c.tags LIKE ? ESCAPE '\\') AND (? IS NULL OR r.project_id = ?) ORDER BY c.name LIMIT ?`,
      )
      .all(like, like, project, project, limit) as SearchResults['clips'];
    return { comments, recordings, people, clips };
  }
}
