/**
 * Building a restitution pack for an audience: a live preview of what the consent gate
 * lets in and what it leaves out (and why), the themes to keep, then the build job.
 * Finished packs are listed with the other exports (download, verify, rebuild).
 */
import { useEffect, useState } from 'react';
import type { PackPreview } from '../../../../src-shared/contract/schemas/packs';
import { api } from '../../api/client';
import { formatDuration } from '../../../../src-shared/time';
import { useI18n } from '../../i18n/i18n';
import { AudienceSelect, type Audience } from '../consent/AudienceSelect';
import { blockerLabel } from '../consent/consentLabels';
import { TextChangesList } from '../consent/ExportConsentNotices';
import { useApiData } from '../../app/useApiData';
import { useSubmitOnce } from '../../app/useSubmitOnce';
import { useExportOutcome } from '../editing/useFreshCheck';
import { PROJECT_KIND_USUAL_AUDIENCE } from '../../../../src-shared/contract/vocabulary';
import type { ProjectKind } from '../../../../src-shared/contract/schemas';
import { ExportOutcomeStatus } from '../editing/ExportOutcomeStatus';

export function PacksPanel({
  projectId,
  projectKind,
  onError,
}: {
  projectId: number;
  /** The pack starts with the audience this kind of project usually reports to (src-shared vocabulary). */
  projectKind?: ProjectKind;
  onError(error: unknown): void;
}) {
  const { t } = useI18n();
  const [audience, setAudience] = useState<Audience>(projectKind ? PROJECT_KIND_USUAL_AUDIENCE[projectKind] : 'elected');
  const [skippedThemes, setSkippedThemes] = useState<string[]>([]);
  const [preview, setPreview] = useState<PackPreview | null>(null);
  const [started, setStarted] = useState(false);
  const [jobId, setJobId] = useState<string | null>(null);
  const outcome = useExportOutcome(jobId, projectId);
  const { data: clips } = useApiData(() => api.call('clips.list', { projectId }), [projectId], ['clip']);
  const themes = [...new Set((clips ?? []).flatMap((clip) => clip.tags))].sort((a, b) => a.localeCompare(b, 'fr'));
  const chosenThemes = skippedThemes.length ? themes.filter((theme) => !skippedThemes.includes(theme)) : undefined;
  const spec = { projectId, audience, themes: chosenThemes };
  const specKey = JSON.stringify(spec);

  useEffect(() => {
    let alive = true;
    setStarted(false);
    api.call('packs.preview', spec).then(
      (result) => alive && setPreview(result),
      (reason: unknown) => alive && onError(reason),
    );
    return () => {
      alive = false;
    };
    // the spec is rebuilt each render; its JSON says when it changed
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [specKey, clips]);

  const building = useSubmitOnce(async (idempotencyKey: string) => {
    try {
      const { jobId: started } = await api.call('packs.build', { spec }, { idempotencyKey });
      setJobId(started);
      setStarted(true);
    } catch (reason) {
      onError(reason);
    }
  });

  return (
    <section className="card packs-panel" aria-labelledby="packs-title">
      <h2 id="packs-title">{t('packs.title')}</h2>
      <p className="muted">{t('packs.help')}</p>
      <div className="field-row">
        <AudienceSelect id="pack-audience" value={audience} onChange={setAudience} />
      </div>
      {themes.length > 0 && (
        <fieldset className="checks">
          <legend>{t('packs.themes')}</legend>
          {themes.map((theme) => (
            <label key={theme} className="check">
              <input
                type="checkbox"
                checked={!skippedThemes.includes(theme)}
                onChange={(e) => setSkippedThemes((list) => (e.target.checked ? list.filter((x) => x !== theme) : [...list, theme]))}
              />{' '}
              {theme}
            </label>
          ))}
        </fieldset>
      )}
      {preview && (
        <div className="pack-preview" data-testid="pack-preview">
          <h3>{t('packs.included', { count: preview.included.length, duration: formatDuration(preview.totalSeconds) })}</h3>
          <ul>
            {preview.included.map((item) => (
              <li key={`${item.kind}-${item.id}`}>
                {t(`exports.kind.${item.kind}`)} — {item.name} ({formatDuration(item.durationSeconds)})
              </li>
            ))}
          </ul>
          {preview.excluded.length > 0 && (
            <>
              <h3>{t('packs.excluded', { count: preview.excluded.length })}</h3>
              <ul className="excluded">
                {preview.excluded.map((item) => (
                  <li key={`${item.kind}-${item.id}`}>
                    {t(`exports.kind.${item.kind}`)} — {item.name} :{' '}
                    {item.blockers
                      .map((blocker) => `${blocker.displayName} (${blockerLabel(blocker.reasons, t, audience)})`)
                      .concat(item.problems.map((problem) => (problem === 'empty' ? t('packs.empty') : problem)))
                      .join(' ; ')}
                  </li>
                ))}
              </ul>
            </>
          )}
          <TextChangesList changes={preview.textChanges} />
          <p className="muted">{t('packs.quotes', { count: preview.quotes })}</p>
        </div>
      )}
      <div className="actions">
        <button
          className="primary"
          disabled={!preview || preview.included.length === 0 || started || building.busy}
          onClick={() => void building.run()}
        >
          {t('packs.build')}
        </button>
        <ExportOutcomeStatus started={started} outcome={outcome} doneKey="packs.done" linkKey="packs.download" />
      </div>
    </section>
  );
}
