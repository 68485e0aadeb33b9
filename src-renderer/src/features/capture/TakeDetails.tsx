/**
 * The take's kind (interview or testimony, two big choices) and its title.
 */
import { RECORDING_KINDS } from '../../../../src-shared/contract/vocabulary';
import { Field } from '../../components/Field';
import { useI18n } from '../../i18n/i18n';
import type { Take } from './useTake';

export function TakeDetails({ take: { kind, setKind, title, setTitle }, busy }: { take: Take; busy: boolean }) {
  const { t } = useI18n();
  return (
    <>
      <fieldset className="choice-group" disabled={busy}>
        <legend>{t('record.kind')}</legend>
        {RECORDING_KINDS.map((value) => (
          <label key={value} className={`choice ${kind === value ? 'selected' : ''}`}>
            <input type="radio" name="recording-kind" value={value} checked={kind === value} onChange={() => setKind(value)} />
            <span className="choice-title">{t(`recording.kind.${value}`)}</span>
          </label>
        ))}
      </fieldset>
      <Field label={t('record.videoTitle')}>
        {(id) => <input id={id} value={title} disabled={busy} maxLength={200} onChange={(e) => setTitle(e.target.value)} />}
      </Field>
    </>
  );
}
