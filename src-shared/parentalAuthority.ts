/**
 * Who must agree and sign for a consent given on a day (Code civil art. 9 and 372-1 as
 * amended by loi n° 2024-120): the one home of this rule, read by the consent gate, by
 * `consent.set` and by the screens that refuse to save an incomplete consent. A person
 * under 18 that day (and not emancipated by then) needs their own agreement and a holder
 * of parental authority for every scope; beyond the workshop, both holders, or a sole
 * holder with the reason recorded, or a legal guardian.
 */
import { isMinorOn, lastDayAsMinor } from './age';
import type { ConsentScope, GuardianCapacity, SoleHolderReason } from './contract/vocabulary';

/** Someone who signed for a minor, and in what capacity. */
export interface Signatory {
  capacity: GuardianCapacity;
  /** Only for a sole holder: why they sign alone (null: not recorded). */
  soleHolderReason: SoleHolderReason | null;
}

/** What a minor's consent lacks: their own agreement, a holder, the second holder. */
export type MissingAuthorisation = 'minor-agreement' | 'holder' | 'second-holder';

const BEYOND_WORKSHOP: readonly ConsentScope[] = ['partners', 'elected', 'public'];

/** Does the law treat this person as an adult on that day (18, or emancipated by then)? */
export function actsAsAdultOn(person: { birthDate: string | null; emancipatedOn?: string | null }, day: string): boolean {
  if (!isMinorOn(person.birthDate, day)) return true;
  return Boolean(person.emancipatedOn && person.emancipatedOn <= day);
}

/**
 * The authorisations a consent given on `decidedOn` for `scope` lacks (empty: none). Used
 * by the gate, and by `consent.set` and the screens to refuse saving an incomplete consent.
 */
export function missingAuthorisations(
  person: { birthDate: string | null; emancipatedOn?: string | null },
  consent: { scope: ConsentScope; minorAgreed: boolean; signatories: readonly Signatory[] },
  decidedOn: string,
): MissingAuthorisation[] {
  if (actsAsAdultOn(person, decidedOn)) return [];
  const missing: MissingAuthorisation[] = [];
  if (!consent.minorAgreed) missing.push('minor-agreement');
  const capacities = new Set(consent.signatories.map((signatory) => signatory.capacity));
  if (capacities.size === 0) missing.push('holder');
  if (BEYOND_WORKSHOP.includes(consent.scope)) {
    const bothParents = capacities.has('parent-1') && capacities.has('parent-2');
    const soleWithReason = consent.signatories.some((s) => s.capacity === 'sole-holder' && s.soleHolderReason !== null);
    if (!bothParents && !soleWithReason && !capacities.has('legal-guardian')) missing.push('second-holder');
  }
  return missing;
}

/** The last day a minor's consent can be used: the eve of their 18th birthday (null for an adult at signing). */
export function majorityLimit(person: { birthDate: string | null; emancipatedOn?: string | null }, decidedOn: string): string | null {
  if (actsAsAdultOn(person, decidedOn)) return null;
  return lastDayAsMinor(person.birthDate!);
}

/**
 * The last day a granted consent can be used: the earlier of its written expiry and, for a
 * minor on the day it was given, the eve of the 18th birthday (`atMajority` says which).
 * Read by the consent gate, the register and the consent screen (which shows the earlier day).
 */
export function consentValidUntil(
  person: { birthDate: string | null; emancipatedOn?: string | null },
  consent: { decidedOn: string | null; expiresOn: string | null },
): { validUntil: string | null; atMajority: boolean } {
  const limit = consent.decidedOn ? majorityLimit(person, consent.decidedOn) : null;
  if (limit && (consent.expiresOn === null || limit < consent.expiresOn)) return { validUntil: limit, atMajority: true };
  return { validUntil: consent.expiresOn, atMajority: false };
}
