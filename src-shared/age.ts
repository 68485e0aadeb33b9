/**
 * The one home of "how old is this person on that day" and "who is a minor": the consent
 * policy, the screens and the exports all ask here, so they can never disagree.
 * Dates are calendar days as YYYY-MM-DD (no time zone enters the comparison).
 */

/** Whole years between a birth date and a day, both YYYY-MM-DD. */
export function ageOn(birthDate: string, on: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [y, m, d] = on.split('-').map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

/** Under 18 on that day; a person without a birth date is not known to be a minor. */
export function isMinorOn(birthDate: string | null, on: string): boolean {
  return birthDate !== null && ageOn(birthDate, on) < 18;
}

/** Today as YYYY-MM-DD in the machine's own time zone (the ERIC sites are in Europe/Paris). */
export function localToday(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** The day a person turns 18 (someone born on 29 February turns 18 on 1 March in a common year). */
export function eighteenthBirthday(birthDate: string): string {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const day = new Date(Date.UTC(by + 18, bm - 1, bd)); // 29 Feb in a common year rolls over to 1 March
  return day.toISOString().slice(0, 10);
}

/** The eve of the 18th birthday: the last day a minor's consent can be valid. */
export function lastDayAsMinor(birthDate: string): string {
  const birthday = new Date(`${eighteenthBirthday(birthDate)}T00:00:00Z`);
  return new Date(birthday.getTime() - 86_400_000).toISOString().slice(0, 10);
}

/**
 * The same day `months` later (a consent's default end, a retention's end); when that month
 * is shorter, its last day: 31 August + 6 months is 28 (or 29) February.
 */
export function addMonths(isoDate: string, months: number): string {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, lastDay));
  return target.toISOString().slice(0, 10);
}

/** The calendar day `days` after (or before, negative) a day. */
export function addDays(isoDate: string, days: number): string {
  return new Date(Date.parse(`${isoDate}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}
