/**
 * Checking a drawn blur region before it counts for "face blurred": stills taken across
 * the clip show the region; the animator confirms that it covers the face on every one
 * (their name is kept with the stills' times). Until then, or when the region is too
 * small to hold a face, the whole picture is pixelated.
 */
import { useState } from 'react';
import type { Clip } from '../../../../src-shared/contract/schemas/editing';
import { api } from '../../api/client';
import { formatClock } from '../../../../src-shared/time';
import { useI18n } from '../../i18n/i18n';

type Stills = Awaited<ReturnType<typeof api.call<'clips.stills'>>>;

export function FaceRegionCheck({ clip, onError }: { clip: Clip; onError(error: unknown): void }) {
  const { t } = useI18n();
  const [stills, setStills] = useState<Stills | null>(null);
  const [by, setBy] = useState('');
  const [busy, setBusy] = useState(false);

  async function load() {
    setBusy(true);
    try {
      setStills(await api.call('clips.stills', { clipId: clip.id, count: 4 }));
    } catch (reason) {
      onError(reason);
    } finally {
      setBusy(false);
    }
  }

  async function confirm() {
    if (!stills) return;
    setBusy(true);
    try {
      await api.call('clips.confirmFaceRegion', {
        clipId: clip.id,
        stillSeconds: stills.stills.map((still) => still.seconds),
        confirmedBy: by.trim(),
      });
      setStills(null);
    } catch (reason) {
      onError(reason);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="face-check">
      <span className="muted">
        {clip.faceCheck ? t('clips.faceChecked', { name: clip.faceCheck.confirmedBy }) : t('clips.faceUnchecked')}
      </span>{' '}
      {!stills && (
        <button className="small" onClick={() => void load()} disabled={busy}>
          {t('clips.faceCheck')}
        </button>
      )}
      {stills && (
        <div className="face-stills" role="group" aria-label={t('clips.faceCheck')}>
          {!stills.regionCanHoldFace && <p className="notice warning">{t('clips.faceTooSmall')}</p>}
          <div className="stills">
            {stills.stills.map((still) => (
              <figure key={still.seconds}>
                <img src={still.image} alt={t('clips.faceStillAlt', { time: formatClock(still.seconds) })} width={240} />
                <figcaption>{formatClock(still.seconds)}</figcaption>
              </figure>
            ))}
          </div>
          {stills.regionCanHoldFace && (
            <div className="actions">
              <label>
                {t('clips.faceConfirmedBy')} <input value={by} onChange={(e) => setBy(e.target.value)} maxLength={120} />
              </label>
              <button className="primary small" disabled={busy || !by.trim()} onClick={() => void confirm()}>
                {t('clips.faceConfirm')}
              </button>
            </div>
          )}
          <button className="small" onClick={() => setStills(null)}>
            {t('common.close')}
          </button>
        </div>
      )}
    </div>
  );
}
