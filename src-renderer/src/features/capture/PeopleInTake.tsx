/**
 * Who is in the take, ticked from the project's people, and the part each plays
 * (stored with the link between the recording and the person).
 */
import type { Person } from '../../../../src-shared/contract/schemas';
import { useI18n } from '../../i18n/i18n';
import type { Take } from './useTake';

/** The parts offered for each kind of take. */
const PARTS = {
  interview: ['candidate', 'recruiter', 'observer'],
  testimony: ['speaker', 'interviewer'],
} as const;

export function PeopleInTake({
  people,
  take: { kind, selectedPeople, togglePerson, parts, setPart },
  busy,
}: {
  /** undefined while loading */
  people: Person[] | undefined;
  take: Take;
  busy: boolean;
}) {
  const { t } = useI18n();
  return (
    <fieldset className="people-picker" disabled={busy}>
      <legend>{t('record.people')}</legend>
      {people?.length === 0 && <p className="muted">{t('record.noPeople')}</p>}
      {people?.map((person) => (
        <div key={person.id} className="person-pick">
          <label className="check">
            <input type="checkbox" checked={selectedPeople.includes(person.id)} onChange={() => togglePerson(person.id)} />
            {person.displayName} <span className="muted">· {t(`role.${person.role}`)}</span>
          </label>
          {selectedPeople.includes(person.id) && (
            <select
              aria-label={t('record.partOf', { name: person.displayName })}
              value={parts[person.id] ?? ''}
              onChange={(e) => setPart(person.id, e.target.value)}
            >
              <option value="">{t('record.part.none')}</option>
              {PARTS[kind].map((part) => (
                <option key={part} value={part}>
                  {t(`record.part.${part}`)}
                </option>
              ))}
            </select>
          )}
        </div>
      ))}
    </fieldset>
  );
}
