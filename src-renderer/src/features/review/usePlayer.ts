/**
 * The review player's state, read from the <video> element itself: clock (updated on
 * timeupdate, not per frame), duration, play/pause, speed; seeking clamped to the film and landing on the
 * start of a frame of the master's own grid; frame steps (, and .) on that grid.
 */
import { useCallback, useRef, useState, type SyntheticEvent } from 'react';
import { FALLBACK_FRAME_RATE, snapToFrame, stepFrame } from '../../../../src-shared/frameGrid';

/** A seek lands this far past a frame's start, so the element surely shows that frame. */
const SEEK_INTO_FRAME = 0.0001;

/** `frameRate`: the recording's (until it is loaded, the rate masters fall back to). */
export function usePlayer(frameRate: number = FALLBACK_FRAME_RATE) {
  const videoRef = useRef<HTMLVideoElement>(null);
  const [currentTime, setCurrentTime] = useState(0);
  const [duration, setDuration] = useState(0);
  const [playing, setPlaying] = useState(false);
  const [speed, setSpeed] = useState(1);

  const seek = useCallback(
    (seconds: number) => {
      const video = videoRef.current;
      if (!video) return;
      const clamped = Math.max(0, Math.min(seconds, video.duration || seconds));
      video.currentTime = Math.min(snapToFrame(clamped, frameRate) + SEEK_INTO_FRAME, video.duration || Infinity);
      setCurrentTime(video.currentTime);
    },
    [frameRate],
  );

  /** To the next or previous frame. */
  const stepFrames = useCallback(
    (step: number) => {
      const video = videoRef.current;
      if (video) seek(stepFrame(video.currentTime, frameRate, step));
    },
    [frameRate, seek],
  );

  const togglePlay = useCallback(() => {
    const video = videoRef.current;
    if (!video) return;
    if (video.paused) void video.play();
    else video.pause();
  }, []);

  const setRate = (rate: number) => {
    if (videoRef.current) videoRef.current.playbackRate = rate;
  };

  // No per-frame state here: the clock shows whole seconds, so timeupdate (about 4 a second)
  // is enough for it; what must follow every frame (the timeline's playhead, the comment
  // list) subscribes to the video itself (playheadClock.ts), so playing never re-renders the screen.

  /** Spread on the <video>: the element tells the state what it does. */
  const videoEvents = {
    onLoadedMetadata: (e: SyntheticEvent<HTMLVideoElement>) => setDuration(e.currentTarget.duration),
    onTimeUpdate: (e: SyntheticEvent<HTMLVideoElement>) => setCurrentTime(e.currentTarget.currentTime),
    onPlay: () => setPlaying(true),
    onPause: () => setPlaying(false),
    onRateChange: (e: SyntheticEvent<HTMLVideoElement>) => setSpeed(e.currentTarget.playbackRate),
    onClick: togglePlay,
  };

  return { videoRef, currentTime, duration, playing, speed, frameRate, seek, stepFrames, togglePlay, setRate, videoEvents };
}

export type Player = ReturnType<typeof usePlayer>;
