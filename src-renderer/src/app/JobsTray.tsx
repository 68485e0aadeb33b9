/**
 * Bottom-right tray listing long work in progress, each with a progress bar and a
 * cancel button; failures stay listed with their reason.
 */
import { useRef } from 'react';
import { api } from '../api/client';
import { formatClock } from '../../../src-shared/time';
import type { MessageKey } from '../i18n/fr';
import { useI18n } from '../i18n/i18n';
import { useJobs } from './useJobs';
import { ProgressBar } from '../components/ProgressBar';

export function JobsTray() {
  const { t } = useI18n();
  const jobs = useJobs().filter((job) => job.status === 'queued' || job.status === 'running');
  // when each job was first seen running, to estimate the time left from its progress
  const started = useRef(new Map<string, number>());
  const timeLeft = (jobId: string, ratio: number | null): string | null => {
    const now = Date.now();
    if (!started.current.has(jobId)) started.current.set(jobId, now);
    const elapsed = (now - started.current.get(jobId)!) / 1000;
    if (ratio === null || ratio < 0.03 || elapsed < 2) return null;
    return formatClock((elapsed / ratio) * (1 - ratio));
  };
  if (jobs.length === 0) return null;
  return (
    <aside className="jobs-tray" aria-label={t('jobs.title')}>
      <h2>{t('jobs.title')}</h2>
      {jobs.map((job) => (
        <div key={job.jobId} className="job">
          <div className="job-label">
            {job.label}
            {job.step && (
              <span className="muted">
                {' '}
                · {t(`jobs.step.${job.step.split(':')[0]}` as MessageKey)} {job.step.split(':')[1] ?? ''}
              </span>
            )}
            {job.ratio !== null && <span className="muted"> · {Math.round(job.ratio * 100)} %</span>}
            {job.status === 'running' && timeLeft(job.jobId, job.ratio) && (
              <span className="muted"> · {t('jobs.timeLeft', { time: timeLeft(job.jobId, job.ratio)! })}</span>
            )}
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
