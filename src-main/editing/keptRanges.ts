/**
 * After an erasure, a recording may keep only some passages (the person was "cut out"):
 * the one rule of what lies inside them, used by the render plan (what may be exported)
 * and by the resolution itself (a second erasure only narrows the passages). With a frame
 * rate, the comparison is made on the frames the render takes: a frame's picture is taken
 * at its start, so a frame that starts before a kept passage, or at or after its end,
 * shows a moment outside it.
 */
import { frameEndingAt, frameRange } from '../../src-shared/frameGrid';

export interface KeptRange {
  fromSeconds: number;
  toSeconds: number;
}

/** Stored times are kept to the millisecond: half a millisecond either way is on the edge. */
export const KEPT_RANGE_TOLERANCE = 0.0005;

/**
 * Whether [from, to) lies inside one of the kept ranges; no kept ranges means the whole
 * recording. With `frames` (the master's rate and frame count), every frame the render
 * takes for [from, to) must start inside one kept range.
 */
export function insideKeptRanges(
  ranges: readonly KeptRange[] | undefined,
  fromSeconds: number,
  toSeconds: number,
  frames?: { fps: number; total?: number | null },
): boolean {
  if (!ranges || ranges.length === 0) return true;
  if (frames) {
    const taken = frameRange(fromSeconds, toSeconds, frames.fps, frames.total);
    return ranges.some(
      (range) =>
        taken.inFrame >= frameEndingAt(range.fromSeconds, frames.fps) && taken.outFrame <= frameEndingAt(range.toSeconds, frames.fps),
    );
  }
  return ranges.some(
    (range) => fromSeconds >= range.fromSeconds - KEPT_RANGE_TOLERANCE && toSeconds <= range.toSeconds + KEPT_RANGE_TOLERANCE,
  );
}
