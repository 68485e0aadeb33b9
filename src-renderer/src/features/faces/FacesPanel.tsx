/**
 * The faces of a recording, under the video: run the search (detection only, no
 * recognition), then one thumbnail per track with a picker saying whose face it is —
 * a person linked to the video, or "inconnu". Tracks of the same face are joined by
 * ticking them and choosing "Réunir". A face assigned to someone whose consent asks
 * for a blurred face is pixelated where it is, frame by frame, in every export.
 */
import { useState } from 'react';
import { api } from '../../api/client';
import { useApiData } from '../../app/useApiData';
import { useI18n } from '../../i18n/i18n';
import { Icon } from '../../components/Icon';
import type { Recording } from '../../../../src-shared/contract/schemas';
import { formatTimecode } from '../../../../src-shared/time';

export function FacesPanel({
  recording,
  onSeek,
  onError,
}: {
  recording: Recording;
  onSeek(seconds: number): void;
  onError(error: unknown): void;
}) {
  const { t } = useI18n();
  const { data, reload } = useApiData(
    () => api.call('faces.tracks', { recordingId: recording.id }),
    [recording.id],
    ['recording', 'person'],
  );
  const [running, setRunning] = useState(false);
  const [ticked, setTicked] = useState<number[]>([]);
  if (!recording.hasVideo) return null;

  const analyse = async () => {
    setRunning(true);
    try {
      const { jobId } = await api.call('faces.analyse', { recordingId: recording.id });
      await new Promise<void>((resolve) => {
        const off = api.on('job.finished', (event) => {
          if (event.jobId !== jobId) return;
          off();
          if (event.error) onError(event.error);
          resolve();
        });
      });
      reload();
    } catch (error) {
      onError(error);
    } finally {
      setRunning(false);
    }
  };
  const assign = (trackId: number, value: string) => {
    if (value === '') return;
    api
      .call('faces.assign', { trackId, personId: value === 'unknown' ? null : Number(value) })
      .then(reload)
      .catch(onError);
  };
  const merge = () => {
    api
      .call('faces.merge', { trackIds: ticked })
      .then(() => {
        setTicked([]);
        reload();
      })
      .catch(onError);
  };
  const unreviewed = data?.tracks.filter((track) => track.assignment === 'unreviewed').length ?? 0;

  return (
    <section className="card faces-panel" aria-labelledby="faces-title">
      <h2 id="faces-title">
        <Icon name="person" />
        {t('faces.title')}
      </h2>
      <p className="muted">{t('faces.intro')}</p>
      <div className="row">
        <button type="button" className="button" onClick={() => void analyse()} disabled={running}>
          <Icon name="search" />
          {running ? t('faces.running') : data?.analysed ? t('faces.again') : t('faces.analyse')}
        </button>
        {ticked.length >= 2 && (
          <button type="button" className="button" onClick={merge}>
            <Icon name="plus" />
            {t('faces.merge', { count: ticked.length })}
          </button>
        )}
      </div>
      {data?.analysed && data.tracks.length === 0 && <p>{t('faces.none')}</p>}
      {unreviewed > 0 && <p className="warning-banner">{t('faces.toReview', { count: unreviewed })}</p>}
      <ul className="face-strip">
        {data?.tracks.map((track) => (
          <li key={track.id} className={`face-track face-track-${track.assignment}`} data-testid={`face-track-${track.id}`}>
            <button type="button" className="face-thumb" onClick={() => onSeek(track.firstSeconds)} title={t('faces.seek')}>
              {track.thumbnail ? <img src={track.thumbnail} alt={t('faces.thumbAlt', { id: track.id })} /> : <span>{track.id}</span>}
            </button>
            <span className="face-track-time">
              {t('faces.track', { id: track.id })} · {formatTimecode(track.firstSeconds).slice(0, 8)}–
              {formatTimecode(track.lastSeconds).slice(0, 8)}
            </span>
            <label className="face-track-whose">
              {t('faces.whose')}
              <select
                value={track.assignment === 'person' ? String(track.personId) : track.assignment === 'unknown' ? 'unknown' : ''}
                onChange={(event) => assign(track.id, event.target.value)}
              >
                <option value="">{t('faces.unreviewed')}</option>
                {recording.people.map((person) => (
                  <option key={person.personId} value={String(person.personId)}>
                    {person.displayName}
                  </option>
                ))}
                <option value="unknown">{t('faces.unknown')}</option>
              </select>
            </label>
            <label className="face-track-tick">
              <input
                type="checkbox"
                checked={ticked.includes(track.id)}
                onChange={(event) => setTicked(event.target.checked ? [...ticked, track.id] : ticked.filter((id) => id !== track.id))}
              />
              {t('faces.tick')}
            </label>
          </li>
        ))}
      </ul>
    </section>
  );
}
