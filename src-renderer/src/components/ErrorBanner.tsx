/**
 * Shows a failed API call in plain French, naming the faulty field, with the
 * technical message folded away for whoever needs it.
 */
import { ApiCallError } from '../api/client';
import { useI18n, type Translate } from '../i18n/i18n';
import type { MessageKey } from '../i18n/fr';

const FIELD_LABELS: Record<string, MessageKey> = {
  name: 'project.name',
  kind: 'project.kind',
  place: 'project.place',
  startDate: 'project.startDate',
  endDate: 'project.endDate',
  description: 'project.description',
  date: 'sessions.date',
  title: 'sessions.titleField',
  animatorPersonId: 'sessions.animator',
  displayName: 'people.name',
  role: 'people.role',
  birthDate: 'people.birthDate',
  decidedOn: 'consent.decidedOn',
  guardianIds: 'consent.guardians',
  minorAgreed: 'consent.minorAgreed',
  soleHolderReason: 'consent.soleReason',
  emancipatedOn: 'consent.emancipatedOn',
  proof: 'consent.emancipationProof',
};

export function describeError(error: unknown, t: Translate): string {
  if (!(error instanceof ApiCallError)) return t('error.generic');
  if (error.code === 'invalid-input') {
    // the main side names the field in French (src-main/app/validationMessages.ts)
    if (error.message && !/^Invalid input|^The |^This /.test(error.message)) return error.message;
    const field = error.field?.split('.').pop();
    const label = field && FIELD_LABELS[field];
    return label ? t('error.invalid-input', { field: t(label) }) : t('error.invalid-input.nofield');
  }
  // the main side already says it in French, naming the folder and the space needed
  if ((error.code === 'disk-full' || error.code === 'read-only') && error.message) return error.message;
  if (
    error.code === 'not-found' ||
    error.code === 'forbidden' ||
    error.code === 'unreachable' ||
    error.code === 'consent-refused' ||
    error.code === 'disk-full'
  ) {
    return t(`error.${error.code}`);
  }
  return t('error.generic');
}

export function ErrorBanner({ error }: { error: unknown }) {
  const { t } = useI18n();
  if (!error) return null;
  const technical = error instanceof Error ? error.message : String(error);
  const hint = error instanceof ApiCallError ? error.hint : undefined;
  return (
    <div className="error-banner" role="alert">
      <strong>{t('error.title')}</strong> — {describeError(error, t)}
      <details>
        <summary>{t('error.details')}</summary>
        {technical !== describeError(error, t) && <p>{technical}</p>}
        {hint && <p>{hint}</p>}
      </details>
    </div>
  );
}
