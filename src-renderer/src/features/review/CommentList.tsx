/**
 * The comment threads beside the player, virtualised: only the rows in view (and a few
 * more) are in the DOM, whatever the number of comments. The list holds the threads
 * around the playhead (all of them on demand) and follows the playhead without
 * re-rendering on every frame: the active row changes only when another thread starts,
 * and the list scrolls to it unless the user is reading or writing in it.
 */
import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useCallback, useEffect, useRef, useState, type RefObject } from 'react';
import type { Comment, Person } from '../../../../src-shared/contract/schemas';
import { useI18n } from '../../i18n/i18n';
import { isTypingIn } from '../../app/typingTarget';
import { CommentThread } from './CommentThread';
import { activeThreadIndex, WINDOW_THREADS } from '../../../../src-shared/commentWindow';
import { usePlayhead } from './playheadClock';
import type { CommentWindowState } from './useCommentWindow';
import './commentList.css';

const NO_REPLIES: Comment[] = [];
/** After a scroll, a click or a key in the list, it stops following the playhead for this long. */
const USER_PAUSE_MS = 2500;

export const CommentList = memo(function CommentList({
  comments: { threads, repliesOf, total, showAll, setShowAll, selectedId, loaded, firstPosition },
  videoRef,
  onSeek,
  onError,
  onMakeClip,
  people,
}: {
  comments: CommentWindowState;
  /** Who may reply. */
  people: readonly Person[];
  videoRef: RefObject<HTMLVideoElement | null>;
  onSeek(seconds: number): void;
  onError(error: unknown): void;
  onMakeClip(start: number, end: number): void;
}) {
  const { t } = useI18n();
  const scrollRef = useRef<HTMLDivElement>(null);
  const lastUserAction = useRef(Number.NEGATIVE_INFINITY);
  const [activeId, setActiveId] = useState<number | null>(null);
  const virtualizer = useVirtualizer({
    count: threads.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => 132,
    overscan: 3,
    getItemKey: (index) => threads[index]!.id,
  });

  // the thread at the playhead: set only when another thread starts, so playing re-renders nothing in between
  const threadsNow = useRef(threads);
  const follow = useCallback((seconds: number) => {
    const index = activeThreadIndex(threadsNow.current, seconds);
    setActiveId(index >= 0 ? threadsNow.current[index]!.id : null);
  }, []);
  usePlayhead(videoRef, follow);
  useEffect(() => {
    threadsNow.current = threads;
    follow(videoRef.current?.currentTime ?? 0);
  }, [threads, follow, videoRef]);
  const active = activeId === null ? -1 : threads.findIndex((thread) => thread.id === activeId);

  const userBusy = () =>
    performance.now() - lastUserAction.current < USER_PAUSE_MS ||
    (scrollRef.current?.contains(document.activeElement) === true && isTypingIn(document.activeElement));

  // scroll to the active thread when it changes or moves (a new window, a comment added before it)
  // before the first thread starts, the list shows its top (the first thread is the next one)
  const target = active >= 0 ? active : threads.length > 0 ? 0 : -1;
  const targetId = target >= 0 ? threads[target]!.id : null;
  const scrolledTo = useRef({ id: -1, index: -1 });
  const activeNow = useRef(target);
  useEffect(() => {
    activeNow.current = target;
    if (target < 0 || (scrolledTo.current.id === targetId && scrolledTo.current.index === target)) return;
    scrolledTo.current = { id: targetId!, index: target };
    if (!userBusy()) {
      virtualizer.scrollToIndex(target, { align: 'center' });
      return;
    }
    // the user was busy in the list: catch up with the playhead once the pause is over
    const catchUp = setTimeout(
      () => {
        if (!userBusy() && activeNow.current >= 0) virtualizer.scrollToIndex(activeNow.current, { align: 'center' });
      },
      USER_PAUSE_MS - (performance.now() - lastUserAction.current) + 50,
    );
    return () => clearTimeout(catchUp);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [targetId, target]);

  const selectedIndex = selectedId === null ? -1 : threads.findIndex((thread) => thread.id === selectedId);
  useEffect(() => {
    if (selectedIndex < 0) return;
    // the thread picked on the timeline stays in view: following the playhead pauses as after a scroll
    lastUserAction.current = performance.now();
    virtualizer.scrollToIndex(selectedIndex, { align: 'center' });
  }, [selectedIndex, virtualizer]);

  const windowed = !showAll && total > threads.length;
  const userAction = () => {
    lastUserAction.current = performance.now();
  };

  return (
    <>
      {loaded && total === 0 && <p className="empty">{t('review.noComments')}</p>}
      {(windowed || (showAll && threads.length > WINDOW_THREADS)) && (
        <p className="muted small-text">
          {showAll ? t('review.showingAll', { count: threads.length }) : t('review.showingWindow', { count: total, shown: threads.length })}{' '}
          <button className="small" onClick={() => setShowAll(!showAll)}>
            {showAll ? t('review.showWindow') : t('review.showAll')}
          </button>
        </p>
      )}
      <div className="comment-list-scroll" ref={scrollRef} onWheel={userAction} onPointerDown={userAction} onKeyDown={userAction}>
        <ol className="comment-list virtual-list" aria-label={t('review.comments')} style={{ height: virtualizer.getTotalSize() }}>
          {virtualizer.getVirtualItems().map((item) => {
            const comment = threads[item.index]!;
            return (
              <CommentThread
                key={comment.id}
                comment={comment}
                replies={repliesOf.get(comment.id) ?? NO_REPLIES}
                people={people}
                onSeek={onSeek}
                onError={onError}
                onMakeClip={onMakeClip}
                active={item.index === active}
                selected={comment.id === selectedId}
                rowProps={{
                  ref: virtualizer.measureElement,
                  'data-index': item.index,
                  style: { transform: `translateY(${item.start}px)` },
                  'aria-setsize': showAll ? threads.length : total,
                  'aria-posinset': (showAll ? 0 : firstPosition) + item.index + 1,
                }}
              />
            );
          })}
        </ol>
      </div>
    </>
  );
});
