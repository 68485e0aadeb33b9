/**
 * Watching a take together: the player with J/K/L, space, frame steps and speed; the
 * timeline; comments at a point or over a range (I/O); the group mode for the big
 * screen; clips, blur regions and subtitles; the rubric; the exports. This file only
 * lays the screen out: each job lives in its own hook or component beside it.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
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
import { ErasureReviewPanel } from './ErasureReviewPanel';
import { CommentList } from './CommentList';
import { GroupModeBar } from './GroupModeBar';
import { PlayerControls } from './PlayerControls';
import { QuickCommentsToComplete } from './QuickCommentsToComplete';
import { ReviewHeader } from './ReviewHeader';
import { RubricPanel } from './RubricPanel';
import { ShortcutsDialog } from './ShortcutsDialog';
import { Timeline } from './Timeline';
import { bringIntoView } from './bringIntoView';
import { useBlurBoxDrawing } from './useBlurBoxDrawing';
import { useCommentComposer } from './useCommentComposer';
import { useGroupMode } from './useGroupMode';
import { useInOutRange } from './useInOutRange';
import { usePlayer } from './usePlayer';
import { useReviewData } from './useReviewData';
import { useCommentWindow } from './useCommentWindow';
import { useReviewExports } from './useReviewExports';
import { useReviewShortcuts } from './useReviewShortcuts';

export function ReviewScreen({ recordingId }: { recordingId: number }) {
  const { t } = useI18n();
  const [error, setError] = useState<unknown>(null);
  const [showKeys, setShowKeys] = useState(false);
  const screenRef = useRef<HTMLElement>(null);
  const { base, loadError, rubric } = useReviewData(recordingId);
  const player = usePlayer(base?.recording.frameRate);
  const comments = useCommentWindow(recordingId, player.videoRef, base?.recording.durationSeconds || player.duration);
  const inOut = useInOutRange(player.videoRef, player.frameRate);
  const group = useGroupMode(recordingId, base, player.videoRef, player.frameRate);
  const composer = useCommentComposer(recordingId, player.videoRef, inOut, setError, player.frameRate);
  const exports = useReviewExports(recordingId, setError);
  const blurBox = useBlurBoxDrawing(setError);
  const openKeys = useCallback(() => setShowKeys(true), []);
  useReviewShortcuts({ player, inOut, group, onShowKeys: openKeys, paused: showKeys, onError: setError });
  const { seek } = player;
  const { setSelectedId, threads } = comments;
  const { setRange } = inOut;

  // the comment a key press just made is brought into view once the list shows it
  const confirmedId = group.confirmation?.commentId;
  const confirmedSerial = group.confirmation?.serial;
  useEffect(() => {
    if (confirmedId === undefined) return;
    const item = document.querySelector(`[data-comment-id="${confirmedId}"]`);
    item?.scrollIntoView({ block: 'nearest' });
  }, [confirmedId, confirmedSerial, threads]);

  /** "Voir" on a clip, a comment's time: the player is shown and its play button takes focus. */
  const seekAndShow = useCallback(
    (seconds: number) => {
      seek(seconds);
      bringIntoView(document.querySelector('.player-wrap'), document.getElementById('player-play'));
    },
    [seek],
  );
  const pickComment = useCallback(
    (commentId: number, seconds: number) => {
      setSelectedId(commentId);
      seek(seconds);
    },
    [seek, setSelectedId],
  );
  const makeClip = useCallback(
    (start: number, end: number) => {
      setRange({ start, end });
      seek(start);
      // the clip form is further down: show it, ready to be named
      bringIntoView(document.querySelector('.clips-panel'), document.getElementById('clip-name'));
    },
    [setRange, seek],
  );

  if (!base) return <ScreenLoading error={loadError} />;
  const { recording } = base;
  const { groupMode } = group;
  const duration = player.duration || recording.durationSeconds || 0;

  return (
    <main ref={screenRef} className={`screen review-screen ${groupMode ? 'group-mode' : ''}`}>
      <ReviewHeader
        recording={recording}
        groupMode={groupMode}
        onToggleGroupMode={group.toggle}
        fullScreen={group.fullScreen}
        onToggleFullScreen={() => void group.toggleFullScreen(screenRef.current).catch(setError)}
        onShowKeys={openKeys}
        exports={exports}
      />
      <ErasureReviewPanel recording={recording} range={inOut.range} onError={setError} />
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
            videoRef={player.videoRef}
            filmstripUrl={recording.filmstripAssetId ? api.mediaUrl(recording.filmstripAssetId) : null}
            waveformUrl={recording.waveformAssetId ? api.mediaUrl(recording.waveformAssetId) : null}
            markers={recording.markers}
            counts={comments.counts}
            range={inOut.range}
            onSeek={player.seek}
            onPickComment={pickComment}
          />
          {groupMode && (
            <GroupModeBar
              turnOf={group.current?.name}
              categories={base.categories}
              confirmation={group.confirmation}
              onNextTurn={group.nextTurn}
              onQuickTag={(index) => void group.addQuick(index).catch(setError)}
            />
          )}
        </div>
        <section className="comments-column" aria-labelledby="comments-title">
          <div className="comments-title-row">
            <h2 id="comments-title">{t('review.comments')}</h2>
            {!groupMode && <QuickCommentsToComplete recordingId={recording.id} onSeek={seekAndShow} onError={setError} />}
          </div>
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
            comments={comments}
            videoRef={player.videoRef}
            onSeek={player.seek}
            onError={setError}
            onMakeClip={makeClip}
            people={base.people}
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
          <ClipsPanel
            recording={recording}
            range={inOut.range}
            onSeek={seekAndShow}
            onDrawBox={blurBox.start}
            onError={setError}
            currentTime={() => player.videoRef.current?.currentTime ?? 0}
          />
          <SubtitlesImport recordingId={recordingId} onError={setError} />
          <FacesPanel recording={recording} onSeek={player.seek} onError={setError} />
        </>
      )}
      {!groupMode && rubric && recording.kind === 'interview' && <RubricPanel rubric={rubric} onError={setError} />}
      <ShortcutsDialog isOpen={showKeys} onOpenChange={setShowKeys} />
    </main>
  );
}
