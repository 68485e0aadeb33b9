/**
 * The one answer to "may this person be shown to this audience on this date, and how?".
 * Pure: it takes the person's consent records and returns allowed, allowed with
 * conditions, or refused with the reasons. Every export, pack and screen asks it.
 *
 * Rules (French law; sources in the README's consent section):
 * - being shown needs consent to be filmed (`recording`) and to the audience's scope;
 * - only `granted` counts; pending, refused, withdrawn, or expired on that date refuse;
 *   a consent covers only uses on or after the day it was given;
 * - conditions (face blurred, first name only…) of both scopes apply together;
 * - capacity is judged on the day the consent was given (Code civil art. 9 and 372-1):
 *   a person under 18 that day (and not emancipated by then) needs, for every scope, their
 *   own agreement and a holder of parental authority's signature; beyond the workshop
 *   (partners, elected officials, public), both holders, or a sole holder with the reason
 *   recorded, or a legal guardian. A consent missing a signature never becomes valid later;
 * - a minor's consent ends at the earlier of its expiry and the eve of the 18th birthday.
 * The 15-year age of RGPD art. 8 concerns online services offered to children, not filming.
 */
import type { Audience, ConsentCondition, ConsentScope, ConsentStatus } from '../../src-shared/contract/vocabulary';
import {
  consentValidUntil,
  majorityLimit,
  missingAuthorisations,
  type MissingAuthorisation,
  type Signatory,
} from '../../src-shared/parentalAuthority';

export { actsAsAdultOn, missingAuthorisations, type MissingAuthorisation, type Signatory } from '../../src-shared/parentalAuthority';

export type { Audience, ConsentCondition, ConsentMethod, ConsentScope, ConsentStatus } from '../../src-shared/contract/vocabulary';

export interface ConsentRecord {
  scope: ConsentScope;
  status: ConsentStatus;
  conditions: ConsentCondition[];
  /** The day the decision was taken (YYYY-MM-DD); capacity is judged that day. */
  decidedOn: string | null;
  /** Last day the consent is valid (YYYY-MM-DD), or null for no expiry. */
  expiresOn: string | null;
  /** For minors: did the minor themself agree. */
  minorAgreed: boolean;
  /** For minors: who signed for them, with their capacity. */
  signatories: readonly Signatory[];
}

export interface PersonForPolicy {
  id: number;
  displayName: string;
  birthDate: string | null;
  /** The day of emancipation, when one was recorded with its proof. */
  emancipatedOn?: string | null;
}

export type RefusalReason =
  | { code: 'no-consent'; scope: ConsentScope }
  | { code: 'pending'; scope: ConsentScope }
  | { code: 'refused'; scope: ConsentScope }
  | { code: 'withdrawn'; scope: ConsentScope }
  | { code: 'expired'; scope: ConsentScope; expiredOn: string }
  | { code: 'ended-at-majority'; scope: ConsentScope; expiredOn: string }
  | { code: 'before-consent'; scope: ConsentScope; decidedOn: string }
  | { code: 'guardian-missing'; scope: ConsentScope }
  | { code: 'second-holder-missing'; scope: ConsentScope }
  | { code: 'minor-agreement-missing'; scope: ConsentScope };

export type PolicyDecision =
  | { decision: 'allowed' }
  | { decision: 'allowed-with'; conditions: ConsentCondition[] }
  | { decision: 'refused'; reasons: RefusalReason[] };

// the last day of a minor's consent lives with the rest of the minors' rule (src-shared/parentalAuthority)
export { consentValidUntil, majorityLimit };

const MISSING_TO_REASON: Record<MissingAuthorisation, 'minor-agreement-missing' | 'guardian-missing' | 'second-holder-missing'> = {
  'minor-agreement': 'minor-agreement-missing',
  holder: 'guardian-missing',
  'second-holder': 'second-holder-missing',
};

function checkScope(person: PersonForPolicy, consent: ConsentRecord | undefined, scope: ConsentScope, on: string): RefusalReason[] {
  if (!consent) return [{ code: 'no-consent', scope }];
  if (consent.status !== 'granted') return [{ code: consent.status, scope }];
  if (consent.decidedOn && on < consent.decidedOn) return [{ code: 'before-consent', scope, decidedOn: consent.decidedOn }];
  const capacityDay = consent.decidedOn ?? on;
  const missing = missingAuthorisations(person, consent, capacityDay);
  if (missing.length) return missing.map((item) => ({ code: MISSING_TO_REASON[item], scope }));
  if (consent.expiresOn && consent.expiresOn < on) return [{ code: 'expired', scope, expiredOn: consent.expiresOn }];
  const limit = majorityLimit(person, capacityDay);
  if (limit && limit < on) return [{ code: 'ended-at-majority', scope, expiredOn: limit }];
  return [];
}

/** May this person be filmed on this date (the `recording` scope alone)? */
export function canBeFilmed(person: PersonForPolicy, consents: readonly ConsentRecord[], on: string): PolicyDecision {
  const consent = consents.find((candidate) => candidate.scope === 'recording');
  const reasons = checkScope(person, consent, 'recording', on);
  if (reasons.length) return { decision: 'refused', reasons };
  return consent!.conditions.length ? { decision: 'allowed-with', conditions: [...consent!.conditions].sort() } : { decision: 'allowed' };
}

/** May this person be shown to this audience on this date (YYYY-MM-DD)? */
export function canShow(person: PersonForPolicy, consents: readonly ConsentRecord[], audience: Audience, on: string): PolicyDecision {
  const byScope = new Map(consents.map((consent) => [consent.scope, consent]));
  const reasons = [
    ...checkScope(person, byScope.get('recording'), 'recording', on),
    ...checkScope(person, byScope.get(audience), audience, on),
  ];
  if (reasons.length) return { decision: 'refused', reasons };
  const conditions = [...new Set([...(byScope.get('recording')?.conditions ?? []), ...(byScope.get(audience)?.conditions ?? [])])].sort();
  return conditions.length ? { decision: 'allowed-with', conditions } : { decision: 'allowed' };
}

export interface PersonDecision {
  personId: number;
  displayName: string;
  decision: PolicyDecision;
}

export type RecordingDecision =
  | { decision: 'allowed'; people: PersonDecision[] }
  | { decision: 'allowed-with'; people: PersonDecision[] }
  | { decision: 'refused'; people: PersonDecision[]; blockedBy: PersonDecision[]; nobodyLinked: boolean };

/**
 * A recording or clip may reach an audience only as far as every person in it may:
 * one refusal blocks it; otherwise each person's conditions apply to that person.
 * A recording nobody is linked to is refused: people may appear in it unrecorded.
 */
export function canShowRecording(
  people: ReadonlyArray<{ person: PersonForPolicy; consents: readonly ConsentRecord[] }>,
  audience: Audience,
  on: string,
): RecordingDecision {
  const decisions = people.map(({ person, consents }) => ({
    personId: person.id,
    displayName: person.displayName,
    decision: canShow(person, consents, audience, on),
  }));
  const blockedBy = decisions.filter((entry) => entry.decision.decision === 'refused');
  if (blockedBy.length || decisions.length === 0)
    return { decision: 'refused', people: decisions, blockedBy, nobodyLinked: decisions.length === 0 };
  if (decisions.some((entry) => entry.decision.decision === 'allowed-with')) return { decision: 'allowed-with', people: decisions };
  return { decision: 'allowed', people: decisions };
}
