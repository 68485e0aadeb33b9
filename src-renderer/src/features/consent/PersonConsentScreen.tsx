/**
 * One person's consent: each scope, edited as one draft and saved in one go (one API call,
 * one transaction), the guardians of a minor next to the scopes, the printable form, the
 * full history (audit log), and erasure. Leaving with unsaved changes asks first.
 */
import { useEffect, useState, type FormEvent } from 'react';
import { CONSENT_METHODS } from '../../../../src-shared/contract/vocabulary';
import type { ConsentView } from '../../../../src-shared/contract/schemas';
import { localToday } from '../../../../src-shared/age';
import { frenchShortDate } from '../../../../src-shared/frenchDate';
import { useUnsavedChangesGuard } from '../../app/useUnsavedChangesGuard';
import { PersonAppearances } from '../people/PersonAppearances';
import { SignaturePad, type SignatureValue } from './SignaturePad';
import { screenSignersNeeded, type ScreenSigner } from './screenSigners';
import { draftFromView, draftProblems, isChanged, toChange, type DraftProblem, type Drafts, type ScopeDraft } from './consentDraft';
import { useConfirm } from '../../components/ConfirmDialog';
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

/** "03/11/2026 14:05" whatever the browser's language (the one French formatter). */
function dayAndTime(at: string): string {
  const when = new Date(at);
  return `${frenchShortDate(localToday(when))} ${String(when.getHours()).padStart(2, '0')}:${String(when.getMinutes()).padStart(2, '0')}`;
}

export function PersonConsentScreen({ personId }: { personId: number }) {
  const { t, formatDate } = useI18n();
  const confirm = useConfirm();
  const [actor, setActor] = useState(() => localStorage.getItem(ACTOR_KEY) ?? '');
  const [form, setForm] = useState<{ assetId: number; fileName: string } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const { data: consent, error: loadError, reload } = useApiData(() => api.call('consent.show', { personId }), [personId]);
  const projectId = consent?.person.projectId;
  const { data: recordings } = useApiData(async () => (projectId ? api.call('recordings.list', { projectId }) : []), [projectId]);
  const today = localToday();
  const [drafts, setDrafts] = useState<Drafts>({});
  const [problems, setProblems] = useState<DraftProblem[]>([]);
  const [saved, setSaved] = useState<'saved' | 'nothing' | null>(null);
  const [saving, setSaving] = useState(false);
  const [reason, setReason] = useState('');
  const [grantMethod, setGrantMethod] = useState<NonNullable<ConsentView['method']> | ''>('');
  const [grantProblem, setGrantProblem] = useState(false);
  // signatures drawn for this save (« Signature sur l'écran »), by signer key
  const [signatures, setSignatures] = useState<Record<string, SignatureValue | undefined>>({});
  const [unsigned, setUnsigned] = useState<string[]>([]);

  // a reload (after a save, a guardian added elsewhere) refreshes the scopes nobody is editing
  useEffect(() => {
    if (!consent) return;
    setDrafts((current) =>
      Object.fromEntries(
        consent.scopes.map((view) => {
          const mine = current[view.scope];
          return [view.scope, mine && isChanged(mine, view, today) ? mine : draftFromView(view, today)];
        }),
      ),
    );
  }, [consent, today]);

  const changedScopes = consent ? consent.scopes.filter((view) => drafts[view.scope] && isChanged(drafts[view.scope]!, view, today)) : [];
  const dirty = changedScopes.length > 0 || reason !== '';
  const signers = consent ? screenSignersNeeded(consent, changedScopes, drafts) : [];
  const signerName = (signer: ScreenSigner) => {
    if (signer.signer === 'person') return consent?.person.displayName ?? '';
    const guardian = consent?.guardians.find((candidate) => candidate.id === signer.guardianId);
    return guardian ? `${guardian.name} (${t(`consent.capacity.${guardian.capacity}`)})` : '';
  };
  // a minor's consent lacking the authorisations the law needs cannot be saved (the card says what is missing)
  const blocked =
    consent !== null &&
    changedScopes.some((view) =>
      draftProblems(consent, view.scope, drafts[view.scope]!, consent.guardians, today).some(
        (problem) => problem.field === 'authorisations',
      ),
    );
  const guard = useUnsavedChangesGuard(dirty, t('consent.leaveUnsaved'), {
    confirmLabel: t('consent.leaveAnyway'),
    danger: true,
  });

  function edit(scope: string, update: (draft: ScopeDraft) => ScopeDraft) {
    setSaved(null);
    setDrafts((current) => ({ ...current, [scope]: update(current[scope]!) }));
  }

  function grantAll() {
    if (!consent) return;
    if (!grantMethod) {
      setGrantProblem(true);
      document.getElementById('grant-all-method')?.focus();
      return;
    }
    setGrantProblem(false);
    setSaved(null);
    setDrafts((current) =>
      Object.fromEntries(Object.entries(current).map(([scope, draft]) => [scope, { ...draft, status: 'granted', method: grantMethod }])),
    );
  }

  async function save(event: FormEvent) {
    event.preventDefault();
    if (!consent || saving) return;
    setError(null);
    setSaved(null);
    if (changedScopes.length === 0) {
      setSaved('nothing');
      return;
    }
    const found = changedScopes.flatMap((view) => draftProblems(consent, view.scope, drafts[view.scope]!, consent.guardians, today));
    setProblems(found);
    if (found.length) {
      const first = found[0]!;
      document.getElementById(first.field === 'method' ? `scope-${first.scope}-method` : `scope-${first.scope}-decided`)?.focus();
      return;
    }
    const missingSignatures = signers.filter((signer) => !signatures[signer.key]);
    setUnsigned(missingSignatures.map(signerName));
    if (missingSignatures.length) {
      document.getElementById(`signature-${missingSignatures[0]!.key}`)?.focus();
      return;
    }
    setSaving(true);
    try {
      const result = await api.call('consent.setMany', {
        personId,
        changes: changedScopes.map((view) => toChange(view.scope, drafts[view.scope]!, view, today)),
        ...(signers.length
          ? {
              screenSignatures: signers.map((signer) => ({
                signer: signer.signer,
                ...(signer.guardianId !== undefined ? { guardianId: signer.guardianId } : {}),
                ...signatures[signer.key]!,
              })),
            }
          : {}),
        ...(reason ? { reason } : {}),
        ...(actor ? { actor } : {}),
      });
      // what was saved is the new reference (with the expiry the main side chose)
      setDrafts(Object.fromEntries(result.consent.scopes.map((view) => [view.scope, draftFromView(view, today)])));
      setProblems([]);
      setSignatures({});
      setUnsigned([]);
      setReason('');
      setSaved('saved');
      reload?.();
    } catch (reason) {
      setError(reason);
    } finally {
      setSaving(false);
    }
  }

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
      guard.allowLeaving();
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
      <div
        className={
          consent.minor || consent.guardians.length > 0 || consent.emancipation ? 'consent-layout with-guardians' : 'consent-layout'
        }
      >
        <form
          className="consent-scopes"
          aria-label={t('consent.scopesForm', { name: consent.person.displayName })}
          onSubmit={save}
          noValidate
        >
          <div className="card grant-all">
            <div className="field">
              <label htmlFor="grant-all-method">{t('consent.grantAllMethod')}</label>
              <select
                id="grant-all-method"
                value={grantMethod}
                aria-invalid={grantProblem || undefined}
                aria-describedby="grant-all-help"
                onChange={(e) => {
                  setGrantMethod(e.target.value as NonNullable<ConsentView['method']> | '');
                  setGrantProblem(false);
                }}
              >
                <option value="">{t('consent.method.none')}</option>
                {CONSENT_METHODS.map((value) => (
                  <option key={value} value={value}>
                    {t(`consent.method.${value}`)}
                  </option>
                ))}
              </select>
              {grantProblem && (
                <span className="field-error" role="alert">
                  {t('consent.grantAllNeedsMethod')}
                </span>
              )}
            </div>
            <button type="button" onClick={grantAll}>
              {t('consent.grantAll')}
            </button>
            <p className="muted" id="grant-all-help">
              {t('consent.grantAllHelp')}
            </p>
          </div>
          <div className="scope-grid">
            {consent.scopes.map((view) =>
              drafts[view.scope] ? (
                <ScopeConsentEditor
                  key={view.scope}
                  consent={consent}
                  view={view}
                  guardians={consent.guardians}
                  recordings={recordings ?? []}
                  draft={drafts[view.scope]!}
                  onChange={(update) => edit(view.scope, update)}
                  problems={problems.filter((problem) => problem.scope === view.scope)}
                  changed={changedScopes.includes(view)}
                />
              ) : null,
            )}
          </div>
          <div className="card save-bar">
            {signers.length > 0 && (
              <section className="screen-signatures" aria-labelledby="screen-signatures-title">
                <h2 id="screen-signatures-title">{t('signature.title')}</h2>
                <p className="muted">{t('signature.intro')}</p>
                {signers.map((signer) => (
                  <SignaturePad
                    key={signer.key}
                    id={`signature-${signer.key}`}
                    signer={signerName(signer)}
                    value={signatures[signer.key]}
                    onChange={(value) => setSignatures((current) => ({ ...current, [signer.key]: value }))}
                  />
                ))}
                {unsigned.length > 0 && signers.some((signer) => !signatures[signer.key]) && (
                  <p className="field-error" role="alert">
                    {t('signature.missing', { names: unsigned.join(', ') })}
                  </p>
                )}
              </section>
            )}
            <div className="field">
              <label htmlFor="consent-reason">{t('consent.reason')}</label>
              <input id="consent-reason" value={reason} maxLength={500} onChange={(e) => setReason(e.target.value)} />
            </div>
            {problems.length > 0 && (
              <div className="notice warning" role="alert">
                <ul>
                  {problems.map((problem) => (
                    <li key={`${problem.scope}-${problem.field}`}>
                      {t(
                        problem.field === 'method'
                          ? 'consent.missingMethod'
                          : problem.field === 'evidenceRecordingId'
                            ? 'consent.missingEvidenceRecording'
                            : problem.field === 'dates'
                              ? 'consent.invalidDate'
                              : 'consent.missingFor',
                        { scope: t(`consent.scope.${problem.scope}`) },
                      )}
                    </li>
                  ))}
                </ul>
              </div>
            )}
            <div className="actions">
              <button type="submit" className="primary" disabled={saving} aria-disabled={blocked || undefined}>
                {t('consent.save')}
              </button>
              {saved === 'saved' && (
                <span role="status" className="saved-note">
                  ✓ {t('consent.saved')}
                </span>
              )}
              {saved === 'nothing' && <span role="status">{t('consent.nothingToSave')}</span>}
              {dirty && saved === null && <span className="muted">{t('consent.unsaved')}</span>}
            </div>
          </div>
        </form>
        {(consent.minor || consent.guardians.length > 0 || consent.emancipation) && (
          <aside className="consent-guardians" aria-label={t('consent.guardians')}>
            {(consent.minor || consent.guardians.length > 0) && <GuardiansCard consent={consent} actor={actor} />}
            {(consent.minor || consent.emancipation) && <EmancipationCard consent={consent} actor={actor} />}
          </aside>
        )}
      </div>
      <PersonAppearances personId={personId} />
      <section className="card" aria-labelledby="history-title">
        <h2 id="history-title">{t('consent.history')}</h2>
        <ol className="history" aria-label={t('consent.history')}>
          {consent.history.map((entry) => (
            <li key={entry.id}>
              <time dateTime={entry.at}>{dayAndTime(entry.at)}</time> —{' '}
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
                    : entry.action === 'guardian-removed'
                      ? t('consent.historyGuardianRemoved')
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
