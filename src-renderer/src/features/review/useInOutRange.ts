/**
 * The I/O range on the film (keys I and O, or the buttons): where a comment or a clip
 * starts and, once O is set, ends. O before I is ignored. Both land on the start of the
 * frame on screen, on the master's frame grid: the range [I, O) holds the frames from
 * the one shown at I to the one before the frame shown at O.
 */
import { useCallback, useState, type RefObject } from 'react';
import { snapToFrame } from '../../../../src-shared/frameGrid';

export interface PlayRange {
  start: number;
  end: number | null;
}

export function useInOutRange(videoRef: RefObject<HTMLVideoElement | null>, frameRate: number) {
  const [range, setRange] = useState<PlayRange | null>(null);
  const markIn = useCallback(
    () => setRange({ start: snapToFrame(videoRef.current?.currentTime ?? 0, frameRate), end: null }),
    [videoRef, frameRate],
  );
  const markOut = useCallback(
    () =>
      setRange((value) => {
        const now = snapToFrame(videoRef.current?.currentTime ?? 0, frameRate);
        return value && now > value.start ? { ...value, end: now } : value;
      }),
    [videoRef, frameRate],
  );
  const clear = useCallback(() => setRange(null), []);
  return { range, setRange, markIn, markOut, clear };
}

export type InOutRange = ReturnType<typeof useInOutRange>;
