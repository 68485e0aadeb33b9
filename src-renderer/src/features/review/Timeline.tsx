/**
 * The timeline under the player: the filmstrip, the waveform, markers and the playhead
 * (a slider: click or arrow keys to move), then the comment marks drawn on a canvas from
 * the counts per time bucket, dense places drawn taller, ranges as a band, markers as
 * flags. Whatever the number of comments it is one canvas. The marks strip is focusable:
 * arrow keys go from mark to mark, Enter seeks to it; a click seeks to the mark it hits.
 * The playhead moves by itself with the video, without re-rendering the screen.
 */
import { memo, useEffect, useMemo, useRef, useState, type KeyboardEvent, type MouseEvent, type RefObject } from 'react';
import type { CommentCounts, Marker } from '../../../../src-shared/contract/schemas';
import { formatClock } from '../../../../src-shared/time';
import { useI18n } from '../../i18n/i18n';
import { usePlayhead } from './playheadClock';
import { categoryTotals, hitMark, marksOf, type TimelineMark } from '../../../../src-shared/timelineMarks';
import type { PlayRange } from './useInOutRange';
import './commentList.css';

interface TimelineProps {
  duration: number;
  videoRef: RefObject<HTMLVideoElement | null>;
  filmstripUrl: string | null;
  waveformUrl: string | null;
  markers: Marker[];
  /** Threads per time bucket and category (replies are not drawn). */
  counts: CommentCounts | undefined;
  range: PlayRange | null;
  onSeek(seconds: number): void;
  /** A mark was clicked or chosen with Enter: seek to its first comment and show it in the list. */
  onPickComment(commentId: number, seconds: number): void;
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

/** The canvas's size in CSS pixels, followed as the layout changes. */
function useWidth(ref: RefObject<HTMLElement | null>): number {
  const [width, setWidth] = useState(0);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    setWidth(element.clientWidth);
    const observer = new ResizeObserver(() => setWidth(element.clientWidth));
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref]);
  return width;
}

const MARKS_HEIGHT = 36;

function drawMarks(
  canvas: HTMLCanvasElement,
  width: number,
  duration: number,
  counts: CommentCounts | undefined,
  marks: readonly TimelineMark[],
  markers: readonly Marker[],
  focused: number,
): void {
  const ratio = window.devicePixelRatio || 1;
  canvas.width = Math.max(1, Math.round(width * ratio));
  canvas.height = Math.round(MARKS_HEIGHT * ratio);
  const context = canvas.getContext('2d');
  if (!context) return;
  context.setTransform(ratio, 0, 0, ratio, 0, 0);
  context.clearRect(0, 0, width, MARKS_HEIGHT);
  if (duration <= 0 || !counts) return;
  const x = (seconds: number) => (seconds / duration) * width;
  // ranges: a band at the bottom, darker where more ranges overlap
  for (const range of counts.ranges) {
    context.fillStyle = `rgba(100, 181, 246, ${Math.min(0.9, 0.25 + 0.12 * range.count)})`;
    const left = x(range.bucket * counts.bucketSeconds);
    context.fillRect(left, MARKS_HEIGHT - 8, Math.max(1, x((range.bucket + 1) * counts.bucketSeconds) - left), 6);
  }
  // points: one bar per bucket, taller where comments are dense; green when all are dealt with
  for (const mark of marks) {
    const height = Math.min(MARKS_HEIGHT - 10, 6 + Math.log2(1 + mark.count) * 4);
    context.fillStyle = mark.resolved === mark.count ? '#81c784' : '#ff7043';
    context.fillRect(Math.round(x(mark.seconds)) - 1.5, MARKS_HEIGHT - 10 - height, 3, height);
  }
  for (const marker of markers) {
    context.fillStyle = '#f9a825';
    const left = Math.round(x(marker.atSeconds));
    context.fillRect(left - 1, 0, 2, MARKS_HEIGHT);
    context.beginPath();
    context.moveTo(left + 1, 0);
    context.lineTo(left + 8, 4);
    context.lineTo(left + 1, 8);
    context.fill();
  }
  const mark = marks[focused];
  if (mark) {
    context.strokeStyle = '#ffffff';
    context.lineWidth = 2;
    context.strokeRect(Math.round(x(mark.seconds)) - 5, 2, 10, MARKS_HEIGHT - 4);
  }
}

export const Timeline = memo(function Timeline({
  duration,
  videoRef,
  filmstripUrl,
  waveformUrl,
  markers,
  counts,
  range,
  onSeek,
  onPickComment,
}: TimelineProps) {
  const { t } = useI18n();
  const waveformRef = useRef<HTMLCanvasElement>(null);
  const sliderRef = useRef<HTMLDivElement>(null);
  const playheadRef = useRef<HTMLDivElement>(null);
  const marksRef = useRef<HTMLDivElement>(null);
  const marksCanvasRef = useRef<HTMLCanvasElement>(null);
  const currentTime = useRef(0);
  const peaks = useWaveform(waveformUrl);
  const marks = useMemo(() => marksOf(counts), [counts]);
  const [focused, setFocused] = useState(-1);
  const width = useWidth(marksRef);
  const percent = (seconds: number) => `${duration > 0 ? Math.min(100, (seconds / duration) * 100) : 0}%`;

  useEffect(() => {
    const canvas = waveformRef.current;
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

  useEffect(() => {
    if (marksCanvasRef.current) drawMarks(marksCanvasRef.current, width, duration, counts, marks, markers, focused);
  }, [width, duration, counts, marks, markers, focused]);

  // the playhead and the slider's value follow the video directly in the DOM
  usePlayhead(videoRef, (seconds) => {
    currentTime.current = seconds;
    if (playheadRef.current) playheadRef.current.style.left = percent(seconds);
    const slider = sliderRef.current;
    if (slider) {
      slider.setAttribute('aria-valuenow', String(Math.round(seconds)));
      slider.setAttribute('aria-valuetext', formatClock(seconds));
    }
  });

  function seekFromClick(event: MouseEvent<HTMLDivElement>) {
    const box = event.currentTarget.getBoundingClientRect();
    onSeek(((event.clientX - box.left) / box.width) * duration);
  }

  function onSliderKey(event: KeyboardEvent) {
    const now = currentTime.current;
    if (event.key === 'ArrowLeft') onSeek(Math.max(0, now - 1));
    else if (event.key === 'ArrowRight') onSeek(Math.min(duration, now + 1));
    else if (event.key === 'Home') onSeek(0);
    else if (event.key === 'End') onSeek(duration);
    else return;
    event.preventDefault();
    event.stopPropagation();
  }

  function pick(index: number) {
    const mark = marks[index];
    if (!mark) return;
    setFocused(index);
    onPickComment(mark.commentId, mark.seconds);
  }

  function clickMarks(event: MouseEvent<HTMLDivElement>) {
    const box = event.currentTarget.getBoundingClientRect();
    const x = event.clientX - box.left;
    const hit = hitMark(marks, x, box.width, duration);
    if (hit >= 0) pick(hit);
    else onSeek((x / box.width) * duration);
  }

  function onMarksKey(event: KeyboardEvent) {
    if (marks.length === 0) return;
    // from the playhead when no mark is chosen yet
    const from = focused >= 0 ? focused : marks.findIndex((mark) => mark.seconds > currentTime.current) - 1;
    if (event.key === 'ArrowRight' || event.key === 'ArrowDown') setFocused(Math.min(marks.length - 1, from + 1));
    else if (event.key === 'ArrowLeft' || event.key === 'ArrowUp') setFocused(Math.max(0, from < 0 ? marks.length - 1 : from - 1));
    else if (event.key === 'Home') setFocused(0);
    else if (event.key === 'End') setFocused(marks.length - 1);
    else if (event.key === 'Enter' || event.key === ' ') pick(Math.max(0, focused));
    else return;
    event.preventDefault();
    event.stopPropagation();
  }

  const focusedMark = marks[focused];
  const describeMark = (mark: TimelineMark) =>
    t('review.markLabel', {
      time: formatClock(mark.seconds),
      count: mark.count,
      categories: mark.categories.map((entry) => `${entry.category || t('review.marksNoCategory')} ${entry.count}`).join(', '),
    });
  const summary = t('review.marksSummary', {
    count: counts?.total ?? 0,
    marks: marks.length,
    categories: categoryTotals(counts)
      .map((entry) => `${entry.category || t('review.marksNoCategory')} ${entry.count}`)
      .join(', '),
  });

  return (
    <div className="timeline-block">
      <div
        ref={sliderRef}
        className="timeline canvas-timeline"
        role="slider"
        tabIndex={0}
        aria-label={t('review.timeline')}
        aria-valuemin={0}
        aria-valuemax={Math.round(duration)}
        aria-valuenow={0}
        aria-valuetext={formatClock(0)}
        onClick={seekFromClick}
        onKeyDown={onSliderKey}
      >
        <div className="filmstrip" style={filmstripUrl ? { backgroundImage: `url(${filmstripUrl})` } : undefined} />
        <canvas ref={waveformRef} className="waveform" width={1000} height={48} />
        {range && (
          <div
            className="range-preview"
            style={{
              top: 0,
              height: '100%',
              left: percent(range.start),
              width: range.end === null ? '2px' : `calc(${percent(range.end)} - ${percent(range.start)})`,
            }}
          />
        )}
        {markers.map((marker) => (
          <div
            key={`m${marker.id}`}
            className="marker-line"
            style={{ left: percent(marker.atSeconds) }}
            title={marker.tag || formatClock(marker.atSeconds)}
          />
        ))}
        <div ref={playheadRef} className="playhead" />
      </div>
      <div
        ref={marksRef}
        className="comment-marks"
        role="group"
        tabIndex={0}
        aria-label={t('review.marks')}
        aria-describedby="comment-marks-summary"
        data-testid="comment-marks"
        onClick={clickMarks}
        onKeyDown={onMarksKey}
      >
        <canvas ref={marksCanvasRef} aria-hidden="true" />
        <span id="comment-marks-summary" className="visually-hidden">
          {summary}
        </span>
        <span className="visually-hidden" aria-live="polite" data-testid="comment-mark-focused">
          {focusedMark ? describeMark(focusedMark) : ''}
        </span>
      </div>
    </div>
  );
});
