/**
 * The camera preview with what is happening on top of it (3-2-1, then REC and the
 * elapsed time), and the sound level under it.
 */
import type { RefObject } from 'react';
import { formatClock } from '../../../../src-shared/time';
import { useI18n } from '../../i18n/i18n';
import type { Phase } from './useRecorder';

export function RecordPreview({
  previewRef,
  phase,
  countdown,
  elapsed,
  level,
}: {
  previewRef: RefObject<HTMLVideoElement | null>;
  phase: Phase;
  countdown: number;
  elapsed: number;
  level: number;
}) {
  const { t } = useI18n();
  return (
    <>
      <div className="preview">
        <video ref={previewRef} autoPlay muted playsInline aria-label={t('record.camera')} />
        {phase === 'countdown' && (
          <div className="countdown" role="status" aria-live="assertive">
            {t('record.countdown', { n: countdown })}
          </div>
        )}
        {(phase === 'recording' || phase === 'stopping') && (
          <div className="rec-indicator" role="status" aria-label={t('record.rec')}>
            <span className="rec-dot" aria-hidden="true" /> {t('record.rec')}{' '}
            <span className="elapsed" aria-label={t('record.elapsed')}>
              {formatClock(elapsed)}
            </span>
          </div>
        )}
      </div>
      <div
        className="level"
        role="meter"
        aria-label={t('record.level')}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={Math.round(level * 100)}
      >
        <div className="level-fill" style={{ width: `${Math.round(level * 100)}%` }} />
      </div>
    </>
  );
}
