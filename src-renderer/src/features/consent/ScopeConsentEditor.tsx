/**
 * Editing one scope of a person's consent: status (big buttons), how, when and where it
 * was given, conditions, expiry, and for someone under 18 that day their own agreement and
 * the parents who signed. A minor's consent is not saved as granted without the
 * authorisations the law needs (the same rule as the main side's, from src-shared).
 */
import { useState, type FormEvent } from 'react';
import type { ConsentView, Guardian, PersonConsent, Recording } from '../../../../src-shared/contract/schemas';
import { CONSENT_CONDITIONS, CONSENT_METHODS, CONSENT_STATUSES } from '../../../../src-shared/contract/vocabulary';
import { localToday } from '../../../../src-shared/age';
import { actsAsAdultOn, missingAuthorisations } from '../../../../src-shared/parentalAuthority';
import { api } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorBanner';
import { useI18n } from '../../i18n/i18n';
import { OralConsentEvidence, type EvidenceDraft } from './OralConsentEvidence';
import { ConsentProof } from './ConsentProof';

type Status = ConsentView['status'];
type Method = NonNullable<ConsentView['method']>;
type Condition = ConsentView['conditions'][number];

export function ScopeConsentEditor({
  consent,
  view,
  guardians,
  actor,
  recordings,
}: {
  consent: PersonConsent;
  view: ConsentView;
  guardians: Guardian[];
  actor: string;
  recordings: Recording[];
}) {
  const { t, formatDate } = useI18n();
  const [status, setStatus] = useState<Status>(view.status);
  const [method, setMethod] = useState<Method | ''>(view.method ?? '');
  const [conditions, setConditions] = useState<Condition[]>(view.conditions);
  const [expiresOn, setExpiresOn] = useState(view.expiresOn ?? '');
  const [minorAgreed, setMinorAgreed] = useState(view.minorAgreed);
  const [guardianIds, setGuardianIds] = useState<number[]>(view.guardianIds);
  const today = localToday();
  const [decidedOn, setDecidedOn] = useState(today);
  const [place, setPlace] = useState(view.place);
  const [reason, setReason] = useState('');
  const [evidence, setEvidence] = useState<EvidenceDraft>({
    recordingId: view.evidenceRecordingId ? String(view.evidenceRecordingId) : '',
    from: view.evidenceFromSeconds === null ? '' : String(view.evidenceFromSeconds),
    to: view.evidenceToSeconds === null ? '' : String(view.evidenceToSeconds),
  });
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  const idBase = `scope-${view.scope}`;
  const person = { birthDate: consent.person.birthDate, emancipatedOn: consent.emancipation?.emancipatedOn ?? null };
  const day = decidedOn || today;
  const minorThatDay = !actsAsAdultOn(person, day);
  const signatories = guardians.filter((guardian) => guardianIds.includes(guardian.id));
  const missing = status === 'granted' ? missingAuthorisations(person, { scope: view.scope, minorAgreed, signatories }, day) : [];

  async function save(event: FormEvent) {
    event.preventDefault();
    setError(null);
    setSaved(false);
    if (missing.length) return; // the notice above the button says what is missing
    try {
      await api.call('consent.set', {
        personId: consent.person.id,
        scope: view.scope,
        status,
        method: method || null,
        conditions,
        // an emptied date lets the project's default duration apply again
        ...(expiresOn && expiresOn !== view.expiresOn ? { expiresOn } : {}),
        minorAgreed,
        guardianIds,
        decidedOn: day,
        place,
        ...(method === 'filmed-oral-consent'
          ? {
              evidenceRecordingId: evidence.recordingId ? Number(evidence.recordingId) : null,
              evidenceFromSeconds: evidence.from === '' ? null : Number(evidence.from),
              evidenceToSeconds: evidence.to === '' ? null : Number(evidence.to),
            }
          : {}),
        ...(reason ? { reason } : {}),
        ...(actor ? { actor } : {}),
      });
      setReason('');
      setSaved(true);
    } catch (reason) {
      setError(reason);
    }
  }

  async function attachScan(file: File) {
    setError(null);
    try {
      await api.call('consent.attachEvidence', {
        personId: consent.person.id,
        scope: view.scope,
        fileName: file.name,
        data: new Uint8Array(await file.arrayBuffer()),
      });
    } catch (reason) {
      setError(reason);
    }
  }

  const toggle = <T,>(list: T[], value: T) => (list.includes(value) ? list.filter((item) => item !== value) : [...list, value]);

  return (
    <form className="card scope-card" onSubmit={save} aria-label={t(`consent.scope.${view.scope}`)}>
      <h2>{t(`consent.scope.${view.scope}`)}</h2>
      <p className="muted">{t(`consent.scopeHelp.${view.scope}`)}</p>
      <ErrorBanner error={error} />
      <fieldset className="status-group">
        <legend className="visually-hidden">{t(`consent.scope.${view.scope}`)}</legend>
        {CONSENT_STATUSES.map((value) => (
          <label key={value} className={`status-choice status-${value} ${status === value ? 'selected' : ''}`}>
            <input type="radio" name={`${idBase}-status`} value={value} checked={status === value} onChange={() => setStatus(value)} />
            {t(`consent.status.${value}`)}
          </label>
        ))}
      </fieldset>
      <div className="field-row">
        <div className="field">
          <label htmlFor={`${idBase}-method`}>{t('consent.method')}</label>
          <select id={`${idBase}-method`} value={method} onChange={(e) => setMethod(e.target.value as Method | '')}>
            <option value="">{t('consent.method.none')}</option>
            {CONSENT_METHODS.map((value) => (
              <option key={value} value={value}>
                {t(`consent.method.${value}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${idBase}-decided`}>{t('consent.decidedOn')}</label>
          <input id={`${idBase}-decided`} type="date" max={today} value={decidedOn} onChange={(e) => setDecidedOn(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor={`${idBase}-place`}>{t('consent.place')}</label>
          <input id={`${idBase}-place`} value={place} maxLength={200} onChange={(e) => setPlace(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor={`${idBase}-expires`}>{t('consent.expires')}</label>
          <input id={`${idBase}-expires`} type="date" value={expiresOn} onChange={(e) => setExpiresOn(e.target.value)} />
        </div>
      </div>
      {method === 'filmed-oral-consent' && (
        <OralConsentEvidence idBase={idBase} recordings={recordings} value={evidence} onChange={setEvidence} />
      )}
      <fieldset className="conditions">
        <legend>{t('consent.conditions')}</legend>
        {CONSENT_CONDITIONS.map((value) => (
          <label key={value} className="check">
            <input type="checkbox" checked={conditions.includes(value)} onChange={() => setConditions((list) => toggle(list, value))} />
            {t(`consent.condition.${value}`)}
          </label>
        ))}
      </fieldset>
      {(consent.minor || minorThatDay) && (
        <fieldset className="conditions">
          <legend>{t('consent.guardians')}</legend>
          {minorThatDay && <p className="muted">{t('consent.minorOnDate', { date: formatDate(day) })}</p>}
          <label className="check">
            <input type="checkbox" checked={minorAgreed} onChange={() => setMinorAgreed((value) => !value)} />
            {t('consent.minorAgreed')}
          </label>
          {guardians.map((guardian) => (
            <label key={guardian.id} className="check">
              <input
                type="checkbox"
                checked={guardianIds.includes(guardian.id)}
                onChange={() => setGuardianIds((list) => toggle(list, guardian.id))}
              />
              {t('consent.guardianSignedAs', { name: guardian.name, capacity: t(`consent.capacity.${guardian.capacity}`) })}
            </label>
          ))}
        </fieldset>
      )}
      <div className="field">
        <label htmlFor={`${idBase}-reason`}>{t('consent.reason')}</label>
        <input id={`${idBase}-reason`} value={reason} maxLength={500} onChange={(e) => setReason(e.target.value)} />
      </div>
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
        <button type="submit" className="primary" aria-disabled={missing.length > 0}>
          {t('consent.save')}
        </button>
        {saved && <span role="status">{t('consent.saved')}</span>}
        {view.evidenceAssetId ? (
          <a className="button small" href={api.mediaUrl(view.evidenceAssetId)} download>
            {t('consent.viewScan')}
          </a>
        ) : null}
        <label className="button small file-button">
          {t('consent.attachScan')}
          <input
            type="file"
            accept=".pdf,.jpg,.jpeg,.png"
            hidden
            onChange={(e) => e.target.files?.[0] && void attachScan(e.target.files[0])}
          />
        </label>
      </div>
    </form>
  );
}
