/**
 * One recording in a session's list: poster, duration, kind, the people filmed (editable,
 * required for any export), state, and rename / delete / retry.
 */
import { useConfirm } from '../../components/ConfirmDialog';
import { useEffect, useState } from 'react';
import type { Recording } from '../../../../src-shared/contract/schemas';
import { api } from '../../api/client';
import { formatDuration } from '../../../../src-shared/time';
import { ErrorBanner } from '../../components/ErrorBanner';
import { ImportWarning } from './ImportWarning';
import { Icon } from '../../components/Icon';
import { ProgressBar } from '../../components/ProgressBar';
import { useI18n } from '../../i18n/i18n';
import { hrefFor } from '../../app/router';
import { PeopleInRecording } from '../people/PeopleInRecording';
import type { Job } from '../../../../src-shared/contract/schemas';
import { RECORDING_KINDS } from '../../../../src-shared/contract/vocabulary';
import type { RecordingKind } from '../../../../src-shared/contract/schemas/recordings';

export function RecordingCard({ recording, job }: { recording: Recording; job: Job | undefined }) {
  const { t } = useI18n();
  const confirm = useConfirm();
  const [renaming, setRenaming] = useState(false);
  const [title, setTitle] = useState(recording.title);
  const [error, setError] = useState<unknown>(null);
  // the kind just chosen shows at once, until the session's list is read again with it
  const [chosenKind, setChosenKind] = useState<RecordingKind | null>(null);
  const shownKind = chosenKind ?? recording.kind;
  useEffect(() => {
    if (chosenKind === recording.kind) setChosenKind(null);
  }, [chosenKind, recording.kind]);
  const shownTitle = recording.title || t('recording.untitled', { id: recording.id });

  async function run(action: () => Promise<unknown>) {
    setError(null);
    try {
      await action();
    } catch (reason) {
      setError(reason);
    }
  }

  return (
    <li className="recording-card" aria-label={shownTitle}>
      <div className="poster">
        {recording.posterAssetId ? (
          <img src={api.mediaUrl(recording.posterAssetId)} alt="" />
        ) : (
          <div className="poster-placeholder">{recording.hasVideo || recording.status !== 'ready' ? '' : t('recording.noVideo')}</div>
        )}
        {recording.durationSeconds !== null && <span className="duration">{formatDuration(recording.durationSeconds)}</span>}
      </div>
      <div className="recording-body">
        {renaming ? (
          <form
            className="rename"
            onSubmit={(event) => {
              event.preventDefault();
              void run(async () => {
                await api.call('recordings.update', { id: recording.id, changes: { title } });
                setRenaming(false);
              });
            }}
          >
            <label>
              {t('recording.title')}
              <input value={title} maxLength={200} autoFocus onChange={(e) => setTitle(e.target.value)} />
            </label>
            <button type="submit" className="primary small">
              {t('project.save')}
            </button>
            <button type="button" className="small" onClick={() => setRenaming(false)}>
              {t('common.cancel')}
            </button>
          </form>
        ) : (
          <h3>{shownTitle}</h3>
        )}
        <p>
          {/* an imported testimony in an interview workshop (or the reverse) can be set right here */}
          <label className="badge kind-select">
            <span className="visually-hidden">{t('recording.kindLabel')}</span>
            <select
              value={shownKind}
              onChange={(event) => {
                const kind = event.target.value as RecordingKind;
                setChosenKind(kind);
                void run(async () => {
                  try {
                    await api.call('recordings.update', { id: recording.id, changes: { kind } });
                  } catch (reason) {
                    setChosenKind(null);
                    throw reason;
                  }
                });
              }}
            >
              {RECORDING_KINDS.map((kind) => (
                <option key={kind} value={kind}>
                  {t(`recording.kind.${kind}`)}
                </option>
              ))}
            </select>
          </label>
          <span className={`badge status-${recording.status}`}>{t(`recording.status.${recording.status}`)}</span>
          {recording.recovered && <span className="badge warning">{t('recording.recovered')}</span>}
          {recording.status === 'ready' && !recording.hasAudio && <span className="badge warning">{t('recording.noAudio')}</span>}
        </p>
        <PeopleInRecording recording={recording} />
        {recording.markers.length > 0 && <p className="muted">{t('recording.markers', { count: recording.markers.length })}</p>}
        {recording.status === 'finalising' && <ProgressBar ratio={job?.ratio ?? null} label={t('recording.status.finalising')} />}
        {recording.status === 'failed' && recording.failure && <p className="failure">{recording.failure}</p>}
        {recording.status === 'ready' && <ImportWarning warning={recording.importWarning} />}
        <ErrorBanner error={error} />
        <div className="actions">
          {recording.status === 'ready' && (
            <a className="button primary small" href={hrefFor({ name: 'review', recordingId: recording.id })}>
              {t('review.open')}
            </a>
          )}
          {recording.status === 'failed' && (
            <button className="small" onClick={() => void run(() => api.call('recordings.retryFinalise', { recordingId: recording.id }))}>
              {t('recording.retry')}
            </button>
          )}
          {!renaming && (
            <button className="small" onClick={() => setRenaming(true)}>
              <Icon name="edit" /> {t('recording.rename')}
            </button>
          )}
          <button
            className="danger small"
            disabled={recording.status === 'finalising'}
            onClick={() =>
              void confirm(t('recording.deleteConfirm', { title: shownTitle }), { danger: true, confirmLabel: t('common.delete') }).then(
                (yes) => (yes ? run(() => api.call('recordings.delete', { id: recording.id })) : undefined),
              )
            }
          >
            <Icon name="trash" /> {t('recording.delete')}
          </button>
        </div>
      </div>
    </li>
  );
}
