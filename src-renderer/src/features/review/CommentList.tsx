/**
 * The comment threads beside the player. Past LIST_WINDOW threads only a window around
 * the playhead is drawn, so a long session stays quick; "show all" lifts the window.
 */
import { useState } from 'react';
import type { Comment } from '../../../../src-shared/contract/schemas';
import { useI18n } from '../../i18n/i18n';
import { CommentThread } from './CommentThread';

const LIST_WINDOW = 200;

/** Index of the first thread starting at or after `seconds` (threads are sorted by time). */
function firstAtOrAfter(threads: readonly Comment[], seconds: number): number {
  let low = 0;
  let high = threads.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (threads[middle]!.startSeconds < seconds) low = middle + 1;
    else high = middle;
  }
  return low;
}

export function CommentList({
  threads,
  repliesOf,
  currentTime,
  onSeek,
  onError,
  onMakeClip,
}: {
  threads: Comment[];
  repliesOf: Map<number, Comment[]>;
  currentTime: number;
  onSeek(seconds: number): void;
  onError(error: unknown): void;
  onMakeClip(start: number, end: number): void;
}) {
  const { t } = useI18n();
  const [showAll, setShowAll] = useState(false);
  const windowed = threads.length > LIST_WINDOW && !showAll;
  const windowStart = windowed ? Math.max(0, Math.min(firstAtOrAfter(threads, currentTime) - 20, threads.length - LIST_WINDOW)) : 0;
  const shownThreads = windowed ? threads.slice(windowStart, windowStart + LIST_WINDOW) : threads;

  return (
    <>
      {threads.length === 0 && <p className="empty">{t('review.noComments')}</p>}
      {threads.length > LIST_WINDOW && (
        <p className="muted small-text">
          {showAll
            ? t('review.showingAll', { count: threads.length })
            : t('review.showingWindow', { count: threads.length, shown: shownThreads.length })}{' '}
          <button className="small" onClick={() => setShowAll((value) => !value)}>
            {showAll ? t('review.showWindow') : t('review.showAll')}
          </button>
        </p>
      )}
      <ol className="comment-list" aria-label={t('review.comments')}>
        {shownThreads.map((comment) => (
          <CommentThread
            key={comment.id}
            comment={comment}
            replies={repliesOf.get(comment.id) ?? []}
            onSeek={onSeek}
            onError={onError}
            onMakeClip={onMakeClip}
          />
        ))}
      </ol>
    </>
  );
}
