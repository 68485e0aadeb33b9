/**
 * Links face detections into tracks, offline and pure: detections of analysed frames
 * (a few a second) are matched to the box each open track predicts (last box moved by
 * its last velocity) by overlap (IoU), gaps of a few analysed frames are bridged, and a
 * track's box at any time is interpolated between its analysed boxes. No recognition:
 * two tracks of one person are merged by hand.
 */

/** A box in fractions of the source frame. */
export interface FaceRect {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface FaceDetection extends FaceRect {
  /** Seconds in the recording. */
  t: number;
  score: number;
}

export interface FaceTrackBoxes {
  /** Analysed boxes, in time order. */
  boxes: FaceDetection[];
}

export interface TrackerOptions {
  /** Seconds between analysed frames. */
  step: number;
  /** Overlap with the predicted box needed to continue a track. */
  minIou?: number;
  /** Analysed frames a track may miss and still continue. */
  maxGapFrames?: number;
}

export const DEFAULT_MIN_IOU = 0.2;
export const DEFAULT_MAX_GAP_FRAMES = 3;
/** A detection under this score counts as uncertain: its stretch gets a widened box. */
export const LOW_CONFIDENCE = 0.5;

export function iou(a: FaceRect, b: FaceRect): number {
  const x0 = Math.max(a.x, b.x);
  const y0 = Math.max(a.y, b.y);
  const x1 = Math.min(a.x + a.w, b.x + b.w);
  const y1 = Math.min(a.y + a.h, b.y + b.h);
  const inter = Math.max(0, x1 - x0) * Math.max(0, y1 - y0);
  const union = a.w * a.h + b.w * b.h - inter;
  return union > 0 ? inter / union : 0;
}

/** Where a track's face should be at `t`: its last box moved (and resized) at its last speed. */
export function predict(track: FaceTrackBoxes, t: number): FaceRect {
  const last = track.boxes[track.boxes.length - 1]!;
  const prev = track.boxes[track.boxes.length - 2];
  if (!prev || last.t <= prev.t) return last;
  const k = (t - last.t) / (last.t - prev.t);
  return {
    x: last.x + (last.x - prev.x) * k,
    y: last.y + (last.y - prev.y) * k,
    w: Math.max(0.001, last.w + (last.w - prev.w) * k),
    h: Math.max(0.001, last.h + (last.h - prev.h) * k),
  };
}

/** Groups detections (any order) into tracks by time, greedily by best overlap with the prediction. */
export function linkDetections(detections: readonly FaceDetection[], options: TrackerOptions): FaceTrackBoxes[] {
  const minIou = options.minIou ?? DEFAULT_MIN_IOU;
  const maxGap = (options.maxGapFrames ?? DEFAULT_MAX_GAP_FRAMES) + 0.5;
  const byTime = new Map<number, FaceDetection[]>();
  for (const detection of detections) {
    const key = Math.round(detection.t * 1000);
    byTime.set(key, [...(byTime.get(key) ?? []), detection]);
  }
  const open: FaceTrackBoxes[] = [];
  const closed: FaceTrackBoxes[] = [];
  for (const key of [...byTime.keys()].sort((a, b) => a - b)) {
    const t = key / 1000;
    // tracks that missed too many analysed frames are closed
    for (let i = open.length - 1; i >= 0; i--) {
      const last = open[i]!.boxes[open[i]!.boxes.length - 1]!;
      if ((t - last.t) / options.step > maxGap + 1) closed.push(...open.splice(i, 1));
    }
    const frame = byTime.get(key)!;
    const pairs: Array<{ track: number; detection: number; overlap: number }> = [];
    open.forEach((track, ti) => {
      const predicted = predict(track, t);
      frame.forEach((detection, di) => {
        const overlap = Math.max(iou(predicted, detection), iou(track.boxes[track.boxes.length - 1]!, detection));
        if (overlap >= minIou) pairs.push({ track: ti, detection: di, overlap });
      });
    });
    pairs.sort((a, b) => b.overlap - a.overlap);
    const usedTracks = new Set<number>();
    const usedDetections = new Set<number>();
    for (const pair of pairs) {
      if (usedTracks.has(pair.track) || usedDetections.has(pair.detection)) continue;
      usedTracks.add(pair.track);
      usedDetections.add(pair.detection);
      open[pair.track]!.boxes.push(frame[pair.detection]!);
    }
    frame.forEach((detection, di) => {
      if (!usedDetections.has(di)) open.push({ boxes: [detection] });
    });
  }
  return [...closed, ...open].sort((a, b) => a.boxes[0]!.t - b.boxes[0]!.t);
}

export interface BoxAt extends FaceRect {
  /** False inside a bridged gap or next to an uncertain detection: the box is widened. */
  sure: boolean;
}

/**
 * The track's box at `t`, interpolated between analysed boxes; null outside the track
 * (its first and last boxes hold for three quarters of an analysis step beyond them)
 * and inside a gap longer than the tracker bridges (tracks merged by hand).
 */
export function boxAt(track: FaceTrackBoxes, t: number, step: number): BoxAt | null {
  const { boxes } = track;
  if (boxes.length === 0) return null;
  const first = boxes[0]!;
  const last = boxes[boxes.length - 1]!;
  const reach = step * 0.75;
  if (t < first.t - reach || t > last.t + reach) return null;
  if (t <= first.t) return { x: first.x, y: first.y, w: first.w, h: first.h, sure: first.score >= LOW_CONFIDENCE };
  if (t >= last.t) return { x: last.x, y: last.y, w: last.w, h: last.h, sure: last.score >= LOW_CONFIDENCE };
  let lo = 0;
  let hi = boxes.length - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (boxes[mid]!.t <= t) lo = mid;
    else hi = mid;
  }
  const a = boxes[lo]!;
  const b = boxes[hi]!;
  const k = b.t > a.t ? (t - a.t) / (b.t - a.t) : 0;
  const mix = (u: number, v: number) => u + (v - u) * k;
  // tracks merged by hand keep their long gaps: no box is made up across them
  if (b.t - a.t > step * (DEFAULT_MAX_GAP_FRAMES + 1.5)) return null;
  const bridged = b.t - a.t > step * 1.5;
  return {
    x: mix(a.x, b.x),
    y: mix(a.y, b.y),
    w: mix(a.w, b.w),
    h: mix(a.h, b.h),
    sure: !bridged && a.score >= LOW_CONFIDENCE && b.score >= LOW_CONFIDENCE,
  };
}

/** Joins tracks (merged by hand) into one, boxes in time order; at equal times the larger box is kept. */
export function mergeTracks(tracks: readonly FaceTrackBoxes[]): FaceTrackBoxes {
  const byTime = new Map<number, FaceDetection>();
  for (const box of tracks.flatMap((track) => track.boxes)) {
    const key = Math.round(box.t * 1000);
    const other = byTime.get(key);
    if (!other || other.w * other.h < box.w * box.h) byTime.set(key, box);
  }
  return { boxes: [...byTime.values()].sort((a, b) => a.t - b.t) };
}
