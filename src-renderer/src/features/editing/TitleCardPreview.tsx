/**
 * A still of each title card of a montage, drawn by the same filters as the render
 * (render.titlePreview), so a title too long for the frame is seen wrapped before exporting.
 */
import type { RenderCheckInput } from '../../../../src-shared/contract/schemas/editing';
import { api } from '../../api/client';
import { useI18n } from '../../i18n/i18n';
import { useFreshCheck } from './useFreshCheck';

export function TitleCardPreview({ request, requestKey }: { request: RenderCheckInput; requestKey: string }) {
  const { t } = useI18n();
  const { data } = useFreshCheck(() => api.call('render.titlePreview', request), [requestKey]);
  if (!data || data.titles.length === 0) return null;
  return (
    <section className="title-previews" aria-label={t('export.titlePreview')} data-testid="title-previews">
      <h3>{t('export.titlePreview')}</h3>
      <div className="title-preview-row">
        {data.titles.map((title) => (
          <img
            key={title.number}
            src={title.png}
            width={320}
            height={180}
            alt={t('export.titlePreviewAlt', { number: title.number, text: title.lines.join(' ') })}
          />
        ))}
      </div>
    </section>
  );
}
