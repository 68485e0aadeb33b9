/**
 * In the export panel: the stretches where tracked blur could not follow a face closely
 * (a wider box, or the whole picture pixelated) and the "inconnus floutés" option.
 */
import type { RenderCheck } from '../../../../src-shared/contract/schemas/editing';
import { formatClock } from '../../../../src-shared/time';
import { useI18n, type Translate } from '../../i18n/i18n';

/** Whose face a stretch is about, as the export may name them ("Inconnu" for a face assigned to nobody). */
export function riskPersonName(check: Pick<RenderCheck, 'people'>, personId: number | null, t: Translate): string {
  return personId === null
    ? t('faces.unknown')
    : (check.people.find((person) => person.personId === personId)?.shownAs ?? t('export.someoneWithoutName'));
}

export function FaceRisksList({ check }: { check: Pick<RenderCheck, 'faceFramesAtRisk' | 'people'> }) {
  const { t } = useI18n();
  const risks = check.faceFramesAtRisk ?? [];
  if (risks.length === 0) return null;
  const nameOf = (personId: number | null) => riskPersonName(check, personId, t);
  return (
    <div className="notice warning" role="note" data-testid="face-risks">
      <strong>{t('faces.risks', { count: risks.length })}</strong>
      <ul>
        {risks.map((risk) => (
          <li key={`${risk.recordingId}-${risk.personId}-${risk.fromSeconds}-${risk.action}`}>
            {formatClock(risk.fromSeconds)}–{formatClock(risk.toSeconds)} · {nameOf(risk.personId)} : {t(`faces.risk.${risk.action}`)}
          </li>
        ))}
      </ul>
    </div>
  );
}

export function BlurUnknownFacesOption({ checked, onChange }: { checked: boolean; onChange(checked: boolean): void }) {
  const { t } = useI18n();
  return (
    <label className="check">
      <input type="checkbox" checked={checked} onChange={(event) => onChange(event.target.checked)} /> {t('faces.blurUnknown')}
    </label>
  );
}
