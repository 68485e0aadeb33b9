/**
 * Under the player in group mode: whose turn it is (and a button to pass it on) and
 * the big category buttons, numbered like their keys 1–7.
 */
import { useI18n } from '../../i18n/i18n';

export function GroupModeBar({
  turnOf,
  categories,
  onNextTurn,
  onQuickTag,
}: {
  turnOf: string | undefined;
  categories: string[];
  onNextTurn(): void;
  onQuickTag(index: number): void;
}) {
  const { t } = useI18n();
  return (
    <div className="group-bar">
      <div className="turn" role="status">
        {t('review.turnOf')} <strong>{turnOf}</strong>
        <button onClick={onNextTurn}>{t('review.nextAuthor')} ▶</button>
      </div>
      <p className="muted">{t('review.quickTags')}</p>
      <div className="quick-tags">
        {categories.slice(0, 7).map((label, index) => (
          <button key={label} className="quick-tag" onClick={() => onQuickTag(index)}>
            <span className="key">{index + 1}</span> {label}
          </button>
        ))}
      </div>
    </div>
  );
}
