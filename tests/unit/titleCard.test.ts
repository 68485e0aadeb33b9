import { describe, expect, it } from 'vitest';
import { layoutTitle, measureLine, TITLE_SIDE_MARGIN, titleDrawtexts, titleFontMetrics, wrapLines } from '../../src-main/editing/titleCard';

describe('title cards fit their frame', () => {
  it('reads the bundled bold font’s widths: W is wider than i, and a space is narrower than M', () => {
    const metrics = titleFontMetrics();
    expect(metrics.advance('W')).toBeGreaterThan(metrics.advance('i') * 2);
    expect(metrics.advance(' ')).toBeLessThan(metrics.advance('M'));
    expect(metrics.advance('é')).toBeCloseTo(metrics.advance('e'), 2);
  });

  it('wraps the long Béthune title into lines that each fit between the margins, at 720p and 1080p', () => {
    const title = 'Premiers emplois en boulangerie — ERIC de Béthune';
    for (const [width, height] of [
      [1280, 720],
      [1920, 1080],
    ] as const) {
      const layout = layoutTitle(title, width, height);
      expect(layout.lines.length).toBeGreaterThan(1);
      expect(layout.lines.join(' ')).toBe(title);
      for (const line of layout.lines) expect(measureLine(line, layout.fontSize)).toBeLessThanOrEqual(width * (1 - 2 * TITLE_SIDE_MARGIN));
    }
  });

  it('keeps a short title on one line, cuts a word longer than a line, and shrinks past four lines', () => {
    expect(layoutTitle('Témoignages 2026', 1280, 720).lines).toEqual(['Témoignages 2026']);
    const word = 'Anticonstitutionnellement'.repeat(3);
    const lines = wrapLines(word, 400, 50);
    expect(lines.join('')).toBe(word);
    for (const line of lines) expect(measureLine(line, 50)).toBeLessThanOrEqual(400);
    const long = layoutTitle('Un titre beaucoup trop long '.repeat(8), 1280, 720);
    expect(long.lines.length).toBeLessThanOrEqual(4);
    expect(long.fontSize).toBeLessThan(50);
  });

  it('draws each line centred from its own text file, the block in the middle of the frame', () => {
    const layout = layoutTitle('Premiers emplois en boulangerie — ERIC de Béthune', 1280, 720);
    const filter = titleDrawtexts(layout, 3, 720, 'font-bold.ttf');
    expect(filter.split('drawtext=').length - 1).toBe(layout.lines.length);
    expect(filter).toContain('textfile=title-3.txt:expansion=none');
    expect(filter).toContain('textfile=title-3-1.txt:expansion=none');
    expect(filter).toContain('x=(w-text_w)/2');
  });
});
