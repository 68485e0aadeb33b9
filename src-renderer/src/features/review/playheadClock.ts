/**
 * The playhead's time, outside React state: while the video plays, one callback per
 * animation frame (only when the time moved); when paused, on seeks. What follows the
 * playhead (the list's active row, the timeline's playhead) updates the DOM itself,
 * so playback never re-renders a list of thousands of comments.
 */
import { useEffect, useLayoutEffect, useRef, type RefObject } from 'react';

export function subscribePlayhead(video: HTMLVideoElement, onTime: (seconds: number) => void): () => void {
  let frame = 0;
  let last = Number.NaN;
  const emit = () => {
    const time = video.currentTime;
    if (time !== last) {
      last = time;
      onTime(time);
    }
  };
  const loop = () => {
    emit();
    frame = requestAnimationFrame(loop);
  };
  const start = () => {
    cancelAnimationFrame(frame);
    loop();
  };
  const stop = () => {
    cancelAnimationFrame(frame);
    emit();
  };
  const events = ['seeking', 'seeked', 'timeupdate', 'loadedmetadata'] as const;
  video.addEventListener('play', start);
  video.addEventListener('pause', stop);
  for (const event of events) video.addEventListener(event, emit);
  if (video.paused) emit();
  else start();
  return () => {
    cancelAnimationFrame(frame);
    video.removeEventListener('play', start);
    video.removeEventListener('pause', stop);
    for (const event of events) video.removeEventListener(event, emit);
  };
}

/**
 * Calls the latest `onTime` with the playhead's time, without re-rendering the caller.
 * The video may appear after the caller (the screen shows it once the recording is
 * loaded): each render checks, cheaply, whether there is a new element to follow.
 */
export function usePlayhead(videoRef: RefObject<HTMLVideoElement | null>, onTime: (seconds: number) => void): void {
  const latest = useRef(onTime);
  const subscription = useRef<{ video: HTMLVideoElement; stop: () => void } | null>(null);
  useLayoutEffect(() => {
    latest.current = onTime;
  });
  useEffect(() => {
    const video = videoRef.current;
    if (subscription.current?.video === video) return;
    subscription.current?.stop();
    subscription.current = video ? { video, stop: subscribePlayhead(video, (seconds) => latest.current(seconds)) } : null;
  });
  useEffect(
    () => () => {
      subscription.current?.stop();
      subscription.current = null;
    },
    [],
  );
}
