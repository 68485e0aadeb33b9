/**
 * How an export will be made and why, in plain words: stream copy, smart cut (only the
 * ends re-encoded) or a full re-encode, with the reason the render check gives. For a
 * recording with sound only, the choice of the picture shown over it.
 */
import type { RenderCheck } from '../../../../src-shared/contract/schemas/editing';
import { useI18n } from '../../i18n/i18n';

export type AudioOnlyPicture = 'poster' | 'plain';

export function ExportModeNote({ check }: { check: RenderCheck }) {
  const { t } = useI18n();
  const reason = check.modeReason;
  const seconds = reason?.encodedSeconds === undefined ? '' : String(Math.max(1, Math.round(reason.encodedSeconds)));
  return (
    <p className="muted" data-testid="export-mode" data-mode={check.mode}>
      <strong>{t(`export.mode.${check.mode}`)}</strong>
      {reason && <> {t(`export.why.${reason.code}`, { seconds })}</>}
    </p>
  );
}

export function AudioOnlyPictureChoice({ value, onChange }: { value: AudioOnlyPicture; onChange(value: AudioOnlyPicture): void }) {
  const { t } = useI18n();
  return (
    <div className="field">
      <label htmlFor="export-audio-only-picture">{t('export.audioOnlyPicture')}</label>
      <select id="export-audio-only-picture" value={value} onChange={(e) => onChange(e.target.value === 'plain' ? 'plain' : 'poster')}>
        <option value="poster">{t('export.audioOnlyPicture.poster')}</option>
        <option value="plain">{t('export.audioOnlyPicture.plain')}</option>
      </select>
    </div>
  );
}
