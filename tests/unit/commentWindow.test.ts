// The review screen's pure rules: which window to load around the playhead (always
// covering it, full, and reaching the last threads at the end), how change events merge
// into a loaded list, the active thread, and the timeline marks with their hit-testing.
import { describe, expect, it } from 'vitest';
import type { Comment, CommentCounts } from '../../src-shared/contract/schemas';
import { activeThreadIndex, mergeChanges, NO_END, WINDOW_THREADS, windowAround } from '../../src-shared/commentWindow';
import { categoryTotals, hitMark, marksOf } from '../../src-shared/timelineMarks';

/** `n` threads, one every `step` seconds from 0, counted in buckets of `bucketSeconds`. */
function countsOf(n: number, step: number, bucketSeconds: number): { counts: CommentCounts; starts: number[] } {
  const starts = Array.from({ length: n }, (_, i) => i * step);
  const marks = new Map<number, CommentCounts['marks'][number]>();
  starts.forEach((start, i) => {
    const bucket = Math.floor(start / bucketSeconds);
    const mark = marks.get(bucket);
    if (mark) mark.count++;
    else marks.set(bucket, { bucket, category: 'Voix', count: 1, resolved: 0, firstSeconds: start, firstId: i + 1 });
  });
  return { counts: { bucketSeconds, total: n, marks: [...marks.values()], ranges: [] }, starts };
}

const inSpan = (starts: number[], span: { from: number; to: number; limit: number }) =>
  starts.filter((start) => start >= span.from && start < span.to).slice(0, span.limit);

function comment(id: number, startSeconds: number, parentId: number | null = null): Comment {
  return {
    id,
    recordingId: 1,
    parentId,
    startSeconds,
    endSeconds: null,
    authorPersonId: null,
    authorName: 'Groupe',
    category: '',
    text: `c${id}`,
    resolved: false,
    isQuote: false,
    plusOnes: 0,
    edited: false,
    createdAt: '',
    updatedAt: '',
    quotedPersonId: null,
  };
}

describe('the window around the playhead', () => {
  it('takes everything when there are few threads', () => {
    expect(windowAround(countsOf(150, 1, 0.5).counts, 70)).toEqual({ from: 0, to: NO_END, limit: 2000 });
  });

  it('covers the playhead, holds a full window and keeps threads after the playhead, anywhere in the recording', () => {
    const { counts, starts } = countsOf(20_000, 0.09, 1.8);
    for (const seconds of [0, 0.05, 1, 100, 899.9, 1700, 1790, 1799.9, 1799.91, 2500]) {
      const span = windowAround(counts, seconds);
      const loaded = inSpan(starts, span);
      expect(loaded.length).toBeGreaterThanOrEqual(WINDOW_THREADS - 10);
      if (seconds <= starts.at(-1)!) {
        expect(span.from).toBeLessThanOrEqual(seconds);
        expect(Math.min(span.to, loaded.at(-1)! + 1e-9)).toBeGreaterThan(Math.min(seconds, starts.at(-1)!));
      }
      // the last thread is loaded whenever the window reaches the end
      if (span.to === NO_END) expect(loaded.at(-1)).toBe(starts.at(-1));
      else expect(span.limit).toBe(WINDOW_THREADS);
    }
  });
});

describe('merging change events into a loaded list', () => {
  const list = [comment(1, 1), comment(5, 1, 1), comment(2, 3), comment(3, 6)];
  it('adds, replaces and removes, keeping threads in time order with their replies after them', () => {
    const merged = mergeChanges(
      list,
      [comment(7, 2), { ...comment(3, 2.5), text: 'moved' }, comment(8, 3, 2)],
      new Set([1]),
      (thread) => thread.startSeconds < 5,
    );
    expect(merged.map((c) => [c.id, c.text])).toEqual([
      [7, 'c7'],
      [3, 'moved'],
      [2, 'c2'],
      [8, 'c8'],
    ]);
  });
  it('leaves out a thread outside the span and a reply whose thread is not loaded', () => {
    const merged = mergeChanges(list, [comment(9, 8), comment(10, 8, 99)], new Set(), (thread) => thread.startSeconds < 7);
    expect(merged.map((c) => c.id)).toEqual([1, 5, 2, 3]);
  });
  it('finds the thread at the playhead', () => {
    const threads = [comment(1, 1), comment(2, 3), comment(3, 3), comment(4, 6)];
    expect([0.5, 1, 2.9, 3, 5.99, 100].map((s) => activeThreadIndex(threads, s))).toEqual([-1, 0, 0, 2, 2, 3]);
  });
});

describe('timeline marks', () => {
  const counts: CommentCounts = {
    bucketSeconds: 1,
    total: 6,
    marks: [
      { bucket: 2, category: 'Posture', count: 2, resolved: 2, firstSeconds: 2.5, firstId: 11 },
      { bucket: 2, category: 'Voix', count: 1, resolved: 0, firstSeconds: 2.1, firstId: 12 },
      { bucket: 7, category: 'Voix', count: 3, resolved: 3, firstSeconds: 7.2, firstId: 13 },
    ],
    ranges: [],
  };
  it('merges categories into one mark per bucket, seeking to its first thread', () => {
    expect(marksOf(counts)).toEqual([
      {
        bucket: 2,
        seconds: 2.1,
        commentId: 12,
        count: 3,
        resolved: 2,
        categories: [
          { category: 'Posture', count: 2 },
          { category: 'Voix', count: 1 },
        ],
      },
      { bucket: 7, seconds: 7.2, commentId: 13, count: 3, resolved: 3, categories: [{ category: 'Voix', count: 3 }] },
    ]);
    expect(categoryTotals(counts)).toEqual([
      { category: 'Voix', count: 4 },
      { category: 'Posture', count: 2 },
    ]);
  });
  it('hits the nearest mark within a few pixels, and nothing farther', () => {
    const marks = marksOf(counts);
    // 10 s over 1,000 px: the marks sit at 210 px and 720 px
    expect(hitMark(marks, 212, 1000, 10)).toBe(0);
    expect(hitMark(marks, 716, 1000, 10)).toBe(1);
    expect(hitMark(marks, 400, 1000, 10)).toBe(-1);
    expect(hitMark([], 10, 1000, 10)).toBe(-1);
  });
});
