/**
 * Times as people and subtitle files write them: HH:MM:SS.mmm (WebVTT, CSV) or
 * HH:MM:SS,mmm (SRT), and parsing of what users type (timecodes or plain seconds).
 */
import { AppError } from '../appError';

export function formatTimecode(seconds: number, decimalSeparator: '.' | ',' = '.'): string {
  const totalMs = Math.max(0, Math.round(seconds * 1000));
  const ms = totalMs % 1000;
  const totalSeconds = Math.floor(totalMs / 1000);
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  return `${pad(Math.floor(totalSeconds / 3600))}:${pad(Math.floor((totalSeconds % 3600) / 60))}:${pad(totalSeconds % 60)}${decimalSeparator}${pad(ms, 3)}`;
}

/** "01:12", "00:01:12.500", "72.5" → seconds. */
export function parseTimecode(text: string, field: string): number {
  const trimmed = text.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Number(trimmed);
  const match = /^(?:(\d+):)?(\d{1,2}):(\d{1,2})(?:[.,](\d{1,3}))?$/.exec(trimmed);
  if (!match) {
    throw new AppError('invalid-input', `"${text}" is not a time: write HH:MM:SS.mmm, MM:SS or seconds.`, { field });
  }
  const [, h, m, s, ms] = match;
  if (Number(m) > 59 || Number(s) > 59) throw new AppError('invalid-input', `"${text}" has minutes or seconds above 59.`, { field });
  return Number(h ?? 0) * 3600 + Number(m) * 60 + Number(s) + Number((ms ?? '0').padEnd(3, '0')) / 1000;
}
