/**
 * Shows a failed API call in plain French: the main side's own sentence (naming the
 * problem and what it concerns), with its hint (the fix) and any technical detail folded away.
 */
import { ApiCallError } from '../api/client';
import { useI18n, type Locale, type Translate } from '../i18n/i18n';
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

/** Codes with a sentence of their own in the dictionaries; any other code reads "Une erreur est survenue". */
const GENERIC_CODES = new Set(['not-found', 'forbidden', 'unreachable', 'consent-refused', 'disk-full']);

/** The UI's own sentence for an error: what is shown when the main side gave no message (and, in English, before it). */
function genericText(error: ApiCallError, t: Translate): string {
  if (error.code === 'invalid-input') {
    const field = error.field?.split('.').pop();
    const label = field && FIELD_LABELS[field];
    return label ? t('error.invalid-input', { field: t(label) }) : t('error.invalid-input.nofield');
  }
  return GENERIC_CODES.has(error.code) ? t(`error.${error.code}` as MessageKey) : t('error.generic');
}

/**
 * What went wrong, for the screen. The main side says it in French for every code, naming
 * the problem and what it concerns (the field, the file, the person and the audience of a
 * refused export); its hint, the fix, is shown with it. The UI's generic sentence is only
 * for an error that came without a message. In English the generic English sentence comes
 * first and the French reason follows it (the main side speaks French only).
 */
export function describeError(error: unknown, t: Translate, locale: Locale = 'fr'): string {
  if (!(error instanceof ApiCallError)) return t('error.generic');
  if (!error.message) return genericText(error, t);
  return locale === 'en' ? `${genericText(error, t)} — ${error.message}` : error.message;
}

export function ErrorBanner({ error }: { error: unknown }) {
  const { t, locale } = useI18n();
  if (!error) return null;
  const technical = error instanceof Error ? error.message : String(error);
  const hint = error instanceof ApiCallError ? error.hint : undefined;
  const described = describeError(error, t, locale);
  return (
    <div className="error-banner" role="alert">
      <strong>{t('error.title')}</strong> — {described}
      {/* the fix is part of the message, never folded away with the technical detail */}
      {hint && <p className="error-hint">{hint}</p>}
      {!described.includes(technical) && (
        <details>
          <summary>{t('error.details')}</summary>
          <p>{technical}</p>
        </details>
      )}
    </div>
  );
}
