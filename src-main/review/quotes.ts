/**
 * THE rule of quotes, used by subtitles and packs alike: a quote is a live, top-level
 * comment marked as a quote; it belongs to the clip whose range it starts in; it is
 * credited to the person it quotes (set on the comment), else to the clip's speaker; and
 * it may go out only if both its author and that person consent to the audience.
 */
import type { SqliteDatabase } from '../library/database';

export interface Quote {
  commentId: number;
  recordingId: number;
  startSeconds: number;
  endSeconds: number | null;
  text: string;
  authorPersonId: number | null;
  quotedPersonId: number | null;
}

export const QUOTE_CONDITION = 'is_quote = 1 AND parent_id IS NULL AND deleted_at IS NULL';

export function listQuotes(db: SqliteDatabase, recordingId: number): Quote[] {
  return db
    .prepare(
      `SELECT id AS commentId, recording_id AS recordingId, start_seconds AS startSeconds, end_seconds AS endSeconds, text,
         author_person_id AS authorPersonId, quoted_person_id AS quotedPersonId
       FROM comments WHERE recording_id = ? AND ${QUOTE_CONDITION} ORDER BY start_seconds, id`,
    )
    .all(recordingId) as Quote[];
}

/** A quote belongs to the clip whose range it starts in. */
export function quoteInRange(quote: Pick<Quote, 'startSeconds'>, inSeconds: number, outSeconds: number): boolean {
  return quote.startSeconds >= inSeconds && quote.startSeconds < outSeconds;
}

/** Who a quote is credited to: the person it quotes, else the clip's speaker. */
export function quoteSpeaker(quote: Pick<Quote, 'quotedPersonId'>, clipSpeakerId: number | null): number | null {
  return quote.quotedPersonId ?? clipSpeakerId;
}
