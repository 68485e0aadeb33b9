/**
 * Bottom-right tray listing long work in progress, each with a progress bar and a
 * cancel button; failures stay listed with their reason.
 */
import { api } from '../api/client';
import type { MessageKey } from '../i18n/fr';
import { useI18n } from '../i18n/i18n';
import { useJobs } from '../useJobs';
import { ProgressBar } from './ProgressBar';

export function JobsTray() {
  const { t } = useI18n();
  const jobs = useJobs().filter((job) => job.status === 'queued' || job.status === 'running');
  if (jobs.length === 0) return null;
  return (
    <aside className="jobs-tray" aria-label={t('jobs.title')}>
      <h2>{t('jobs.title')}</h2>
      {jobs.map((job) => (
        <div key={job.jobId} className="job">
          <div className="job-label">
            {job.label}
            {job.step && <span className="muted"> · {t(`jobs.step.${job.step}` as MessageKey)}</span>}
            {job.ratio !== null && <span className="muted"> · {Math.round(job.ratio * 100)} %</span>}
          </div>
          <ProgressBar ratio={job.ratio} label={job.label} />
          <button className="small" onClick={() => void api.call('jobs.cancel', { jobId: job.jobId })}>
            {t('jobs.cancel')}
          </button>
        </div>
      ))}
    </aside>
  );
}
