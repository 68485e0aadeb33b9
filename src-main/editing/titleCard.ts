/**
 * Title cards that fit their frame: the one home of how a title is laid out (font size,
 * side margins, where lines break) for the render and for its still preview. Line breaks
 * come from the bundled bold font's own advance widths (read from the TTF's cmap and hmtx
 * tables), so "Premiers emplois en boulangerie — ERIC de Béthune" wraps instead of being
 * cut at both edges. Without the font's metrics, a conservative width per character is used.
 */
import fs from 'node:fs';
import path from 'node:path';
import { resourcesDir } from '../platform/resourcesDir';

/** Share of the frame width kept empty on each side. */
export const TITLE_SIDE_MARGIN = 0.08;
/** Never more lines than this: the font shrinks first. */
const MAX_LINES = 4;
/** Widest a glyph may be when its metrics are unknown (em). */
const FALLBACK_EM = 0.78;
/** Kerning and rounding in drawtext: measured lines are kept a little narrower than the room. */
const SAFETY = 0.96;

const even = (value: number) => Math.max(2, Math.round(value / 2) * 2);

export function titleFontSize(frameHeight: number): number {
  return even(frameHeight * 0.07);
}

export interface FontMetrics {
  /** Advance width of a character, in em (1 = the font size). */
  advance(char: string): number;
}

/** Reads the advance widths of a TrueType font (format 4 cmap, hmtx). */
export function readFontMetrics(file: string): FontMetrics | null {
  try {
    const buf = fs.readFileSync(file);
    const tables = new Map<string, number>();
    const count = buf.readUInt16BE(4);
    for (let i = 0; i < count; i++) {
      const at = 12 + i * 16;
      tables.set(buf.toString('latin1', at, at + 4), buf.readUInt32BE(at + 8));
    }
    const head = tables.get('head');
    const hhea = tables.get('hhea');
    const hmtx = tables.get('hmtx');
    const cmap = tables.get('cmap');
    if (head === undefined || hhea === undefined || hmtx === undefined || cmap === undefined) return null;
    const unitsPerEm = buf.readUInt16BE(head + 18);
    const metricsCount = buf.readUInt16BE(hhea + 34);
    let sub = -1;
    for (let i = 0; i < buf.readUInt16BE(cmap + 2); i++) {
      const rec = cmap + 4 + i * 8;
      const platform = buf.readUInt16BE(rec);
      const encoding = buf.readUInt16BE(rec + 2);
      const offset = cmap + buf.readUInt32BE(rec + 4);
      if (platform === 3 && encoding === 1 && buf.readUInt16BE(offset) === 4) sub = offset;
    }
    if (sub < 0) return null;
    const segX2 = buf.readUInt16BE(sub + 6);
    const ends = sub + 14;
    const starts = ends + segX2 + 2;
    const deltas = starts + segX2;
    const rangeOffsets = deltas + segX2;
    const glyphOf = (code: number): number => {
      for (let s = 0; s < segX2 / 2; s++) {
        if (code > buf.readUInt16BE(ends + s * 2)) continue;
        const start = buf.readUInt16BE(starts + s * 2);
        if (code < start) return 0;
        const delta = buf.readInt16BE(deltas + s * 2);
        const rangeAt = rangeOffsets + s * 2;
        const range = buf.readUInt16BE(rangeAt);
        if (range === 0) return (code + delta) & 0xffff;
        const glyph = buf.readUInt16BE(rangeAt + range + (code - start) * 2);
        return glyph === 0 ? 0 : (glyph + delta) & 0xffff;
      }
      return 0;
    };
    const cache = new Map<string, number>();
    return {
      advance(char: string) {
        let width = cache.get(char);
        if (width === undefined) {
          const code = char.codePointAt(0) ?? 0;
          const glyph = code > 0xffff ? 0 : glyphOf(code);
          width = glyph === 0 && char !== ' ' ? FALLBACK_EM : buf.readUInt16BE(hmtx + Math.min(glyph, metricsCount - 1) * 4) / unitsPerEm;
          cache.set(char, width);
        }
        return width;
      },
    };
  } catch {
    return null;
  }
}

let bundled: FontMetrics | null | undefined;
/** The bold font titles are drawn with (resources/fonts/DejaVuSans-Bold.ttf). */
export function titleFontMetrics(): FontMetrics {
  if (bundled === undefined) bundled = readFontMetrics(path.join(resourcesDir(), 'fonts', 'DejaVuSans-Bold.ttf'));
  return bundled ?? { advance: () => FALLBACK_EM };
}

export function measureLine(text: string, fontSize: number, metrics: FontMetrics = titleFontMetrics()): number {
  let width = 0;
  for (const char of text) width += metrics.advance(char);
  return width * fontSize;
}

/** Breaks a text into lines no wider than `room` pixels; a word too long for a line is cut. */
export function wrapLines(text: string, room: number, fontSize: number, metrics: FontMetrics = titleFontMetrics()): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split(/\r?\n/)) {
    let line = '';
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      const candidate = line ? `${line} ${word}` : word;
      if (measureLine(candidate, fontSize, metrics) <= room) {
        line = candidate;
        continue;
      }
      if (line) lines.push(line);
      line = '';
      let rest = word;
      while (measureLine(rest, fontSize, metrics) > room) {
        let cut = 1;
        while (cut < rest.length && measureLine(rest.slice(0, cut + 1), fontSize, metrics) <= room) cut++;
        lines.push(rest.slice(0, cut));
        rest = rest.slice(cut);
      }
      line = rest;
    }
    if (line || lines.length === 0) lines.push(line);
  }
  return lines;
}

export interface TitleLayout {
  fontSize: number;
  lines: string[];
  /** The text drawtext reads: the lines joined by line breaks. */
  text: string;
}

/** How a title is laid out in a frame: wrapped to the room between the margins, shrunk if it needs more than 4 lines. */
export function layoutTitle(text: string, width: number, height: number, metrics: FontMetrics = titleFontMetrics()): TitleLayout {
  const room = width * (1 - 2 * TITLE_SIDE_MARGIN) * SAFETY;
  let fontSize = titleFontSize(height);
  let lines = wrapLines(text.trim(), room, fontSize, metrics);
  while (lines.length > MAX_LINES && fontSize > 16) {
    fontSize = even(fontSize * 0.85);
    lines = wrapLines(text.trim(), room, fontSize, metrics);
  }
  return { fontSize, lines, text: lines.join('\n') };
}

/** The text file of line `line` of title card `index` (read by drawtext with expansion off). */
export const titleLineFile = (index: number, line: number) => (line === 0 ? `title-${index}.txt` : `title-${index}-${line}.txt`);

/**
 * The drawtext filters of a laid-out title: one per line, each centred, the block in the
 * middle of the frame. `fontFile` is the bold font's name in the work folder.
 */
export function titleDrawtexts(layout: TitleLayout, index: number, height: number, fontFile: string): string {
  const lineHeight = Math.round(layout.fontSize * 1.3);
  const top = Math.round((height - layout.lines.length * lineHeight) / 2);
  return layout.lines
    .map(
      (_, k) =>
        `drawtext=fontfile=${fontFile}:textfile=${titleLineFile(index, k)}:expansion=none:fontcolor=white:fontsize=${layout.fontSize}:x=(w-text_w)/2:y=${top + k * lineHeight}`,
    )
    .join(',');
}

/** The files `titleDrawtexts` reads. */
export function titleWorkFiles(layout: TitleLayout, index: number): Array<{ name: string; content: string }> {
  return layout.lines.map((line, k) => ({ name: titleLineFile(index, k), content: line }));
}
