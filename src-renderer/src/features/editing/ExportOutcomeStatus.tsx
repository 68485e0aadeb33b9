/**
 * Beside the button that started an export or a pack: "started", then done with a link to
 * the file (named after the export), or why it failed. One display for both panels.
 */
import type { MessageKey } from '../../i18n/fr';
import { useI18n } from '../../i18n/i18n';
import type { ExportOutcome } from './useFreshCheck';

export function ExportOutcomeStatus({
  started,
  outcome,
  doneKey,
  linkKey,
}: {
  started: boolean;
  outcome: ExportOutcome;
  doneKey: MessageKey;
  linkKey: MessageKey;
}) {
  const { t } = useI18n();
  return (
    <>
      {started && outcome.kind === 'running' && <span role="status">{t('export.started')}</span>}
      {outcome.kind === 'done' && (
        <span role="status" className="inline-status ok">
          ✓ {t(doneKey)}{' '}
          {outcome.href && (
            <a className="button small" href={outcome.href} download={outcome.fileName ?? true}>
              {t(linkKey)}
            </a>
          )}
        </span>
      )}
      {outcome.kind === 'failed' && (
        <span role="alert" className="inline-status failed">
          ⚠ {t('export.failed', { reason: outcome.message })}
        </span>
      )}
    </>
  );
}
