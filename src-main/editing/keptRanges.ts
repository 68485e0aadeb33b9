/**
 * After an erasure, a recording may keep only some passages (the person was "cut out"):
 * the one rule of what lies inside them, used by the render plan (what may be exported)
 * and by the resolution itself (a second erasure only narrows the passages).
 */

export interface KeptRange {
  fromSeconds: number;
  toSeconds: number;
}

/** Stored times are kept to the millisecond: half a millisecond either way is on the edge. */
export const KEPT_RANGE_TOLERANCE = 0.0005;

/** Whether [from, to) lies inside one of the kept ranges; no kept ranges means the whole recording. */
export function insideKeptRanges(ranges: readonly KeptRange[] | undefined, fromSeconds: number, toSeconds: number): boolean {
  if (!ranges || ranges.length === 0) return true;
  return ranges.some(
    (range) => fromSeconds >= range.fromSeconds - KEPT_RANGE_TOLERANCE && toSeconds <= range.toSeconds + KEPT_RANGE_TOLERANCE,
  );
}
