/**
 * CSV as spreadsheet software reads it right: for the French locale the separator is `;`
 * and decimals use a comma (French Excel opens such a file in columns by double-click;
 * with `,` it puts each line in one cell), for English `,` and a decimal point. RFC 4180
 * quoting (of both separators), CRLF line ends, and a UTF-8 BOM so accents survive.
 * Text that a spreadsheet would run as a formula (starting with =, +, -, @, a tab or a
 * carriage return) gets a leading apostrophe, so a comment can never become a formula.
 */
export type CsvValue = string | number | boolean | null;

/** Whose spreadsheet opens the file: the app's language (French unless set to English). */
export type CsvLocale = 'fr' | 'en';

const FORMULA_START = /^[=+\-@\t\r]/;

/** The separator a spreadsheet of that locale expects. */
export function csvDelimiter(locale: CsvLocale): ';' | ',' {
  return locale === 'fr' ? ';' : ',';
}

/** The locale from the stored language setting: anything but English is French. */
export function csvLocaleOf(language: string | null | undefined): CsvLocale {
  return language === 'en' ? 'en' : 'fr';
}

/** A text cell that cannot be taken for a formula; numbers and booleans are left alone. */
export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

function numberCell(value: number, locale: CsvLocale): string {
  const text = String(value);
  return locale === 'fr' ? text.replace('.', ',') : text;
}

function csvField(value: CsvValue, locale: CsvLocale): string {
  const text =
    value === null
      ? ''
      : typeof value === 'string'
        ? neutraliseFormula(value)
        : typeof value === 'number'
          ? numberCell(value, locale)
          : String(value);
  return /[",\r\n;]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvDocument(rows: ReadonlyArray<readonly CsvValue[]>, locale: CsvLocale = 'fr'): string {
  const delimiter = csvDelimiter(locale);
  return `\uFEFF${rows.map((row) => row.map((value) => csvField(value, locale)).join(delimiter)).join('\r\n')}\r\n`;
}
