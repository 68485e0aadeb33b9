/**
 * The timeline under the player: the filmstrip, the waveform, markers (flags) and
 * comments (dots for points, bars for ranges), and the playhead. Click or use the
 * arrow keys to move; it is a slider for screen readers.
 */
import { useEffect, useRef, useState, type KeyboardEvent, type MouseEvent } from 'react';
import type { Comment, Marker } from '../../../../src-shared/contract/schemas';
import { formatClock } from '../../../../src-shared/time';
import { useI18n } from '../../i18n/i18n';
import type { PlayRange } from './useInOutRange';

interface TimelineProps {
  duration: number;
  currentTime: number;
  filmstripUrl: string | null;
  waveformUrl: string | null;
  markers: Marker[];
  /** Top-level comments only: replies are not drawn. */
  threads: Comment[];
  range: PlayRange | null;
  onSeek(seconds: number): void;
}

function useWaveform(url: string | null): number[] | null {
  const [peaks, setPeaks] = useState<number[] | null>(null);
  useEffect(() => {
    if (!url) return;
    let alive = true;
    fetch(url)
      .then((response) => response.json() as Promise<{ peaks: number[] }>)
      .then((waveform) => alive && setPeaks(waveform.peaks))
      .catch(() => {});
    return () => {
      alive = false;
    };
  }, [url]);
  return peaks;
}

export function Timeline({ duration, currentTime, filmstripUrl, waveformUrl, markers, threads, range, onSeek }: TimelineProps) {
  const { t } = useI18n();
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const peaks = useWaveform(waveformUrl);
  const percent = (seconds: number) => `${duration > 0 ? Math.min(100, (seconds / duration) * 100) : 0}%`;

  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas || !peaks) return;
    const context = canvas.getContext('2d');
    if (!context) return;
    const { width, height } = canvas;
    context.clearRect(0, 0, width, height);
    context.fillStyle = '#5b7fbf';
    const step = peaks.length / width;
    for (let x = 0; x < width; x++) {
      let max = 0;
      for (let i = Math.floor(x * step); i < Math.floor((x + 1) * step) && i < peaks.length; i++) max = Math.max(max, peaks[i]!);
      const bar = Math.max(1, max * height);
      context.fillRect(x, (height - bar) / 2, 1, bar);
    }
  }, [peaks]);

  function seekFromClick(event: MouseEvent<HTMLDivElement>) {
    const box = event.currentTarget.getBoundingClientRect();
    onSeek(((event.clientX - box.left) / box.width) * duration);
  }

  function onKey(event: KeyboardEvent) {
    if (event.key === 'ArrowLeft') onSeek(Math.max(0, currentTime - 1));
    else if (event.key === 'ArrowRight') onSeek(Math.min(duration, currentTime + 1));
    else if (event.key === 'Home') onSeek(0);
    else if (event.key === 'End') onSeek(duration);
    else return;
    event.preventDefault();
    event.stopPropagation();
  }

  return (
    <div
      className="timeline"
      role="slider"
      tabIndex={0}
      aria-label={t('review.timeline')}
      aria-valuemin={0}
      aria-valuemax={Math.round(duration)}
      aria-valuenow={Math.round(currentTime)}
      aria-valuetext={formatClock(currentTime)}
      onClick={seekFromClick}
      onKeyDown={onKey}
    >
      <div className="filmstrip" style={filmstripUrl ? { backgroundImage: `url(${filmstripUrl})` } : undefined} />
      <canvas ref={canvasRef} className="waveform" width={1000} height={48} />
      <div className="lane">
        {range && (
          <div
            className="range-preview"
            style={{
              left: percent(range.start),
              width: range.end === null ? '2px' : `calc(${percent(range.end)} - ${percent(range.start)})`,
            }}
          />
        )}
        {markers.map((marker) => (
          <div
            key={`m${marker.id}`}
            className="marker-flag"
            style={{ left: percent(marker.atSeconds) }}
            title={marker.tag || formatClock(marker.atSeconds)}
          />
        ))}
        {threads.map((comment) =>
          comment.endSeconds === null ? (
            <div
              key={comment.id}
              className={`comment-dot ${comment.resolved ? 'resolved' : ''}`}
              style={{ left: percent(comment.startSeconds) }}
              title={comment.text}
            />
          ) : (
            <div
              key={comment.id}
              className={`comment-bar ${comment.resolved ? 'resolved' : ''}`}
              style={{
                left: percent(comment.startSeconds),
                width: `calc(${percent(comment.endSeconds)} - ${percent(comment.startSeconds)})`,
              }}
              title={comment.text}
            />
          ),
        )}
      </div>
      <div className="playhead" style={{ left: percent(currentTime) }} />
    </div>
  );
}
