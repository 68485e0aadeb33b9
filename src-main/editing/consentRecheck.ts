/**
 * The consent decision taken again when an export is recorded, inside the transaction
 * that writes the export row: a withdrawal, an erasure, a new condition or a new person
 * linked, or a face track given to someone else, while ffmpeg was running must not let the file out. Either the change committed
 * first (it is seen here and the export is refused), or after (the export row exists and
 * the change flags it for recall). `consentChanges` is the pure comparison of the plan
 * with today's decisions; `assertConsentStillHolds` asks the consent service.
 */
import { AppError } from '../../src-shared/appError';
import type { RecordingCheck } from '../../src-shared/contract/schemas';
import type { ConsentService } from '../consent/consentService';
import { CONDITION_LABELS_FR, describeRefusalFr } from '../consent/frenchLabels';
import type { ConsentCondition } from '../consent/consentPolicy';
import type { Library } from '../library/library';
import type { RenderPlan } from './renderPlan';
import { faceAssignmentsSignature, type PlanFaceTracks } from '../faces/faceCoverage';

/** What today's decision says about one recording of the plan (null: the recording is gone). */
export interface FreshRecording {
  recordingId: number;
  check: RecordingCheck | null;
  needsReview: string | null;
  /** Whose each face is today (faceAssignmentsSignature); undefined when not asked. */
  faceAssignments?: string | null;
}

/** The changes that make an already rendered plan no longer allowed, in French (empty: it still holds). */
export function consentChanges(plan: RenderPlan, fresh: readonly FreshRecording[]): string[] {
  const planned = new Map(plan.check.people.map((person) => [person.personId, person]));
  // people a confirmed narrowing left out of every segment of a recording are not in the export
  const leftOut = (recordingId: number, personId: number) => {
    const segments = plan.segments.filter((segment) => segment.kind === 'clip' && segment.recordingId === recordingId);
    return (
      segments.length > 0 && segments.every((segment) => segment.kind === 'clip' && (segment.excludedPersonIds ?? []).includes(personId))
    );
  };
  const problems: string[] = [];
  for (const { recordingId, check, needsReview, faceAssignments } of fresh) {
    if (!check) {
      problems.push(`la vidéo n° ${recordingId} a été supprimée`);
      continue;
    }
    if (needsReview) problems.push(`la vidéo n° ${recordingId} est à revoir après un effacement`);
    const plannedFaces = plan.faceAssignments?.find((entry) => entry.recordingId === recordingId)?.signature;
    if (plannedFaces !== undefined && faceAssignments !== undefined && faceAssignments !== plannedFaces)
      problems.push(`les visages de la vidéo n° ${recordingId} ont été attribués autrement ou analysés de nouveau pendant l’export`);
    if (check.nobodyLinked) problems.push(`plus personne n’est lié à la vidéo n° ${recordingId}`);
    for (const person of check.people) {
      if (leftOut(recordingId, person.personId)) continue;
      const before = planned.get(person.personId);
      if (person.result.decision === 'refused') {
        problems.push(`${person.displayName} : ${person.result.reasons.map(describeRefusalFr).join(', ')}`);
      } else if (!before) {
        problems.push(`${person.displayName} apparaît maintenant dans la vidéo n° ${recordingId} (lien ajouté pendant l’export)`);
      } else {
        const added = (person.result.conditions as ConsentCondition[]).filter((condition) => !before.conditions.includes(condition));
        if (added.length)
          problems.push(`${person.displayName} demande maintenant : ${added.map((c) => CONDITION_LABELS_FR[c]).join(', ')}`);
      }
    }
  }
  return problems;
}

/** Today's tracks of a recording, as the plan reads them. */
export type FaceTracksNow = (recordingId: number) => PlanFaceTracks | null;

/** The recordings a plan shows, each with today's decision for its audience (and whose each face is, when asked). */
export function freshDecisions(
  plan: RenderPlan,
  consent: ConsentService,
  library: Library,
  on: string,
  faceTracks?: FaceTracksNow,
): FreshRecording[] {
  const ids = [...new Set(plan.segments.flatMap((segment) => (segment.kind === 'clip' ? [segment.recordingId] : [])))];
  return ids.map((recordingId) => {
    const row = library.db.prepare('SELECT needs_review FROM recordings WHERE id = ?').get(recordingId) as
      { needs_review: string | null } | undefined;
    if (!row) return { recordingId, check: null, needsReview: null };
    return {
      recordingId,
      check: consent.check(recordingId, plan.settings.audience, on),
      needsReview: row.needs_review,
      ...(faceTracks ? { faceAssignments: faceAssignmentsSignature(faceTracks(recordingId)) } : {}),
    };
  });
}

/** Call inside the transaction that records the export; throws `consent-refused` naming who changed what. */
export function assertConsentStillHolds(
  plans: readonly RenderPlan[],
  consent: ConsentService,
  library: Library,
  on: string,
  faceTracks?: FaceTracksNow,
): void {
  const problems = [...new Set(plans.flatMap((plan) => consentChanges(plan, freshDecisions(plan, consent, library, on, faceTracks))))];
  if (!problems.length) return;
  throw new AppError(
    'consent-refused',
    `Le consentement a changé pendant l’export : le fichier a été supprimé et rien n’a été enregistré.\n- ${problems.join('\n- ')}`,
    { hint: 'Vérifiez le tableau des consentements, puis relancez l’export sans ces personnes ou ces vidéos.' },
  );
}
