/**
 * A name split from an older single name may be wrong ("BENALI Samira": family name
 * first): the people panel asks to check it, with the two fields prefilled, a swap
 * button, and a save that clears the prompt. Until then "first name only" shows no name.
 */
import { useState } from 'react';
import type { Person } from '../../../../src-shared/contract/schemas';
import { api } from '../../api/client';
import { useI18n } from '../../i18n/i18n';

export function PersonNameReview({ person, onError }: { person: Person; onError(error: unknown): void }) {
  const { t } = useI18n();
  const [givenName, setGivenName] = useState(person.givenName);
  const [familyName, setFamilyName] = useState(person.familyName);

  async function save() {
    try {
      await api.call('people.update', { id: person.id, changes: { givenName: givenName.trim(), familyName: familyName.trim() } });
    } catch (reason) {
      onError(reason);
    }
  }

  return (
    <div className="name-review notice warning" role="group" aria-label={t('people.nameReview')}>
      <strong>{t('people.nameReview')}</strong> <span className="muted">{t('people.nameReviewHelp')}</span>
      <div className="field-row">
        <label>
          {t('people.givenName')} <input value={givenName} onChange={(e) => setGivenName(e.target.value)} maxLength={60} />
        </label>
        <label>
          {t('people.familyName')} <input value={familyName} onChange={(e) => setFamilyName(e.target.value)} maxLength={60} />
        </label>
        <button
          type="button"
          className="small"
          onClick={() => {
            setGivenName(familyName);
            setFamilyName(givenName);
          }}
        >
          {t('people.swapNames')}
        </button>
        <button type="button" className="small primary" disabled={!givenName.trim()} onClick={() => void save()}>
          {t('people.nameReviewSave')}
        </button>
      </div>
    </div>
  );
}
