/**
 * When a drawn region may stand for "face blurred". Until faces are tracked
 * automatically, a region counts only if it can hold a face (at least 4 % of the frame)
 * and the animator confirmed, on stills taken across the clip's range, that it covers the
 * face all along; otherwise the whole frame is pixelated. Pure.
 */
import type { BlurBox, FaceCheck } from '../../src-shared/contract/schemas/editing';

export type { FaceCheck };

/** A region under this share of the frame's area cannot hold a face: it never counts. */
export const MIN_FACE_REGION_AREA = 0.04;
/** How many stills the animator looks at, at least, to confirm a region. */
export const MIN_CONFIRMATION_STILLS = 3;
export const MAX_CONFIRMATION_STILLS = 5;

export type FaceRegionVerdict = { holds: true } | { holds: false; why: 'no-region' | 'region-too-small' | 'not-confirmed' };

const EPSILON = 0.01;
const sameBox = (a: BlurBox, b: BlurBox) =>
  Math.abs(a.x - b.x) < 1e-6 && Math.abs(a.y - b.y) < 1e-6 && Math.abs(a.w - b.w) < 1e-6 && Math.abs(a.h - b.h) < 1e-6;

/** Times of the stills to show for a range: evenly spread, first and last a little inside. */
export function confirmationStillTimes(inSeconds: number, outSeconds: number, count = 4): number[] {
  const n = Math.min(MAX_CONFIRMATION_STILLS, Math.max(MIN_CONFIRMATION_STILLS, Math.round(count)));
  const span = outSeconds - inSeconds;
  return Array.from({ length: n }, (_, i) => Math.round((inSeconds + (span * (i + 0.5)) / n) * 1000) / 1000);
}

/** Do these still times cover the range (at least three, one in each end quarter)? */
export function stillsCoverRange(stillSeconds: readonly number[], inSeconds: number, outSeconds: number): boolean {
  const inside = stillSeconds.filter((t) => t >= inSeconds - EPSILON && t <= outSeconds + EPSILON);
  if (inside.length < MIN_CONFIRMATION_STILLS) return false;
  const quarter = (outSeconds - inSeconds) / 4;
  return Math.min(...inside) <= inSeconds + quarter + EPSILON && Math.max(...inside) >= outSeconds - quarter - EPSILON;
}

export function regionCanHoldFace(box: BlurBox): boolean {
  return box.w * box.h >= MIN_FACE_REGION_AREA;
}

export function faceRegionHolds(box: BlurBox | null, check: FaceCheck | null, inSeconds: number, outSeconds: number): FaceRegionVerdict {
  if (!box) return { holds: false, why: 'no-region' };
  if (!regionCanHoldFace(box)) return { holds: false, why: 'region-too-small' };
  if (
    !check ||
    !sameBox(check.blurBox, box) ||
    check.inSeconds > inSeconds + EPSILON ||
    check.outSeconds < outSeconds - EPSILON ||
    !stillsCoverRange(check.stillSeconds, inSeconds, outSeconds)
  ) {
    return { holds: false, why: 'not-confirmed' };
  }
  return { holds: true };
}
