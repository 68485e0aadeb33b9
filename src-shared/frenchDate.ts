/**
 * The one French date formatter (and reader): every screen, PDF, page and message that
 * shows a day in French goes through here, so "1er septembre 2026" and "03/11/2026" are
 * written the same way everywhere. Days are calendar dates (YYYY-MM-DD), never instants.
 */

export const FRENCH_MONTHS = [
  'janvier',
  'février',
  'mars',
  'avril',
  'mai',
  'juin',
  'juillet',
  'août',
  'septembre',
  'octobre',
  'novembre',
  'décembre',
] as const;

function parts(isoDate: string): [number, number, number] {
  const [year, month, day] = isoDate.slice(0, 10).split('-').map(Number) as [number, number, number];
  return [year, month, day];
}

/** "2026-11-03" → "3 novembre 2026"; the first day is "1er septembre 2026", as French writes it. */
export function frenchLongDate(isoDate: string): string {
  const [year, month, day] = parts(isoDate);
  return `${day === 1 ? '1er' : day} ${FRENCH_MONTHS[month - 1]} ${year}`;
}

/** "2026-11-03" → "03/11/2026" (JJ/MM/AAAA). */
export function frenchShortDate(isoDate: string): string {
  const [year, month, day] = parts(isoDate);
  return `${String(day).padStart(2, '0')}/${String(month).padStart(2, '0')}/${String(year).padStart(4, '0')}`;
}

/**
 * What someone typed as JJ/MM/AAAA (also J/M/AAAA, with "-", "." or spaces) → "YYYY-MM-DD",
 * or null when it is not a real day (31/02/2026, 3/11/26). A YYYY-MM-DD typed as such is kept.
 */
export function parseFrenchDate(typed: string): string | null {
  const text = typed.trim();
  let match = /^(\d{1,2})[/.\-\s](\d{1,2})[/.\-\s](\d{4})$/.exec(text);
  let day: number, month: number, year: number;
  if (match) {
    [day, month, year] = [Number(match[1]), Number(match[2]), Number(match[3])];
  } else {
    match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
    if (!match) return null;
    [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  }
  if (year < 1900 || month < 1 || month > 12 || day < 1) return null;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > daysInMonth) return null;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Counts live with numbers (src-shared/frenchNumber.ts); kept here for the places that import them with dates. */
export { frenchCount } from './frenchNumber';

/** "1er", "2e", "3e"… (the feminine first is "1re"). */
export function frenchOrdinal(n: number, feminine = false): string {
  if (n === 1) return feminine ? '1re' : '1er';
  return `${n}e`;
}
