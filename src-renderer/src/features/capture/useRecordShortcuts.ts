/**
 * The filming keys: M drops a marker while recording, Escape cancels the countdown.
 * Keys typed in a field are left alone.
 */
import { useEffect } from 'react';
import { isTypingIn } from '../../app/typingTarget';
import type { Recorder } from './useRecorder';

export function useRecordShortcuts({ phase, addMarker, cancelCountdown }: Recorder) {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (isTypingIn(event.target)) return;
      if (event.key === 'm' || event.key === 'M') void addMarker();
      if (event.key === 'Escape' && phase === 'countdown') cancelCountdown();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [addMarker, cancelCountdown, phase]);
}
