/**
 * Pure rules of the review screen's comment window: which time span to ask for around
 * the playhead (from the timeline's bucket counts), and how a change event's comments
 * are merged into a loaded list (threads in time order, each followed by its replies).
 */
import type { Comment, CommentCounts } from './contract/schemas';

/** Threads loaded around the playhead, and how many of them come before it. */
export const WINDOW_THREADS = 200;
const THREADS_BEFORE = 40;
/** Past every recording: a window with no end. */
export const NO_END = 24 * 3600;

export interface WindowSpan {
  from: number;
  to: number;
  /** WINDOW_THREADS; at the end of the recording, all that is left (so the last threads are never cut off). */
  limit: number;
}

/** The most comments.window gives at once. */
const MOST = 2000;

/** Threads per bucket index, all categories together. */
export function bucketTotals(counts: CommentCounts): Map<number, number> {
  const totals = new Map<number, number>();
  for (const mark of counts.marks) totals.set(mark.bucket, (totals.get(mark.bucket) ?? 0) + mark.count);
  return totals;
}

/**
 * The span to load for a playhead at `seconds`: about THREADS_BEFORE threads before it and
 * the rest of WINDOW_THREADS after it; near the end, everything to the end (moved earlier
 * so the window stays full), so the last threads are never left out.
 */
export function windowAround(counts: CommentCounts, seconds: number): WindowSpan {
  if (counts.total <= WINDOW_THREADS) return { from: 0, to: NO_END, limit: MOST };
  const totals = bucketTotals(counts);
  const buckets = [...totals.keys()].sort((a, b) => a - b);
  const count = (index: number) => totals.get(buckets[index]!)!;
  let here = buckets.findIndex((bucket) => bucket >= Math.floor(seconds / counts.bucketSeconds));
  if (here === -1) here = buckets.length;
  // back from the playhead until enough threads come before it
  let first = here;
  let before = 0;
  while (first > 0 && before < THREADS_BEFORE) before += count(--first);
  // forward until the window is full
  let last = here;
  let after = 0;
  while (last < buckets.length && before + after < WINDOW_THREADS) after += count(last++);
  if (last < buckets.length)
    return {
      from: first === 0 ? 0 : buckets[first]! * counts.bucketSeconds,
      to: buckets[last]! * counts.bucketSeconds,
      limit: WINDOW_THREADS,
    };
  // the end: back further so the window stays full, then everything to the end, with room for comments added since
  while (first > 0 && before + after < WINDOW_THREADS) before += count(--first);
  return {
    from: first === 0 ? 0 : buckets[first]! * counts.bucketSeconds,
    to: NO_END,
    limit: Math.min(MOST, before + after + WINDOW_THREADS),
  };
}

/** Is the playhead still well inside what is loaded (the last thread's time when the window was cut short)? */
export function covers(span: WindowSpan, loadedUntil: number, seconds: number): boolean {
  return seconds >= span.from && seconds < Math.min(span.to, loadedUntil);
}

/**
 * `comments` with the changed ones put in (or replaced), and the gone ones taken out with
 * their replies. `belongs` says whether a changed thread falls in this list's span.
 */
export function mergeChanges(
  comments: readonly Comment[],
  changed: readonly Comment[],
  gone: ReadonlySet<number>,
  belongs: (thread: Comment) => boolean,
): Comment[] {
  const replaced = new Set(changed.map((comment) => comment.id));
  const kept = comments.filter(
    (comment) => !replaced.has(comment.id) && !gone.has(comment.id) && !(comment.parentId !== null && gone.has(comment.parentId)),
  );
  const threads = kept.filter((comment) => comment.parentId === null);
  const threadIds = new Set(threads.map((thread) => thread.id));
  for (const comment of changed) {
    if (comment.parentId !== null || !belongs(comment)) continue;
    threads.push(comment);
    threadIds.add(comment.id);
  }
  const replies = kept.filter((comment) => comment.parentId !== null);
  for (const comment of changed) if (comment.parentId !== null && threadIds.has(comment.parentId)) replies.push(comment);
  threads.sort((a, b) => a.startSeconds - b.startSeconds || a.id - b.id);
  replies.sort((a, b) => a.id - b.id);
  const repliesOf = groupReplies(replies);
  return threads.flatMap((thread) => [thread, ...(repliesOf.get(thread.id) ?? [])]);
}

export function groupReplies(comments: readonly Comment[]): Map<number, Comment[]> {
  const map = new Map<number, Comment[]>();
  for (const comment of comments) {
    if (comment.parentId === null) continue;
    const list = map.get(comment.parentId);
    if (list) list.push(comment);
    else map.set(comment.parentId, [comment]);
  }
  return map;
}

/** Index of the last thread starting at or before `seconds` (threads sorted by time), -1 if none. */
export function activeThreadIndex(threads: readonly Comment[], seconds: number): number {
  let low = 0;
  let high = threads.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (threads[middle]!.startSeconds <= seconds) low = middle + 1;
    else high = middle;
  }
  return low - 1;
}
