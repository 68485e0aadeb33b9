/**
 * What the render hides, frame by frame, for the tracked faces of one clip: the boxes of
 * every track to blur (a margin around each; a wider one where the tracker bridged a gap
 * or the detector was unsure), and the whole frame where a person to hide may be on screen
 * but no box of theirs is known: between two of their tracks, before their first or after
 * their last, unless their face went out (or came in) through the frame's edge. Also the
 * stretches at risk, for the export panel. Pure.
 */
import { boxAt, DEFAULT_MAX_GAP_FRAMES, type FaceDetection, type FaceRect, type FaceTrackBoxes } from './faceTracker';

export interface PlanFaceTrack extends FaceTrackBoxes {
  trackId: number;
  /** The person it was assigned to; null when "inconnu" or not reviewed yet. */
  personId: number | null;
  /** False until someone said whose face it is (a person or "inconnu"). */
  reviewed: boolean;
}

export interface PlanFaceTracks {
  /** Seconds between analysed frames. */
  step: number;
  tracks: PlanFaceTrack[];
}

/** One output frame: boxes to pixelate (fractions of the source frame), or the whole frame. */
export type FrameBlur = FaceRect[] | 'frame';

export interface FaceRisk {
  personId: number | null;
  /** Seconds in the recording. */
  fromSeconds: number;
  toSeconds: number;
  action: 'widened' | 'whole-frame';
}

/** Margin added on each side, as a share of the box's larger side. */
export const FACE_MARGIN = 0.25;
/** Margin where the box is a guess (bridged gap, uncertain detection). */
export const WIDENED_MARGIN = 0.6;
/** A box this close to the border touches it: a face that leaves the frame goes through it. */
const EDGE = 0.04;

function withMargin(box: FaceRect, margin: number): FaceRect {
  const pad = Math.max(box.w, box.h) * margin;
  const x0 = Math.max(0, box.x - pad);
  const y0 = Math.max(0, box.y - pad);
  const x1 = Math.min(1, box.x + box.w + pad);
  const y1 = Math.min(1, box.y + box.h + pad);
  return { x: x0, y: y0, w: Math.max(0, x1 - x0), h: Math.max(0, y1 - y0) };
}

/** A lost face is followed along its last motion this long at most, to the frame's edge. */
export const EXTRAPOLATE_SECONDS = 1;
/** A face lost inside the frame keeps its last box (widened) this long. */
export const HOLD_SECONDS = 0.5;

const outOfFrame = (box: FaceRect) => box.x >= 1 || box.y >= 1 || box.x + box.w <= 0 || box.y + box.h <= 0;

/**
 * The detector often loses a face a little before it leaves the frame (half out, small)
 * and finds it a little after it comes back: a track's ends are followed along their motion
 * to the edge (or held in place), with boxes marked unsure (score 0) so they are widened.
 */
export function extendTrack(track: FaceTrackBoxes, step: number): FaceTrackBoxes {
  const { boxes } = track;
  if (boxes.length === 0) return track;
  const extend = (from: FaceDetection, towards: FaceDetection | undefined, direction: 1 | -1): FaceDetection[] => {
    const out: FaceDetection[] = [];
    const dt = towards ? Math.abs(from.t - towards.t) : 0;
    const v = towards && dt > 0 ? { x: (from.x - towards.x) / dt, y: (from.y - towards.y) / dt } : { x: 0, y: 0 };
    const steps = Math.ceil(EXTRAPOLATE_SECONDS / step);
    let reachesEdge = false;
    for (let k = 1; k <= steps; k++) {
      const box = { ...from, t: from.t + direction * k * step, x: from.x + v.x * k * step, y: from.y + v.y * k * step, score: 0 };
      out.push(box);
      if (outOfFrame(box)) {
        reachesEdge = true;
        break;
      }
    }
    if (reachesEdge) return out;
    const hold = Math.ceil(HOLD_SECONDS / step);
    return Array.from({ length: hold }, (_, k) => ({ ...from, t: from.t + direction * (k + 1) * step, score: 0 }));
  };
  const before = extend(boxes[0]!, boxes[1], -1).reverse();
  const after = extend(boxes[boxes.length - 1]!, boxes[boxes.length - 2], 1);
  return { boxes: [...before, ...boxes, ...after] };
}

/** A track merged by hand is followed run by run: each stretch between its long gaps is extended on its own. */
export function splitAtGaps(track: FaceTrackBoxes, step: number): FaceTrackBoxes[] {
  const runs: FaceTrackBoxes[] = [];
  for (const box of track.boxes) {
    const run = runs[runs.length - 1];
    const last = run?.boxes[run.boxes.length - 1];
    if (run && last && box.t - last.t <= step * (DEFAULT_MAX_GAP_FRAMES + 1.5)) run.boxes.push(box);
    else runs.push({ boxes: [box] });
  }
  return runs;
}

/**
 * Whose each face is, as the plan read it: a track reassigned, reviewed, merged, or the
 * recording analysed again while an export renders gives another signature, and the export
 * is refused when it is recorded (editing/consentRecheck.ts). Null: never analysed.
 */
export function faceAssignmentsSignature(faces: PlanFaceTracks | null | undefined): string | null {
  if (!faces) return null;
  const tracks = [...faces.tracks].sort((a, b) => a.trackId - b.trackId);
  return `${faces.step}|${tracks
    .map((track) => `${track.trackId}:${track.personId ?? (track.reviewed ? 'inconnu' : '?')}:${track.boxes.length}`)
    .join(',')}`;
}

/**
 * People whose assigned face is seen (an analysed box) between two times: the tracks say they
 * are on screen there, whatever a hand-made list of who appears says.
 */
export function peopleSeenIn(faces: PlanFaceTracks | null | undefined, inSeconds: number, outSeconds: number): Set<number> {
  const seen = new Set<number>();
  for (const track of faces?.tracks ?? []) {
    if (track.personId === null) continue;
    if (track.boxes.some((box) => box.t >= inSeconds && box.t <= outSeconds)) seen.add(track.personId);
  }
  return seen;
}

const touchesEdge = (box: FaceRect) => box.x <= EDGE || box.y <= EDGE || box.x + box.w >= 1 - EDGE || box.y + box.h >= 1 - EDGE;

/** Does the tracking allow tracked blur for these people (else the static rule applies)? */
export function tracksCanHide(
  faces: PlanFaceTracks | null | undefined,
  personIds: readonly number[],
  inSeconds: number,
  outSeconds: number,
) {
  if (!faces) return { can: false as const, why: 'not-analysed' as const };
  const inRange = faces.tracks.filter((track) => {
    const first = track.boxes[0]?.t ?? Infinity;
    const last = track.boxes[track.boxes.length - 1]?.t ?? -Infinity;
    return last >= inSeconds - faces.step && first <= outSeconds + faces.step;
  });
  // a face nobody looked at may be the person to hide: nothing is proved until every track is assigned
  if (inRange.some((track) => !track.reviewed)) return { can: false as const, why: 'not-reviewed' as const };
  const missing = personIds.filter((personId) => !faces.tracks.some((track) => track.personId === personId));
  if (missing.length) return { can: false as const, why: 'no-track' as const };
  return { can: true as const };
}

/**
 * Is a person known to be off screen at `t`, where none of their (extended) tracks has a box?
 * Only when their face left through the frame's edge before `t` (or was never seen before it)
 * and comes back through an edge after `t` (or is never seen again). A face first seen, or last
 * seen, in the middle of the picture was there unseen by the detector (turned away, blurred by
 * motion, too small): the frames before its first box, or after its last, are not off screen.
 */
export function offScreenBetween(tracks: readonly FaceTrackBoxes[], t: number): boolean {
  const all = tracks.flatMap((track) => track.boxes);
  const before = all.filter((box) => box.t < t).sort((a, b) => b.t - a.t)[0];
  const after = all.filter((box) => box.t > t).sort((a, b) => a.t - b.t)[0];
  if (!before && !after) return true;
  return (!before || touchesEdge(before)) && (!after || touchesEdge(after));
}

export function faceBlurFrames(
  faces: PlanFaceTracks,
  options: { personIds: ReadonlySet<number>; blurUnknown: boolean; inSeconds: number; frames: number; frameRate: number },
): { frames: FrameBlur[]; risks: FaceRisk[] } {
  const { step } = faces;
  const toBlur = faces.tracks
    .filter((track) => (track.personId !== null ? options.personIds.has(track.personId) : options.blurUnknown || !track.reviewed))
    .flatMap((track) => splitAtGaps(track, step).map((run) => ({ ...track, ...extendTrack(run, step) })));
  const frames: FrameBlur[] = [];
  const riskFrames: Array<{ personId: number | null; t: number; action: FaceRisk['action'] }> = [];
  for (let i = 0; i < options.frames; i++) {
    const t = options.inSeconds + i / options.frameRate;
    const boxes: FaceRect[] = [];
    let whole = false;
    for (const track of toBlur) {
      const box = boxAt(track, t, step);
      if (!box) continue;
      boxes.push(withMargin(box, box.sure ? FACE_MARGIN : WIDENED_MARGIN));
      if (!box.sure) riskFrames.push({ personId: track.personId, t, action: 'widened' });
    }
    // a person to hide with no box here may still be on screen, unseen: whole frame, unless off screen
    for (const personId of options.personIds) {
      const own = toBlur.filter((track) => track.personId === personId);
      if (own.some((track) => boxAt(track, t, step))) continue;
      if (!own.length || offScreenBetween(own, t)) continue;
      whole = true;
      riskFrames.push({ personId, t, action: 'whole-frame' });
    }
    frames.push(whole ? 'frame' : boxes);
  }
  return { frames, risks: stretches(riskFrames, 1 / options.frameRate) };
}

/** Consecutive frames at risk of one person and action, as stretches. */
function stretches(items: Array<{ personId: number | null; t: number; action: FaceRisk['action'] }>, frame: number): FaceRisk[] {
  const out: FaceRisk[] = [];
  for (const item of items) {
    const open = out.find(
      (risk) => risk.personId === item.personId && risk.action === item.action && item.t - risk.toSeconds <= frame * 1.5,
    );
    if (open) open.toSeconds = Math.max(open.toSeconds, item.t + frame);
    else out.push({ personId: item.personId, fromSeconds: item.t, toSeconds: item.t + frame, action: item.action });
  }
  return out.map((risk) => ({ ...risk, fromSeconds: round(risk.fromSeconds), toSeconds: round(risk.toSeconds) }));
}

const round = (value: number) => Math.round(value * 1000) / 1000;
