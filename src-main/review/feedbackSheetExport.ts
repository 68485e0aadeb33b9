/**
 * The feedback sheet is an export for the workshop: it carries the candidate's name,
 * the names of the comments' authors and pictures from the video. Each passes the consent
 * gate for the workshop first — the candidate's refusal refuses the sheet, an author who
 * may not be named becomes "Un participant", and pictures appear only when everyone
 * filmed may be shown, a face to blur pixelated where its tracks vouch for the moment — and the sheet is recorded in the exports register with the
 * people in it, so it is flagged and rebuilt like any other export.
 */
import { AppError } from '../../src-shared/appError';
import type { ExportRecord } from '../../src-shared/contract/schemas/editing';
import { canShow, type ConsentCondition } from '../consent/consentPolicy';
import { shownName } from '../../src-shared/personName';
import type { ConsentService } from '../consent/consentService';
import { refusalSentence } from '../consent/recallReasons';
import type { ExportsStore, ShownPerson } from '../exports/exportsStore';
import type { Library } from '../library/library';
import type { FfmpegBinaries } from '../media/binaries';
import type { ApiEventBus } from '../platform/eventBus';
import { sheetMoments, writeFeedbackSheet } from './feedbackSheet';
import type { PlanFaceTracks } from '../faces/faceCoverage';
import { trackedBlurAt } from '../faces/faceStillFilter';
import { saneFrameRate } from '../media/frameRate';
import { gateComments } from './commentGate';
import type { ReviewService } from './reviewService';

export const UNNAMED_AUTHOR_FR = 'Un participant';

export interface FeedbackSheetDeps {
  library: Library;
  consent: ConsentService;
  review: ReviewService;
  exports: ExportsStore;
  events: ApiEventBus;
  ffmpeg: () => FfmpegBinaries | null;
  /** A recording's face tracks (null: not analysed); without it, a face to blur means no pictures. */
  faceTracks?: { forPlan(recordingId: number): PlanFaceTracks | null };
}

export async function makeFeedbackSheet(
  deps: FeedbackSheetDeps,
  recordingId: number,
): Promise<{ assetId: number; fileName: string; sizeBytes: number; exportId: number; export: ExportRecord }> {
  const { library, consent, review } = deps;
  const recording = library.recordings.get(recordingId, 'recordingId');
  const on = consent.localToday();
  const decide = (personId: number) => {
    const person = library.people.get(personId);
    return { person, decision: canShow(person, consent.store.records(personId), 'workshop', on) };
  };
  const conditionsOf = (decision: ReturnType<typeof canShow>): ConsentCondition[] =>
    decision.decision === 'allowed-with' ? decision.conditions : [];
  const shown = new Map<number, ShownPerson>();

  const rubric = review.rubric(recording.id);
  const candidateId = rubric.candidate?.personId ?? recording.people[0]?.personId ?? null;
  let candidateName: string | null = null;
  if (candidateId !== null) {
    const { person, decision } = decide(candidateId);
    if (decision.decision === 'refused') {
      throw new AppError(
        'consent-refused',
        `La fiche de retour porte le nom de ${person.displayName} : ${refusalSentence(person.displayName, decision.reasons[0]!)}.`,
        { hint: "Enregistrez son accord pour l'atelier (écran Consentements), puis refaites la fiche." },
      );
    }
    candidateName = shownName(person, conditionsOf(decision));
    shown.set(person.id, { personId: person.id, shownAs: candidateName, conditions: conditionsOf(decision) });
  }

  // every text passes the workshop's text gate (the candidate may be named on their own sheet)
  const gate = consent.textGateFor(recording.projectId, 'workshop', { selfPersonId: candidateId });
  const authorNames = new Map<number, string>();
  const comments = gateComments(review.comments.list(recording.id), gate, candidateId).map((comment) => {
    if (comment.authorPersonId === null) return comment;
    let name = authorNames.get(comment.authorPersonId);
    if (name === undefined) {
      const { person, decision } = decide(comment.authorPersonId);
      const printed = decision.decision === 'refused' ? null : shownName(person, conditionsOf(decision));
      name = printed ?? UNNAMED_AUTHOR_FR;
      authorNames.set(person.id, name);
      if (printed !== null && !shown.has(person.id))
        shown.set(person.id, { personId: person.id, shownAs: printed, conditions: conditionsOf(decision) });
    }
    return { ...comment, authorName: name };
  });

  // a picture shows whoever is on screen: every person filmed must be allowed
  const filmed = recording.people.map((linked) => ({ linked, ...decide(linked.personId) }));
  // a recording that showed an erased person gives no pictures unless they were confirmed absent (a cut-out one
  // could show them at a commented moment outside its kept parts)
  const allowed =
    recording.needsReview === null &&
    recording.reviewResolution !== 'cut-out' &&
    filmed.length > 0 &&
    filmed.every(({ decision }) => decision.decision !== 'refused');
  // a face to blur is pixelated by its tracks, at the moments they vouch for (the others have no picture);
  // where tracking cannot vouch at all (not analysed, not reviewed, no track), no pictures
  const blurred = filmed.filter(({ decision }) => conditionsOf(decision).includes('face-blurred')).map(({ person }) => person.id);
  const blurAt =
    allowed && blurred.length > 0 && recording.width && recording.height
      ? trackedBlurAt(
          deps.faceTracks?.forPlan(recording.id) ?? null,
          blurred,
          { width: recording.width, height: recording.height },
          saneFrameRate(recording.frameRate),
        )
      : undefined;
  const stills =
    allowed &&
    (blurred.length === 0 || (blurAt !== undefined && sheetMoments(comments).some((moment) => blurAt(moment.startSeconds) !== null)));
  if (stills) {
    for (const { person, decision } of filmed)
      if (!shown.has(person.id)) shown.set(person.id, { personId: person.id, shownAs: null, conditions: conditionsOf(decision) });
  }

  const made = await writeFeedbackSheet(
    library,
    {
      recording,
      comments,
      rubric,
      projectName: gate.text(library.projects.get(recording.projectId).name, 'Nom du projet') ?? '',
      masterPath: recording.masterAssetId ? library.mediaAssets.resolve(recording.masterAssetId).absolutePath : null,
      candidateName,
      stills,
      ...(blurAt ? { blurAt } : {}),
      sessionDate: recording.sessionId ? library.sessions.get(recording.sessionId).date : null,
    },
    deps.ffmpeg(),
  );
  const record = deps.exports.insert({
    projectId: recording.projectId,
    kind: 'feedback-sheet',
    audience: 'workshop',
    // the label names the download: the title passes the workshop's text gate like every other text
    label: `Fiche de retour — ${(recording.title && gate.text(recording.title, 'Titre de la vidéo')) || 'entretien'}`,
    assetId: made.assetId,
    outputPath: null,
    spec: { recordingId: recording.id, recordingIds: [recording.id] },
    summary: { sizeBytes: made.sizeBytes, stills },
    personIds: [...shown.keys()],
    shown: [...shown.values()],
  });
  deps.events.emit('data.changed', { entity: 'export', id: record.id, projectId: record.projectId, change: 'created' });
  return { ...made, exportId: record.id, export: record };
}
