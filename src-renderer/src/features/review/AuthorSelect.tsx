/**
 * Who says a comment or a reply: one of the project's people, or the group. One list for the
 * comment form and the reply form, so both read the same and send the same field.
 */
import type { Person } from '../../../../src-shared/contract/schemas';
import { useI18n } from '../../i18n/i18n';

export function AuthorSelect({
  id,
  label,
  value,
  onChange,
  people,
}: {
  id: string;
  label: string;
  /** A person's id as text, or '' for the group. */
  value: string;
  onChange(value: string): void;
  people: readonly Person[];
}) {
  const { t } = useI18n();
  return (
    <>
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">{t('review.group')}</option>
        {people.map((person) => (
          <option key={person.id} value={person.id}>
            {person.displayName}
          </option>
        ))}
      </select>
    </>
  );
}
