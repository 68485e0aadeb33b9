/**
 * Editing one scope of a person's consent, as part of the person's one save (the draft is
 * held by PersonConsentScreen): status (big buttons), how, when and where it was given,
 * conditions, expiry, and for someone under 18 that day their own agreement and the
 * parents who signed. What a minor's consent lacks is said here, with the same rule as the
 * main side's (src-shared). The scan of a signed form is attached at once (a file, not a choice).
 */
import { useRef, useState } from 'react';
import type { ConsentView, Guardian, PersonConsent, Recording } from '../../../../src-shared/contract/schemas';
import { CONSENT_CONDITIONS, CONSENT_METHODS, CONSENT_STATUSES } from '../../../../src-shared/contract/vocabulary';
import { localToday } from '../../../../src-shared/age';
import { actsAsAdultOn, consentValidUntil, missingAuthorisations } from '../../../../src-shared/parentalAuthority';
import { api } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorBanner';
import { DateField } from '../../components/DateField';
import { Icon } from '../../components/Icon';
import { useI18n } from '../../i18n/i18n';
import { OralConsentEvidence } from './OralConsentEvidence';
import { ConsentProof } from './ConsentProof';
import type { DraftProblem, ScopeDraft } from './consentDraft';

type Method = NonNullable<ConsentView['method']>;

export function ScopeConsentEditor({
  consent,
  view,
  guardians,
  recordings,
  draft,
  onChange,
  problems,
  changed,
}: {
  consent: PersonConsent;
  view: ConsentView;
  guardians: Guardian[];
  recordings: Recording[];
  draft: ScopeDraft;
  onChange(update: (draft: ScopeDraft) => ScopeDraft): void;
  /** What the last try to save found missing in this scope (shown on the fields). */
  problems: DraftProblem[];
  changed: boolean;
}) {
  const { t, formatDate } = useI18n();
  const [error, setError] = useState<unknown>(null);
  const [attached, setAttached] = useState<string | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const today = localToday();
  const idBase = `scope-${view.scope}`;
  const person = { birthDate: consent.person.birthDate, emancipatedOn: consent.emancipation?.emancipatedOn ?? null };
  const day = draft.decidedOn || today;
  const minorThatDay = !actsAsAdultOn(person, day);
  const endsAtMajority = consentValidUntil(person, { decidedOn: day, expiresOn: draft.expiresOn || null });
  const signatories = guardians.filter((guardian) => draft.guardianIds.includes(guardian.id));
  const missing =
    draft.status === 'granted'
      ? missingAuthorisations(person, { scope: view.scope, minorAgreed: draft.minorAgreed, signatories }, day)
      : [];
  const has = (field: DraftProblem['field']) => problems.some((problem) => problem.field === field);
  const set = <K extends keyof ScopeDraft>(key: K, value: ScopeDraft[K]) => onChange((current) => ({ ...current, [key]: value }));

  async function attachScan(file: File) {
    setError(null);
    setAttached(null);
    try {
      await api.call('consent.attachEvidence', {
        personId: consent.person.id,
        scope: view.scope,
        fileName: file.name,
        data: new Uint8Array(await file.arrayBuffer()),
      });
      setAttached(file.name);
    } catch (reason) {
      setError(reason);
    }
  }

  const toggle = <T,>(list: T[], value: T) => (list.includes(value) ? list.filter((item) => item !== value) : [...list, value]);
  const scopeLabel = t(`consent.scope.${view.scope}`);

  return (
    <section className={`card scope-card${changed ? ' scope-changed' : ''}`} role="group" aria-label={scopeLabel}>
      <h2>{scopeLabel}</h2>
      <p className="muted">{t(`consent.scopeHelp.${view.scope}`)}</p>
      <ErrorBanner error={error} />
      <fieldset className="status-group">
        <legend className="visually-hidden">{t('consent.statusLegend')}</legend>
        {CONSENT_STATUSES.map((value) => (
          <label key={value} className={`status-choice status-${value} ${draft.status === value ? 'selected' : ''}`}>
            <input
              type="radio"
              name={`${idBase}-status`}
              value={value}
              checked={draft.status === value}
              onChange={() => set('status', value)}
            />
            {t(`consent.status.${value}`)}
          </label>
        ))}
      </fieldset>
      <div className="field-row">
        <div className="field">
          <label htmlFor={`${idBase}-method`}>{t('consent.method')}</label>
          <select
            id={`${idBase}-method`}
            value={draft.method}
            aria-invalid={has('method') || undefined}
            onChange={(e) => set('method', e.target.value as Method | '')}
          >
            <option value="">{t('consent.method.none')}</option>
            {CONSENT_METHODS.map((value) => (
              <option key={value} value={value}>
                {t(`consent.method.${value}`)}
              </option>
            ))}
          </select>
          {has('method') && <span className="field-error">{t('consent.missingMethod', { scope: scopeLabel })}</span>}
        </div>
        <div className="field">
          <label htmlFor={`${idBase}-decided`}>{t('consent.decidedOn')}</label>
          <DateField
            id={`${idBase}-decided`}
            max={today}
            value={draft.decidedOn}
            onChange={(value, valid) => onChange((current) => ({ ...current, decidedOn: value, datesValid: valid }))}
          />
        </div>
        <div className="field">
          <label htmlFor={`${idBase}-place`}>{t('consent.place')}</label>
          <input id={`${idBase}-place`} value={draft.place} maxLength={200} onChange={(e) => set('place', e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor={`${idBase}-expires`}>{t('consent.expires')}</label>
          <DateField
            id={`${idBase}-expires`}
            value={draft.expiresOn}
            aria-describedby={endsAtMajority.atMajority ? `${idBase}-majority` : undefined}
            onChange={(value, valid) => onChange((current) => ({ ...current, expiresOn: value, datesValid: valid }))}
          />
          {/* a minor's consent stops on the eve of their 18th birthday, whatever date is written */}
          {draft.status === 'granted' && endsAtMajority.atMajority && endsAtMajority.validUntil && (
            <span className="field-help" id={`${idBase}-majority`} data-testid={`${idBase}-majority`}>
              {t('consent.endsAtMajority', { date: formatDate(endsAtMajority.validUntil) })}
            </span>
          )}
        </div>
      </div>
      {draft.method === 'filmed-oral-consent' && (
        <OralConsentEvidence idBase={idBase} recordings={recordings} value={draft.evidence} onChange={(value) => set('evidence', value)} />
      )}
      {has('evidenceRecordingId') && <span className="field-error">{t('consent.missingEvidenceRecording', { scope: scopeLabel })}</span>}
      <fieldset className="conditions">
        <legend>{t('consent.conditions')}</legend>
        {CONSENT_CONDITIONS.map((value) => (
          <label key={value} className="check">
            <input
              type="checkbox"
              checked={draft.conditions.includes(value)}
              onChange={() => set('conditions', toggle(draft.conditions, value))}
            />
            {t(`consent.condition.${value}`)}
          </label>
        ))}
      </fieldset>
      {(consent.minor || minorThatDay) && (
        <fieldset className="conditions">
          <legend>{t('consent.guardians')}</legend>
          {minorThatDay && <p className="muted">{t('consent.minorOnDate', { date: formatDate(day) })}</p>}
          <label className="check">
            <input type="checkbox" checked={draft.minorAgreed} onChange={() => set('minorAgreed', !draft.minorAgreed)} />
            {t('consent.minorAgreed')}
          </label>
          {guardians.map((guardian) => (
            <label key={guardian.id} className="check">
              <input
                type="checkbox"
                checked={draft.guardianIds.includes(guardian.id)}
                onChange={() => set('guardianIds', toggle(draft.guardianIds, guardian.id))}
              />
              {t('consent.guardianSignedAs', { name: guardian.name, capacity: t(`consent.capacity.${guardian.capacity}`) })}
            </label>
          ))}
        </fieldset>
      )}
      {missing.length > 0 && (
        <div className="notice warning" role="alert">
          <p>{t('consent.missingTitle')} :</p>
          <ul>
            {missing.map((item) => (
              <li key={item}>{t(`consent.missing.${item}`)}</li>
            ))}
          </ul>
          <p>{t('consent.missingFix')}</p>
        </div>
      )}
      <ConsentProof view={view} guardians={guardians} minor={consent.minor} />
      <div className="actions">
        {view.evidenceAssetId ? (
          <a className="button small" href={api.mediaUrl(view.evidenceAssetId)} download>
            {t('consent.viewScan')}
          </a>
        ) : null}
        {/* a real button (Tab, Enter, Space) opens the file chooser; the file input itself stays hidden */}
        <button type="button" className="small" onClick={() => fileInput.current?.click()}>
          <Icon name="folder" /> {t('consent.attachScan')}
        </button>
        <input
          ref={fileInput}
          type="file"
          accept=".pdf,.jpg,.jpeg,.png"
          hidden
          tabIndex={-1}
          aria-hidden="true"
          onChange={(e) => {
            const file = e.target.files?.[0];
            if (file) void attachScan(file);
            e.target.value = '';
          }}
        />
        {attached && <span role="status">{t('consent.scanAttached', { name: attached })}</span>}
      </div>
    </section>
  );
}
