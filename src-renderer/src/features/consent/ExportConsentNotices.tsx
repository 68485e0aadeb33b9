/**
 * What the consent gate changes in an export beyond who is in it, said before rendering:
 * the texts left out or changed because they name someone (never the hidden name), the
 * whole picture pixelated because of whom, and the muted voices whose words have no
 * subtitles. Used by the export panel and the pack preview.
 */
import type { RenderCheck, TextChangeView } from '../../../../src-shared/contract/schemas/editing';
import { formatClock } from '../../../../src-shared/time';
import { useI18n } from '../../i18n/i18n';

export function TextChangesList({ changes }: { changes: readonly TextChangeView[] }) {
  const { t } = useI18n();
  if (changes.length === 0) return null;
  return (
    <div className="text-changes" data-testid="text-changes">
      <strong>{t('export.textChanges', { count: changes.length })}</strong>
      <ul>
        {changes.map((change, i) => (
          <li key={`${change.where}-${change.personId}-${change.change}-${i}`}>
            {change.where} — {t(`export.textChange.${change.change}`)}
            {change.personName ? ` (${change.personName})` : ''} : {change.reason}
            {change.blocksExport && <strong> {t('export.textChange.blocks')}</strong>}
          </li>
        ))}
      </ul>
    </div>
  );
}

export function ConditionNotices({ check }: { check: Pick<RenderCheck, 'wholeFramePixelated' | 'voiceReplacedWithoutSubtitles'> }) {
  const { t } = useI18n();
  const whole = check.wholeFramePixelated;
  return (
    <>
      {whole.length > 0 && (
        <div className="notice warning" role="note" data-testid="whole-frame">
          <strong>
            {t('export.wholeFrame', { names: whole.map((entry) => entry.personName ?? t('export.someoneWithoutName')).join(', ') })}
          </strong>
          <ul>
            {whole.map((entry) => (
              <li key={entry.personId}>
                {entry.personName ?? t('export.someoneWithoutName')} : {t(`export.wholeFrame.${entry.why}`)}
              </li>
            ))}
          </ul>
        </div>
      )}
      {check.voiceReplacedWithoutSubtitles.length > 0 && (
        <div className="notice warning" role="note">
          <strong>{t('export.voiceNoSubtitles')}</strong>
          <ul>
            {check.voiceReplacedWithoutSubtitles.map((range) => (
              <li key={`${range.recordingId}-${range.fromSeconds}`}>
                {t('export.voiceNoSubtitles.range', { from: formatClock(range.fromSeconds), to: formatClock(range.toSeconds) })}
              </li>
            ))}
          </ul>
        </div>
      )}
    </>
  );
}

/** "Voix remplacée", with the plain reason why a pitch change is not enough. */
export function VoiceReplacementOption({ checked, onChange }: { checked: boolean; onChange(checked: boolean): void }) {
  const { t } = useI18n();
  return (
    <div className="voice-replacement">
      <label className="check">
        <input type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} /> {t('export.replaceVoices')}
      </label>
      <p className="muted">{t('export.replaceVoicesHelp')}</p>
    </div>
  );
}
