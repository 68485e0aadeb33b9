/**
 * One project: its details (editable), its sessions and its people.
 */
import { InlineStatus } from '../../components/InlineStatus';
import { useConfirm } from '../../components/ConfirmDialog';
import { useState } from 'react';
import { api } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorBanner';
import { ScreenLoading } from '../../components/ScreenLoading';
import { Icon } from '../../components/Icon';
import { useI18n } from '../../i18n/i18n';
import { hrefFor, navigate } from '../../app/router';
import { useApiData } from '../../app/useApiData';
import { PeoplePanel } from './PeoplePanel';
import { ProjectForm } from './ProjectForm';
import { SessionsPanel } from './SessionsPanel';
import { ReviewVocabularyPanel } from '../review/ReviewVocabularyPanel';
import { MontagesPanel } from '../editing/MontagesPanel';
import { ExportsList } from '../editing/ExportsList';
import { PacksPanel } from '../packs/PacksPanel';

export function ProjectScreen({ projectId }: { projectId: number }) {
  const { t, formatDate } = useI18n();
  const confirm = useConfirm();
  const [saved, setSaved] = useState(false);
  const [editing, setEditing] = useState(false);
  const [actionError, setActionError] = useState<unknown>(null);
  const { data, error } = useApiData(async () => {
    const [project, sessions, people] = await Promise.all([
      api.call('projects.get', { id: projectId }),
      api.call('sessions.list', { projectId }),
      api.call('people.list', { projectId }),
    ]);
    return { project, sessions, people };
  }, [projectId]);

  async function removeProject() {
    if (
      !data ||
      !(await confirm(t('project.deleteConfirm', { name: data.project.name }), { danger: true, confirmLabel: t('common.delete') }))
    )
      return;
    try {
      await api.call('projects.delete', { id: projectId });
      navigate({ name: 'home' });
    } catch (reason) {
      setActionError(reason);
    }
  }

  if (!data) {
    return (
      <ScreenLoading error={error}>
        <a className="back-link" href={hrefFor({ name: 'home' })}>
          <Icon name="back" /> {t('nav.back')}
        </a>
      </ScreenLoading>
    );
  }
  const { project, sessions, people } = data;

  return (
    <main className="screen">
      <a className="back-link" href={hrefFor({ name: 'home' })}>
        <Icon name="back" /> {t('nav.back')}
      </a>
      <ErrorBanner error={error ?? actionError} />
      {editing ? (
        <ProjectForm
          initial={project}
          onCancel={() => setEditing(false)}
          onSubmit={async (changes) => {
            await api.call('projects.update', { id: projectId, changes });
            setEditing(false);
            setSaved(true);
          }}
        />
      ) : (
        <header className="screen-header project-header">
          <div>
            <h1>{project.name}</h1>
            <p>
              <span className="badge">{t(`kind.${project.kind}`)}</span>
              {project.place && <span className="muted"> · {project.place}</span>}
              {project.startDate && project.endDate && (
                <span className="muted">
                  {' '}
                  · {t('project.dates', { start: formatDate(project.startDate), end: formatDate(project.endDate) })}
                </span>
              )}
            </p>
            {project.description && <p className="description">{project.description}</p>}
          </div>
          <div className="actions">
            <a className="button primary" href={hrefFor({ name: 'consentDashboard', projectId })}>
              {t('consent.open')}
            </a>
            <button
              onClick={() => {
                setSaved(false);
                setEditing(true);
              }}
            >
              <Icon name="edit" /> {t('project.edit')}
            </button>
            {saved && <InlineStatus outcome={{ kind: 'done' }} />}
            <button className="danger" onClick={() => void removeProject()}>
              <Icon name="trash" /> {t('project.delete')}
            </button>
          </div>
        </header>
      )}
      <div className="columns">
        <SessionsPanel projectId={projectId} sessions={sessions} people={people} />
        <PeoplePanel
          projectId={projectId}
          people={people}
          defaultRole={project.kind === 'interview-workshop' ? 'job-seeker' : 'young-person'}
        />
      </div>
      <div className="columns">
        <MontagesPanel projectId={projectId} onError={setActionError} />
        <PacksPanel projectId={projectId} projectKind={project.kind} onError={setActionError} />
      </div>
      <ExportsList projectId={projectId} onError={setActionError} />
      <ReviewVocabularyPanel projectId={projectId} />
    </main>
  );
}
