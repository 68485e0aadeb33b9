/**
 * Under the player in group mode: whose turn it is (and a button to pass it on), the
 * last comment taken ("Posture — 00:12 — Samira", read out politely by screen readers)
 * and the big category buttons, numbered like their keys 1–7, which are the key legend.
 */
import { formatClock } from '../../../../src-shared/time';
import { useI18n } from '../../i18n/i18n';
import type { QuickConfirmation } from './useGroupMode';

export function GroupModeBar({
  turnOf,
  categories,
  confirmation,
  onNextTurn,
  onQuickTag,
}: {
  turnOf: string | undefined;
  categories: string[];
  confirmation: QuickConfirmation | null;
  onNextTurn(): void;
  onQuickTag(index: number): void;
}) {
  const { t } = useI18n();
  return (
    <div className="group-bar">
      <div className="group-bar-top">
        <div className="turn" role="status" data-testid="turn">
          {t('review.turnOf')} <strong>{turnOf}</strong>
          <button onClick={onNextTurn}>{t('review.nextAuthor')} ▶</button>
        </div>
        <p className="quick-confirmation" role="status" aria-live="polite" data-testid="quick-confirmation">
          {confirmation && (
            <span key={confirmation.serial} className="quick-confirmation-text">
              ✓ {confirmation.category} — {formatClock(confirmation.startSeconds)} — {confirmation.authorName}
            </span>
          )}
        </p>
      </div>
      <p className="group-legend">{t('review.quickTags')}</p>
      <div className="quick-tags" role="group" aria-label={t('review.quickTagsLegend')}>
        {categories.slice(0, 7).map((label, index) => (
          <button key={label} className="quick-tag" onClick={() => onQuickTag(index)} aria-keyshortcuts={String(index + 1)}>
            <span className="key" aria-hidden="true">
              {index + 1}
            </span>
            <span className="quick-tag-label">{label}</span>
          </button>
        ))}
      </div>
    </div>
  );
}
