/**
 * Watching a take together: the player with J/K/L, space, frame steps and speed; the
 * timeline; comments at a point or over a range (I/O); the group mode for the big
 * screen; clips, blur regions and subtitles; the rubric; the exports. This file only
 * lays the screen out: each job lives in its own hook or component beside it.
 */
import { useState } from 'react';
import { api } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorBanner';
import { ScreenLoading } from '../../components/ScreenLoading';
import { BlurBoxOverlay } from '../editing/BlurBoxOverlay';
import { ClipsPanel } from '../editing/ClipsPanel';
import { PeopleInRecording } from '../people/PeopleInRecording';
import { SubtitlesImport } from '../editing/SubtitlesImport';
import { useI18n } from '../../i18n/i18n';
import { FaceBoxesOverlay } from '../faces/FaceBoxesOverlay';
import { FacesPanel } from '../faces/FacesPanel';
import { CommentComposer } from './CommentComposer';
import { CommentList } from './CommentList';
import { GroupModeBar } from './GroupModeBar';
import { PlayerControls } from './PlayerControls';
import { ReviewHeader } from './ReviewHeader';
import { RubricPanel } from './RubricPanel';
import { Timeline } from './Timeline';
import { useBlurBoxDrawing } from './useBlurBoxDrawing';
import { useCommentComposer } from './useCommentComposer';
import { useGroupMode } from './useGroupMode';
import { useInOutRange } from './useInOutRange';
import { usePlayer } from './usePlayer';
import { useReviewData } from './useReviewData';
import { useReviewExports } from './useReviewExports';
import { useReviewShortcuts } from './useReviewShortcuts';

export function ReviewScreen({ recordingId }: { recordingId: number }) {
  const { t } = useI18n();
  const [error, setError] = useState<unknown>(null);
  const { base, loadError, rubric, threads, repliesOf } = useReviewData(recordingId);
  const player = usePlayer(base?.recording.frameRate);
  const inOut = useInOutRange(player.videoRef, player.frameRate);
  const group = useGroupMode(recordingId, base, player.videoRef);
  const composer = useCommentComposer(recordingId, player.videoRef, inOut, setError, player.frameRate);
  const exports = useReviewExports(recordingId, setError);
  const blurBox = useBlurBoxDrawing(setError);
  useReviewShortcuts({ player, inOut, group, onError: setError });

  if (!base) return <ScreenLoading error={loadError} />;
  const { recording } = base;
  const { groupMode } = group;
  const duration = player.duration || recording.durationSeconds || 0;

  return (
    <main className={`screen review-screen ${groupMode ? 'group-mode' : ''}`}>
      <ReviewHeader recording={recording} groupMode={groupMode} onToggleGroupMode={group.toggle} exports={exports} />
      {recording.needsReview && <div className="warning-banner">{t('review.needsReview', { reason: recording.needsReview })}</div>}
      <ErrorBanner error={error ?? loadError} />
      <div className="review-layout">
        <div className="player-column">
          <div className="player-wrap" ref={blurBox.wrapRef}>
            {recording.masterAssetId && (
              <video
                ref={player.videoRef}
                className="player"
                src={api.mediaUrl(recording.masterAssetId)}
                preload="auto"
                playsInline
                {...player.videoEvents}
              />
            )}
            {blurBox.clipId !== null && <BlurBoxOverlay onCancel={blurBox.cancel} onDone={blurBox.done} />}
            {!groupMode && <FaceBoxesOverlay recording={recording} currentTime={player.currentTime} />}
          </div>
          <PlayerControls player={player} duration={duration} />
          <Timeline
            duration={duration}
            currentTime={player.currentTime}
            filmstripUrl={recording.filmstripAssetId ? api.mediaUrl(recording.filmstripAssetId) : null}
            waveformUrl={recording.waveformAssetId ? api.mediaUrl(recording.waveformAssetId) : null}
            markers={recording.markers}
            threads={threads}
            range={inOut.range}
            onSeek={player.seek}
          />
          <p className="muted small-text">{t('review.shortcuts')}</p>
          {groupMode && (
            <GroupModeBar
              turnOf={group.current?.name}
              categories={base.categories}
              onNextTurn={group.nextTurn}
              onQuickTag={(index) => void group.addQuick(index).catch(setError)}
            />
          )}
        </div>
        <section className="comments-column" aria-labelledby="comments-title">
          <h2 id="comments-title">{t('review.comments')}</h2>
          {!groupMode && (
            <CommentComposer
              composer={composer}
              inOut={inOut}
              people={base.people}
              categories={base.categories}
              currentTime={player.currentTime}
            />
          )}
          <CommentList
            threads={threads}
            repliesOf={repliesOf}
            currentTime={player.currentTime}
            onSeek={player.seek}
            onError={setError}
            onMakeClip={(start, end) => {
              inOut.setRange({ start, end });
              player.seek(start);
            }}
          />
        </section>
      </div>
      {!groupMode && (
        <div className="card">
          <PeopleInRecording recording={recording} />
        </div>
      )}
      {!groupMode && recording.status === 'ready' && (
        <>
          <ClipsPanel recording={recording} range={inOut.range} onSeek={player.seek} onDrawBox={blurBox.start} onError={setError} />
          <SubtitlesImport recordingId={recordingId} onError={setError} />
          <FacesPanel recording={recording} onSeek={player.seek} onError={setError} />
        </>
      )}
      {!groupMode && rubric && recording.kind === 'interview' && <RubricPanel rubric={rubric} onError={setError} />}
    </main>
  );
}
