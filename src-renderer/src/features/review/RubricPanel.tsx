/**
 * The interview grid: each criterion scored 1–4 by the candidate and by the group,
 * side by side, and the candidate's averages across their filmed takes.
 */
import type { Rubric } from '../../../../src-shared/contract/schemas';
import { api } from '../../api/client';
import { useI18n } from '../../i18n/i18n';

export function RubricPanel({ rubric, onError }: { rubric: Rubric; onError(error: unknown): void }) {
  const { t } = useI18n();
  const set = (criterionId: number, rater: 'self' | 'group', score: number) =>
    void api.call('rubric.score', { recordingId: rubric.recordingId, criterionId, rater, score }).catch(onError);
  const scale = (criterionId: number, rater: 'self' | 'group', label: string) => (
    <fieldset className="scores" aria-label={label}>
      {[1, 2, 3, 4].map((score) => (
        <label
          key={score}
          className={`score ${rubric[rater][String(criterionId)] === score ? 'selected' : ''}`}
          title={rubric.scale[score - 1]}
        >
          <input
            type="radio"
            name={`${rater}-${criterionId}`}
            checked={rubric[rater][String(criterionId)] === score}
            onChange={() => set(criterionId, rater, score)}
          />
          {score}
        </label>
      ))}
    </fieldset>
  );
  return (
    <section className="card" aria-labelledby="rubric-title">
      <h2 id="rubric-title">
        {t('review.rubric')}
        {rubric.candidate && ` — ${rubric.candidate.displayName}`}
      </h2>
      <table className="rubric-table">
        <thead>
          <tr>
            <th scope="col">{t('review.criterion')}</th>
            <th scope="col">{t('review.self')}</th>
            <th scope="col">{t('review.groupScore')}</th>
          </tr>
        </thead>
        <tbody>
          {rubric.criteria.map((criterion) => (
            <tr key={criterion.id}>
              <th scope="row">{criterion.label}</th>
              <td>{scale(criterion.id, 'self', `${criterion.label} — ${t('review.self')}`)}</td>
              <td>{scale(criterion.id, 'group', `${criterion.label} — ${t('review.groupScore')}`)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted small-text">{rubric.scale.join(' · ')}</p>
      {rubric.progress.length > 1 && (
        <>
          <h3>{t('review.progress')}</h3>
          <ol>
            {rubric.progress.map((take) => (
              <li key={take.recordingId}>
                {t('review.progressEntry', {
                  title: take.title || `n° ${take.recordingId}`,
                  self: take.selfAverage ?? '—',
                  group: take.groupAverage ?? '—',
                })}
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}
