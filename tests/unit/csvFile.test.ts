import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { csvDelimiter, csvDocument, csvLocaleOf } from '../../src-main/platform/csvFile';

describe('CSV for spreadsheets', () => {
  it('neutralises text that a spreadsheet would run as a formula, and leaves numbers alone', () => {
    const doc = csvDocument([
      ['texte', 'nombre'],
      ['=HYPERLINK("http://x";"clic")', -3],
      ['+33 6 12', 1.5],
      ['-moins', 0],
      ['@SUM(A1)', 2],
      ['\tonglet', 3],
      ['\rretour', 4],
      ['Bonne posture', 5],
    ]);
    const rows = parse(doc, { bom: true, columns: true, delimiter: ';' }) as Array<{ texte: string; nombre: string }>;
    expect(rows.map((row) => row.texte)).toEqual([
      `'=HYPERLINK("http://x";"clic")`,
      "'+33 6 12",
      "'-moins",
      "'@SUM(A1)",
      "'\tonglet",
      "'\rretour",
      'Bonne posture',
    ]);
    expect(rows.map((row) => row.nombre)).toEqual(['-3', '1,5', '0', '2', '3', '4', '5']);
  });

  it('French (the default): `;` between columns, a decimal comma, BOM and CRLF; a text with `;` or `,` stays one cell', () => {
    const doc = csvDocument([
      ['texte', 'note', 'moyenne'],
      ['Bien, très bien ; vraiment', 3, 2.75],
      ['=1+1', -0.5, 1000.25],
    ]);
    expect(doc.startsWith('\uFEFFtexte;note;moyenne\r\n')).toBe(true);
    expect(doc.endsWith('\r\n')).toBe(true);
    expect(doc.split('\r\n')[1]).toBe('"Bien, très bien ; vraiment";3;"2,75"');
    const rows = parse(doc, { bom: true, columns: true, delimiter: ';' }) as Array<Record<string, string>>;
    expect(rows).toEqual([
      { texte: 'Bien, très bien ; vraiment', note: '3', moyenne: '2,75' },
      { texte: "'=1+1", note: '-0,5', moyenne: '1000,25' },
    ]);
  });

  it('English keeps `,` and a decimal point; the locale follows the language setting, French by default', () => {
    const doc = csvDocument(
      [
        ['text', 'mean'],
        ['@cmd', 2.75],
      ],
      'en',
    );
    expect(doc.split('\r\n')[0]).toBe('\uFEFFtext,mean');
    expect(parse(doc, { bom: true, columns: true, delimiter: ',' })).toEqual([{ text: "'@cmd", mean: '2.75' }]);
    expect([csvLocaleOf(null), csvLocaleOf('fr'), csvLocaleOf('en'), csvLocaleOf('de')]).toEqual(['fr', 'fr', 'en', 'fr']);
    expect([csvDelimiter('fr'), csvDelimiter('en')]).toEqual([';', ',']);
  });
});
