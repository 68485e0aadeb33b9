/**
 * A person's consent as edited on screen before the one save: one draft per scope, what
 * changed since the last save, and what is missing before saving (named per scope and
 * field, checked here so the person at the keyboard is told before anything is sent).
 */
import type { ConsentChange, ConsentView, Guardian, PersonConsent } from '../../../../src-shared/contract/schemas';
import { missingAuthorisations } from '../../../../src-shared/parentalAuthority';
import type { EvidenceDraft } from './OralConsentEvidence';

type Status = ConsentView['status'];
type Method = NonNullable<ConsentView['method']>;
type Condition = ConsentView['conditions'][number];
type Scope = ConsentView['scope'];

export interface ScopeDraft {
  status: Status;
  method: Method | '';
  conditions: Condition[];
  expiresOn: string;
  minorAgreed: boolean;
  guardianIds: number[];
  decidedOn: string;
  place: string;
  evidence: EvidenceDraft;
  /** False while a date field holds text that is not a day. */
  datesValid: boolean;
}

export type Drafts = Record<string, ScopeDraft>;

export function draftFromView(view: ConsentView, today: string): ScopeDraft {
  return {
    status: view.status,
    method: view.method ?? '',
    conditions: view.conditions,
    expiresOn: view.expiresOn ?? '',
    minorAgreed: view.minorAgreed,
    guardianIds: view.guardianIds,
    decidedOn: today,
    place: view.place,
    evidence: {
      recordingId: view.evidenceRecordingId ? String(view.evidenceRecordingId) : '',
      from: view.evidenceFromSeconds === null ? '' : String(view.evidenceFromSeconds),
      to: view.evidenceToSeconds === null ? '' : String(view.evidenceToSeconds),
    },
    datesValid: true,
  };
}

/** What the person at the keyboard changed (the decision day alone is not a change). */
export function isChanged(draft: ScopeDraft, view: ConsentView, today: string): boolean {
  const base = draftFromView(view, today);
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  return (
    draft.status !== base.status ||
    draft.method !== base.method ||
    !same([...draft.conditions].sort(), [...base.conditions].sort()) ||
    draft.expiresOn !== base.expiresOn ||
    draft.minorAgreed !== base.minorAgreed ||
    !same([...draft.guardianIds].sort(), [...base.guardianIds].sort()) ||
    draft.place !== base.place ||
    (draft.method === 'filmed-oral-consent' && !same(draft.evidence, base.evidence)) ||
    (!view.recorded && draft.status !== 'pending') ||
    (draft.decidedOn !== today && draft.decidedOn !== (view.decidedOn ?? ''))
  );
}

export function toChange(scope: Scope, draft: ScopeDraft, view: ConsentView, today: string): ConsentChange {
  return {
    scope,
    status: draft.status,
    method: draft.method || null,
    conditions: draft.conditions,
    // an emptied date lets the project's default duration apply again
    ...(draft.expiresOn && draft.expiresOn !== view.expiresOn ? { expiresOn: draft.expiresOn } : {}),
    minorAgreed: draft.minorAgreed,
    guardianIds: draft.guardianIds,
    decidedOn: draft.decidedOn || today,
    place: draft.place,
    ...(draft.method === 'filmed-oral-consent'
      ? {
          evidenceRecordingId: draft.evidence.recordingId ? Number(draft.evidence.recordingId) : null,
          evidenceFromSeconds: draft.evidence.from === '' ? null : Number(draft.evidence.from),
          evidenceToSeconds: draft.evidence.to === '' ? null : Number(draft.evidence.to),
        }
      : {}),
  };
}

export type DraftProblem = { scope: Scope; field: 'method' | 'evidenceRecordingId' | 'dates' | 'authorisations' };

/** What a changed scope lacks before it can be saved, in the order of the fields on screen. */
export function draftProblems(
  consent: PersonConsent,
  scope: Scope,
  draft: ScopeDraft,
  guardians: Guardian[],
  today: string,
): DraftProblem[] {
  const problems: DraftProblem[] = [];
  if (!draft.datesValid) problems.push({ scope, field: 'dates' });
  if (draft.status === 'granted' && !draft.method) problems.push({ scope, field: 'method' });
  if (draft.status === 'granted' && draft.method === 'filmed-oral-consent' && !draft.evidence.recordingId)
    problems.push({ scope, field: 'evidenceRecordingId' });
  if (draft.status === 'granted') {
    const person = { birthDate: consent.person.birthDate, emancipatedOn: consent.emancipation?.emancipatedOn ?? null };
    const signatories = guardians.filter((guardian) => draft.guardianIds.includes(guardian.id));
    if (missingAuthorisations(person, { scope, minorAgreed: draft.minorAgreed, signatories }, draft.decidedOn || today).length)
      problems.push({ scope, field: 'authorisations' });
  }
  return problems;
}
