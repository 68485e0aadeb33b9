/**
 * CSV as spreadsheet software reads it right: RFC 4180 quoting (also of `;`, the
 * separator French Excel expects), CRLF line ends, and a UTF-8 BOM so accents survive.
 */
export type CsvValue = string | number | boolean | null;

function csvField(value: CsvValue): string {
  const text = value === null ? '' : String(value);
  return /[",\r\n;]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvDocument(rows: ReadonlyArray<readonly CsvValue[]>): string {
  return `\uFEFF${rows.map((row) => row.map(csvField).join(',')).join('\r\n')}\r\n`;
}
