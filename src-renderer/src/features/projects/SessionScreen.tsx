/**
 * One session: film a new take, import videos (file picker or drag and drop), and
 * the session's recordings with their state.
 */
import { useRef, useState, type DragEvent } from 'react';
import { api } from '../../api/client';
import { recordingKindFor } from '../capture/recordingKind';
import { uploadFile } from '../capture/uploadFile';
import { ErrorBanner } from '../../components/ErrorBanner';
import { ScreenLoading } from '../../components/ScreenLoading';
import { Icon } from '../../components/Icon';
import { ProgressBar } from '../../components/ProgressBar';
import { useI18n } from '../../i18n/i18n';
import { hrefFor } from '../../app/router';
import { useApiData } from '../../app/useApiData';
import { useJobs } from '../../app/useJobs';
import { RecordingCard } from './RecordingCard';

export function SessionScreen({ sessionId }: { sessionId: number }) {
  const { t, formatDate } = useI18n();
  const jobs = useJobs();
  const fileInput = useRef<HTMLInputElement>(null);
  const [upload, setUpload] = useState<{ name: string; ratio: number } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [dragging, setDragging] = useState(false);
  const { data, error: loadError } = useApiData(async () => {
    const session = await api.call('sessions.get', { id: sessionId });
    const [project, recordings] = await Promise.all([
      api.call('projects.get', { id: session.projectId }),
      api.call('recordings.list', { sessionId }),
    ]);
    return { session, project, recordings };
  }, [sessionId]);

  async function importFiles(files: FileList | File[]) {
    if (!data) return;
    setError(null);
    for (const file of Array.from(files)) {
      setUpload({ name: file.name, ratio: 0 });
      try {
        await uploadFile(file, { sessionId, kind: recordingKindFor(data.project.kind) }, (ratio) => setUpload({ name: file.name, ratio }));
      } catch (reason) {
        setError(reason);
      }
    }
    setUpload(null);
  }

  function onDrop(event: DragEvent) {
    event.preventDefault();
    setDragging(false);
    if (event.dataTransfer.files.length) void importFiles(event.dataTransfer.files);
  }

  if (!data) {
    return <ScreenLoading error={loadError} />;
  }
  const { session, project, recordings } = data;

  return (
    <main className="screen" onDragOver={(e) => e.preventDefault()}>
      <a className="back-link" href={hrefFor({ name: 'project', projectId: project.id })}>
        <Icon name="back" /> {t('session.back')} — {project.name}
      </a>
      <header className="screen-header">
        <div>
          <h1>
            {formatDate(session.date)}
            {session.title && ` — ${session.title}`}
          </h1>
        </div>
        <div className="actions">
          <a className="button primary big" href={hrefFor({ name: 'record', sessionId })}>
            <span className="rec-dot" aria-hidden="true" /> {t('session.record')}
          </a>
          <button className="big" onClick={() => fileInput.current?.click()} disabled={upload !== null}>
            <Icon name="plus" /> {t('session.import')}
          </button>
          <input
            ref={fileInput}
            type="file"
            accept="video/*,audio/*,.mkv,.avi,.mov"
            multiple
            hidden
            onChange={(e) => {
              if (e.target.files?.length) void importFiles(e.target.files);
              e.target.value = '';
            }}
          />
        </div>
      </header>
      <ErrorBanner error={loadError ?? error} />
      <div
        className={`drop-zone ${dragging ? 'dragging' : ''}`}
        onDragEnter={() => setDragging(true)}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
      >
        {upload ? (
          <>
            <p>{t('session.uploading', { name: upload.name, percent: Math.round(upload.ratio * 100) })}</p>
            <ProgressBar ratio={upload.ratio} label={upload.name} />
          </>
        ) : (
          <p className="muted">{t('session.dropHere')}</p>
        )}
      </div>
      <section aria-labelledby="recordings-title">
        <h2 id="recordings-title">{t('session.recordings')}</h2>
        {recordings.length === 0 && <p className="empty">{t('session.noRecordings')}</p>}
        <ul className="recording-list" aria-label={t('session.recordings')}>
          {recordings.map((recording) => (
            <RecordingCard
              key={recording.id}
              recording={recording}
              job={jobs.find((job) => job.recordingId === recording.id && job.status !== 'done')}
            />
          ))}
        </ul>
      </section>
    </main>
  );
}
