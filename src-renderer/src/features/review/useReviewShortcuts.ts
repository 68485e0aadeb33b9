/**
 * The review keys, for the whole screen: space/K play-pause, J/L five seconds back and
 * forward, comma/period one frame, I/O the range, ? the list of keys; in group mode 1–7
 * quick comments and Escape to leave. Keys typed in a field are left alone, Space on a
 * focused button presses that button, and Ctrl/Alt/Meta combinations belong to the
 * browser (Ctrl+L, Alt+J…): none of them is taken.
 */
import { useEffect } from 'react';
import { isTypingIn } from '../../app/typingTarget';
import type { GroupMode } from './useGroupMode';
import type { InOutRange } from './useInOutRange';
import type { Player } from './usePlayer';

/** A focused control that Space or Enter already presses (a button, a link, a checkbox…). */
export function isPressable(target: EventTarget | null): boolean {
  const element = target as HTMLElement | null;
  if (!element || typeof element.closest !== 'function') return false;
  return (
    element.closest('button, a[href], summary, [role="button"], [role="checkbox"], [role="switch"], [role="menuitem"], [role="tab"]') !==
    null
  );
}

export function useReviewShortcuts({
  player: { videoRef, seek, stepFrames, togglePlay },
  inOut: { markIn, markOut },
  group: { groupMode, addQuick, leave },
  onShowKeys,
  paused = false,
  onError,
}: {
  player: Player;
  inOut: InOutRange;
  group: GroupMode;
  /** `?`: opens the list of keys. */
  onShowKeys(): void;
  /** While a dialog is open the screen's keys rest. */
  paused?: boolean;
  onError(error: unknown): void;
}) {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (paused || event.defaultPrevented) return;
      if (event.ctrlKey || event.altKey || event.metaKey) return;
      if (isTypingIn(event.target)) return;
      if (event.key === '?') {
        onShowKeys();
        event.preventDefault();
        return;
      }
      const video = videoRef.current;
      if (!video) return;
      const key = event.key.toLowerCase();
      if (key === ' ' && isPressable(event.target)) return; // the focused button gets its press
      if (key === ' ' || key === 'k') togglePlay();
      else if (key === 'j') seek(video.currentTime - 5);
      else if (key === 'l') seek(video.currentTime + 5);
      else if (key === ',') stepFrames(-1);
      else if (key === '.') stepFrames(1);
      else if (key === 'i') markIn();
      else if (key === 'o') markOut();
      else if (groupMode && /^[1-7]$/.test(key)) void addQuick(Number(key) - 1).catch(onError);
      else if (key === 'escape' && groupMode && !document.fullscreenElement) leave();
      else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [addQuick, groupMode, leave, markIn, markOut, onError, onShowKeys, paused, seek, stepFrames, togglePlay, videoRef]);
}
