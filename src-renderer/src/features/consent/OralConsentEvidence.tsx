/**
 * For consent given orally on camera: which recording holds it, and from when to when
 * (seconds), so the evidence can be found again.
 */
import type { Recording } from '../../../../src-shared/contract/schemas';
import { useI18n } from '../../i18n/i18n';

/** As typed: empty strings for "not said". */
export interface EvidenceDraft {
  recordingId: string;
  from: string;
  to: string;
}

export function OralConsentEvidence({
  idBase,
  recordings,
  value,
  onChange,
}: {
  idBase: string;
  recordings: Recording[];
  value: EvidenceDraft;
  onChange(value: EvidenceDraft): void;
}) {
  const { t } = useI18n();
  return (
    <div className="field-row">
      <div className="field">
        <label htmlFor={`${idBase}-evidence-recording`}>{t('consent.evidenceRecording')}</label>
        <select
          id={`${idBase}-evidence-recording`}
          value={value.recordingId}
          onChange={(e) => onChange({ ...value, recordingId: e.target.value })}
        >
          <option value="">{t('consent.method.none')}</option>
          {recordings.map((recording) => (
            <option key={recording.id} value={recording.id}>
              {recording.title || t('recording.untitled', { id: recording.id })}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${idBase}-evidence-from`}>{t('consent.evidenceFrom')}</label>
        <input
          id={`${idBase}-evidence-from`}
          type="number"
          min={0}
          step={0.1}
          value={value.from}
          onChange={(e) => onChange({ ...value, from: e.target.value })}
        />
      </div>
      <div className="field">
        <label htmlFor={`${idBase}-evidence-to`}>{t('consent.evidenceTo')}</label>
        <input
          id={`${idBase}-evidence-to`}
          type="number"
          min={0}
          step={0.1}
          value={value.to}
          onChange={(e) => onChange({ ...value, to: e.target.value })}
        />
      </div>
    </div>
  );
}
