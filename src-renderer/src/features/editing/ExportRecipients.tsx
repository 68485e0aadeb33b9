/**
 * « Remis à… »: to whom an export or a pack was given, and when; when the export is to be
 * recalled, whom to notify (with their letters) and the rebuild.
 */
import { useState, type FormEvent } from 'react';
import type { ExportRecord } from '../../../../src-shared/contract/schemas/editing';
import { localToday } from '../../../../src-shared/age';
import { api } from '../../api/client';
import { useApiData } from '../../app/useApiData';
import { useI18n } from '../../i18n/i18n';
import { RebuildButton, RecipientsToNotify } from '../consent/RecallActions';
import { DateField } from '../../components/DateField';

export function ExportRecipients({ record, onError }: { record: ExportRecord; onError(error: unknown): void }) {
  const { t, formatDate } = useI18n();
  const { data: recipients } = useApiData(() => api.call('exports.recipients', { exportId: record.id }), [record.id], ['export']);
  const [name, setName] = useState('');
  const [givenOn, setGivenOn] = useState(localToday());

  async function add(event: FormEvent) {
    event.preventDefault();
    try {
      await api.call('exports.addRecipient', { exportId: record.id, name, givenOn });
      setName('');
    } catch (reason) {
      onError(reason);
    }
  }

  return (
    <div className="export-recipients">
      <p className="small-text">
        <strong>{t('recipients.givenTo')}</strong>{' '}
        {recipients && recipients.length === 0
          ? t('recipients.none')
          : (recipients ?? []).map((entry) => t('recipients.entry', { name: entry.name, date: formatDate(entry.givenOn) })).join(' ; ')}
      </p>
      {record.flaggedAt && <RecipientsToNotify exportId={record.id} recipients={recipients ?? []} onError={onError} />}
      {record.flaggedAt && record.outputPath === null && (
        <p>
          <RebuildButton exportId={record.id} onError={onError} />
        </p>
      )}
      <form className="inline-form" onSubmit={(event) => void add(event)} aria-label={t('recipients.addLabel', { name: record.label })}>
        <label>
          {t('recipients.name')}
          <input value={name} onChange={(e) => setName(e.target.value)} required maxLength={200} />
        </label>
        <label>
          {t('recipients.date')}
          <DateField id={`recipient-date-${record.id}`} value={givenOn} onChange={(value) => setGivenOn(value)} required />
        </label>
        <button type="submit" className="small">
          {t('recipients.add')}
        </button>
      </form>
    </div>
  );
}
