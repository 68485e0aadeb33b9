/**
 * The one French number formatter: every count a French reader sees (screens, pack page,
 * synthesis PDF, CLI summaries, error messages) groups its thousands the French way,
 * "2 000 commentaires", with a narrow no-break space (U+202F, what French typography and
 * Intl's fr-FR use), so a count never breaks across two lines and never reads "2000" or "2,000".
 */

/** The thousands separator: a narrow no-break space (U+202F). */
export const FRENCH_THOUSANDS_SEPARATOR = '\u202f';

/** 2000 → "2 000", 1234567 → "1 234 567", -2500 → "-2 500", 1234.5 → "1 234,5"; 999 and below unchanged. */
export function frenchNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  const sign = value < 0 ? '-' : '';
  const [whole, decimals] = String(Math.abs(value)).split('.') as [string, string | undefined];
  if (/e/i.test(whole)) return String(value);
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, FRENCH_THOUSANDS_SEPARATOR);
  return `${sign}${grouped}${decimals ? `,${decimals}` : ''}`;
}

/**
 * A count with its noun in French: "1 jeune", "2 jeunes", "0 vidéo" (French keeps 0 and 1
 * singular), "2 000 commentaires". The plural is the singular + "s" unless given ("2 travaux").
 */
export function frenchCount(count: number, singular: string, plural = `${singular}s`): string {
  return `${frenchNumber(count)} ${Math.abs(count) < 2 ? singular : plural}`;
}
