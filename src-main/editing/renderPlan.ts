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
import { shownName, type Audience, type ConsentCondition } from '../consent/consentPolicy';
import { ROLE_LABELS_FR } from '../consent/frenchLabels';

/** How a name may be printed is a consent rule: its home is the policy. */
export { firstName, shownName } from '../consent/consentPolicy';
import { cuesInRange, type Cue } from '../media/subtitleFormats';
import { saneFrameRate } from '../media/frameRate';
import { frameRange, frameStart, wholeFrames } from '../../src-shared/frameGrid';

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
  /** The master's frame grid (in and out points are whole frames of it) and its length in frames, from its index. */
  frameRate?: number | null;
  frameCount?: number | null;
  needsReview: string | null;
  people: Array<{ personId: number; displayName: string; role: PersonRole; part: string }>;
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
      /** People of the recording a confirmed narrowing leaves out of this clip (default: none). */
      excludedPersonIds?: readonly number[];
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
  | { kind: 'title'; text: string; seconds: number; frames: number }
  | {
      kind: 'clip';
      recordingId: number;
      masterPath: string;
      /** People of the recording a confirmed narrowing left out of this segment. */
      excludedPersonIds?: readonly number[];
      /** The source recording's length, height, master size and streams. */
      source: { durationSeconds: number; width: number | null; height: number | null; masterBytes: number; hasVideo: boolean };
      hasAudio: boolean;
      /** On the master's frame grid. */
      inSeconds: number;
      outSeconds: number;
      /** Length in output frames (the same as out − in unless the master has another frame rate). */
      frames: number;
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
  /** Output frame rate: the first filmed clip's master's; every segment and offset is whole frames of it. */
  frameRate: number;
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
  const firstFilmed = items.find((item) => item.kind === 'clip' && item.recording.hasVideo);
  const frameRate = saneFrameRate(firstFilmed?.kind === 'clip' ? firstFilmed.recording.frameRate : null);
  let frames = 0; // output frames so far: offsets are whole frames, so nothing drifts over many clips

  for (const item of items) {
    if (item.kind === 'title') {
      const titleFrames = wholeFrames(item.seconds, frameRate);
      segments.push({ kind: 'title', text: item.text, seconds: titleFrames / frameRate, frames: titleFrames });
      frames += titleFrames;
      offset = frameStart(frames, frameRate);
      continue;
    }
    const { recording } = item;
    const excluded = new Set(item.excludedPersonIds ?? []);
    const inClip = recording.people.filter((person) => !excluded.has(person.personId));
    const checkedInClip = recording.check.people.filter((entry) => !excluded.has(entry.personId));
    if (
      (recording.check.nobodyLinked || inClip.length === 0) &&
      !recordingProblems.some((p) => p.recordingId === recording.id && p.problem === 'nobody-linked')
    ) {
      recordingProblems.push({ recordingId: recording.id, title: recording.title, problem: 'nobody-linked' });
    }
    if (recording.needsReview && !recordingProblems.some((p) => p.recordingId === recording.id)) {
      recordingProblems.push({ recordingId: recording.id, title: recording.title, problem: 'needs-review' });
    }
    const conditions = new Set<ConsentCondition>();
    for (const entry of checkedInClip) {
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
        shownAs: shownName(entry.displayName, personConditions),
        conditions: [...new Set([...(previous?.conditions ?? []), ...personConditions])].sort(),
      });
    }

    const speakerId = item.speakerPersonId ?? (inClip.length === 1 ? inClip[0]!.personId : null);
    const speaker = inClip.find((person) => person.personId === speakerId);
    const lowerThird: LowerThird | null =
      settings.lowerThirds && speaker
        ? {
            name: shownName(speaker.displayName, conditionsOf(recording.check, speaker.personId)),
            role: speaker.part.trim() || ROLE_LABELS_FR[speaker.role],
          }
        : null;

    const gridRate = recording.hasVideo ? saneFrameRate(recording.frameRate) : frameRate;
    const range = frameRange(item.inSeconds, item.outSeconds, gridRate, recording.hasVideo ? recording.frameCount : null);
    const clipFrames = gridRate === frameRate ? range.frames : wholeFrames(range.outSeconds - range.inSeconds, frameRate);
    segments.push({
      kind: 'clip',
      recordingId: recording.id,
      ...(excluded.size ? { excludedPersonIds: [...excluded] } : {}),
      masterPath: recording.masterPath,
      source: {
        durationSeconds: recording.durationSeconds,
        width: recording.width,
        height: recording.height,
        masterBytes: recording.masterBytes,
        hasVideo: recording.hasVideo,
      },
      hasAudio: recording.hasAudio,
      inSeconds: range.inSeconds,
      outSeconds: range.outSeconds,
      frames: clipFrames,
      pixelate: conditions.has('face-blurred') ? (item.blurBox ?? 'frame') : null,
      alterVoice: conditions.has('voice-altered'),
      lowerThird,
    });
    cues.push(...cuesInRange(recording.cues, range.inSeconds, range.outSeconds, offset));
    frames += clipFrames;
    offset = frameStart(frames, frameRate);
  }

  const personIds = [
    ...new Set(
      items.flatMap((item) =>
        item.kind === 'clip'
          ? item.recording.people.filter((p) => !(item.excludedPersonIds ?? []).includes(p.personId)).map((p) => p.personId)
          : [],
      ),
    ),
  ];
  const blockerList = [...blockers.values()];
  return {
    settings,
    ...PRESET_SIZES[settings.preset],
    segments,
    frameRate,
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
