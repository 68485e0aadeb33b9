/**
 * The consent gate and the edit decision list in one pure step: given the clips and
 * title cards of an export, each recording's people and their consent decision for the
 * audience, it says who blocks the export (and why), or what to render — every clip's
 * source range, the pixelation and voice change its people's consent demands, the
 * lower third (name as the consent allows), and the subtitle cues in output time.
 * Conditions are applied here, once, so no render path can forget them.
 */
import type { BlurBox, RenderCheck, RenderPreset } from '../../src-shared/contract/schemas/editing';
import type { PersonRole, RecordingCheck } from '../../src-shared/contract/schemas';
import type { Audience, ConsentCondition } from '../consent/consentPolicy';
import { ROLE_LABELS_FR } from './frenchLabels';
import { cuesInRange, type Cue } from '../media/subtitleFormats';
import { shownName, type PersonName } from '../../src-shared/personName';

export interface PlanRecording {
  id: number;
  title: string;
  masterPath: string;
  /** What mode choice and size estimates need, read once when the plan is made. */
  durationSeconds: number;
  width: number | null;
  height: number | null;
  masterBytes: number;
  hasVideo: boolean;
  hasAudio: boolean;
  needsReview: string | null;
  /** The name fields when known (else the display name is split: tests and old callers). */
  people: Array<{ personId: number; displayName: string; role: PersonRole; part: string } & Partial<PersonName>>;
  check: RecordingCheck;
  cues: Cue[];
}

export type PlanItem =
  | { kind: 'title'; text: string; seconds: number }
  | {
      kind: 'clip';
      recording: PlanRecording;
      inSeconds: number;
      outSeconds: number;
      speakerPersonId: number | null;
      blurBox: BlurBox | null;
    };

export interface PlanSettings {
  audience: Audience;
  preset: RenderPreset;
  fadeSeconds: number;
  normaliseAudio: boolean;
  lowerThirds: boolean;
  burnSubtitles: boolean;
}

export interface LowerThird {
  /** null when the person's consent says `no-name`. */
  name: string | null;
  role: string;
}

export type PlannedSegment =
  | { kind: 'title'; text: string; seconds: number }
  | {
      kind: 'clip';
      recordingId: number;
      masterPath: string;
      /** The source recording's length, height, master size and streams. */
      source: { durationSeconds: number; width: number | null; height: number | null; masterBytes: number; hasVideo: boolean };
      hasAudio: boolean;
      inSeconds: number;
      outSeconds: number;
      /** Pixelate the whole frame, a drawn box, or nothing. */
      pixelate: 'frame' | BlurBox | null;
      alterVoice: boolean;
      lowerThird: LowerThird | null;
    };

export interface RenderPlan {
  settings: PlanSettings;
  width: number;
  height: number;
  segments: PlannedSegment[];
  /** Subtitles in output time. */
  cues: Cue[];
  totalSeconds: number;
  check: Omit<RenderCheck, 'mode'>;
  /** Everyone who appears, for the export register (recall after a withdrawal). */
  personIds: number[];
}

export const PRESET_SIZES: Record<RenderPreset, { width: number; height: number }> = {
  '720p': { width: 1280, height: 720 },
  '1080p': { width: 1920, height: 1080 },
};

function conditionsOf(check: RecordingCheck, personId: number): ConsentCondition[] {
  return (check.people.find((entry) => entry.personId === personId)?.result.conditions ?? []) as ConsentCondition[];
}

export function buildRenderPlan(items: readonly PlanItem[], settings: PlanSettings): RenderPlan {
  const blockers = new Map<number, RenderCheck['blockers'][number]>();
  const recordingProblems: RenderCheck['recordingProblems'] = [];
  const shown = new Map<number, RenderCheck['people'][number]>();
  const segments: PlannedSegment[] = [];
  const cues: Cue[] = [];
  let offset = 0;

  for (const item of items) {
    if (item.kind === 'title') {
      segments.push({ kind: 'title', text: item.text, seconds: item.seconds });
      offset += item.seconds;
      continue;
    }
    const { recording } = item;
    if (recording.check.nobodyLinked && !recordingProblems.some((p) => p.recordingId === recording.id)) {
      recordingProblems.push({ recordingId: recording.id, title: recording.title, problem: 'nobody-linked' });
    }
    if (recording.needsReview && !recordingProblems.some((p) => p.recordingId === recording.id)) {
      recordingProblems.push({ recordingId: recording.id, title: recording.title, problem: 'needs-review' });
    }
    const conditions = new Set<ConsentCondition>();
    for (const entry of recording.check.people) {
      if (entry.result.decision === 'refused') {
        const blocker = blockers.get(entry.personId) ?? {
          personId: entry.personId,
          displayName: entry.displayName,
          reasons: entry.result.reasons,
          recordingIds: [],
        };
        if (!blocker.recordingIds.includes(recording.id)) blocker.recordingIds.push(recording.id);
        blockers.set(entry.personId, blocker);
        continue;
      }
      const personConditions = entry.result.conditions as ConsentCondition[];
      personConditions.forEach((condition) => conditions.add(condition));
      const previous = shown.get(entry.personId);
      shown.set(entry.personId, {
        personId: entry.personId,
        displayName: entry.displayName,
        shownAs: shownName(recording.people.find((person) => person.personId === entry.personId) ?? entry.displayName, personConditions),
        conditions: [...new Set([...(previous?.conditions ?? []), ...personConditions])].sort(),
      });
    }

    const speakerId = item.speakerPersonId ?? (recording.people.length === 1 ? recording.people[0]!.personId : null);
    const speaker = recording.people.find((person) => person.personId === speakerId);
    const lowerThird: LowerThird | null =
      settings.lowerThirds && speaker
        ? {
            name: shownName(speaker, conditionsOf(recording.check, speaker.personId)),
            role: speaker.part.trim() || ROLE_LABELS_FR[speaker.role],
          }
        : null;

    segments.push({
      kind: 'clip',
      recordingId: recording.id,
      masterPath: recording.masterPath,
      source: {
        durationSeconds: recording.durationSeconds,
        width: recording.width,
        height: recording.height,
        masterBytes: recording.masterBytes,
        hasVideo: recording.hasVideo,
      },
      hasAudio: recording.hasAudio,
      inSeconds: item.inSeconds,
      outSeconds: item.outSeconds,
      pixelate: conditions.has('face-blurred') ? (item.blurBox ?? 'frame') : null,
      alterVoice: conditions.has('voice-altered'),
      lowerThird,
    });
    cues.push(...cuesInRange(recording.cues, item.inSeconds, item.outSeconds, offset));
    offset += item.outSeconds - item.inSeconds;
  }

  const personIds = [...new Set(items.flatMap((item) => (item.kind === 'clip' ? item.recording.people.map((p) => p.personId) : [])))];
  const blockerList = [...blockers.values()];
  return {
    settings,
    ...PRESET_SIZES[settings.preset],
    segments,
    cues,
    totalSeconds: offset,
    personIds,
    check: {
      audience: settings.audience,
      allowed: blockerList.length === 0 && recordingProblems.length === 0 && segments.length > 0,
      durationSeconds: offset,
      segments: segments.length,
      blockers: blockerList,
      recordingProblems,
      people: [...shown.values()],
    },
  };
}
