/**
 * The clip's speaker, chosen among the people linked to its recording: one field for
 * creating a clip and for editing one (only the label of the empty choice differs).
 */
import type { Recording } from '../../../../src-shared/contract/schemas';
import { useI18n } from '../../i18n/i18n';

export function SpeakerField({
  id,
  recording,
  value,
  onChange,
  emptyLabel,
}: {
  id: string;
  recording: Pick<Recording, 'people'>;
  value: string;
  onChange(value: string): void;
  emptyLabel: string;
}) {
  const { t } = useI18n();
  return (
    <div className="field">
      <label htmlFor={id}>{t('clips.speaker')}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">{emptyLabel}</option>
        {recording.people.map((person) => (
          <option key={person.personId} value={person.personId}>
            {person.displayName}
          </option>
        ))}
      </select>
    </div>
  );
}
