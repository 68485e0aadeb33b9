/**
 * The one home of in and out points as frames. A master is constant frame rate and
 * starts at 0, so frame k is shown over [k/fps, (k+1)/fps). A range [in, out) holds the
 * frames shown during it: from the frame shown at `in` to the last frame that starts
 * before `out`. Times typed or stored to the millisecond land a hair off the grid
 * (frame 3 at 29.97 fps starts at 0.1001 s, stored as 0.100 s), so anything within
 * FRAME_TIME_TOLERANCE of a frame boundary counts as on it.
 */

/** The rate masters are made at when their source's is missing or absurd (src-main/media/frameRate applies it). */
export const FALLBACK_FRAME_RATE = 30;

/** Half a millisecond more than stored times can be off by (they are kept to the ms). */
export const FRAME_TIME_TOLERANCE = 0.001;

/** The frame shown at a time. */
export function frameAt(seconds: number, fps: number): number {
  return Math.max(0, Math.floor((seconds + FRAME_TIME_TOLERANCE) * fps));
}

/** When frame k starts. */
export function frameStart(frame: number, fps: number): number {
  return frame / fps;
}

/** The start of the frame shown at a time: where an in point or a marker lands. */
export function snapToFrame(seconds: number, fps: number): number {
  return frameStart(frameAt(seconds, fps), fps);
}

/** The first frame that starts at or after a time (the end of a range, exclusive). */
export function frameEndingAt(seconds: number, fps: number): number {
  return Math.max(0, Math.ceil((seconds - FRAME_TIME_TOLERANCE) * fps));
}

export interface FrameRange {
  /** First frame in the range. */
  inFrame: number;
  /** First frame after the range (exclusive). */
  outFrame: number;
  inSeconds: number;
  outSeconds: number;
  frames: number;
}

/**
 * The frames of [in, out): at least one, and never past the last frame of the master
 * when its frame count is known.
 */
export function frameRange(inSeconds: number, outSeconds: number, fps: number, totalFrames?: number | null): FrameRange {
  const last = totalFrames && totalFrames > 0 ? totalFrames : Infinity;
  const inFrame = Math.min(frameAt(inSeconds, fps), last - 1);
  const outFrame = Math.min(Math.max(frameEndingAt(outSeconds, fps), inFrame + 1), last);
  return { inFrame, outFrame, inSeconds: frameStart(inFrame, fps), outSeconds: frameStart(outFrame, fps), frames: outFrame - inFrame };
}

/** A length rounded to whole frames (at least one): title cards, segments from another frame rate. */
export function wholeFrames(seconds: number, fps: number): number {
  return Math.max(1, Math.round(seconds * fps));
}

/** One frame step from the frame shown at a time (`,` and `.` in review): the start of the next or previous frame. */
export function stepFrame(seconds: number, fps: number, step: number): number {
  return frameStart(Math.max(0, frameAt(seconds, fps) + step), fps);
}

/** Audio samples from the start of the output to a frame boundary: segment edges in samples never drift. */
export function samplesAt(seconds: number, sampleRate: number): number {
  return Math.round(seconds * sampleRate);
}
