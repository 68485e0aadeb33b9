/**
 * Filming a take: choose camera, microphone and quality, see the preview and the
 * sound level, 3-2-1, then record. Chunks go to the main side every second (a crash
 * loses at most that); markers (key M or buttons) are saved at once. This file lays the
 * screen out and warns about people who refused to be filmed; the work is in the hooks.
 */
import { useState } from 'react';
import { api } from '../../api/client';
import { hrefFor } from '../../app/router';
import { useApiData } from '../../app/useApiData';
import { ErrorBanner } from '../../components/ErrorBanner';
import { Icon } from '../../components/Icon';
import { useI18n } from '../../i18n/i18n';
import { DevicePicker } from './DevicePicker';
import { PeopleInTake } from './PeopleInTake';
import { RecordControls } from './RecordControls';
import { RecordPreview } from './RecordPreview';
import { TakeDetails } from './TakeDetails';
import { useLevelMeter } from './useLevelMeter';
import { useMediaDevices } from './useMediaDevices';
import { useRecorder } from './useRecorder';
import { useRecordShortcuts } from './useRecordShortcuts';
import { useTake } from './useTake';
import { useAskBeforeLeaving } from './useAskBeforeLeaving';

export function RecordScreen({ sessionId }: { sessionId: number }) {
  const { t } = useI18n();
  const { data } = useApiData(
    async () => {
      const session = await api.call('sessions.get', { id: sessionId });
      const people = await api.call('people.list', { projectId: session.projectId });
      const project = await api.call('projects.get', { id: session.projectId });
      const consent = await api.call('consent.dashboard', { projectId: session.projectId });
      return { session, people, project, consent };
    },
    [sessionId],
    ['session', 'person', 'project', 'consent'],
  );
  const [error, setError] = useState<unknown>(null);
  const devices = useMediaDevices();
  const level = useLevelMeter(devices.stream);
  const take = useTake(data?.project.kind);
  const recorder = useRecorder(sessionId, devices.stream, devices.resolution, data ? take.capture : null, setError);
  useRecordShortcuts(recorder);
  useAskBeforeLeaving(recorder.phase === 'starting' || recorder.phase === 'recording' || recorder.phase === 'stopping');

  const { deviceError } = devices;
  const busy = recorder.phase !== 'setup';
  const notFilmable = (data?.consent.people ?? []).filter(
    (entry) => take.selectedPeople.includes(entry.personId) && entry.recordingConsent.decision === 'refused',
  );

  return (
    <main className="screen record-screen">
      <a className="back-link" href={hrefFor({ name: 'session', sessionId })}>
        <Icon name="back" /> {t('session.back')}
      </a>
      <h1>{t('record.title')}</h1>
      <ErrorBanner error={error} />
      {deviceError && (
        <div className="error-banner" role="alert">
          {t('record.noCamera', { reason: deviceError })}
        </div>
      )}
      {notFilmable.length > 0 && (
        <div className="warning-banner" role="alert">
          {t('record.notFilmable', { names: notFilmable.map((entry) => entry.displayName).join(', ') })}{' '}
          {notFilmable.map((entry) => (
            <a key={entry.personId} href={hrefFor({ name: 'personConsent', personId: entry.personId })}>
              {t('consent.open')} — {entry.displayName}
            </a>
          ))}
        </div>
      )}
      {recorder.uploadProblem && (
        <div className="error-banner" role="alert">
          {t('record.uploadProblem', { reason: recorder.uploadProblem })}
        </div>
      )}
      <div className="record-layout">
        <div className="preview-column">
          <RecordPreview
            previewRef={devices.previewRef}
            phase={recorder.phase}
            countdown={recorder.countdown}
            elapsed={recorder.elapsed}
            level={level}
          />
          <RecordControls recorder={recorder} canStart={!deviceError && !!data} />
          <p className={take.selectedPeople.length === 0 ? 'warning-text' : 'muted small-text'} role="status">
            {take.selectedPeople.length === 0 ? t('record.nobodyChecked') : t('record.peopleRequired')}
          </p>
        </div>
        <form className="card record-settings" onSubmit={(event) => event.preventDefault()} aria-label={t('record.title')}>
          <DevicePicker devices={devices} busy={busy} />
          <TakeDetails take={take} busy={busy} />
          <PeopleInTake people={data?.people} take={take} busy={busy} />
        </form>
      </div>
    </main>
  );
}
