/**
 * Emancipation of a minor (possible from 16): recorded with its proof, it lets them
 * consent alone from that day, like an adult.
 */
import { useState, type FormEvent } from 'react';
import type { PersonConsent } from '../../../../src-shared/contract/schemas';
import { localToday } from '../../../../src-shared/age';
import { api } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorBanner';
import { useI18n } from '../../i18n/i18n';
import { DateField } from '../../components/DateField';

export function EmancipationCard({ consent, actor }: { consent: PersonConsent; actor: string }) {
  const { t, formatDate } = useI18n();
  const [emancipatedOn, setEmancipatedOn] = useState(consent.emancipation?.emancipatedOn ?? '');
  const [proof, setProof] = useState(consent.emancipation?.proof ?? '');
  const [error, setError] = useState<unknown>(null);
  const personId = consent.person.id;
  const actorField = actor ? { actor } : {};

  async function save(event: FormEvent) {
    event.preventDefault();
    setError(null);
    try {
      await api.call('consent.setEmancipation', { personId, emancipatedOn, proof, ...actorField });
    } catch (reason) {
      setError(reason);
    }
  }

  return (
    <section className="card" aria-labelledby="emancipation-title">
      <h2 id="emancipation-title">{t('consent.emancipation')}</h2>
      <p className="muted">{t('consent.emancipationHelp')}</p>
      {consent.emancipation && (
        <p className="notice">
          {t('consent.emancipated', { date: formatDate(consent.emancipation.emancipatedOn), proof: consent.emancipation.proof })}
        </p>
      )}
      <ErrorBanner error={error} />
      <form className="inline-form" onSubmit={save} aria-label={t('consent.emancipation')}>
        <div className="field">
          <label htmlFor="emancipated-on">{t('consent.emancipatedOn')}</label>
          <DateField id="emancipated-on" required max={localToday()} value={emancipatedOn} onChange={(value) => setEmancipatedOn(value)} />
        </div>
        <div className="field">
          <label htmlFor="emancipation-proof">{t('consent.emancipationProof')}</label>
          <input id="emancipation-proof" required maxLength={500} value={proof} onChange={(e) => setProof(e.target.value)} />
        </div>
        <button type="submit" className="primary">
          {t('consent.emancipationSave')}
        </button>
        {consent.emancipation && (
          <button
            type="button"
            onClick={() => void api.call('consent.setEmancipation', { personId, emancipatedOn: null, ...actorField }).catch(setError)}
          >
            {t('consent.emancipationRemove')}
          </button>
        )}
      </form>
    </section>
  );
}
