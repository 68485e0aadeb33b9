/**
 * The big buttons of a take (record, cancel the countdown, stop), the marker buttons
 * while recording, and the markers dropped so far.
 */
import { formatClock } from '../../../../src-shared/time';
import { useI18n } from '../../i18n/i18n';
import type { Recorder } from './useRecorder';

export function RecordControls({
  recorder: { phase, markers, startCountdown, cancelCountdown, stop, addMarker },
  canStart,
}: {
  recorder: Recorder;
  canStart: boolean;
}) {
  const { t } = useI18n();
  return (
    <>
      <div className="record-actions">
        {phase === 'setup' && (
          <button className="primary huge" disabled={!canStart} onClick={startCountdown}>
            <span className="rec-dot" aria-hidden="true" /> {t('record.start')}
          </button>
        )}
        {phase === 'countdown' && (
          <button className="huge" onClick={cancelCountdown}>
            {t('record.cancel')}
          </button>
        )}
        {phase === 'recording' && (
          <button className="danger-solid huge" onClick={() => void stop()}>
            <span className="stop-square" aria-hidden="true" /> {t('record.stop')}
          </button>
        )}
        {phase === 'starting' && <p role="status">{t('app.loading')}</p>}
        {(phase === 'stopping' || phase === 'finished') && <p role="status">{t('record.saving')}</p>}
      </div>
      {phase === 'recording' && (
        <div className="marker-buttons" aria-label={t('record.markerTags')}>
          <button onClick={() => void addMarker()}>{t('record.marker')}</button>
          <button onClick={() => void addMarker(t('record.tag.good'))}>{t('record.tag.good')}</button>
          <button onClick={() => void addMarker(t('record.tag.review'))}>{t('record.tag.review')}</button>
          <button onClick={() => void addMarker(t('record.tag.question'))}>{t('record.tag.question')}</button>
        </div>
      )}
      {markers.length > 0 && (
        <ul className="item-list" aria-label={t('record.markersList')}>
          {markers.map((marker) => (
            <li key={marker.id} className="item">
              <span>
                <strong>{formatClock(marker.atSeconds)}</strong> {marker.tag}
              </span>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
