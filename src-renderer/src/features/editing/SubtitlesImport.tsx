/**
 * Imports a recording's subtitles from an SRT or WebVTT file (they replace earlier
 * ones); a broken file is refused with the line that is wrong, and nothing changes.
 */
import { useState } from 'react';
import { api } from '../../api/client';
import { useI18n } from '../../i18n/i18n';
import { useApiData } from '../../app/useApiData';

export function SubtitlesImport({ recordingId, onError }: { recordingId: number; onError(error: unknown): void }) {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const { data: cues } = useApiData(() => api.call('subtitles.list', { recordingId }), [recordingId], ['subtitle']);

  async function importFile(file: File) {
    const format = file.name.toLowerCase().endsWith('.vtt') ? 'vtt' : file.name.toLowerCase().endsWith('.srt') ? 'srt' : null;
    if (!format) {
      onError(new Error(t('subtitles.wrongType')));
      return;
    }
    setBusy(true);
    try {
      await api.call('subtitles.import', { recordingId, format, content: await file.text() });
    } catch (reason) {
      onError(reason);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="subtitles-import">
      <label className="button small">
        {busy ? t('common.saving') : t('subtitles.import')}
        <input
          type="file"
          accept=".srt,.vtt,text/vtt"
          className="visually-hidden"
          onChange={(e) => {
            const file = e.target.files?.[0];
            if (file) void importFile(file);
            e.target.value = '';
          }}
        />
      </label>{' '}
      <span className="muted">{t('subtitles.count', { count: cues?.length ?? 0 })}</span>
      {cues && cues.length > 0 && (
        <button className="small" onClick={() => void api.call('subtitles.clear', { recordingId }).catch(onError)}>
          {t('subtitles.clear')}
        </button>
      )}
    </div>
  );
}
