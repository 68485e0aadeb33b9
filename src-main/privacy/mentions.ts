/**
 * Free text that names an erased person: other people's comments and their revisions,
 * titles, clip names and themes, title cards, subtitles, markers, project and session
 * texts, export labels. Found by the person's name words (whole words, accents and case
 * ignored) within their project, listed for the animator, and replaced on confirmation.
 * A word the name shares with someone else in the project is left alone: it would erase
 * the other person's name too.
 */
import type { SqliteDatabase } from '../library/database';
import { foldText } from '../../src-shared/textFolding';

export const REDACTED = '[nom effacé]';

/** Particles that are part of names but also ordinary words. */
const PARTICLES = new Set(['de', 'du', 'des', 'la', 'le', 'les', 'van', 'von', 'der', 'den', 'di', 'da', 'del', 'el', 'al', 'et']);

const WORD = /[\p{L}\p{M}\p{N}]+/gu;

/** A word folded as the consent text gate folds it (one rule: src-shared/textFolding). */
export const foldWord = foldText;

/** The words of a display name worth looking for. */
export function nameWords(displayName: string): string[] {
  const words = (displayName.match(WORD) ?? []).map(foldWord).filter((word) => word.length >= 2 && !PARTICLES.has(word));
  return [...new Set(words)];
}

/** Each free-text column, with the query that lists its rows in one project (`id`, `text`). */
export const FREE_TEXT_COLUMNS: ReadonlyArray<{ table: string; column: string; rowsOfProject: string }> = [
  { table: 'projects', column: 'name', rowsOfProject: 'SELECT id, name AS text FROM projects WHERE id = @projectId' },
  { table: 'projects', column: 'description', rowsOfProject: 'SELECT id, description AS text FROM projects WHERE id = @projectId' },
  { table: 'projects', column: 'place', rowsOfProject: 'SELECT id, place AS text FROM projects WHERE id = @projectId' },
  { table: 'sessions', column: 'title', rowsOfProject: 'SELECT id, title AS text FROM sessions WHERE project_id = @projectId' },
  { table: 'recordings', column: 'title', rowsOfProject: 'SELECT id, title AS text FROM recordings WHERE project_id = @projectId' },
  {
    table: 'markers',
    column: 'tag',
    rowsOfProject: 'SELECT m.id, m.tag AS text FROM markers m JOIN recordings r ON r.id = m.recording_id WHERE r.project_id = @projectId',
  },
  {
    table: 'comments',
    column: 'text',
    rowsOfProject: `SELECT c.id, c.text FROM comments c JOIN recordings r ON r.id = c.recording_id
      WHERE r.project_id = @projectId AND (c.author_person_id IS NULL OR c.author_person_id <> @personId)`,
  },
  {
    table: 'comment_revisions',
    column: 'previous',
    rowsOfProject: `SELECT v.id, v.previous AS text FROM comment_revisions v JOIN comments c ON c.id = v.comment_id
      JOIN recordings r ON r.id = c.recording_id WHERE r.project_id = @projectId`,
  },
  {
    table: 'subtitle_cues',
    column: 'text',
    rowsOfProject: 'SELECT s.id, s.text FROM subtitle_cues s JOIN recordings r ON r.id = s.recording_id WHERE r.project_id = @projectId',
  },
  {
    table: 'clips',
    column: 'name',
    rowsOfProject: 'SELECT k.id, k.name AS text FROM clips k JOIN recordings r ON r.id = k.recording_id WHERE r.project_id = @projectId',
  },
  {
    table: 'clips',
    column: 'tags',
    rowsOfProject: 'SELECT k.id, k.tags AS text FROM clips k JOIN recordings r ON r.id = k.recording_id WHERE r.project_id = @projectId',
  },
  { table: 'montages', column: 'name', rowsOfProject: 'SELECT id, name AS text FROM montages WHERE project_id = @projectId' },
  {
    table: 'montage_items',
    column: 'title_text',
    rowsOfProject: `SELECT i.rowid AS id, i.title_text AS text FROM montage_items i JOIN montages m ON m.id = i.montage_id
      WHERE m.project_id = @projectId AND i.title_text IS NOT NULL`,
  },
  {
    table: 'guardians',
    column: 'name',
    rowsOfProject: `SELECT g.id, g.name AS text FROM guardians g JOIN people p ON p.id = g.person_id
      WHERE p.project_id = @projectId AND p.id <> @personId`,
  },
  { table: 'exports', column: 'label', rowsOfProject: 'SELECT id, label AS text FROM exports WHERE project_id = @projectId' },
  {
    table: 'exports',
    column: 'output_path',
    rowsOfProject: 'SELECT id, output_path AS text FROM exports WHERE project_id = @projectId AND output_path IS NOT NULL',
  },
];

export interface Mention {
  table: string;
  column: string;
  id: number;
  /** The text with the name words replaced. */
  redacted: string;
  /** A short excerpt around the first hit, for the animator's list (never stored). */
  excerpt: string;
}

/** Replaces every whole word of `words` (folded) in `text`; null when nothing matched. */
export function redactWords(text: string, words: ReadonlySet<string>): string | null {
  let hit = false;
  const replaced = text.replace(WORD, (word) => {
    if (!words.has(foldWord(word))) return word;
    hit = true;
    return REDACTED;
  });
  if (!hit) return null;
  const repeated = new RegExp(`${escapeRegExp(REDACTED)}(?:\\s+${escapeRegExp(REDACTED)})+`, 'g');
  return replaced.replace(repeated, REDACTED);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function excerptOf(text: string, words: ReadonlySet<string>): string {
  WORD.lastIndex = 0;
  let match: RegExpExecArray | null;
  let at = 0;
  while ((match = WORD.exec(text))) {
    if (words.has(foldWord(match[0]))) {
      at = match.index;
      break;
    }
  }
  WORD.lastIndex = 0;
  const start = Math.max(0, at - 40);
  return `${start > 0 ? '…' : ''}${text.slice(start, at + 60)}${at + 60 < text.length ? '…' : ''}`;
}

/** The words to look for: the person's name words that no one else in the project has. */
export function wordsToRedact(db: SqliteDatabase, personId: number, projectId: number, displayName: string): Set<string> {
  const others = db.prepare('SELECT display_name FROM people WHERE project_id = ? AND id <> ?').all(projectId, personId) as Array<{
    display_name: string;
  }>;
  const shared = new Set(others.flatMap((other) => nameWords(other.display_name)));
  return new Set(nameWords(displayName).filter((word) => !shared.has(word)));
}

export function findMentions(db: SqliteDatabase, personId: number, projectId: number, words: ReadonlySet<string>): Mention[] {
  if (words.size === 0) return [];
  const mentions: Mention[] = [];
  for (const { table, column, rowsOfProject } of FREE_TEXT_COLUMNS) {
    const rows = db.prepare(rowsOfProject).all({ projectId, personId }) as Array<{ id: number; text: string | null }>;
    for (const row of rows) {
      if (!row.text) continue;
      const redacted = redactWords(row.text, words);
      if (redacted !== null) mentions.push({ table, column, id: row.id, redacted, excerpt: excerptOf(row.text, words) });
    }
  }
  return mentions;
}

/**
 * Writes the redacted texts. Rows of the exports register go through its owner
 * (`rewriteExportText`); the others are plain text columns addressed by rowid.
 */
export function writeRedactions(
  db: SqliteDatabase,
  mentions: readonly Mention[],
  rewriteExportText: (exportId: number, column: 'label' | 'output_path', text: string) => void,
): void {
  for (const mention of mentions) {
    if (mention.table === 'exports') {
      rewriteExportText(mention.id, mention.column as 'label' | 'output_path', mention.redacted);
      continue;
    }
    const known = FREE_TEXT_COLUMNS.some((entry) => entry.table === mention.table && entry.column === mention.column);
    if (!known) throw new Error(`not a free-text column: ${mention.table}.${mention.column}`);
    db.prepare(`UPDATE "${mention.table}" SET "${mention.column}" = ? WHERE rowid = ?`).run(mention.redacted, mention.id);
  }
}
