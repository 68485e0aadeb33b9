/**
 * On a person's page: the videos they are linked to (day, part, a link that opens each) and
 * the exports that showed them, so an animator can answer « où est-ce que j’apparais ? »
 * (a right of access request) or check what a withdrawal will recall, without searching.
 */
import { api } from '../../api/client';
import { hrefFor } from '../../app/router';
import { useApiData } from '../../app/useApiData';
import { useI18n } from '../../i18n/i18n';
import { formatDuration } from '../../../../src-shared/time';

export function PersonAppearances({ personId }: { personId: number }) {
  const { t, formatDate } = useI18n();
  const { data } = useApiData(() => api.call('people.appearances', { personId }), [personId], ['recording', 'person', 'export']);
  if (!data) return null;
  return (
    <section className="card person-appearances" aria-labelledby="appearances-title">
      <h2 id="appearances-title">{t('appearances.title')}</h2>
      <h3 id="appearances-videos">{t('appearances.videos', { count: data.recordings.length })}</h3>
      {data.recordings.length === 0 ? (
        <p className="empty">{t('appearances.noVideo')}</p>
      ) : (
        <ul className="item-list" aria-labelledby="appearances-videos">
          {data.recordings.map((recording) => (
            <li key={recording.recordingId} className="item">
              <a className="item-main item-link" href={hrefFor({ name: 'review', recordingId: recording.recordingId })}>
                <strong>{recording.title || t('recording.untitled', { id: recording.recordingId })}</strong>
                <span className="muted">
                  {' · '}
                  {t(`recording.kind.${recording.kind}`)}
                  {recording.sessionDate && ` · ${formatDate(recording.sessionDate)}`}
                  {recording.durationSeconds !== null && ` · ${formatDuration(recording.durationSeconds)}`}
                  {recording.part && ` · ${recording.part}`}
                </span>
              </a>
            </li>
          ))}
        </ul>
      )}
      <h3 id="appearances-exports">{t('appearances.exports', { count: data.exports.length })}</h3>
      {data.exports.length === 0 ? (
        <p className="empty">{t('appearances.noExport')}</p>
      ) : (
        <ul className="item-list" aria-labelledby="appearances-exports">
          {data.exports.map((record) => (
            <li key={record.id} className="item">
              <span className="item-main">
                <strong>{record.label}</strong> <span className="badge">{t(`consent.scope.${record.audience}`)}</span>{' '}
                <span className="muted">
                  {t(`exports.kind.${record.kind}` as 'exports.kind.clip')} · {formatDate(record.createdAt.slice(0, 10))}
                </span>
                {record.flaggedAt && <span className="badge warning">{t('appearances.toRecall')}</span>}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
