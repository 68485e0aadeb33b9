/** The audience an export or a pack is for, named as the consent screens name it. */
import { AUDIENCES } from '../../../../src-shared/contract/vocabulary';
import { useI18n } from '../../i18n/i18n';

export type Audience = (typeof AUDIENCES)[number];

export function AudienceSelect({ id, value, onChange }: { id: string; value: Audience; onChange(value: Audience): void }) {
  const { t } = useI18n();
  return (
    <div className="field">
      <label htmlFor={id}>{t('export.audience')}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value as Audience)}>
        {AUDIENCES.map((audience) => (
          <option key={audience} value={audience}>
            {t(`consent.scope.${audience}`)}
          </option>
        ))}
      </select>
    </div>
  );
}
