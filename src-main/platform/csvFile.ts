/**
 * CSV as spreadsheet software reads it right: RFC 4180 quoting (also of `;`, the
 * separator French Excel expects), CRLF line ends, and a UTF-8 BOM so accents survive.
 * Text that a spreadsheet would run as a formula (starting with =, +, -, @, a tab or a
 * carriage return) gets a leading apostrophe, so a comment can never become a formula.
 */
export type CsvValue = string | number | boolean | null;

const FORMULA_START = /^[=+\-@\t\r]/;

/** A text cell that cannot be taken for a formula; numbers and booleans are left alone. */
export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

function csvField(value: CsvValue): string {
  const text = value === null ? '' : typeof value === 'string' ? neutraliseFormula(value) : String(value);
  return /[",\r\n;]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvDocument(rows: ReadonlyArray<readonly CsvValue[]>): string {
  return `\uFEFF${rows.map((row) => row.map(csvField).join(',')).join('\r\n')}\r\n`;
}
