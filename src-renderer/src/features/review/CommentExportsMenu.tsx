/**
 * The comments as files (a spreadsheet, subtitles) under "Options avancées": the main
 * path of a review keeps plain words (the feedback sheet); the formats' names (CSV,
 * WebVTT, SRT) are there for whoever needs them.
 */
import { useI18n } from '../../i18n/i18n';

export function CommentExportsMenu({ exportAs }: { exportAs(format: 'csv' | 'vtt' | 'srt'): Promise<void> }) {
  const { t } = useI18n();
  return (
    <details className="advanced-options">
      <summary>{t('advanced.options')}</summary>
      <div className="actions">
        <button onClick={() => void exportAs('csv')}>{t('review.exportSheet')}</button>
        <button onClick={() => void exportAs('vtt')}>{t('review.exportVtt')}</button>
        <button onClick={() => void exportAs('srt')}>{t('review.exportSrt')}</button>
      </div>
    </details>
  );
}
