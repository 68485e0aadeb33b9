/**
 * The subtitle cues of a recording: imported from SRT/WebVTT files (replacing earlier
 * imports), plus, at export time, the quotes marked in comments. Cues are text the
 * people said, so they go with the recording when it is deleted (cascade).
 */
import { AppError } from '../../src-shared/appError';
import type { SqliteDatabase } from '../library/database';
import { parseSubtitles, type Cue, type SubtitleFormat } from '../media/subtitleFormats';

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
    if (cues.length === 0) throw new AppError('invalid-input', 'This subtitle file holds no cue.', { field: 'content' });
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

  /** Imported cues plus the quotes marked in comments (ranges only), for an export. */
  forExport(recordingId: number): Cue[] {
    const quotes = this.db
      .prepare(
        `SELECT start_seconds AS startSeconds, end_seconds AS endSeconds, text FROM comments
         WHERE recording_id = ? AND is_quote = 1 AND deleted_at IS NULL AND end_seconds IS NOT NULL AND end_seconds > start_seconds`,
      )
      .all(recordingId) as Cue[];
    return [...this.list(recordingId), ...quotes].sort((a, b) => a.startSeconds - b.startSeconds);
  }
}
