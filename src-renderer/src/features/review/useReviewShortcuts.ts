/**
 * The review keys, for the whole screen: space/K play-pause, J/L five seconds back and
 * forward, comma/period one frame, I/O the range; in group mode 1–7 quick comments and
 * Escape to leave. Keys typed in a field are left alone.
 */
import { useEffect } from 'react';
import { isTypingIn } from '../../app/typingTarget';
import type { GroupMode } from './useGroupMode';
import type { InOutRange } from './useInOutRange';
import type { Player } from './usePlayer';

export function useReviewShortcuts({
  player: { videoRef, seek, stepFrames, togglePlay },
  inOut: { markIn, markOut },
  group: { groupMode, addQuick, leave },
  onError,
}: {
  player: Player;
  inOut: InOutRange;
  group: GroupMode;
  onError(error: unknown): void;
}) {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (isTypingIn(event.target)) return;
      const video = videoRef.current;
      if (!video) return;
      const key = event.key.toLowerCase();
      if (key === ' ' || key === 'k') togglePlay();
      else if (key === 'j') seek(video.currentTime - 5);
      else if (key === 'l') seek(video.currentTime + 5);
      else if (key === ',') stepFrames(-1);
      else if (key === '.') stepFrames(1);
      else if (key === 'i') markIn();
      else if (key === 'o') markOut();
      else if (groupMode && /^[1-7]$/.test(key)) void addQuick(Number(key) - 1).catch(onError);
      else if (key === 'escape' && groupMode) leave();
      else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [addQuick, groupMode, leave, markIn, markOut, onError, seek, stepFrames, togglePlay, videoRef]);
}
