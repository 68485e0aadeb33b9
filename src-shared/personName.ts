/**
 * A person's name as two fields (given name, family name) and the one rule for how it may
 * be shown under consent conditions. "First name only" must never show a family name,
 * whatever order it was typed in: so names are stored split, an old single "display name"
 * is split on its first space, and splits that may be wrong are flagged for a human to
 * check. While a name is flagged, "first name only" shows no name at all (the stricter
 * reading: the first word might be the family name).
 */
import type { CONSENT_CONDITIONS } from './contract/vocabulary';

type Condition = (typeof CONSENT_CONDITIONS)[number];

export interface PersonName {
  givenName: string;
  familyName: string;
  /** The split of an old single name may be wrong: a human should check it. */
  nameNeedsReview: boolean;
}

/** Words that start a French, Dutch, German, Spanish, Portuguese or Italian family name. */
export const NAME_PARTICLES = [
  'de',
  'du',
  'des',
  "d'",
  'd’',
  'le',
  'la',
  'les',
  'van',
  'von',
  'der',
  'den',
  'di',
  'da',
  'del',
  'della',
  'dos',
  'das',
] as const;

function isParticle(word: string): boolean {
  const lower = word.toLowerCase();
  return (NAME_PARTICLES as readonly string[]).includes(lower) || /^d['’]/i.test(word);
}

/** A word typed in capitals (at least two letters), as French forms write family names. */
function isAllCaps(word: string): boolean {
  const letters = word.replace(/[^\p{L}]/gu, '');
  return letters.length >= 2 && letters === letters.toUpperCase() && letters !== letters.toLowerCase();
}

/**
 * Splits a single typed name: the first word is the given name, the rest the family name.
 * Flags it when that may be wrong: more than two words, a particle ("de", "van"…), or a
 * first word in capitals before one that is not ("BENALI Samira": family name first).
 */
export function splitDisplayName(typed: string): PersonName {
  const words = typed.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return { givenName: '', familyName: '', nameNeedsReview: true };
  const [given, ...rest] = words as [string, ...string[]];
  const nameNeedsReview = words.length > 2 || words.some(isParticle) || (rest.length > 0 && isAllCaps(given) && !rest.every(isAllCaps));
  return { givenName: given, familyName: rest.join(' '), nameNeedsReview };
}

/** Given name first, as lower thirds and lists show it. */
export function fullName(name: Pick<PersonName, 'givenName' | 'familyName'>): string {
  return [name.givenName.trim(), name.familyName.trim()].filter(Boolean).join(' ');
}

/** The name parts of a person-like value: its two fields, or its single name split. */
export function nameParts(person: string | (Partial<PersonName> & { displayName?: string })): PersonName {
  if (typeof person === 'string') return splitDisplayName(person);
  if (person.givenName !== undefined) {
    return { givenName: person.givenName, familyName: person.familyName ?? '', nameNeedsReview: person.nameNeedsReview ?? false };
  }
  return splitDisplayName(person.displayName ?? '');
}

/**
 * THE rule for how a person's name may be printed under their conditions (null: not at
 * all). Every output (lower thirds, pack page, PDF, CSV, text gate) asks it.
 */
export function shownName(
  person: string | (Partial<PersonName> & { displayName?: string }),
  conditions: readonly Condition[] | readonly string[],
): string | null {
  const name = nameParts(person);
  if (conditions.includes('no-name')) return null;
  if (conditions.includes('first-name-only')) {
    if (name.nameNeedsReview) return null;
    return name.givenName.trim() || null;
  }
  return fullName(name) || null;
}
