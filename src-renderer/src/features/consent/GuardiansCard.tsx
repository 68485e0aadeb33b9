/**
 * The parents or legal guardians of a minor, each with the capacity in which they sign
 * (parent 1, parent 2, sole parent with the reason, legal guardian): add one, or correct
 * the capacity of one recorded earlier (those count as parent 1), remove one entered by mistake.
 */
import { useState, type FormEvent } from 'react';
import type { Guardian, PersonConsent } from '../../../../src-shared/contract/schemas';
import {
  GUARDIAN_CAPACITIES,
  SOLE_HOLDER_REASONS,
  type GuardianCapacity,
  type SoleHolderReason,
} from '../../../../src-shared/contract/vocabulary';
import { api } from '../../api/client';
import { useSubmitOnce } from '../../app/useSubmitOnce';
import { ErrorBanner } from '../../components/ErrorBanner';
import { Icon } from '../../components/Icon';
import { useI18n } from '../../i18n/i18n';
import { useConfirm } from '../../components/ConfirmDialog';

function CapacityFields({
  idBase,
  capacity,
  reason,
  onCapacity,
  onReason,
}: {
  idBase: string;
  capacity: GuardianCapacity;
  reason: SoleHolderReason | '';
  onCapacity(value: GuardianCapacity): void;
  onReason(value: SoleHolderReason | ''): void;
}) {
  const { t } = useI18n();
  return (
    <>
      <div className="field">
        <label htmlFor={`${idBase}-capacity`}>{t('consent.capacity')}</label>
        <select id={`${idBase}-capacity`} value={capacity} onChange={(e) => onCapacity(e.target.value as GuardianCapacity)}>
          {GUARDIAN_CAPACITIES.map((value) => (
            <option key={value} value={value}>
              {t(`consent.capacity.${value}`)}
            </option>
          ))}
        </select>
      </div>
      {capacity === 'sole-holder' && (
        <div className="field">
          <label htmlFor={`${idBase}-reason`}>{t('consent.soleReason')}</label>
          <select id={`${idBase}-reason`} value={reason} onChange={(e) => onReason(e.target.value as SoleHolderReason | '')}>
            <option value="">{t('consent.soleReason.none')}</option>
            {SOLE_HOLDER_REASONS.map((value) => (
              <option key={value} value={value}>
                {t(`consent.soleReason.${value}`)}
              </option>
            ))}
          </select>
        </div>
      )}
    </>
  );
}

function GuardianRow({ guardian, actor, onError }: { guardian: Guardian; actor: string; onError(error: unknown): void }) {
  const { t } = useI18n();
  const confirm = useConfirm();
  // a parent entered by mistake; the main side refuses one whose signature backs an agreement, and says which
  async function remove() {
    const ok = await confirm(t('consent.guardianRemoveConfirm', { name: guardian.name }), {
      confirmLabel: t('consent.guardianRemove'),
      danger: true,
    });
    if (!ok) return;
    try {
      await api.call('consent.removeGuardian', { guardianId: guardian.id, ...(actor ? { actor } : {}) });
    } catch (error) {
      onError(error);
    }
  }
  const [capacity, setCapacity] = useState<GuardianCapacity>(guardian.capacity);
  const [reason, setReason] = useState<SoleHolderReason | ''>(guardian.soleHolderReason ?? '');
  const changed = capacity !== guardian.capacity || (reason || null) !== guardian.soleHolderReason;
  async function update(event: FormEvent) {
    event.preventDefault();
    try {
      await api.call('consent.updateGuardian', {
        guardianId: guardian.id,
        capacity,
        ...(capacity === 'sole-holder' ? { soleHolderReason: reason || null } : {}),
        ...(actor ? { actor } : {}),
      });
    } catch (error) {
      onError(error);
    }
  }
  return (
    <li className="item">
      <form className="inline-form" onSubmit={update} aria-label={guardian.name}>
        <strong>{guardian.name}</strong> {guardian.relationship && <span className="muted">· {guardian.relationship}</span>}
        <CapacityFields
          idBase={`guardian-${guardian.id}`}
          capacity={capacity}
          reason={reason}
          onCapacity={setCapacity}
          onReason={setReason}
        />
        {changed && (
          <button type="submit">
            <Icon name="edit" /> {t('consent.guardianUpdate')}
          </button>
        )}
        <button
          type="button"
          className="danger small"
          onClick={() => void remove()}
          aria-label={t('consent.guardianRemoveLabel', { name: guardian.name })}
        >
          <Icon name="trash" /> {t('consent.guardianRemove')}
        </button>
      </form>
    </li>
  );
}

export function GuardiansCard({ consent, actor }: { consent: PersonConsent; actor: string }) {
  const { t } = useI18n();
  const [name, setName] = useState('');
  const [relationship, setRelationship] = useState('');
  const [capacity, setCapacity] = useState<GuardianCapacity>(consent.guardians.length ? 'parent-2' : 'parent-1');
  const [reason, setReason] = useState<SoleHolderReason | ''>('');
  const [detail, setDetail] = useState('');
  const [error, setError] = useState<unknown>(null);

  // one request per click: a double click adds one, not two
  const adding = useSubmitOnce(async () => {
    setError(null);
    try {
      await api.call('consent.addGuardian', {
        personId: consent.person.id,
        name,
        relationship,
        capacity,
        ...(capacity === 'sole-holder' ? { soleHolderReason: reason || null, soleHolderDetail: detail } : {}),
        ...(actor ? { actor } : {}),
      });
      setName('');
      setRelationship('');
      setDetail('');
    } catch (reasonError) {
      setError(reasonError);
    }
  });

  function add(event: FormEvent) {
    event.preventDefault();
    void adding.run();
  }

  return (
    <section className="card" aria-labelledby="guardians-title">
      <h2 id="guardians-title">{t('consent.guardians')}</h2>
      <ErrorBanner error={error} />
      <ul className="item-list">
        {consent.guardians.map((guardian) => (
          <GuardianRow
            key={`${guardian.id}-${guardian.capacity}-${guardian.soleHolderReason}`}
            guardian={guardian}
            actor={actor}
            onError={setError}
          />
        ))}
      </ul>
      <form className="inline-form" onSubmit={add} aria-label={t('consent.addGuardian')}>
        <div className="field">
          <label htmlFor="guardian-name">{t('consent.guardianName')}</label>
          <input id="guardian-name" value={name} required maxLength={120} onChange={(e) => setName(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="guardian-relationship">{t('consent.guardianRelationship')}</label>
          <input id="guardian-relationship" value={relationship} maxLength={60} onChange={(e) => setRelationship(e.target.value)} />
        </div>
        <CapacityFields idBase="guardian-new" capacity={capacity} reason={reason} onCapacity={setCapacity} onReason={setReason} />
        {capacity === 'sole-holder' && (
          <div className="field">
            <label htmlFor="guardian-detail">{t('consent.soleDetail')}</label>
            <input id="guardian-detail" value={detail} maxLength={300} onChange={(e) => setDetail(e.target.value)} />
          </div>
        )}
        <button type="submit" className="primary" disabled={adding.busy}>
          <Icon name="plus" /> {t('consent.addGuardian')}
        </button>
      </form>
    </section>
  );
}
