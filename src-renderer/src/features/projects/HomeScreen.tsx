/**
 * Home: the list of projects, most recently touched first, and "New project".
 */
import { useState } from 'react';
import { api } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorBanner';
import { Icon } from '../../components/Icon';
import { useI18n } from '../../i18n/i18n';
import { hrefFor, navigate } from '../../app/router';
import { useApiData } from '../../app/useApiData';
import { ProjectForm } from './ProjectForm';
import { RecoveryNotice } from '../../components/RecoveryNotice';
import { SearchBox } from '../../components/SearchBox';

export function HomeScreen() {
  const { t, formatDate } = useI18n();
  const [creating, setCreating] = useState(false);
  const [backup, setBackup] = useState<{ state: 'running' } | { state: 'done'; dir: string; files: number } | null>(null);
  const [backupError, setBackupError] = useState<unknown>(null);

  async function makeBackup() {
    setBackupError(null);
    setBackup({ state: 'running' });
    try {
      const result = await api.call('library.backup', {});
      setBackup({ state: 'done', dir: result.dir, files: result.files });
    } catch (reason) {
      setBackup(null);
      setBackupError(reason);
    }
  }
  const { data: projects, error } = useApiData(() => api.call('projects.list', {}), []);

  return (
    <main className="screen">
      <RecoveryNotice />
      <SearchBox />
      <header className="screen-header">
        <h1>{t('home.title')}</h1>
        {!creating && (
          <button className="primary big" onClick={() => setCreating(true)}>
            <Icon name="plus" /> {t('home.new')}
          </button>
        )}
      </header>
      <ErrorBanner error={error ?? backupError} />
      {creating && (
        <ProjectForm
          onCancel={() => setCreating(false)}
          onSubmit={async (values) => {
            const project = await api.call('projects.create', values);
            setCreating(false);
            navigate({ name: 'project', projectId: project.id });
          }}
        />
      )}
      {projects === null && !error && <p>{t('app.loading')}</p>}
      {projects?.length === 0 && !creating && <p className="empty">{t('home.empty')}</p>}
      <ul className="project-list" aria-label={t('home.title')}>
        {projects?.map((project) => (
          <li key={project.id}>
            <a className="project-card" href={hrefFor({ name: 'project', projectId: project.id })}>
              <span className="project-name">
                <Icon name="folder" /> {project.name}
              </span>
              <span className="badge">{t(`kind.${project.kind}`)}</span>
              {project.place && <span className="muted">{project.place}</span>}
              {project.startDate && <span className="muted">{formatDate(project.startDate)}</span>}
              <span className="muted">
                {t('home.sessions', { count: project.sessionCount })} · {t('home.people', { count: project.peopleCount })}
              </span>
            </a>
          </li>
        ))}
      </ul>
      <footer className="home-footer">
        <button onClick={() => void makeBackup()} disabled={backup?.state === 'running'}>
          {backup?.state === 'running' ? t('backup.running') : t('backup.button')}
        </button>
        {backup?.state === 'done' && <p role="status">{t('backup.done', { files: backup.files, dir: backup.dir })}</p>}
      </footer>
    </main>
  );
}
