/**
 * Retention on the consent dashboard: what the project keeps past its period (CNIL
 * guidance: mock-interview videos 6 months, comments and feedback sheets 12 months,
 * testimonies as long as the consent), each with the day it fell due, and one action that
 * erases it after a confirmation saying what goes. The periods are edited below it.
 */
import { useState } from 'react';
import type { DueItemView, RetentionCounts } from '../../../../src-shared/contract/schemas';
import { formatClock } from '../../../../src-shared/time';
import { api } from '../../api/client';
import { Icon } from '../../components/Icon';
import { useI18n, type Translate } from '../../i18n/i18n';
import { useApiData } from '../../app/useApiData';
import { useSubmitOnce } from '../../app/useSubmitOnce';
import { RetentionSettingsEditor } from './RetentionSettingsEditor';

/** The item in the interface language: the main side's French sentence, or the same facts in English. */
function itemText(item: DueItemView, locale: 'fr' | 'en', t: Translate): string {
  if (locale === 'fr') return item.sentence;
  const rule = item.months === null ? t('retention.rule.consent') : t('retention.rule.months', { months: item.months });
  const values = {
    title: item.title || t('retention.untitled'),
    date: item.dueSince.split('-').reverse().join('/'),
    rule,
    time: item.atSeconds === null ? '' : formatClock(item.atSeconds),
  };
  const key =
    item.kind === 'recording'
      ? item.category === 'testimonies'
        ? 'retention.item.testimony'
        : 'retention.item.recording'
      : item.kind === 'comment'
        ? 'retention.item.comment'
        : 'retention.item.sheet';
  const goes =
    item.goesWith.comments || item.goesWith.feedbackSheets
      ? t('retention.goesWith', { comments: item.goesWith.comments, sheets: item.goesWith.feedbackSheets })
      : '';
  return `${t(key, values)}${goes}`;
}

/** What the confirmation says will go, counted. */
function summary(items: readonly DueItemView[]): { videos: number; comments: number; sheets: number } {
  return items.reduce(
    (sum, item) => ({
      videos: sum.videos + (item.kind === 'recording' ? 1 : 0),
      comments: sum.comments + (item.kind === 'comment' ? 1 : 0) + item.goesWith.comments,
      sheets: sum.sheets + (item.kind === 'feedback-sheet' ? 1 : 0) + item.goesWith.feedbackSheets,
    }),
    { videos: 0, comments: 0, sheets: 0 },
  );
}

export function RetentionCard({ projectId, onError }: { projectId: number; onError: (error: unknown) => void }) {
  const { t, locale } = useI18n();
  const [confirming, setConfirming] = useState(false);
  const [done, setDone] = useState<RetentionCounts | null>(null);
  const { data, reload } = useApiData(() => api.call('retention.due', { projectId }), [projectId]);
  const items = data?.projects[0]?.items ?? [];
  const counts = summary(items);
  const erase = useSubmitOnce(async (idempotencyKey: string) => {
    try {
      const result = await api.call(
        'retention.apply',
        { projectId, items: items.map(({ kind, id }) => ({ kind, id })) },
        { idempotencyKey },
      );
      setDone(result.erased);
      setConfirming(false);
      reload();
    } catch (error) {
      onError(error);
    }
  });

  return (
    <section className="card retention-card" aria-labelledby="retention-title">
      <h2 id="retention-title">
        <Icon name="trash" /> {t('retention.title')}
      </h2>
      <p className="muted small-text">{t('retention.why')}</p>
      {done && (
        <p className="notice" role="status">
          {t('retention.done', { videos: done.recordings, comments: done.comments, sheets: done.feedbackSheets })}
        </p>
      )}
      {data && items.length === 0 && <p className="empty">{t('retention.nothingDue')}</p>}
      <ul className="item-list" aria-label={t('retention.title')}>
        {items.map((item) => (
          <li key={`${item.kind}-${item.id}`} className="item retention-item">
            {itemText(item, locale, t)}
          </li>
        ))}
      </ul>
      {items.length > 0 && !confirming && (
        <div className="actions">
          <button type="button" className="danger" onClick={() => setConfirming(true)}>
            <Icon name="trash" /> {t('retention.erase')}
          </button>
        </div>
      )}
      {confirming && (
        <div
          className="notice warning"
          role="alertdialog"
          aria-labelledby="retention-confirm-title"
          aria-describedby="retention-confirm-text"
        >
          <h3 id="retention-confirm-title">{t('retention.confirmTitle')}</h3>
          <p id="retention-confirm-text">
            {t('retention.confirmText', { videos: counts.videos, comments: counts.comments, sheets: counts.sheets })}
          </p>
          <div className="actions">
            <button type="button" className="danger" disabled={erase.busy} onClick={() => void erase.run()}>
              <Icon name="trash" /> {t('retention.confirm')}
            </button>
            <button type="button" onClick={() => setConfirming(false)} disabled={erase.busy} autoFocus>
              {t('retention.cancel')}
            </button>
          </div>
        </div>
      )}
      <RetentionSettingsEditor projectId={projectId} onError={onError} />
    </section>
  );
}
