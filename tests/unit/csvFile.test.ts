import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { csvDocument } from '../../src-main/platform/csvFile';

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
    const rows = parse(doc, { bom: true, columns: true }) as Array<{ texte: string; nombre: string }>;
    expect(rows.map((row) => row.texte)).toEqual([
      `'=HYPERLINK("http://x";"clic")`,
      "'+33 6 12",
      "'-moins",
      "'@SUM(A1)",
      "'\tonglet",
      "'\rretour",
      'Bonne posture',
    ]);
    expect(rows.map((row) => row.nombre)).toEqual(['-3', '1.5', '0', '2', '3', '4', '5']);
  });
});
