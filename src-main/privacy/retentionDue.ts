/**
 * What a project keeps past its retention on a given day, and since when: pure, so the
 * boundaries (the day after 6 months, month ends, a consent withdrawn or ended at
 * majority) are tested without a library. The periods come from src-shared/retention.ts;
 * whether a person's consent to be filmed has ended is the consent policy's answer
 * (`canBeFilmed`), never re-derived here.
 *
 * - a video falls due `months` after the day it was recorded, or — "as long as the
 *   consent" — on the day the consent to be filmed of one of the people in it ended
 *   (withdrawn or refused: that day; expired or ended at majority: the day after its last
 *   day). It takes its comments, feedback sheets and renders with it;
 * - a comment falls due `months` after it was written (a thread goes with its first
 *   comment; comments deleted from the lists still hold their text and count too), or with
 *   its video's consent; a feedback sheet likewise from the day it was made.
 */
import { addDays, localToday } from '../../src-shared/age';
import { dueAfterMonths, type RetentionCategory, type RetentionMonths, type RetentionSettings } from '../../src-shared/retention';
import type { RecordingKind } from '../../src-shared/contract/schemas';
import { canBeFilmed, type ConsentRecord, type PersonForPolicy, type RefusalReason } from '../consent/consentPolicy';

export interface RetainedRecording {
  id: number;
  kind: RecordingKind;
  title: string;
  /** The day it was recorded (YYYY-MM-DD). */
  madeOn: string;
  people: ReadonlyArray<{ person: PersonForPolicy; records: readonly ConsentRecord[] }>;
  /** The proof of someone's filmed oral consent still granted: kept while that consent stands. */
  keptAsProof?: boolean;
}

export interface RetainedComment {
  id: number;
  recordingId: number;
  /** Seconds into the video where it was dropped. */
  atSeconds: number;
  madeOn: string;
  /** Replies in its thread (they go with it). */
  replies: number;
  /** Deleted from the lists: the text is still in the database until it falls due. */
  deleted: boolean;
}

export interface RetainedSheet {
  /** The sheet's id in the exports register. */
  id: number;
  recordingId: number | null;
  madeOn: string;
}

export type DueItemKind = 'recording' | 'comment' | 'feedback-sheet';

export interface DueItem {
  kind: DueItemKind;
  id: number;
  recordingId: number | null;
  /** The video's title (for a comment or a sheet: the title of its video). */
  title: string;
  category: RetentionCategory;
  months: RetentionMonths;
  madeOn: string;
  /** The first day it is past its retention. */
  dueSince: string;
  /** For a comment: where it sits in the video. */
  atSeconds: number | null;
  /** For a comment: removed from the lists already. */
  deleted: boolean;
  /** What goes with it: a video's comments (with replies) and feedback sheets, a comment's replies. */
  goesWith: { comments: number; feedbackSheets: number };
}

export interface RetentionInput {
  settings: RetentionSettings;
  recordings: readonly RetainedRecording[];
  comments: readonly RetainedComment[];
  sheets: readonly RetainedSheet[];
  /** The day asked about (YYYY-MM-DD); the app passes `localToday()`. */
  on: string;
}

/** The day a refusal of the consent to be filmed made the video due, or null when the consent never ended (pending, never given…). */
function endedOn(reason: RefusalReason, records: readonly ConsentRecord[], on: string): string | null {
  switch (reason.code) {
    case 'withdrawn':
    case 'refused':
      return records.find((record) => record.scope === 'recording')?.decidedOn ?? on;
    case 'expired':
    case 'ended-at-majority':
      return addDays(reason.expiredOn, 1);
    default:
      return null;
  }
}

/** The first day the consent to be filmed of someone in the video had ended on `on`, or null. */
export function consentEndedOn(recording: Pick<RetainedRecording, 'people'>, on: string): string | null {
  let earliest: string | null = null;
  for (const { person, records } of recording.people) {
    const decision = canBeFilmed(person, records, on);
    if (decision.decision !== 'refused') continue;
    for (const reason of decision.reasons) {
      const day = endedOn(reason, records, on);
      if (day !== null && day <= on && (earliest === null || day < earliest)) earliest = day;
    }
  }
  return earliest;
}

/** Thousands of comments share a few days: each (day, months) is worked out once. */
const dueDays = new Map<string, string>();

function dueSince(madeOn: string, months: RetentionMonths, consentEnded: string | null): string | null {
  if (months === null) return consentEnded;
  const key = `${madeOn}+${months}`;
  let day = dueDays.get(key);
  if (day === undefined) {
    if (dueDays.size > 50_000) dueDays.clear();
    dueDays.set(key, (day = dueAfterMonths(madeOn, months)));
  }
  return day;
}

export function recordingCategory(kind: RecordingKind): RetentionCategory {
  return kind === 'testimony' ? 'testimonies' : 'interview-videos';
}

/** Everything past its retention on `input.on`, videos first, then oldest due first. */
export function dueForRetention(input: RetentionInput): DueItem[] {
  const { settings, on } = input;
  const ended = new Map(input.recordings.map((recording) => [recording.id, consentEndedOn(recording, on)]));
  const titles = new Map(input.recordings.map((recording) => [recording.id, recording.title]));
  const items: DueItem[] = [];
  const goneRecordings = new Set<number>();
  // what goes with each video, counted once (not one scan of every comment per video)
  const commentsOf = new Map<number, number>();
  for (const comment of input.comments)
    commentsOf.set(comment.recordingId, (commentsOf.get(comment.recordingId) ?? 0) + 1 + comment.replies);
  const sheetsOf = new Map<number, number>();
  for (const sheet of input.sheets)
    if (sheet.recordingId !== null) sheetsOf.set(sheet.recordingId, (sheetsOf.get(sheet.recordingId) ?? 0) + 1);

  for (const recording of input.recordings) {
    const category = recordingCategory(recording.kind);
    const months = settings[category];
    const since = dueSince(recording.madeOn, months, ended.get(recording.id) ?? null);
    if (since === null || since > on || recording.keptAsProof) continue;
    goneRecordings.add(recording.id);
    items.push({
      kind: 'recording',
      id: recording.id,
      recordingId: recording.id,
      title: recording.title,
      category,
      months,
      madeOn: recording.madeOn,
      dueSince: since,
      atSeconds: null,
      deleted: false,
      goesWith: { comments: commentsOf.get(recording.id) ?? 0, feedbackSheets: sheetsOf.get(recording.id) ?? 0 },
    });
  }

  for (const comment of input.comments) {
    if (goneRecordings.has(comment.recordingId)) continue;
    const months = settings.comments;
    const since = dueSince(comment.madeOn, months, ended.get(comment.recordingId) ?? null);
    if (since === null || since > on) continue;
    items.push({
      kind: 'comment',
      id: comment.id,
      recordingId: comment.recordingId,
      title: titles.get(comment.recordingId) ?? '',
      category: 'comments',
      months,
      madeOn: comment.madeOn,
      dueSince: since,
      atSeconds: comment.atSeconds,
      deleted: comment.deleted,
      goesWith: { comments: comment.replies, feedbackSheets: 0 },
    });
  }

  for (const sheet of input.sheets) {
    if (sheet.recordingId !== null && goneRecordings.has(sheet.recordingId)) continue;
    const months = settings['feedback-sheets'];
    const since = dueSince(sheet.madeOn, months, sheet.recordingId === null ? null : (ended.get(sheet.recordingId) ?? null));
    if (since === null || since > on) continue;
    items.push({
      kind: 'feedback-sheet',
      id: sheet.id,
      recordingId: sheet.recordingId,
      title: sheet.recordingId === null ? '' : (titles.get(sheet.recordingId) ?? ''),
      category: 'feedback-sheets',
      months,
      madeOn: sheet.madeOn,
      dueSince: since,
      atSeconds: null,
      deleted: false,
      goesWith: { comments: 0, feedbackSheets: 0 },
    });
  }

  const order: Record<DueItemKind, number> = { recording: 0, comment: 1, 'feedback-sheet': 2 };
  return items.sort(
    (a, b) => order[a.kind] - order[b.kind] || (a.dueSince < b.dueSince ? -1 : a.dueSince > b.dueSince ? 1 : 0) || a.id - b.id,
  );
}

/** The local day of a stored timestamp (ISO, UTC): a comment written at 00:30 in Paris belongs to that day. */
export function localDayOf(timestamp: string): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(timestamp) ? timestamp : localToday(new Date(timestamp));
}
