/**
 * One person's consent: each scope, the guardians of a minor, the printable form,
 * the full history (audit log), and erasure.
 */
import { useState, type FormEvent } from 'react';
import { api } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorBanner';
import { ScreenLoading } from '../../components/ScreenLoading';
import { Icon } from '../../components/Icon';
import type { MessageKey } from '../../i18n/fr';
import { useI18n } from '../../i18n/i18n';
import { hrefFor, navigate } from '../../app/router';
import { useApiData } from '../../app/useApiData';
import { ScopeConsentEditor } from './ScopeConsentEditor';

const ACTOR_KEY = 'eric-studio.actor';

export function PersonConsentScreen({ personId }: { personId: number }) {
  const { t } = useI18n();
  const [actor, setActor] = useState(() => localStorage.getItem(ACTOR_KEY) ?? '');
  const [guardianName, setGuardianName] = useState('');
  const [relationship, setRelationship] = useState('');
  const [form, setForm] = useState<{ assetId: number; fileName: string } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const { data: consent, error: loadError } = useApiData(() => api.call('consent.show', { personId }), [personId]);
  const projectId = consent?.person.projectId;
  const { data: recordings } = useApiData(async () => (projectId ? api.call('recordings.list', { projectId }) : []), [projectId]);

  function rememberActor(value: string) {
    setActor(value);
    localStorage.setItem(ACTOR_KEY, value);
  }

  async function addGuardian(event: FormEvent) {
    event.preventDefault();
    setError(null);
    try {
      await api.call('consent.addGuardian', { personId, name: guardianName, relationship, ...(actor ? { actor } : {}) });
      setGuardianName('');
      setRelationship('');
    } catch (reason) {
      setError(reason);
    }
  }

  async function erase() {
    if (!consent || !window.confirm(t('consent.eraseConfirm', { name: consent.person.displayName }))) return;
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
          {consent.under15 && <p className="notice">{t('consent.under15Notice')}</p>}
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
      {consent.minor && (
        <section className="card" aria-labelledby="guardians-title">
          <h2 id="guardians-title">{t('consent.guardians')}</h2>
          <ul className="item-list">
            {consent.guardians.map((guardian) => (
              <li key={guardian.id} className="item">
                {guardian.name} {guardian.relationship && <span className="muted">· {guardian.relationship}</span>}
              </li>
            ))}
          </ul>
          <form className="inline-form" onSubmit={addGuardian} aria-label={t('consent.addGuardian')}>
            <div className="field">
              <label htmlFor="guardian-name">{t('consent.guardianName')}</label>
              <input id="guardian-name" value={guardianName} required maxLength={120} onChange={(e) => setGuardianName(e.target.value)} />
            </div>
            <div className="field">
              <label htmlFor="guardian-relationship">{t('consent.guardianRelationship')}</label>
              <input id="guardian-relationship" value={relationship} maxLength={60} onChange={(e) => setRelationship(e.target.value)} />
            </div>
            <button type="submit" className="primary">
              <Icon name="plus" /> {t('consent.addGuardian')}
            </button>
          </form>
        </section>
      )}
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
                  : t('consent.historyEvidence', { scope: t(`consent.scope.${entry.scope}` as MessageKey) })}
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
