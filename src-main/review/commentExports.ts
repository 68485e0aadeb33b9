/**
 * Comments as files: CSV (RFC 4180, UTF-8 with BOM so spreadsheet software keeps the
 * accents), WebVTT and SRT (one cue per thread; a point comment shows for 3 s).
 * Pure functions of the comment list.
 */
import type { Comment } from '../api/schemas';
import { formatTimecode } from './timecode';

export const POINT_CUE_SECONDS = 3;

function csvField(value: string | number | boolean | null): string {
  const text = value === null ? '' : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function commentsToCsv(comments: readonly Comment[]): string {
  const header = ['id', 'debut', 'fin', 'auteur', 'categorie', 'texte', 'reponse_a', 'resolu', 'plus_un', 'citation'];
  const rows = comments.map((c) => [
    c.id,
    formatTimecode(c.startSeconds),
    c.endSeconds === null ? '' : formatTimecode(c.endSeconds),
    c.authorName,
    c.category,
    c.text,
    c.parentId ?? '',
    c.resolved ? 'oui' : 'non',
    c.plusOnes,
    c.isQuote ? 'oui' : 'non',
  ]);
  return `\uFEFF${[header, ...rows].map((row) => row.map((cell) => csvField(cell as string)).join(',')).join('\r\n')}\r\n`;
}

interface Cue {
  start: number;
  end: number;
  lines: string[];
}

/** One cue per thread: the comment, then its replies. */
function cues(comments: readonly Comment[]): Cue[] {
  const replies = new Map<number, Comment[]>();
  for (const comment of comments) {
    if (comment.parentId !== null) replies.set(comment.parentId, [...(replies.get(comment.parentId) ?? []), comment]);
  }
  return comments
    .filter((comment) => comment.parentId === null)
    .map((comment) => ({
      start: comment.startSeconds,
      end: comment.endSeconds ?? comment.startSeconds + POINT_CUE_SECONDS,
      lines: [
        `${comment.category ? `[${comment.category}] ` : ''}${comment.authorName} : ${comment.text}`,
        ...(replies.get(comment.id) ?? []).map((reply) => `↳ ${reply.authorName} : ${reply.text}`),
      ],
    }));
}

/** Cue text may not hold the timing arrow nor blank lines (they end a cue). */
function cueLine(text: string): string {
  return text
    .replace(/-->/g, '→')
    .replace(/\r?\n\s*\r?\n/g, '\n')
    .trim();
}

export function commentsToVtt(comments: readonly Comment[]): string {
  const escape = (text: string) => cueLine(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const body = cues(comments).map(
    (cue) => `${formatTimecode(cue.start)} --> ${formatTimecode(cue.end)}\n${cue.lines.map(escape).join('\n')}`,
  );
  return `WEBVTT\n\n${body.join('\n\n')}\n`;
}

export function commentsToSrt(comments: readonly Comment[]): string {
  const body = cues(comments).map(
    (cue, index) =>
      `${index + 1}\n${formatTimecode(cue.start, ',')} --> ${formatTimecode(cue.end, ',')}\n${cue.lines.map(cueLine).join('\n')}`,
  );
  return `${body.join('\n\n')}\n`;
}
