/**
 * The one home of times as people and files write them: HH:MM:SS.mmm (WebVTT, CSV) or
 * HH:MM:SS,mmm (SRT), what users type (timecodes or plain seconds), subtitle file times,
 * and the short clock the screens show (MM:SS or H:MM:SS).
 */
import { AppError } from './appError';

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
    throw new AppError('invalid-input', `« ${text} » n’est pas un temps lisible : écrivez HH:MM:SS.mmm, MM:SS ou des secondes.`, {
      field,
      hint: 'Par exemple 00:01:12.500, 01:12 ou 72.',
    });
  }
  const [, h, m, s, ms] = match;
  if (Number(m) > 59 || Number(s) > 59)
    throw new AppError('invalid-input', `« ${text} » a des minutes ou des secondes au-delà de 59.`, {
      field,
      hint: 'Les minutes et les secondes vont de 00 à 59 : 01:30 pour une minute trente.',
    });
  return Number(h ?? 0) * 3600 + Number(m) * 60 + Number(s) + Number((ms ?? '0').padEnd(3, '0')) / 1000;
}

const CUE_TIME = /^(?:(\d+):)?(\d{2}):(\d{2})[.,](\d{3})$/;

/** A subtitle file's time (HH:MM:SS,mmm or .mmm), strict, naming the file line that is wrong. */
export function parseCueTime(text: string, lineNumber: number): number {
  const match = CUE_TIME.exec(text.trim());
  if (!match) {
    throw new AppError(
      'invalid-input',
      `Ligne ${lineNumber} : « ${text.trim().slice(0, 40)} » n’est pas un temps de sous-titre (HH:MM:SS,mmm).`,
      {
        field: 'content',
        hint: 'Vérifiez que le fichier est bien un fichier de sous-titres .srt ou .vtt.',
      },
    );
  }
  const [, h, m, s, ms] = match;
  if (Number(m) > 59 || Number(s) > 59) {
    throw new AppError('invalid-input', `Ligne ${lineNumber} : minutes ou secondes au-delà de 59 dans « ${text.trim()} ».`, {
      field: 'content',
    });
  }
  return Number(h ?? 0) * 3600 + Number(m) * 60 + Number(s) + Number(ms) / 1000;
}

/**
 * A position read from sums of frame times (6.999999999 for 7 s) is still that second: a
 * floating-point error under the next whole second counts as it (a real position just
 * before it, 6.9999 s, stays 6).
 */
const CLOCK_TOLERANCE = 1e-6;

/** The clock shown on screens for a position (the playhead, a comment): whole seconds, MM:SS under an hour, H:MM:SS above. */
export function formatClock(seconds: number): string {
  return clockText(Math.max(0, Math.floor(seconds + CLOCK_TOLERANCE)));
}

/** A length shown on screens (a clip, a recording, a montage): to the nearest second, never 00:00 for a few frames. */
export function formatDuration(seconds: number): string {
  if (!(seconds > 0)) return clockText(0);
  return clockText(Math.max(1, Math.round(seconds)));
}

function clockText(whole: number): string {
  const h = Math.floor(whole / 3600);
  const m = Math.floor((whole % 3600) / 60);
  const s = whole % 60;
  const mm = String(m).padStart(2, '0');
  const ss = String(s).padStart(2, '0');
  return h > 0 ? `${h}:${mm}:${ss}` : `${mm}:${ss}`;
}

/** Whole seconds as HH:MM:SS, for sentences ("00:01:12 récupérées sur 00:02:30"). */
export function formatHms(seconds: number): string {
  return formatTimecode(Math.floor(Math.max(0, seconds))).slice(0, -4);
}
