/**
 * The one answer to "may this person be shown to this audience on this date, and how?".
 * Pure: it takes the person's consent records and returns allowed, allowed with
 * conditions, or refused with the reasons. Every export, pack and screen asks it.
 *
 * Rules:
 * - being shown needs consent to be filmed (`recording`) and to the audience's scope;
 * - only `granted` counts; pending, refused, withdrawn, or expired on that date refuse;
 * - conditions (face blurred, first name only…) of both scopes apply together;
 * - minors (under 18 on that date) need a guardian's signature; under 15, the minor's
 *   own agreement too. From 15 to 17 the minor's own consent covers being filmed and the
 *   workshop (French data-protection age of 15), but showing them outside the workshop
 *   (partners, elected officials, public) still needs a guardian's signature.
 */
import type { Audience, ConsentCondition, ConsentScope, ConsentStatus } from '../../src-shared/contract/vocabulary';
import { ageOn } from '../../src-shared/age';

export type { Audience, ConsentCondition, ConsentMethod, ConsentScope, ConsentStatus } from '../../src-shared/contract/vocabulary';

export interface ConsentRecord {
  scope: ConsentScope;
  status: ConsentStatus;
  conditions: ConsentCondition[];
  /** Last day the consent is valid (YYYY-MM-DD), or null for no expiry. */
  expiresOn: string | null;
  /** For minors: did the minor themself agree. */
  minorAgreed: boolean;
  /** For minors: how many guardians signed. */
  guardianSignatures: number;
}

export interface PersonForPolicy {
  id: number;
  displayName: string;
  birthDate: string | null;
}

export type RefusalReason =
  | { code: 'no-consent'; scope: ConsentScope }
  | { code: 'pending'; scope: ConsentScope }
  | { code: 'refused'; scope: ConsentScope }
  | { code: 'withdrawn'; scope: ConsentScope }
  | { code: 'expired'; scope: ConsentScope; expiredOn: string }
  | { code: 'guardian-missing'; scope: ConsentScope }
  | { code: 'minor-agreement-missing'; scope: ConsentScope };

export type PolicyDecision =
  | { decision: 'allowed' }
  | { decision: 'allowed-with'; conditions: ConsentCondition[] }
  | { decision: 'refused'; reasons: RefusalReason[] };

function checkScope(person: PersonForPolicy, consent: ConsentRecord | undefined, scope: ConsentScope, on: string): RefusalReason[] {
  if (!consent) return [{ code: 'no-consent', scope }];
  if (consent.status !== 'granted') return [{ code: consent.status, scope }];
  if (consent.expiresOn && consent.expiresOn < on) return [{ code: 'expired', scope, expiredOn: consent.expiresOn }];
  if (person.birthDate) {
    const age = ageOn(person.birthDate, on);
    const reasons: RefusalReason[] = [];
    const beyondWorkshop = scope === 'partners' || scope === 'elected' || scope === 'public';
    if (age < 15) {
      if (!consent.minorAgreed) reasons.push({ code: 'minor-agreement-missing', scope });
      if (consent.guardianSignatures < 1) reasons.push({ code: 'guardian-missing', scope });
    } else if (age < 18 && beyondWorkshop && consent.guardianSignatures < 1) {
      reasons.push({ code: 'guardian-missing', scope });
    }
    return reasons;
  }
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
