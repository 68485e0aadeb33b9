/**
 * The form that adds a comment: who says it, its category, the text, and the range
 * buttons (I, O, clear) with the time or range it will be placed at.
 */
import type { Person } from '../../../../src-shared/contract/schemas';
import { formatClock } from '../../../../src-shared/time';
import { useI18n } from '../../i18n/i18n';
import type { CommentComposerState } from './useCommentComposer';
import type { InOutRange } from './useInOutRange';
import { AuthorSelect } from './AuthorSelect';

export function CommentComposer({
  composer,
  inOut: { range, markIn, markOut, clear },
  people,
  categories,
  currentTime,
}: {
  composer: CommentComposerState;
  inOut: InOutRange;
  people: Person[];
  categories: string[];
  currentTime: number;
}) {
  const { t } = useI18n();
  const rangeLabel = range
    ? range.end === null
      ? t('review.at', { time: formatClock(range.start) })
      : t('review.range', { start: formatClock(range.start), end: formatClock(range.end) })
    : null;

  return (
    <form className="comment-form" onSubmit={composer.submit} aria-label={t('review.add')}>
      <div className="field-row">
        <div className="field">
          <AuthorSelect
            id="comment-author"
            label={t('review.author')}
            value={composer.authorId}
            onChange={composer.setAuthorId}
            people={people}
          />
        </div>
        <div className="field">
          <label htmlFor="comment-category">{t('review.category')}</label>
          <select id="comment-category" value={composer.category} onChange={(e) => composer.setCategory(e.target.value)}>
            <option value="">{t('review.noCategory')}</option>
            {categories.map((label) => (
              <option key={label} value={label}>
                {label}
              </option>
            ))}
          </select>
        </div>
      </div>
      <div className="field">
        <label htmlFor="comment-text">{t('review.text')}</label>
        <textarea
          id="comment-text"
          value={composer.text}
          onChange={(e) => composer.setText(e.target.value)}
          rows={2}
          required
          maxLength={2000}
        />
      </div>
      <div className="actions">
        <button type="button" className="small" onClick={markIn}>
          {t('review.setIn')}
        </button>
        <button type="button" className="small" onClick={markOut}>
          {t('review.setOut')}
        </button>
        {range && (
          <button type="button" className="small" onClick={clear}>
            {t('review.clearRange')}
          </button>
        )}
        <span className="muted" data-testid="range-label">
          {rangeLabel ?? t('review.at', { time: formatClock(currentTime) })}
        </span>
      </div>
      <button type="submit" className="primary" disabled={composer.busy}>
        {t('review.add')}
      </button>
    </form>
  );
}
