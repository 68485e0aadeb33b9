/**
 * A project's people: given name and family name (apart, so "first name only" is exact),
 * role, minor flag; add and remove; a name to check is asked about.
 */
import { useConfirm } from '../../components/ConfirmDialog';
import { useState, type FormEvent } from 'react';
import type { Person, PersonRole } from '../../../../src-shared/contract/schemas';
import { PERSON_ROLES } from '../../../../src-shared/contract/vocabulary';
import { api, ApiCallError } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorBanner';
import { Field } from '../../components/Field';
import { Icon } from '../../components/Icon';
import { useI18n } from '../../i18n/i18n';
import { hrefFor } from '../../app/router';
import { isMinorOn, localToday } from '../../../../src-shared/age';
import { PersonNameReview } from './PersonNameReview';
import { DateField } from '../../components/DateField';
import { useSubmitOnce } from '../../app/useSubmitOnce';

export function PeoplePanel({ projectId, people, defaultRole }: { projectId: number; people: Person[]; defaultRole: PersonRole }) {
  const { t } = useI18n();
  const confirm = useConfirm();
  const [givenName, setGivenName] = useState('');
  const [familyName, setFamilyName] = useState('');
  const [role, setRole] = useState<PersonRole>(defaultRole);
  const [birthDate, setBirthDate] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [refusal, setRefusal] = useState<string | null>(null);

  // one request per click: a double click adds one, not two
  const adding = useSubmitOnce(async () => {
    setError(null);
    try {
      await api.call('people.add', { projectId, givenName, familyName, role, birthDate: birthDate || null });
      setGivenName('');
      setFamilyName('');
      setBirthDate('');
    } catch (reason) {
      setError(reason);
    }
  });

  function add(event: FormEvent) {
    event.preventDefault();
    void adding.run();
  }

  async function remove(person: Person) {
    if (!(await confirm(t('people.deleteConfirm', { name: person.displayName }), { danger: true, confirmLabel: t('common.delete') })))
      return;
    setRefusal(null);
    try {
      await api.call('people.delete', { id: person.id });
    } catch (reason) {
      // someone in a recording or an export is erased, not deleted: the app says so in French
      if (reason instanceof ApiCallError && reason.code === 'conflict' && reason.hint) setRefusal(`${reason.message} ${reason.hint}`);
      else setError(reason);
    }
  }

  return (
    <section className="card" aria-labelledby="people-title">
      <h2 id="people-title">
        <Icon name="person" /> {t('people.title')}
      </h2>
      <ErrorBanner error={error} />
      {refusal && (
        <p className="warning-banner" role="alert">
          {refusal}
        </p>
      )}
      {people.length === 0 && <p className="empty">{t('people.empty')}</p>}
      <ul className="item-list" aria-label={t('people.title')}>
        {people.map((person) => (
          <li key={person.id} className="item">
            <span className="item-main">
              <strong>{person.displayName}</strong> <span className="muted">· {t(`role.${person.role}`)}</span>
              {isMinorOn(person.birthDate, localToday()) && <span className="badge warning">{t('people.minor')}</span>}
            </span>
            <a className="button small" href={hrefFor({ name: 'personConsent', personId: person.id })}>
              {t('consent.open')}
            </a>
            <button className="danger small" onClick={() => void remove(person)} aria-label={`${t('people.delete')} ${person.displayName}`}>
              <Icon name="trash" /> {t('people.delete')}
            </button>
            {person.nameNeedsReview && <PersonNameReview person={person} onError={setError} />}
          </li>
        ))}
      </ul>
      <form className="inline-form" onSubmit={add} aria-label={t('people.add')}>
        <Field label={t('people.givenName')} required>
          {(id) => <input id={id} value={givenName} onChange={(e) => setGivenName(e.target.value)} required maxLength={60} />}
        </Field>
        <Field label={t('people.familyName')} help={t('people.familyNameHelp')}>
          {(id, describedBy) => (
            <input
              id={id}
              value={familyName}
              onChange={(e) => setFamilyName(e.target.value)}
              maxLength={60}
              aria-describedby={describedBy}
            />
          )}
        </Field>
        <Field label={t('people.role')} required>
          {(id) => (
            <select id={id} value={role} onChange={(e) => setRole(e.target.value as PersonRole)}>
              {PERSON_ROLES.map((value) => (
                <option key={value} value={value}>
                  {t(`role.${value}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('people.birthDate')} help={t('people.birthDateHelp')}>
          {(id, describedBy) => (
            <DateField id={id} value={birthDate} onChange={(value) => setBirthDate(value)} aria-describedby={describedBy} />
          )}
        </Field>
        <button type="submit" className="primary" disabled={adding.busy}>
          <Icon name="plus" /> {t('people.add')}
        </button>
      </form>
    </section>
  );
}
