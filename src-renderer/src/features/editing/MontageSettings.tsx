/**
 * A montage's settings (quality, fades, lower thirds, burnt-in subtitles, loudness, voices replaced),
 * each saved as soon as it is changed.
 */
import type { Montage } from '../../../../src-shared/contract/schemas/editing';
import type { api } from '../../api/client';
import { useI18n } from '../../i18n/i18n';
import { VoiceReplacementOption } from '../consent/ExportConsentNotices';

export type MontageChanges = Parameters<typeof api.call<'montages.update'>>[1]['changes'];

export function MontageSettings({ montage, onChange }: { montage: Montage; onChange(changes: MontageChanges): void }) {
  const { t } = useI18n();
  return (
    <>
      <h3>{t('montage.settings')}</h3>
      <div className="checks">
        <label>
          {t('export.preset')}{' '}
          <select value={montage.preset} onChange={(e) => onChange({ preset: e.target.value === '1080p' ? '1080p' : '720p' })}>
            <option value="720p">{t('export.preset.720p')}</option>
            <option value="1080p">{t('export.preset.1080p')}</option>
          </select>
        </label>
        <label>
          {t('montage.fadeSeconds')}{' '}
          <select value={montage.fadeSeconds} onChange={(e) => onChange({ fadeSeconds: Number(e.target.value) })}>
            {[0, 0.3, 0.5, 1].map((value) => (
              <option key={value} value={value}>
                {value} s
              </option>
            ))}
          </select>
        </label>
        {(
          [
            ['lowerThirds', 'export.lowerThirds'],
            ['burnSubtitles', 'export.burnSubtitles'],
            ['normaliseAudio', 'export.normalise'],
          ] as const
        ).map(([key, label]) => (
          <label key={key} className="check">
            <input type="checkbox" checked={montage[key]} onChange={(e) => onChange({ [key]: e.target.checked })} /> {t(label)}
          </label>
        ))}
        <VoiceReplacementOption checked={montage.replaceVoices ?? false} onChange={(checked) => onChange({ replaceVoices: checked })} />
      </div>
    </>
  );
}
