/**
 * Pure rules of the timeline's comment marks: the bucket counts merged across categories
 * into one mark per bucket, where each mark sits in pixels, which mark a click hits, and
 * the sentence a screen reader hears for a mark and for the whole timeline.
 */
import type { CommentCounts } from './contract/schemas';

export interface TimelineMark {
  bucket: number;
  /** Where a click or Enter seeks: the first thread of the bucket. */
  seconds: number;
  commentId: number;
  count: number;
  resolved: number;
  categories: Array<{ category: string; count: number }>;
}

export function marksOf(counts: CommentCounts | undefined): TimelineMark[] {
  if (!counts) return [];
  const marks: TimelineMark[] = [];
  for (const row of counts.marks) {
    let mark = marks.at(-1);
    if (!mark || mark.bucket !== row.bucket) {
      mark = { bucket: row.bucket, seconds: row.firstSeconds, commentId: row.firstId, count: 0, resolved: 0, categories: [] };
      marks.push(mark);
    }
    mark.count += row.count;
    mark.resolved += row.resolved;
    mark.categories.push({ category: row.category, count: row.count });
    if (row.firstSeconds < mark.seconds || (row.firstSeconds === mark.seconds && row.firstId < mark.commentId)) {
      mark.seconds = row.firstSeconds;
      mark.commentId = row.firstId;
    }
  }
  return marks;
}

/** The mark nearest to `x` (CSS pixels) within `tolerance` pixels, or -1. */
export function hitMark(marks: readonly TimelineMark[], x: number, width: number, duration: number, tolerance = 6): number {
  if (duration <= 0 || width <= 0 || marks.length === 0) return -1;
  const seconds = (x / width) * duration;
  // binary search on time, then look at the neighbours
  let low = 0;
  let high = marks.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (marks[middle]!.seconds < seconds) low = middle + 1;
    else high = middle;
  }
  let best = -1;
  let bestDistance = tolerance;
  for (const index of [low - 1, low, low + 1]) {
    const mark = marks[index];
    if (!mark) continue;
    const distance = Math.abs((mark.seconds / duration) * width - x);
    if (distance <= bestDistance) {
      best = index;
      bestDistance = distance;
    }
  }
  return best;
}

/** Totals per category over the whole timeline, most used first. */
export function categoryTotals(counts: CommentCounts | undefined): Array<{ category: string; count: number }> {
  const totals = new Map<string, number>();
  for (const row of counts?.marks ?? []) totals.set(row.category, (totals.get(row.category) ?? 0) + row.count);
  return [...totals].map(([category, count]) => ({ category, count })).sort((a, b) => b.count - a.count);
}
