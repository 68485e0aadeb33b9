/**
 * Watching a take together: the player with J/K/L, space, frame steps and speed; the
 * timeline; comments at a point or over a range (I/O); the group mode for the big
 * screen, where keys 1–7 drop a categorized comment for whoever's turn it is; the
 * rubric; exports (CSV, WebVTT, SRT, feedback sheet).
 */
import { useCallback, useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import type { Comment } from '../../../../src-shared/contract/schemas';
import { api } from '../../api/client';
import { formatClock } from '../../../../src-shared/time';
import { ErrorBanner } from '../../components/ErrorBanner';
import { Icon } from '../../components/Icon';
import { useI18n } from '../../i18n/i18n';
import { hrefFor } from '../../app/router';
import { useApiData } from '../../app/useApiData';
import { CommentThread } from './CommentThread';
import { RubricPanel } from './RubricPanel';
import { Timeline } from './Timeline';
import { ClipsPanel } from '../editing/ClipsPanel';
import { BlurBoxOverlay } from '../editing/BlurBoxOverlay';
import { SubtitlesImport } from '../editing/SubtitlesImport';

const FRAME_SECONDS = 1 / 30;
const SPEEDS = [0.5, 0.75, 1, 1.25, 1.5, 2];
/** Past this many threads the list shows a window around the playhead, so it stays quick. */
const LIST_WINDOW = 200;

/** Index of the first thread starting at or after `seconds` (threads are sorted by time). */
function firstAtOrAfter(threads: readonly Comment[], seconds: number): number {
  let low = 0;
  let high = threads.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (threads[middle]!.startSeconds < seconds) low = middle + 1;
    else high = middle;
  }
  return low;
}

function download(fileName: string, content: string, mimeType: string): void {
  const url = URL.createObjectURL(new Blob([content], { type: mimeType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function ReviewScreen({ recordingId }: { recordingId: number }) {
  const { t } = useI18n();
  const videoRef = useRef<HTMLVideoElement>(null);
  const [currentTime, setCurrentTime] = useState(0);
  const [duration, setDuration] = useState(0);
  const [playing, setPlaying] = useState(false);
  const [speed, setSpeed] = useState(1);
  const [range, setRange] = useState<{ start: number; end: number | null } | null>(null);
  const [authorId, setAuthorId] = useState<string>('');
  const [category, setCategory] = useState('');
  const [text, setText] = useState('');
  const [groupMode, setGroupMode] = useState(false);
  const [turn, setTurn] = useState(0);
  const [sheet, setSheet] = useState<{ assetId: number; fileName: string } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [showAll, setShowAll] = useState(false);
  const [drawBoxFor, setDrawBoxFor] = useState<number | null>(null);
  const playerWrapRef = useRef<HTMLDivElement>(null);
  // drawing a blur region happens on the picture: bring it into view
  useEffect(() => {
    if (drawBoxFor !== null) playerWrapRef.current?.scrollIntoView({ block: 'center' });
  }, [drawBoxFor]);

  const { data: base, error: loadError } = useApiData(
    async () => {
      const recording = await api.call('recordings.get', { id: recordingId });
      const [people, categories] = await Promise.all([
        api.call('people.list', { projectId: recording.projectId }),
        api.call('categories.list', { projectId: recording.projectId }),
      ]);
      return { recording, people, categories };
    },
    [recordingId],
    ['recording', 'person', 'project', 'marker'],
  );
  const { data: comments } = useApiData(() => api.call('comments.list', { recordingId }), [recordingId], ['comment', 'person']);
  const { data: rubric } = useApiData(() => api.call('rubric.get', { recordingId }), [recordingId], ['recording']);

  const threads = useMemo(() => (comments ?? []).filter((comment) => comment.parentId === null), [comments]);
  const repliesOf = useMemo(() => {
    const map = new Map<number, Comment[]>();
    for (const comment of comments ?? [])
      if (comment.parentId !== null) map.set(comment.parentId, [...(map.get(comment.parentId) ?? []), comment]);
    return map;
  }, [comments]);
  const windowStart =
    threads.length > LIST_WINDOW && !showAll
      ? Math.max(0, Math.min(firstAtOrAfter(threads, currentTime) - 20, threads.length - LIST_WINDOW))
      : 0;
  const shownThreads = threads.length > LIST_WINDOW && !showAll ? threads.slice(windowStart, windowStart + LIST_WINDOW) : threads;
  // round-robin: every person of the project, then the group
  const turnOrder = useMemo(
    () => [...(base?.people ?? []).map((p) => ({ id: p.id as number | null, name: p.displayName })), { id: null, name: t('review.group') }],
    [base, t],
  );
  const current = turnOrder[turn % Math.max(1, turnOrder.length)];

  const seek = useCallback((seconds: number) => {
    const video = videoRef.current;
    if (!video) return;
    video.currentTime = Math.max(0, Math.min(seconds, video.duration || seconds));
    setCurrentTime(video.currentTime);
  }, []);

  const togglePlay = useCallback(() => {
    const video = videoRef.current;
    if (!video) return;
    if (video.paused) void video.play();
    else video.pause();
  }, []);

  // keep the clock smooth while playing
  useEffect(() => {
    if (!playing) return;
    let frame = 0;
    const tick = () => {
      if (videoRef.current) setCurrentTime(videoRef.current.currentTime);
      frame = requestAnimationFrame(tick);
    };
    tick();
    return () => cancelAnimationFrame(frame);
  }, [playing]);

  const addQuick = useCallback(
    async (index: number) => {
      const label = base?.categories[index];
      if (!label) return;
      await api.call('comments.add', {
        recordingId,
        startSeconds: videoRef.current?.currentTime ?? 0,
        category: label,
        text: label,
        authorPersonId: current?.id ?? null,
      });
      setTurn((value) => value + 1);
    },
    [base, current, recordingId],
  );

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      if (target && (['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName) || target.isContentEditable)) return;
      const video = videoRef.current;
      if (!video) return;
      const key = event.key.toLowerCase();
      if (key === ' ' || key === 'k') togglePlay();
      else if (key === 'j') seek(video.currentTime - 5);
      else if (key === 'l') seek(video.currentTime + 5);
      else if (key === ',') seek(video.currentTime - FRAME_SECONDS);
      else if (key === '.') seek(video.currentTime + FRAME_SECONDS);
      else if (key === 'i') setRange({ start: video.currentTime, end: null });
      else if (key === 'o') setRange((value) => (value && video.currentTime >= value.start ? { ...value, end: video.currentTime } : value));
      else if (groupMode && /^[1-7]$/.test(key)) void addQuick(Number(key) - 1).catch(setError);
      else if (key === 'escape' && groupMode) setGroupMode(false);
      else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [addQuick, groupMode, seek, togglePlay]);

  async function addComment(event: FormEvent) {
    event.preventDefault();
    setError(null);
    try {
      const start = range ? range.start : (videoRef.current?.currentTime ?? 0);
      await api.call('comments.add', {
        recordingId,
        startSeconds: start,
        endSeconds: range?.end ?? null,
        authorPersonId: authorId ? Number(authorId) : null,
        category,
        text,
      });
      setText('');
      setRange(null);
    } catch (reason) {
      setError(reason);
    }
  }

  async function exportAs(format: 'csv' | 'vtt' | 'srt') {
    try {
      const file = await api.call('comments.export', { recordingId, format });
      download(file.fileName, file.content, file.mimeType);
    } catch (reason) {
      setError(reason);
    }
  }

  if (!base) {
    return (
      <main className="screen">
        <ErrorBanner error={loadError} />
        {!loadError && <p>{t('app.loading')}</p>}
      </main>
    );
  }
  const { recording } = base;
  const title = recording.title || t('recording.untitled', { id: recording.id });
  const rangeLabel = range
    ? range.end === null
      ? t('review.at', { time: formatClock(range.start) })
      : t('review.range', { start: formatClock(range.start), end: formatClock(range.end) })
    : null;

  return (
    <main className={`screen review-screen ${groupMode ? 'group-mode' : ''}`}>
      {!groupMode && (
        <a
          className="back-link"
          href={
            recording.sessionId
              ? hrefFor({ name: 'session', sessionId: recording.sessionId })
              : hrefFor({ name: 'project', projectId: recording.projectId })
          }
        >
          <Icon name="back" /> {t('review.back')}
        </a>
      )}
      <header className="screen-header">
        <h1>{title}</h1>
        <div className="actions">
          <button className={groupMode ? '' : 'primary'} onClick={() => setGroupMode((value) => !value)}>
            {groupMode ? t('review.leaveGroupMode') : t('review.groupMode')}
          </button>
          {!groupMode && (
            <>
              <button onClick={() => void exportAs('csv')}>{t('review.export')} CSV</button>
              <button onClick={() => void exportAs('vtt')}>WebVTT</button>
              <button onClick={() => void exportAs('srt')}>SRT</button>
              <button onClick={() => void api.call('feedback.sheet', { recordingId }).then(setSheet, setError)}>
                {t('review.feedbackSheet')}
              </button>
              {sheet && (
                <a className="button primary" href={api.mediaUrl(sheet.assetId)} download={sheet.fileName}>
                  {t('review.feedbackReady')}
                </a>
              )}
            </>
          )}
        </div>
      </header>
      {recording.needsReview && <div className="warning-banner">{t('review.needsReview', { reason: recording.needsReview })}</div>}
      <ErrorBanner error={error ?? loadError} />
      <div className="review-layout">
        <div className="player-column">
          <div className="player-wrap" ref={playerWrapRef}>
            {recording.masterAssetId && (
              <video
                ref={videoRef}
                className="player"
                src={api.mediaUrl(recording.masterAssetId)}
                preload="auto"
                playsInline
                onLoadedMetadata={(e) => setDuration(e.currentTarget.duration)}
                onTimeUpdate={(e) => setCurrentTime(e.currentTarget.currentTime)}
                onPlay={() => setPlaying(true)}
                onPause={() => setPlaying(false)}
                onRateChange={(e) => setSpeed(e.currentTarget.playbackRate)}
                onClick={togglePlay}
              />
            )}
            {drawBoxFor !== null && (
              <BlurBoxOverlay
                onCancel={() => setDrawBoxFor(null)}
                onDone={(blurBox) => {
                  const clipId = drawBoxFor;
                  setDrawBoxFor(null);
                  void api.call('clips.update', { id: clipId, changes: { blurBox } }).catch(setError);
                }}
              />
            )}
          </div>
          <div className="player-controls">
            <button onClick={() => seek(currentTime - 5)}>{t('review.back5')}</button>
            <button onClick={() => seek(currentTime - FRAME_SECONDS)} aria-label={t('review.prevFrame')}>
              ◀|
            </button>
            <button className="primary" onClick={togglePlay}>
              {playing ? t('review.pause') : t('review.play')}
            </button>
            <button onClick={() => seek(currentTime + FRAME_SECONDS)} aria-label={t('review.nextFrame')}>
              |▶
            </button>
            <button onClick={() => seek(currentTime + 5)}>{t('review.forward5')}</button>
            <span className="clock" aria-live="off" data-testid="clock">
              {formatClock(currentTime)} / {formatClock(duration || recording.durationSeconds || 0)}
            </span>
            <label>
              {t('review.speed')}{' '}
              <select
                value={speed}
                onChange={(e) => {
                  if (videoRef.current) videoRef.current.playbackRate = Number(e.target.value);
                }}
              >
                {SPEEDS.map((value) => (
                  <option key={value} value={value}>
                    {value}×
                  </option>
                ))}
              </select>
            </label>
          </div>
          <Timeline
            duration={duration || recording.durationSeconds || 0}
            currentTime={currentTime}
            filmstripUrl={recording.filmstripAssetId ? api.mediaUrl(recording.filmstripAssetId) : null}
            waveformUrl={recording.waveformAssetId ? api.mediaUrl(recording.waveformAssetId) : null}
            markers={recording.markers}
            comments={comments ?? []}
            range={range}
            onSeek={seek}
          />
          <p className="muted small-text">{t('review.shortcuts')}</p>
          {groupMode && (
            <div className="group-bar">
              <div className="turn" role="status">
                {t('review.turnOf')} <strong>{current?.name}</strong>
                <button onClick={() => setTurn((value) => value + 1)}>{t('review.nextAuthor')} ▶</button>
              </div>
              <p className="muted">{t('review.quickTags')}</p>
              <div className="quick-tags">
                {base.categories.slice(0, 7).map((label, index) => (
                  <button key={label} className="quick-tag" onClick={() => void addQuick(index).catch(setError)}>
                    <span className="key">{index + 1}</span> {label}
                  </button>
                ))}
              </div>
            </div>
          )}
        </div>
        <section className="comments-column" aria-labelledby="comments-title">
          <h2 id="comments-title">{t('review.comments')}</h2>
          {!groupMode && (
            <form className="comment-form" onSubmit={addComment} aria-label={t('review.add')}>
              <div className="field-row">
                <div className="field">
                  <label htmlFor="comment-author">{t('review.author')}</label>
                  <select id="comment-author" value={authorId} onChange={(e) => setAuthorId(e.target.value)}>
                    <option value="">{t('review.group')}</option>
                    {base.people.map((person) => (
                      <option key={person.id} value={person.id}>
                        {person.displayName}
                      </option>
                    ))}
                  </select>
                </div>
                <div className="field">
                  <label htmlFor="comment-category">{t('review.category')}</label>
                  <select id="comment-category" value={category} onChange={(e) => setCategory(e.target.value)}>
                    <option value="">{t('review.noCategory')}</option>
                    {base.categories.map((label) => (
                      <option key={label} value={label}>
                        {label}
                      </option>
                    ))}
                  </select>
                </div>
              </div>
              <div className="field">
                <label htmlFor="comment-text">{t('review.text')}</label>
                <textarea id="comment-text" value={text} onChange={(e) => setText(e.target.value)} rows={2} required maxLength={2000} />
              </div>
              <div className="actions">
                <button type="button" className="small" onClick={() => setRange({ start: videoRef.current?.currentTime ?? 0, end: null })}>
                  {t('review.setIn')}
                </button>
                <button
                  type="button"
                  className="small"
                  onClick={() =>
                    setRange((value) =>
                      value && (videoRef.current?.currentTime ?? 0) >= value.start
                        ? { ...value, end: videoRef.current?.currentTime ?? 0 }
                        : value,
                    )
                  }
                >
                  {t('review.setOut')}
                </button>
                {range && (
                  <button type="button" className="small" onClick={() => setRange(null)}>
                    {t('review.clearRange')}
                  </button>
                )}
                <span className="muted" data-testid="range-label">
                  {rangeLabel ?? t('review.at', { time: formatClock(currentTime) })}
                </span>
              </div>
              <button type="submit" className="primary">
                {t('review.add')}
              </button>
            </form>
          )}
          {threads.length === 0 && <p className="empty">{t('review.noComments')}</p>}
          {threads.length > LIST_WINDOW && (
            <p className="muted small-text">
              {showAll
                ? t('review.showingAll', { count: threads.length })
                : t('review.showingWindow', { count: threads.length, shown: shownThreads.length })}{' '}
              <button className="small" onClick={() => setShowAll((value) => !value)}>
                {showAll ? t('review.showWindow') : t('review.showAll')}
              </button>
            </p>
          )}
          <ol className="comment-list" aria-label={t('review.comments')}>
            {shownThreads.map((comment) => (
              <CommentThread
                key={comment.id}
                comment={comment}
                replies={repliesOf.get(comment.id) ?? []}
                onSeek={seek}
                onError={setError}
                onMakeClip={(start, end) => {
                  setRange({ start, end });
                  seek(start);
                }}
              />
            ))}
          </ol>
        </section>
      </div>
      {!groupMode && recording.status === 'ready' && (
        <>
          <ClipsPanel recording={recording} range={range} onSeek={seek} onDrawBox={setDrawBoxFor} onError={setError} />
          <SubtitlesImport recordingId={recordingId} onError={setError} />
        </>
      )}
      {!groupMode && rubric && recording.kind === 'interview' && <RubricPanel rubric={rubric} onError={setError} />}
    </main>
  );
}
