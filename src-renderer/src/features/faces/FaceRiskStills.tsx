/**
 * In the export panel, beside the list of stretches at risk: a still of each, drawn by the
 * main side as the export will blur it (render.faceRiskStills), a yellow outline around what
 * is hidden, with its time, the person (as the export may name them) and what will be done.
 * Asked again, like the verdict, on every change; a late answer never replaces a newer one.
 */
import type { RenderCheck, RenderCheckInput } from '../../../../src-shared/contract/schemas/editing';
import { formatClock } from '../../../../src-shared/time';
import { api } from '../../api/client';
import { describeError } from '../../components/ErrorBanner';
import { useI18n } from '../../i18n/i18n';
import { useFreshCheck } from '../editing/useFreshCheck';
import { riskPersonName } from './FaceRisksList';

export function FaceRiskStills({
  request,
  requestKey,
  check,
}: {
  request: RenderCheckInput;
  requestKey: string;
  check: Pick<RenderCheck, 'people'>;
}) {
  const { t, locale } = useI18n();
  const { data, error, pending } = useFreshCheck(() => api.call('render.faceRiskStills', request), [requestKey]);
  const seconds = new Intl.NumberFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', { maximumFractionDigits: 1 });
  return (
    <section className="face-risk-stills" aria-labelledby="face-risk-stills-title" aria-busy={pending} data-testid="face-risk-stills">
      <h3 id="face-risk-stills-title">{t('faces.riskStills')}</h3>
      <p className="muted">{t('faces.riskStills.outline')}</p>
      {pending && !data && !error && <p role="status">{t('faces.riskStills.loading')}</p>}
      {error !== null && !pending && (
        <p role="alert" className="inline-status failed">
          ⚠ {t('faces.riskStills.error', { reason: describeError(error, t) })}
        </p>
      )}
      {data && data.stills.length > 0 && (
        <ul className="face-risk-still-grid">
          {data.stills.map((still) => {
            const person = riskPersonName(check, still.personId, t);
            const time = `${formatClock(still.fromSeconds)}–${formatClock(still.toSeconds)}`;
            const action = t(`faces.riskStill.${still.action}`);
            return (
              <li key={`${still.recordingId}-${still.personId}-${still.fromSeconds}-${still.action}`}>
                <figure>
                  <img
                    src={still.image}
                    width={still.width}
                    height={still.height}
                    alt={t('faces.riskStill.alt', { time: formatClock(still.seconds), person, action })}
                  />
                  <figcaption>
                    <strong>{time}</strong> ({t('faces.riskStill.length', { seconds: seconds.format(still.toSeconds - still.fromSeconds) })}
                    ) · {person}
                    <br />
                    <span className={still.action === 'whole-frame' ? 'risk-action whole-frame' : 'risk-action'}>{action}</span>
                  </figcaption>
                </figure>
              </li>
            );
          })}
        </ul>
      )}
      {data && data.stills.some((still) => still.action === 'whole-frame') && (
        <p className="muted">{t('faces.riskStills.wholeFrameHelp')}</p>
      )}
      {data && data.leftOut > 0 && <p className="muted">{t('faces.riskStills.leftOut', { count: data.leftOut })}</p>}
    </section>
  );
}
