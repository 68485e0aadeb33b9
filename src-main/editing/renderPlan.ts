/**
 * The consent gate and the edit decision list in one pure step: given the clips and
 * title cards of an export, each recording's people and their consent decision for the
 * audience, it says who blocks the export (and why), or what to render — every clip's
 * source range, the pixelation and voice change its people's consent demands, the
 * lower third (name as the consent allows), and the subtitle cues in output time.
 * Every text of the export (its name, title cards, roles, subtitles, quotes) passes the
 * text gate here too, so a name cannot reach an output by a side door.
 * Conditions are applied here, once, so no render path can forget them.
 */
import type { BlurBox, RenderCheck, RenderPreset } from '../../src-shared/contract/schemas/editing';
import type { PersonRole, RecordingCheck } from '../../src-shared/contract/schemas';
import type { Audience, ConsentCondition } from '../consent/consentPolicy';
import { ROLE_LABELS_FR } from '../consent/frenchLabels';

import { cuesInRange, type Cue } from '../media/subtitleFormats';
import { shownName, type PersonName } from '../../src-shared/personName';
import { formatTimecode } from '../../src-shared/time';
import { createTextGate, type TextGate } from '../consent/textGate';
import { faceRegionHolds, type FaceCheck } from './faceRegion';
import {
  faceAssignmentsSignature,
  faceBlurFrames,
  peopleSeenIn,
  tracksCanHide,
  type FaceRisk,
  type FrameBlur,
  type PlanFaceTracks,
} from '../faces/faceCoverage';
import { saneFrameRate } from '../media/frameRate';
import { frameRange, frameStart, wholeFrames } from '../../src-shared/frameGrid';
import { insideKeptRanges } from './keptRanges';

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
  /** After an erasure resolved by "cut out": the only ranges that may be exported (absent or empty: all of it). */
  keptRanges?: ReadonlyArray<{ fromSeconds: number; toSeconds: number }>;
  /** The name fields when known (else the display name is split: tests and old callers). */
  people: Array<{ personId: number; displayName: string; role: PersonRole; part: string } & Partial<PersonName>>;
  check: RecordingCheck;
  cues: PlanCue[];
  /** The recording's face tracks when it was analysed (null or absent: not analysed). */
  faces?: PlanFaceTracks | null;
}

/** A subtitle cue; a quote carries who wrote it and who it quotes (their consent counts too). */
export interface PlanCue extends Cue {
  quote?: { authorPersonId: number | null; quotedPersonId: number | null };
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
      /** The animator's confirmation that the region covers the face over the range (none: it does not count). */
      faceCheck?: FaceCheck | null;
      clipId?: number;
      /** The clip's name, to say which clip blocks (never printed in the export). */
      clipName?: string;
    };

export interface PlanSettings {
  audience: Audience;
  preset: RenderPreset;
  fadeSeconds: number;
  normaliseAudio: boolean;
  lowerThirds: boolean;
  burnSubtitles: boolean;
  /** "Voix remplacée": the voice of anyone whose consent asks for it is muted and their words burnt in as subtitles. */
  replaceVoices?: boolean;
  /** "Inconnus floutés": every analysed face not assigned to a person is pixelated too. */
  blurUnknownFaces?: boolean;
}

/** What the export is called (its file name, its label in a pack): a text like any other. */
export interface PlanLabel {
  kind: 'montage' | 'clip' | 'range';
  id: number;
  text: string;
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
      /** Tracked faces: per output frame of the segment, the boxes to pixelate (or the whole frame). */
      faceBlur?: FrameBlur[];
      alterVoice: boolean;
      /** The voice is replaced: the sound of this segment is silenced (its words are burnt in). */
      muteVoice: boolean;
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
  /** Everyone who appears or is named, for the export register (recall after a withdrawal). */
  personIds: number[];
  /** Stretches where tracked blur had to widen its box or pixelate the whole frame (seconds in the recording). */
  faceRisks?: Array<FaceRisk & { recordingId: number }>;
  /** Whose each face was, per analysed recording shown, when the plan was made (faceAssignmentsSignature). */
  faceAssignments?: Array<{ recordingId: number; signature: string }>;
  /** The export's name as it may go out (file names, labels); the original when nothing was named. */
  label: string;
}

/** A title card that named someone who may not be shown becomes this. */
export const NEUTRAL_TITLE = '…';
const WHERE_LABEL: Record<PlanLabel['kind'], string> = { montage: 'Nom du film', clip: 'Nom de l’extrait', range: 'Titre de la vidéo' };

export const PRESET_SIZES: Record<RenderPreset, { width: number; height: number }> = {
  '720p': { width: 1280, height: 720 },
  '1080p': { width: 1920, height: 1080 },
};

function conditionsOf(check: RecordingCheck, personId: number): ConsentCondition[] {
  return (check.people.find((entry) => entry.personId === personId)?.result.conditions ?? []) as ConsentCondition[];
}

const at = (seconds: number) => formatTimecode(seconds).slice(0, 8);

export interface PlanOptions {
  /** The export's text gate (the project's people and their decisions for the audience). */
  gate?: TextGate;
  label?: PlanLabel;
  /** A lower third asked for a clip with nobody to name refuses the export (the export panel), rather than being left out. */
  speakerRequired?: boolean;
}

/**
 * Who a confirmed narrowing leaves out of a clip — except anyone whose assigned face the
 * tracks show inside its range: the tracks prove they are on screen, so their consent counts.
 */
function excludedFrom(item: Extract<PlanItem, { kind: 'clip' }>): Set<number> {
  const seen = peopleSeenIn(item.recording.faces, item.inSeconds, item.outSeconds);
  return new Set((item.excludedPersonIds ?? []).filter((personId) => !seen.has(personId)));
}

export function buildRenderPlan(items: readonly PlanItem[], settings: PlanSettings, options: PlanOptions = {}): RenderPlan {
  const gate = options.gate ?? createTextGate([], new Map());
  const blockers = new Map<number, RenderCheck['blockers'][number]>();
  const recordingProblems: RenderCheck['recordingProblems'] = [];
  const shown = new Map<number, RenderCheck['people'][number]>();
  const wholeFrame = new Map<number, RenderCheck['wholeFramePixelated'][number]>();
  const voiceWithoutSubtitles: RenderCheck['voiceReplacedWithoutSubtitles'] = [];
  const faceRisks: Array<FaceRisk & { recordingId: number }> = [];
  const segments: PlannedSegment[] = [];
  const cues: Cue[] = [];
  let offset = 0;
  let titleNumber = 0;
  let clipNumber = 0;

  const label = options.label
    ? (gate.text(options.label.text, WHERE_LABEL[options.label.kind], { essential: options.label.kind === 'montage' }) ??
      (options.label.kind === 'clip' ? `Extrait ${options.label.id}` : 'Extrait'))
    : '';
  const firstFilmed = items.find((item) => item.kind === 'clip' && item.recording.hasVideo);
  const frameRate = saneFrameRate(firstFilmed?.kind === 'clip' ? firstFilmed.recording.frameRate : null);
  let frames = 0; // output frames so far: offsets are whole frames, so nothing drifts over many clips

  for (const item of items) {
    if (item.kind === 'title') {
      titleNumber++;
      const text = gate.text(item.text, `Carton titre n° ${titleNumber}`) ?? NEUTRAL_TITLE;
      const titleFrames = wholeFrames(item.seconds, frameRate);
      segments.push({ kind: 'title', text, seconds: titleFrames / frameRate, frames: titleFrames });
      frames += titleFrames;
      offset = frameStart(frames, frameRate);
      continue;
    }
    clipNumber++;
    const { recording } = item;
    const excluded = excludedFrom(item);
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
    // the erased person was cut out: only the kept parts may leave the library
    if (
      !insideKeptRanges(
        recording.keptRanges,
        item.inSeconds,
        item.outSeconds,
        recording.hasVideo ? { fps: saneFrameRate(recording.frameRate), total: recording.frameCount } : undefined,
      ) &&
      !recordingProblems.some((p) => p.recordingId === recording.id && p.problem === 'outside-kept-part')
    ) {
      recordingProblems.push({ recordingId: recording.id, title: recording.title, problem: 'outside-kept-part' });
    }
    const conditions = new Set<ConsentCondition>();
    const blurredPeople: number[] = [];
    for (const entry of checkedInClip) {
      if (entry.result.decision === 'refused') {
        const blocker = blockers.get(entry.personId) ?? {
          personId: entry.personId,
          displayName: entry.displayName,
          reasons: entry.result.reasons,
          recordingIds: [],
        };
        if (!blocker.recordingIds.includes(recording.id)) blocker.recordingIds.push(recording.id);
        if (item.clipName !== undefined && !(blocker.clipNames ??= []).includes(item.clipName)) blocker.clipNames.push(item.clipName);
        blockers.set(entry.personId, blocker);
        continue;
      }
      const personConditions = entry.result.conditions as ConsentCondition[];
      personConditions.forEach((condition) => conditions.add(condition));
      if (personConditions.includes('face-blurred')) blurredPeople.push(entry.personId);
      const previous = shown.get(entry.personId);
      shown.set(entry.personId, {
        personId: entry.personId,
        displayName: entry.displayName,
        shownAs: shownName(recording.people.find((person) => person.personId === entry.personId) ?? entry.displayName, personConditions),
        conditions: [...new Set([...(previous?.conditions ?? []), ...personConditions])].sort(),
      });
    }

    const speakerId = item.speakerPersonId ?? (inClip.length === 1 ? inClip[0]!.personId : null);
    const speaker = inClip.find((person) => person.personId === speakerId);
    // a lower third nobody can be named in is refused, never silently left out
    if (options.speakerRequired && settings.lowerThirds && !speaker && inClip.length > 0) {
      recordingProblems.push({
        recordingId: recording.id,
        title: recording.title,
        problem: 'no-speaker',
        clipName: item.clipName ?? `extrait n° ${clipNumber}`,
      });
    }
    const where = `extrait n° ${clipNumber}`;
    const lowerThird: LowerThird | null =
      settings.lowerThirds && speaker
        ? {
            name: shownName(speaker, conditionsOf(recording.check, speaker.personId)),
            role: (speaker.part.trim() && gate.text(speaker.part.trim(), `Rôle sous le nom (${where})`)) || ROLE_LABELS_FR[speaker.role],
          }
        : null;

    const gridRate = recording.hasVideo ? saneFrameRate(recording.frameRate) : frameRate;
    const range = frameRange(item.inSeconds, item.outSeconds, gridRate, recording.hasVideo ? recording.frameCount : null);
    const clipFrames = gridRate === frameRate ? range.frames : wholeFrames(range.outSeconds - range.inSeconds, frameRate);
    // face-blurred: a drawn region counts only when it can hold a face and was confirmed over this range
    let pixelate: 'frame' | BlurBox | null = null;
    let faceBlur: FrameBlur[] | undefined;
    const tracked = recording.hasVideo && tracksCanHide(recording.faces, blurredPeople, range.inSeconds, range.outSeconds).can;
    if ((tracked && conditions.has('face-blurred')) || (settings.blurUnknownFaces && recording.hasVideo && recording.faces)) {
      // the faces were found and every one in range assigned: pixelate the tracks, frame by frame
      const coverage = faceBlurFrames(recording.faces!, {
        personIds: new Set(tracked ? blurredPeople : []),
        blurUnknown: Boolean(settings.blurUnknownFaces),
        inSeconds: range.inSeconds,
        frames: clipFrames,
        frameRate,
      });
      faceBlur = coverage.frames;
      faceRisks.push(...coverage.risks.map((risk) => ({ ...risk, recordingId: recording.id })));
    }
    if (conditions.has('face-blurred') && !tracked) {
      const region = faceRegionHolds(item.blurBox, item.faceCheck ?? null, item.inSeconds, item.outSeconds);
      pixelate = region.holds ? item.blurBox! : 'frame';
      if (!region.holds) {
        for (const personId of blurredPeople) {
          const name = shownName(
            recording.people.find((person) => person.personId === personId) ?? '',
            conditionsOf(recording.check, personId),
          );
          if (!wholeFrame.has(personId)) wholeFrame.set(personId, { personId, personName: name, why: region.why });
        }
      }
    }
    if (settings.blurUnknownFaces && recording.hasVideo && !recording.faces) {
      // "inconnus floutés" on a recording whose faces were never looked for: every face is unknown
      pixelate = 'frame';
      faceRisks.push({
        personId: null,
        fromSeconds: range.inSeconds,
        toSeconds: range.outSeconds,
        action: 'whole-frame',
        recordingId: recording.id,
      });
    }
    const muteVoice = conditions.has('voice-altered') && Boolean(settings.replaceVoices) && recording.hasAudio;

    const clipCues: Cue[] = [];
    for (const cue of recording.cues) {
      if (cue.quote) {
        // the one rule of quotes: a quote belongs to the clip it starts in
        if (cue.startSeconds < range.inSeconds || cue.startSeconds >= range.outSeconds) continue;
        const quoteWhere = `Citation à ${at(cue.startSeconds)} (${where})`;
        const quotedId = cue.quote.quotedPersonId ?? speakerId;
        if (cue.quote.authorPersonId !== null && !gate.personAllows(cue.quote.authorPersonId, quoteWhere, 'auteur de la citation'))
          continue;
        if (quotedId !== null && !gate.personAllows(quotedId, quoteWhere, 'personne citée')) continue;
      }
      const text = gate.text(cue.text, `${cue.quote ? 'Citation' : 'Sous-titre'} à ${at(cue.startSeconds)} (${where})`);
      if (text === null) continue;
      clipCues.push({ startSeconds: cue.startSeconds, endSeconds: cue.endSeconds, text });
    }
    const segmentCues = cuesInRange(clipCues, range.inSeconds, range.outSeconds, offset);
    if (muteVoice && segmentCues.length === 0) {
      voiceWithoutSubtitles.push({ recordingId: recording.id, fromSeconds: item.inSeconds, toSeconds: item.outSeconds });
    }

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
      pixelate,
      ...(faceBlur && faceBlur.some((frame) => frame === 'frame' || frame.length > 0) ? { faceBlur } : {}),
      alterVoice: conditions.has('voice-altered') && !muteVoice,
      muteVoice,
      lowerThird,
    });
    cues.push(...segmentCues);
    frames += clipFrames;
    offset = frameStart(frames, frameRate);
  }

  // a person named in a text that went out is a person shown: in the register and recalled on withdrawal
  for (const personId of gate.shownPersonIds()) {
    if (shown.has(personId) || blockers.has(personId)) continue;
    const decision = gate.decisionOf(personId);
    const conditions = decision?.decision === 'allowed-with' ? decision.conditions : [];
    shown.set(personId, {
      personId,
      displayName: gate.fullNameOf(personId),
      shownAs: gate.nameOf(personId),
      conditions: [...conditions].sort(),
    });
  }

  const personIds = [
    ...new Set([
      ...items.flatMap((item) =>
        item.kind === 'clip' ? item.recording.people.filter((p) => !excludedFrom(item).has(p.personId)).map((p) => p.personId) : [],
      ),
      ...gate.shownPersonIds(),
    ]),
  ];
  const blockerList = [...blockers.values()];
  const textChanges = gate.changes();
  const muted = segments.some((segment) => segment.kind === 'clip' && segment.muteVoice);
  const faceAssignments = new Map<number, string>();
  for (const item of items) {
    const signature = item.kind === 'clip' ? faceAssignmentsSignature(item.recording.faces) : null;
    if (item.kind === 'clip' && signature !== null) faceAssignments.set(item.recording.id, signature);
  }
  return {
    settings: muted ? { ...settings, burnSubtitles: true } : settings,
    ...PRESET_SIZES[settings.preset],
    segments,
    frameRate,
    cues,
    totalSeconds: offset,
    personIds,
    label,
    faceRisks,
    faceAssignments: [...faceAssignments].map(([recordingId, signature]) => ({ recordingId, signature })),
    check: {
      audience: settings.audience,
      allowed:
        blockerList.length === 0 && recordingProblems.length === 0 && segments.length > 0 && !textChanges.some((c) => c.blocksExport),
      durationSeconds: offset,
      segments: segments.length,
      blockers: blockerList,
      recordingProblems,
      people: [...shown.values()],
      textChanges,
      wholeFramePixelated: [...wholeFrame.values()],
      voiceReplacedWithoutSubtitles: voiceWithoutSubtitles,
      ...(faceRisks.length ? { faceFramesAtRisk: faceRisks } : {}),
    },
  };
}
