/**
 * How long this project keeps each category: the defaults of its kind (CNIL guidance),
 * changed per category to a number of months or "as long as the consent is valid".
 */
import { useId } from 'react';
import { RETENTION_CATEGORY_TABLE } from '../../../../src-shared/retention';
import { api } from '../../api/client';
import { useI18n } from '../../i18n/i18n';
import { useApiData } from '../../app/useApiData';

const MONTH_CHOICES = [3, 6, 12, 18, 24, 36];
const CONSENT = 'consent';

export function RetentionSettingsEditor({ projectId, onError }: { projectId: number; onError: (error: unknown) => void }) {
  const { t } = useI18n();
  const id = useId();
  const { data, reload } = useApiData(() => api.call('retention.settings', { projectId }), [projectId], ['project']);
  if (!data) return null;
  const change = async (category: (typeof RETENTION_CATEGORY_TABLE)[number]['id'], value: string) => {
    try {
      await api.call('retention.update', { projectId, category, months: value === CONSENT ? null : Number(value) });
      reload();
    } catch (error) {
      onError(error);
    }
  };
  return (
    <details className="retention-settings">
      <summary>{t('retention.settings')}</summary>
      <div className="form-grid">
        {RETENTION_CATEGORY_TABLE.map((category) => {
          const months = data.settings[category.id];
          const choices =
            months === null || MONTH_CHOICES.includes(months) ? MONTH_CHOICES : [...MONTH_CHOICES, months].sort((a, b) => a - b);
          return (
            <label key={category.id} htmlFor={`${id}-${category.id}`} className="field">
              <span>{t(category.labelKey)}</span>
              <select
                id={`${id}-${category.id}`}
                value={months === null ? CONSENT : String(months)}
                onChange={(event) => void change(category.id, event.target.value)}
              >
                {choices.map((choice) => (
                  <option key={choice} value={String(choice)}>
                    {t('retention.months', { months: choice })}
                  </option>
                ))}
                <option value={CONSENT}>{t('retention.untilConsentEnds')}</option>
              </select>
              {data.defaults[category.id] !== months && <span className="muted small-text">{t('retention.changed')}</span>}
            </label>
          );
        })}
      </div>
    </details>
  );
}
