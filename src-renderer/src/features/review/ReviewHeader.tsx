/**
 * The top of the review screen: the way back (hidden in group mode), the title, the
 * group-mode switch (and, in group mode, full screen), the list of keys and, outside
 * group mode, the comment exports and feedback sheet.
 */
import type { Recording } from '../../../../src-shared/contract/schemas';
import { api } from '../../api/client';
import { hrefFor } from '../../app/router';
import { Icon } from '../../components/Icon';
import { useI18n } from '../../i18n/i18n';
import type { ReviewExports } from './useReviewExports';
import { CommentExportsMenu } from './CommentExportsMenu';

export function ReviewHeader({
  recording,
  groupMode,
  onToggleGroupMode,
  fullScreen,
  onToggleFullScreen,
  onShowKeys,
  exports: { sheet, exportAs, requestSheet },
}: {
  recording: Recording;
  groupMode: boolean;
  onToggleGroupMode(): void;
  fullScreen: boolean;
  onToggleFullScreen(): void;
  onShowKeys(): void;
  exports: ReviewExports;
}) {
  const { t } = useI18n();
  const title = recording.title || t('recording.untitled', { id: recording.id });
  return (
    <>
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
          <button className={groupMode ? '' : 'primary'} onClick={onToggleGroupMode}>
            {groupMode ? t('review.leaveGroupMode') : t('review.groupMode')}
          </button>
          {groupMode && (
            <button className="primary" onClick={onToggleFullScreen} aria-pressed={fullScreen}>
              <Icon name="fullscreen" /> {fullScreen ? t('review.fullScreen.leave') : t('review.fullScreen.enter')}
            </button>
          )}
          <button onClick={onShowKeys} aria-keyshortcuts="?">
            <Icon name="keyboard" /> {t('review.keys.open')}
          </button>
          {!groupMode && (
            <>
              <button onClick={requestSheet}>{t('review.feedbackSheet')}</button>
              <CommentExportsMenu exportAs={exportAs} />
              {sheet && (
                <a className="button primary" href={api.mediaUrl(sheet.assetId)} download={sheet.fileName}>
                  {t('review.feedbackReady')}
                </a>
              )}
            </>
          )}
        </div>
      </header>
    </>
  );
}
