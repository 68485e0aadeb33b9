/**
 * One person's consent: each scope, the guardians of a minor, the printable form,
 * the full history (audit log), and erasure.
 */
import { useConfirm } from '../../components/ConfirmDialog';
import { useState } from 'react';
import { api } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorBanner';
import { ScreenLoading } from '../../components/ScreenLoading';
import { Icon } from '../../components/Icon';
import type { MessageKey } from '../../i18n/fr';
import { useI18n } from '../../i18n/i18n';
import { hrefFor, navigate } from '../../app/router';
import { useApiData } from '../../app/useApiData';
import { ScopeConsentEditor } from './ScopeConsentEditor';
import { GuardiansCard } from './GuardiansCard';
import { EmancipationCard } from './EmancipationCard';
import { peopleHistoryLine } from './historyLabels';

const ACTOR_KEY = 'eric-studio.actor';

export function PersonConsentScreen({ personId }: { personId: number }) {
  const { t, formatDate } = useI18n();
  const confirm = useConfirm();
  const [actor, setActor] = useState(() => localStorage.getItem(ACTOR_KEY) ?? '');
  const [form, setForm] = useState<{ assetId: number; fileName: string } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const { data: consent, error: loadError } = useApiData(() => api.call('consent.show', { personId }), [personId]);
  const projectId = consent?.person.projectId;
  const { data: recordings } = useApiData(async () => (projectId ? api.call('recordings.list', { projectId }) : []), [projectId]);

  function rememberActor(value: string) {
    setActor(value);
    localStorage.setItem(ACTOR_KEY, value);
  }

  async function erase() {
    if (
      !consent ||
      !(await confirm(t('consent.eraseConfirm', { name: consent.person.displayName }), { danger: true, confirmLabel: t('consent.erase') }))
    )
      return;
    try {
      const result = await api.call('people.erase', { personId, ...(actor ? { actor } : {}) });
      window.alert(
        t('consent.erased', {
          name: consent.person.displayName,
          deleted: result.recordingsDeleted,
          review: result.recordingsToReview.length,
        }),
      );
      navigate({ name: 'consentDashboard', projectId: consent.person.projectId });
    } catch (reason) {
      setError(reason);
    }
  }

  if (!consent) {
    return <ScreenLoading error={loadError} />;
  }

  return (
    <main className="screen">
      <a className="back-link" href={hrefFor({ name: 'consentDashboard', projectId: consent.person.projectId })}>
        <Icon name="back" /> {t('consent.back')}
      </a>
      <header className="screen-header">
        <div>
          <h1>{consent.person.displayName}</h1>
          <p className="muted">{t(`role.${consent.person.role}`)}</p>
          {consent.minor && <p className="notice">{t('consent.minorNotice', { age: consent.age ?? '' })}</p>}
        </div>
        <div className="actions">
          <button onClick={() => void api.call('consent.form', { personId }).then(setForm, setError)}>{t('consent.form')}</button>
          {form && (
            <a className="button primary" href={api.mediaUrl(form.assetId)} download={form.fileName}>
              {t('consent.formReady')}
            </a>
          )}
        </div>
      </header>
      <ErrorBanner error={error ?? loadError} />
      <div className="field actor-field">
        <label htmlFor="consent-actor">{t('consent.actor')}</label>
        <input id="consent-actor" value={actor} maxLength={120} onChange={(e) => rememberActor(e.target.value)} />
      </div>
      <div className="scope-grid">
        {consent.scopes.map((view) => (
          <ScopeConsentEditor
            key={`${view.scope}-${consent.history.length}`}
            consent={consent}
            view={view}
            guardians={consent.guardians}
            actor={actor}
            recordings={recordings ?? []}
          />
        ))}
      </div>
      {(consent.minor || consent.guardians.length > 0) && <GuardiansCard consent={consent} actor={actor} />}
      {(consent.minor || consent.emancipation) && <EmancipationCard consent={consent} actor={actor} />}
      <section className="card" aria-labelledby="history-title">
        <h2 id="history-title">{t('consent.history')}</h2>
        <ol className="history" aria-label={t('consent.history')}>
          {consent.history.map((entry) => (
            <li key={entry.id}>
              <time>{new Date(entry.at).toLocaleString()}</time> —{' '}
              {entry.action === 'set'
                ? t('consent.historyEntry', {
                    scope: t(`consent.scope.${entry.scope}` as MessageKey),
                    from: entry.change.from ? t(`consent.status.${String(entry.change.from)}` as MessageKey) : '—',
                    to: t(`consent.status.${String(entry.change.to)}` as MessageKey),
                  })
                : entry.action === 'guardian-added'
                  ? t('consent.historyGuardian')
                  : entry.action === 'guardian-updated'
                    ? t('consent.historyGuardianUpdated')
                    : entry.action.startsWith('emancipation-')
                      ? t('consent.historyEmancipation')
                      : (peopleHistoryLine(entry, t, formatDate) ??
                        t('consent.historyEvidence', { scope: t(`consent.scope.${entry.scope}` as MessageKey) }))}
              {entry.actor && <span className="muted"> · {entry.actor}</span>}
              {entry.reason && <span className="muted"> · « {entry.reason} »</span>}
            </li>
          ))}
        </ol>
      </section>
      <div className="danger-zone">
        <button className="danger" onClick={() => void erase()}>
          <Icon name="trash" /> {t('consent.erase')}
        </button>
      </div>
    </main>
  );
}
