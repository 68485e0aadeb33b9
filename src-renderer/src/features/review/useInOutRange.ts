/**
 * The I/O range on the film (keys I and O, or the buttons): where a comment or a clip
 * starts and, once O is set, ends. O before I is ignored.
 */
import { useCallback, useState, type RefObject } from 'react';

export interface PlayRange {
  start: number;
  end: number | null;
}

export function useInOutRange(videoRef: RefObject<HTMLVideoElement | null>) {
  const [range, setRange] = useState<PlayRange | null>(null);
  const markIn = useCallback(() => setRange({ start: videoRef.current?.currentTime ?? 0, end: null }), [videoRef]);
  const markOut = useCallback(
    () =>
      setRange((value) => {
        const now = videoRef.current?.currentTime ?? 0;
        return value && now >= value.start ? { ...value, end: now } : value;
      }),
    [videoRef],
  );
  const clear = useCallback(() => setRange(null), []);
  return { range, setRange, markIn, markOut, clear };
}

export type InOutRange = ReturnType<typeof useInOutRange>;
