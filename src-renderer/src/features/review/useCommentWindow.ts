/**
 * The review screen's comments at any number of them: the counts per time bucket (the
 * timeline), the threads around the playhead (the list; all of them on demand), both
 * cached by TanStack Query under keys naming exactly what was asked, so a late answer to
 * an earlier window is never shown. A change event names one comment: only that comment
 * is read again and merged into every cached list of this recording; nothing reloads the list.
 */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useState, type RefObject } from 'react';
import type { ApiEventPayload } from '../../../../src-shared/contract/contract';
import type { Comment, CommentCounts, CommentWindow } from '../../../../src-shared/contract/schemas';
import { api } from '../../api/client';
import { queryClient } from '../../app/queryClient';
import { covers, groupReplies, mergeChanges, windowAround, type WindowSpan } from '../../../../src-shared/commentWindow';
import { usePlayhead } from './playheadClock';

/** About one bucket per pixel of the timeline. */
export const TIMELINE_BUCKETS = 1000;
const BY_IDS_MAX = 500;

export const commentKeys = {
  recording: (recordingId: number) => ['comments', recordingId] as const,
  counts: (recordingId: number, bucketSeconds: number) => ['comments', recordingId, 'counts', bucketSeconds] as const,
  windows: (recordingId: number) => ['comments', recordingId, 'window'] as const,
  window: (recordingId: number, span: WindowSpan) => ['comments', recordingId, 'window', span.from, span.to, span.limit] as const,
  all: (recordingId: number) => ['comments', recordingId, 'all'] as const,
  toComplete: (recordingId: number) => ['comments', recordingId, 'toComplete'] as const,
};

/** Reads the comments a batch of change events named, and merges them into every cached list of the recording. */
function useCommentChanges(recordingId: number): void {
  useEffect(() => {
    const pending = new Map<number, ApiEventPayload<'data.changed'>['change']>();
    const latestRequest = new Map<number, number>();
    let sequence = 0;
    let timer: ReturnType<typeof setTimeout> | null = null;

    async function flush() {
      timer = null;
      const batch = [...pending];
      pending.clear();
      const seq = ++sequence;
      const toRead = batch.filter(([, change]) => change !== 'deleted').map(([id]) => id);
      for (const id of toRead) latestRequest.set(id, seq);
      const read: Comment[] = [];
      for (let i = 0; i < toRead.length; i += BY_IDS_MAX)
        read.push(...(await api.call('comments.byIds', { recordingId, ids: toRead.slice(i, i + BY_IDS_MAX) })));
      // a later event about the same comment has its own, newer read: this one gives way
      const current = new Set(toRead.filter((id) => latestRequest.get(id) === seq));
      const changed = read.filter((comment) => current.has(comment.id));
      const found = new Set(read.map((comment) => comment.id));
      const gone = new Set([
        ...batch.filter(([, change]) => change === 'deleted').map(([id]) => id),
        ...[...current].filter((id) => !found.has(id)),
      ]);
      for (const [key, data] of queryClient.getQueriesData<CommentWindow>({ queryKey: commentKeys.windows(recordingId) })) {
        if (!data) continue;
        const [, , , from, to] = key as ReturnType<typeof commentKeys.window>;
        const threads = data.comments.filter((comment) => comment.parentId === null);
        const until = data.complete ? to : (threads.at(-1)?.startSeconds ?? to);
        const belongs = (thread: Comment) =>
          thread.startSeconds >= from && (data.complete ? thread.startSeconds < until : thread.startSeconds <= until);
        queryClient.setQueryData<CommentWindow>(key, { ...data, comments: mergeChanges(data.comments, changed, gone, belongs) });
      }
      queryClient.setQueryData<Comment[]>(commentKeys.all(recordingId), (all) => all && mergeChanges(all, changed, gone, () => true));
      void queryClient.invalidateQueries({ queryKey: [...commentKeys.recording(recordingId), 'counts'] });
      void queryClient.invalidateQueries({ queryKey: commentKeys.toComplete(recordingId) });
    }

    const stop = api.on('data.changed', (change) => {
      if (change.entity === 'person') {
        // a renamed author: the names in the lists change
        void queryClient.invalidateQueries({ queryKey: commentKeys.recording(recordingId) });
        return;
      }
      if (change.entity !== 'comment' || change.recordingId !== recordingId) return;
      pending.set(change.id, pending.get(change.id) === 'deleted' ? 'deleted' : change.change);
      timer ??= setTimeout(
        () => void flush().catch(() => queryClient.invalidateQueries({ queryKey: commentKeys.recording(recordingId) })),
        0,
      );
    });
    return () => {
      stop();
      if (timer) clearTimeout(timer);
    };
  }, [recordingId]);
}

export function useCommentWindow(recordingId: number, videoRef: RefObject<HTMLVideoElement | null>, durationSeconds: number) {
  const [showAll, setShowAll] = useState(false);
  const [selectedId, setSelectedId] = useState<number | null>(null);
  const [span, setSpan] = useState<WindowSpan | null>(null);
  const bucketSeconds = durationSeconds > 0 ? Math.max(0.01, durationSeconds / TIMELINE_BUCKETS) : 1;
  useCommentChanges(recordingId);

  const countsQuery = useQuery(
    {
      queryKey: commentKeys.counts(recordingId, bucketSeconds),
      queryFn: () => api.call('comments.counts', { recordingId, bucketSeconds }),
      placeholderData: keepPreviousData,
    },
    queryClient,
  );
  const counts: CommentCounts | undefined = countsQuery.data;

  const windowQuery = useQuery(
    {
      queryKey: commentKeys.window(recordingId, span ?? { from: 0, to: 0, limit: 0 }),
      queryFn: () => api.call('comments.window', { recordingId, from: span!.from, to: span!.to, limit: span!.limit }),
      enabled: span !== null && !showAll,
      placeholderData: keepPreviousData,
    },
    queryClient,
  );
  const allQuery = useQuery(
    { queryKey: commentKeys.all(recordingId), queryFn: () => api.call('comments.list', { recordingId }), enabled: showAll },
    queryClient,
  );

  const comments = showAll ? allQuery.data : windowQuery.data?.comments;
  const threads = useMemo(() => (comments ?? []).filter((comment) => comment.parentId === null), [comments]);
  const repliesOf = useMemo(() => groupReplies(comments ?? []), [comments]);

  // where the loaded window stops: its end, or its last thread when the limit cut it
  // how many threads come before the window: each row's place in the whole list
  const firstPosition = useMemo(() => {
    if (!counts || !span || span.from === 0) return 0;
    const firstBucket = Math.round(span.from / counts.bucketSeconds);
    return counts.marks.reduce((sum, mark) => (mark.bucket < firstBucket ? sum + mark.count : sum), 0);
  }, [counts, span]);
  const cutShort = windowQuery.data !== undefined && !windowQuery.data.complete;
  const loadedUntil = cutShort ? (threads.at(-1)?.startSeconds ?? Infinity) : Infinity;

  const follow = useCallback(
    (seconds: number) => {
      if (!counts) return;
      setSpan((current) => {
        if (current && covers(current, loadedUntil, seconds)) return current;
        const next = windowAround(counts, seconds);
        return current && current.from === next.from && current.to === next.to && current.limit === next.limit ? current : next;
      });
    },
    [counts, loadedUntil],
  );
  usePlayhead(videoRef, follow);
  // the first window, as soon as the counts are known (and again when they change)
  useEffect(() => follow(videoRef.current?.currentTime ?? 0), [follow, videoRef]);

  const error = countsQuery.error ?? windowQuery.error ?? allQuery.error;
  // one object per change of what it holds, so the memoised list and timeline skip the player's frames
  return useMemo(
    () => ({
      counts,
      threads,
      repliesOf,
      /** Live threads in the recording (the list may hold only a window of them). */
      total: counts?.total ?? threads.length,
      loaded: comments !== undefined,
      firstPosition,
      showAll,
      setShowAll,
      selectedId,
      setSelectedId,
      error,
    }),
    [counts, threads, repliesOf, comments, firstPosition, showAll, selectedId, error],
  );
}

export type CommentWindowState = ReturnType<typeof useCommentWindow>;
