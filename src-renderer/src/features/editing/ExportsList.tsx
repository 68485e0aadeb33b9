/**
 * What a project has exported: kind, audience, date, download link, to whom it was given,
 * and the recall flag a later narrowing of consent puts on it (with the letters to send and
 * the rebuild). Deleting an export deletes its files.
 */
import { useConfirm } from '../../components/ConfirmDialog';
import { useState } from 'react';
import type { PackVerification } from '../../../../src-shared/contract/schemas/packs';
import { api } from '../../api/client';
import { formatDuration } from '../../../../src-shared/time';
import { useI18n } from '../../i18n/i18n';
import { useApiData } from '../../app/useApiData';
import { ExportRecipients } from './ExportRecipients';

export function ExportsList({ projectId, onError }: { projectId: number; onError(error: unknown): void }) {
  const { t, formatDate } = useI18n();
  const confirm = useConfirm();
  const { data: exports } = useApiData(() => api.call('exports.list', { projectId }), [projectId], ['export', 'consent', 'person']);
  const [verified, setVerified] = useState<Record<number, PackVerification>>({});
  const verify = (exportId: number) =>
    void api.call('packs.verify', { exportId }).then((result) => setVerified((all) => ({ ...all, [exportId]: result })), onError);
  return (
    <section className="card" aria-labelledby="exports-title">
      <h2 id="exports-title">{t('exports.title')}</h2>
      {exports && exports.length === 0 && <p className="empty">{t('exports.empty')}</p>}
      <ul className="export-list">
        {(exports ?? []).map((record) => (
          <li key={record.id} className={record.flaggedAt ? 'flagged' : ''} aria-label={record.label}>
            <div>
              <strong>{record.label}</strong> <span className="badge">{t(`consent.scope.${record.audience}`)}</span>{' '}
              <span className="muted">
                {t(
                  `exports.kind.${record.kind === 'montage' ? 'montage' : record.kind === 'pack' ? 'pack' : record.kind === 'feedback-sheet' ? 'feedback-sheet' : 'clip'}`,
                )}{' '}
                · {formatDate(record.createdAt.slice(0, 10))}
                {record.durationSeconds !== null && ` · ${formatDuration(record.durationSeconds)}`}
              </span>
              {record.flaggedAt && <p className="warning-text">{t('exports.flagged', { reason: record.flagReason ?? '' })}</p>}
              {record.outputPath && <p className="muted small-text">{t('exports.external', { path: record.outputPath })}</p>}
              <ExportRecipients record={record} onError={onError} />
              {verified[record.id] && (
                <p className={verified[record.id]!.ok ? 'ok-text' : 'warning-text'} role="status">
                  {verified[record.id]!.ok
                    ? t('packs.verifiedOk', { count: verified[record.id]!.checkedFiles })
                    : t('packs.verifiedBad', {
                        problems: verified[record.id]!.problems.map((p) => `${p.path} (${t(`packs.problem.${p.problem}`)})`).join(', '),
                      })}
                </p>
              )}
            </div>
            <div className="actions">
              {record.assetId !== null && (
                <a className="button small" href={api.mediaUrl(record.assetId)} download={record.fileName ?? true}>
                  {t('exports.download')}
                </a>
              )}
              {record.kind === 'pack' && (
                <button className="small" onClick={() => verify(record.id)}>
                  {t('packs.verify')}
                </button>
              )}
              <button
                className="small danger"
                onClick={() =>
                  void confirm(t('exports.deleteConfirm', { name: record.label }), { danger: true, confirmLabel: t('common.delete') }).then(
                    (yes) => (yes ? api.call('exports.delete', { id: record.id }).catch(onError) : undefined),
                  )
                }
              >
                {t('exports.delete')}
              </button>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
