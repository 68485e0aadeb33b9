/**
 * What to do with an export to recall: one ready-to-send letter per recipient (PDF,
 * asking to delete the copies — RGPD art. 19) and « Reconstruire », which makes the
 * corrected version with consent asked again. Used by the exports list and the consent
 * dashboard.
 */
import { useState } from 'react';
import type { ExportRecipient } from '../../../../src-shared/contract/schemas';
import { api } from '../../api/client';
import { useI18n } from '../../i18n/i18n';
import { InlineStatus, useActionStatus } from '../../components/InlineStatus';

/** Errors and outcomes show next to the button (InlineStatus), never in a banner far above. */
export function RecallLetterButton({
  exportId,
  recipient,
}: {
  exportId: number;
  recipient: ExportRecipient;
  onError?(error: unknown): void;
}) {
  const { t } = useI18n();
  const [letter, setLetter] = useState<{ assetId: number; fileName: string } | null>(null);
  const status = useActionStatus();
  if (letter)
    return (
      <a className="button small primary" href={api.mediaUrl(letter.assetId)} download={letter.fileName}>
        {t('recipients.downloadLetter', { name: recipient.name })}
      </a>
    );
  return (
    <span className="action-with-status">
      <button
        className="small"
        disabled={status.busy}
        onClick={() => void status.run(() => api.call('exports.recallLetter', { exportId, recipientId: recipient.id }).then(setLetter))}
      >
        {t('recipients.makeLetter', { name: recipient.name })}
      </button>
      {status.outcome.kind === 'failed' && <InlineStatus outcome={status.outcome} />}
    </span>
  );
}

export function RebuildButton({ exportId }: { exportId: number; onError?(error: unknown): void }) {
  const { t } = useI18n();
  const status = useActionStatus({ fade: false });
  const started = status.outcome.kind === 'done';
  return (
    <span className="action-with-status">
      <button
        className="small primary"
        disabled={started || status.busy}
        onClick={() => void status.run(() => api.call('exports.rebuild', { exportId }), t('recipients.rebuilding'))}
      >
        {t('recipients.rebuild')}
      </button>
      <InlineStatus outcome={status.outcome} />
    </span>
  );
}

/** The recipients to notify, each with their letter. */
export function RecipientsToNotify({
  exportId,
  recipients,
  onError,
}: {
  exportId: number;
  recipients: ExportRecipient[];
  onError(error: unknown): void;
}) {
  const { t, formatDate } = useI18n();
  if (recipients.length === 0) return <p className="warning-text small-text">{t('recipients.noneToNotify')}</p>;
  return (
    <ul className="item-list" aria-label={t('recipients.toNotify')}>
      {recipients.map((recipient) => (
        <li key={recipient.id} className="item">
          <span className="item-main">{t('recipients.notify', { name: recipient.name, date: formatDate(recipient.givenOn) })}</span>
          <RecallLetterButton exportId={exportId} recipient={recipient} onError={onError} />
        </li>
      ))}
    </ul>
  );
}
