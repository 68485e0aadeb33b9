/**
 * What an import could not keep as it was (a truncated file, a second sound track, subtitles
 * left out), on the recording card: the sentences come from the import, one per line.
 */
import { useI18n } from '../../i18n/i18n';

export function ImportWarning({ warning }: { warning: string | null }) {
  const { t } = useI18n();
  if (!warning) return null;
  return (
    <div className="warning-banner import-warning" role="note">
      <strong>{t('recording.importWarning')}</strong>
      {warning.split('\n').map((line) => (
        <p key={line}>{line}</p>
      ))}
    </div>
  );
}
