/**
 * The subtitle cues of a recording: imported from SRT/WebVTT files (replacing earlier
 * imports), plus, at export time, the quotes marked in comments. Cues are text the
 * people said, so they go with the recording when it is deleted (cascade).
 */
import { AppError } from '../../src-shared/appError';
import type { SqliteDatabase } from '../library/database';
import { parseSubtitles, type Cue, type SubtitleFormat } from '../media/subtitleFormats';
import { listQuotes } from '../review/quotes';
import type { PlanCue } from './renderPlan';

export class SubtitleStore {
  constructor(private readonly db: SqliteDatabase) {}

  list(recordingId: number): Cue[] {
    return this.db
      .prepare(
        'SELECT start_seconds AS startSeconds, end_seconds AS endSeconds, text FROM subtitle_cues WHERE recording_id = ? ORDER BY start_seconds, id',
      )
      .all(recordingId) as Cue[];
  }

  /** Parses first: a broken file changes nothing. */
  replace(recordingId: number, content: string, format: SubtitleFormat): Cue[] {
    const cues = parseSubtitles(content, format);
    if (cues.length === 0)
      throw new AppError('invalid-input', 'Ce fichier de sous-titres ne contient aucun sous-titre.', { field: 'content' });
    this.db.transaction(() => {
      this.db.prepare('DELETE FROM subtitle_cues WHERE recording_id = ?').run(recordingId);
      const insert = this.db.prepare('INSERT INTO subtitle_cues (recording_id, start_seconds, end_seconds, text) VALUES (?, ?, ?, ?)');
      for (const cue of cues) insert.run(recordingId, cue.startSeconds, cue.endSeconds, cue.text);
    })();
    return this.list(recordingId);
  }

  clear(recordingId: number): void {
    this.db.prepare('DELETE FROM subtitle_cues WHERE recording_id = ?').run(recordingId);
  }

  /**
   * Imported cues plus the quotes with a range (the one quote rule), for an export; a quote
   * carries its author and the person it quotes, whose consent the plan checks.
   */
  forExport(recordingId: number): PlanCue[] {
    const quotes: PlanCue[] = listQuotes(this.db, recordingId)
      .filter((quote) => quote.endSeconds !== null && quote.endSeconds > quote.startSeconds)
      .map((quote) => ({
        startSeconds: quote.startSeconds,
        endSeconds: quote.endSeconds!,
        text: quote.text,
        quote: { authorPersonId: quote.authorPersonId, quotedPersonId: quote.quotedPersonId },
      }));
    return [...this.list(recordingId), ...quotes].sort((a, b) => a.startSeconds - b.startSeconds);
  }
}
