/**
 * A project's consent at a glance: who may be shown to which audience (and how, or
 * why not), what expires soon, and which exports must be recalled after a withdrawal.
 */
import { AUDIENCES } from '../../../../src-shared/contract/vocabulary';
import { api } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorBanner';
import { ScreenLoading } from '../../components/ScreenLoading';
import { Icon } from '../../components/Icon';
import { useI18n } from '../../i18n/i18n';
import { hrefFor } from '../../app/router';
import { useApiData } from '../../app/useApiData';
import { decisionLabel } from './consentLabels';
import { RebuildButton, RecipientsToNotify } from './RecallActions';
import { useState } from 'react';
import { RetentionCard } from './RetentionCard';

export function ConsentDashboardScreen({ projectId }: { projectId: number }) {
  const { t, formatDate } = useI18n();
  const [actionError, setActionError] = useState<unknown>(null);
  const { data, error } = useApiData(async () => {
    const [project, dashboard] = await Promise.all([
      api.call('projects.get', { id: projectId }),
      api.call('consent.dashboard', { projectId }),
    ]);
    return { project, dashboard };
  }, [projectId]);

  if (!data) {
    return <ScreenLoading error={error} />;
  }
  const { project, dashboard } = data;
  const expiring = dashboard.people.flatMap((person) => person.expiringSoon.map((entry) => ({ ...entry, person })));

  return (
    <main className="screen">
      <a className="back-link" href={hrefFor({ name: 'project', projectId })}>
        <Icon name="back" /> {project.name}
      </a>
      <h1>{t('consent.dashboardTitle', { project: project.name })}</h1>
      <ErrorBanner error={error ?? actionError} />
      <div className="table-scroll">
        <table className="consent-table" aria-label={t('consent.open')}>
          <thead>
            <tr>
              <th scope="col">{t('consent.person')}</th>
              <th scope="col">{t('consent.scope.recording')}</th>
              {AUDIENCES.map((audience) => (
                <th key={audience} scope="col">
                  {t(`consent.scope.${audience}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {dashboard.people.map((person) => (
              <tr key={person.personId}>
                <th scope="row">
                  <a href={hrefFor({ name: 'personConsent', personId: person.personId })}>{person.displayName}</a>
                  <div className="muted small-text">
                    {t(`role.${person.role}`)}
                    {person.minor && <span className="badge warning">{t('people.minor')}</span>}
                  </div>
                </th>
                {[
                  ['recording', person.recordingConsent] as const,
                  ...AUDIENCES.map((audience) => [audience, person.audiences[audience]] as const),
                ].map(([scope, result]) => (
                  <td
                    key={scope}
                    className={`decision decision-${result.decision}`}
                    aria-label={`${person.displayName} — ${t(`consent.scope.${scope}`)}`}
                  >
                    {decisionLabel(result, t, scope)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="columns">
        <section className="card" aria-labelledby="expiring-title">
          <h2 id="expiring-title">{t('consent.expiringSoon')}</h2>
          {expiring.length === 0 && <p className="empty">{t('consent.nothingExpiring')}</p>}
          <ul className="item-list">
            {expiring.map((entry) => (
              <li key={`${entry.person.personId}-${entry.scope}`} className="item">
                {entry.person.displayName} — {t(`consent.scope.${entry.scope}`)} : {formatDate(entry.expiresOn)}
                {entry.majorityOn && <span className="badge warning"> {t('consent.renewAt', { date: formatDate(entry.majorityOn) })}</span>}
              </li>
            ))}
          </ul>
        </section>
        <section className="card" aria-labelledby="recall-title">
          <h2 id="recall-title">{t('consent.toRecall')}</h2>
          {dashboard.flaggedExports.length === 0 && <p className="empty">{t('consent.nothingToRecall')}</p>}
          <ul className="item-list" aria-label={t('consent.toRecall')}>
            {dashboard.flaggedExports.map((entry) => (
              <li key={entry.id} className="item recall-item" aria-label={entry.label || entry.kind}>
                <span>
                  <strong>{entry.label || entry.kind}</strong> ({t(`consent.scope.${entry.audience}` as 'consent.scope.public')}) —{' '}
                  {entry.flagReason}
                </span>
                <RecipientsToNotify exportId={entry.id} recipients={entry.recipients} onError={setActionError} />
                <RebuildButton exportId={entry.id} onError={setActionError} />
              </li>
            ))}
          </ul>
        </section>
      </div>
      <RetentionCard projectId={projectId} onError={setActionError} />
    </main>
  );
}
