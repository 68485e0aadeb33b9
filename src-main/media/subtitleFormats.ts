/**
 * Subtitle cues: reading SRT and WebVTT files (tolerant of BOMs, CRLF, cue settings and
 * numbering, strict about times, with the line number of what is wrong), picking the
 * cues of a time range shifted to start at zero, and writing SRT, WebVTT and ASS
 * (the styled format ffmpeg burns in, so no filter-string escaping is ever needed).
 */
import { AppError } from '../../src-shared/appError';
import { formatTimecode, parseCueTime } from '../../src-shared/time';

export interface Cue {
  startSeconds: number;
  endSeconds: number;
  text: string;
}

export type SubtitleFormat = 'srt' | 'vtt';

/** Reads SRT or WebVTT text into cues, in file order. */
export function parseSubtitles(content: string, format: SubtitleFormat): Cue[] {
  const lines = content.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  if (format === 'vtt' && !/^WEBVTT(\s|$)/.test(lines[0] ?? '')) {
    throw new AppError('invalid-input', 'Ce n’est pas un fichier WebVTT : sa première ligne doit être « WEBVTT ».', {
      field: 'content',
      hint: 'Si le nom du fichier finit par .srt, choisissez le format SRT.',
    });
  }
  const cues: Cue[] = [];
  let index = format === 'vtt' ? 1 : 0;
  while (index < lines.length) {
    const line = lines[index]!;
    if (line.trim() === '') {
      index++;
      continue;
    }
    // WebVTT blocks that are not cues
    if (format === 'vtt' && /^(NOTE|STYLE|REGION)(\s|$)/.test(line)) {
      while (index < lines.length && lines[index]!.trim() !== '') index++;
      continue;
    }
    let timingIndex = index;
    if (!lines[timingIndex]!.includes('-->')) timingIndex++; // a cue number or identifier
    const timing = lines[timingIndex];
    if (timing === undefined || !timing.includes('-->')) {
      throw new AppError('invalid-input', `Ligne ${index + 1} : il faudrait une ligne de temps « début --> fin ».`, {
        field: 'content',
        hint: 'Vérifiez que le fichier est bien un fichier de sous-titres .srt ou .vtt.',
      });
    }
    const [startText, rest] = timing.split('-->') as [string, string];
    const startSeconds = parseCueTime(startText, timingIndex + 1);
    const endSeconds = parseCueTime(rest.trim().split(/\s+/)[0] ?? '', timingIndex + 1);
    if (endSeconds <= startSeconds) {
      throw new AppError('invalid-input', `Ligne ${timingIndex + 1} : le sous-titre finit avant de commencer.`, { field: 'content' });
    }
    const textLines: string[] = [];
    index = timingIndex + 1;
    while (index < lines.length && lines[index]!.trim() !== '') textLines.push(lines[index++]!);
    const text = textLines
      .join('\n')
      .replace(/<\/?(?:i|b|u|font|c|v|lang|ruby|rt|span)(?:[\s.][^>]*)?>/gi, '')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&amp;/g, '&')
      .trim();
    if (text) cues.push({ startSeconds, endSeconds, text });
  }
  return cues;
}

/** The cues overlapping [from, to), cut to it and shifted so `from` is 0. */
export function cuesInRange(cues: readonly Cue[], from: number, to: number, offset = 0): Cue[] {
  return cues
    .filter((cue) => cue.endSeconds > from && cue.startSeconds < to)
    .map((cue) => ({
      startSeconds: Math.max(cue.startSeconds, from) - from + offset,
      endSeconds: Math.min(cue.endSeconds, to) - from + offset,
      text: cue.text,
    }))
    .filter((cue) => cue.endSeconds - cue.startSeconds >= 0.05)
    .sort((a, b) => a.startSeconds - b.startSeconds);
}

/** Cue text may not hold the timing arrow nor blank lines (they end a cue). */
export function cueText(text: string): string {
  return text
    .replace(/-->/g, '→')
    .replace(/\r?\n\s*\r?\n/g, '\n')
    .trim();
}

export function cuesToSrt(cues: readonly Cue[]): string {
  return (
    cues
      .map(
        (cue, i) => `${i + 1}\n${formatTimecode(cue.startSeconds, ',')} --> ${formatTimecode(cue.endSeconds, ',')}\n${cueText(cue.text)}`,
      )
      .join('\n\n') + '\n'
  );
}

export function cuesToVtt(cues: readonly Cue[]): string {
  const escape = (text: string) => cueText(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return `WEBVTT\n\n${cues.map((cue) => `${formatTimecode(cue.startSeconds)} --> ${formatTimecode(cue.endSeconds)}\n${escape(cue.text)}`).join('\n\n')}\n`;
}

function assTime(seconds: number): string {
  const cs = Math.max(0, Math.round(seconds * 100));
  const h = Math.floor(cs / 360000);
  const m = Math.floor((cs % 360000) / 6000);
  const s = Math.floor((cs % 6000) / 100);
  return `${h}:${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}.${String(cs % 100).padStart(2, '0')}`;
}

/** An ASS script with one style (DejaVu Sans, white on a dark box, bottom centre) sized for the frame. */
export function cuesToAss(cues: readonly Cue[], width: number, height: number): string {
  const fontSize = Math.round(height * 0.05);
  const margin = Math.round(height * 0.06);
  // ASS treats {…} as style overrides and \N as a line break: neutralise both in user text
  const escape = (text: string) => cueText(text).replace(/\\/g, '/').replace(/[{}]/g, '').replace(/\n/g, '\\N');
  return [
    '[Script Info]',
    'ScriptType: v4.00+',
    `PlayResX: ${width}`,
    `PlayResY: ${height}`,
    'WrapStyle: 0',
    '',
    '[V4+ Styles]',
    'Format: Name, Fontname, Fontsize, PrimaryColour, SecondaryColour, OutlineColour, BackColour, Bold, Italic, Underline, StrikeOut, ScaleX, ScaleY, Spacing, Angle, BorderStyle, Outline, Shadow, Alignment, MarginL, MarginR, MarginV, Encoding',
    `Style: Default,DejaVu Sans,${fontSize},&H00FFFFFF,&H00FFFFFF,&H80000000,&H80000000,0,0,0,0,100,100,0,0,3,${Math.max(2, Math.round(fontSize / 6))},0,2,${margin},${margin},${margin},1`,
    '',
    '[Events]',
    'Format: Layer, Start, End, Style, Name, MarginL, MarginR, MarginV, Effect, Text',
    ...cues.map((cue) => `Dialogue: 0,${assTime(cue.startSeconds)},${assTime(cue.endSeconds)},Default,,0,0,0,,${escape(cue.text)}`),
    '',
  ].join('\n');
}
