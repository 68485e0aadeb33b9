/**
 * Comments as files: CSV (RFC 4180, UTF-8 with BOM so spreadsheet software keeps the
 * accents), WebVTT and SRT (one cue per thread; a point comment shows for 3 s).
 * Pure functions of the comment list.
 */
import type { Comment } from '../../src-shared/contract/schemas';
import { formatTimecode } from '../../src-shared/time';
import { csvDocument, type CsvLocale } from '../platform/csvFile';
import { cuesToSrt, cuesToVtt, cueText, type Cue } from '../media/subtitleFormats';

export const POINT_CUE_SECONDS = 3;

/** `locale`: the app's language (French: `;` and decimal comma; English: `,`). */
export function commentsToCsv(comments: readonly Comment[], locale: CsvLocale = 'fr'): string {
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
  return csvDocument([header, ...rows], locale);
}

/** One cue per thread: the comment, then its replies, one line each. */
function cues(comments: readonly Comment[]): Cue[] {
  const replies = new Map<number, Comment[]>();
  for (const comment of comments) {
    if (comment.parentId !== null) replies.set(comment.parentId, [...(replies.get(comment.parentId) ?? []), comment]);
  }
  return comments
    .filter((comment) => comment.parentId === null)
    .map((comment) => ({
      startSeconds: comment.startSeconds,
      endSeconds: comment.endSeconds ?? comment.startSeconds + POINT_CUE_SECONDS,
      text: [
        `${comment.category ? `[${comment.category}] ` : ''}${comment.authorName} : ${comment.text}`,
        ...(replies.get(comment.id) ?? []).map((reply) => `↳ ${reply.authorName} : ${reply.text}`),
      ]
        .map(cueText)
        .join('\n'),
    }));
}

export function commentsToVtt(comments: readonly Comment[]): string {
  return cuesToVtt(cues(comments));
}

export function commentsToSrt(comments: readonly Comment[]): string {
  return cuesToSrt(cues(comments));
}
