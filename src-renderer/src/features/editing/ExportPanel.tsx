/**
 * Exporting a clip or a montage for an audience: the consent gate is asked first and
 * its answer shown in plain words (who blocks and why, how each person will appear,
 * what is applied); then the render runs as a job (progress in the jobs tray).
 * A modal dialog (AppDialog): focus moves in, Escape closes it; the verdict is asked again on
 * every change of content or options and a late answer never replaces a newer one.
 */
import { useEffect, useRef, useState } from 'react';
import type { RenderCheck, RenderTarget } from '../../../../src-shared/contract/schemas/editing';
import { api } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorBanner';
import { AppDialog } from '../../components/AppDialog';
import { TitleCardPreview } from './TitleCardPreview';
import { useExportOutcome, useFreshCheck } from './useFreshCheck';
import { useI18n } from '../../i18n/i18n';
import { AudienceSelect, type Audience } from '../consent/AudienceSelect';
import { blockerLabel, conditionsLabel } from '../consent/consentLabels';
import { ConditionNotices, TextChangesList, VoiceReplacementOption } from '../consent/ExportConsentNotices';
import { BlurUnknownFacesOption, FaceRisksList } from '../faces/FaceRisksList';
import { FaceRiskStills } from '../faces/FaceRiskStills';
import { AudioOnlyPictureChoice, ExportModeNote, type AudioOnlyPicture } from './ExportModeNote';
import { ExportOutcomeStatus } from './ExportOutcomeStatus';

export function ExportPanel({
  target,
  name,
  projectId,
  clipOptions = false,
  onClose,
}: {
  target: RenderTarget;
  /** To link the exported file once it is done. */
  projectId?: number;
  name: string;
  /** A clip alone: offer the options a montage keeps in its own settings. */
  clipOptions?: boolean;
  onClose(): void;
}) {
  const { t } = useI18n();
  const [audience, setAudience] = useState<Audience>('workshop');
  const [preset, setPreset] = useState<'720p' | '1080p'>('720p');
  const [lowerThirds, setLowerThirds] = useState(false);
  const [burnSubtitles, setBurnSubtitles] = useState(false);
  const [fades, setFades] = useState(false);
  const [normalise, setNormalise] = useState(false);
  const [replaceVoices, setReplaceVoices] = useState(false);
  const [audioOnlyPicture, setAudioOnlyPicture] = useState<AudioOnlyPicture>('poster');
  const [blurUnknownFaces, setBlurUnknownFaces] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [started, setStarted] = useState(false);
  const unknownFaces = blurUnknownFaces ? { blurUnknownFaces } : {};
  const options = clipOptions
    ? {
        preset,
        lowerThirds,
        burnSubtitles,
        fadeSeconds: fades ? 0.5 : 0,
        normaliseAudio: normalise,
        replaceVoices,
        audioOnlyPicture,
        ...unknownFaces,
      }
    : blurUnknownFaces
      ? unknownFaces
      : undefined;
  const optionsKey = JSON.stringify(options);
  const targetKey = JSON.stringify(target);
  // asked again whenever anything changes (a consent, a name, a clip): the answer is never stale
  const {
    data: check,
    error: checkError,
    pending,
  } = useFreshCheck<RenderCheck>(() => api.call('render.check', { target, audience, options }), [targetKey, audience, optionsKey]);
  const [jobId, setJobId] = useState<string | null>(null);
  const outcome = useExportOutcome(jobId, projectId ?? null);
  const startedAt = useRef(0);

  useEffect(() => {
    setStarted(false);
    setJobId(null);
  }, [targetKey, audience, optionsKey]);

  async function start() {
    setError(null);
    try {
      startedAt.current = Date.now();
      const result = await api.call('render.start', { target, audience, options });
      setJobId(result.jobId);
      setStarted(true);
    } catch (reason) {
      setError(reason);
    }
  }

  return (
    <AppDialog title={t('export.title', { name })} onClose={onClose} className="export-panel">
      <div className="field-row">
        <AudienceSelect id="export-audience" value={audience} onChange={setAudience} />
        {clipOptions && (
          <div className="field">
            <label htmlFor="export-preset">{t('export.preset')}</label>
            <select id="export-preset" value={preset} onChange={(e) => setPreset(e.target.value === '1080p' ? '1080p' : '720p')}>
              <option value="720p">{t('export.preset.720p')}</option>
              <option value="1080p">{t('export.preset.1080p')}</option>
            </select>
          </div>
        )}
      </div>
      {clipOptions && (
        <div className="checks">
          {(
            [
              ['lowerThirds', lowerThirds, setLowerThirds],
              ['burnSubtitles', burnSubtitles, setBurnSubtitles],
              ['fade', fades, setFades],
              ['normalise', normalise, setNormalise],
            ] as const
          ).map(([key, value, set]) => (
            <label key={key} className="check">
              <input type="checkbox" checked={value} onChange={(e) => set(e.target.checked)} /> {t(`export.${key}`)}
            </label>
          ))}
          <VoiceReplacementOption checked={replaceVoices} onChange={setReplaceVoices} />
        </div>
      )}
      <BlurUnknownFacesOption checked={blurUnknownFaces} onChange={setBlurUnknownFaces} />
      <ErrorBanner error={error ?? checkError} />
      {check && (
        <div
          className={pending ? 'gate checking' : check.allowed ? 'gate allowed' : 'gate refused'}
          role="status"
          aria-busy={pending}
          data-testid="consent-gate"
        >
          <strong>{pending ? t('export.checking') : check.allowed ? t('export.allowed') : t('export.refused')}</strong>
          <ul>
            {check.blockers.map((blocker) => (
              <li key={blocker.personId}>
                {blocker.displayName} — {blockerLabel(blocker.reasons, t, audience)}
                {blocker.clipNames && blocker.clipNames.length > 0 && (
                  <> ({t('export.blocksIn', { clips: blocker.clipNames.map((clip) => `« ${clip} »`).join(', ') })})</>
                )}
              </li>
            ))}
            {check.recordingProblems.map((problem) => (
              <li key={`${problem.recordingId}-${problem.problem}-${problem.clipName ?? ''}`}>
                {t(`export.problem.${problem.problem}`, { title: problem.clipName ?? problem.title })}
              </li>
            ))}
            {check.allowed &&
              check.people.map((person) => (
                <li key={person.personId}>
                  {person.shownAs === null
                    ? t('export.shownNoName', { name: person.displayName })
                    : t('export.shownAs', { name: person.displayName, shown: person.shownAs })}
                  {person.conditions.length > 0 && ` (${conditionsLabel(person.conditions, t)})`}
                </li>
              ))}
          </ul>
          <TextChangesList changes={check.textChanges} />
          {check.allowed && <ConditionNotices check={check} />}
          {check.allowed && <FaceRisksList check={check} />}
          {check.allowed && <ExportModeNote check={check} />}
          {check.allowed && clipOptions && check.modeReason?.code === 'no-picture' && (
            <AudioOnlyPictureChoice value={audioOnlyPicture} onChange={setAudioOnlyPicture} />
          )}
        </div>
      )}
      {check?.allowed && (check.faceFramesAtRisk?.length ?? 0) > 0 && (
        <FaceRiskStills request={{ target, audience, options }} requestKey={`${targetKey}${audience}${optionsKey}`} check={check} />
      )}
      {target.kind === 'montage' && (
        <TitleCardPreview request={{ target, audience, options }} requestKey={`${targetKey}${audience}${optionsKey}`} />
      )}
      <div className="actions">
        <button className="primary" disabled={!check?.allowed || pending || started} onClick={() => void start()}>
          {t('export.start')}
        </button>
        <button onClick={onClose}>{t('common.close')}</button>
        <ExportOutcomeStatus started={started} outcome={outcome} doneKey="export.done" linkKey="export.openFile" />
      </div>
    </AppDialog>
  );
}
