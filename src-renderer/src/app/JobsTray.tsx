/**
 * Bottom-right tray listing long work in progress, each with a progress bar and a
 * cancel button; failures stay listed with their reason until the user closes them,
 * with "Réessayer" where the work can be run again (a recording's conversion).
 */
import { useRef, useState } from 'react';
import type { Job } from '../../../src-shared/contract/schemas';
import { api } from '../api/client';
import { formatClock } from '../../../src-shared/time';
import type { MessageKey } from '../i18n/fr';
import { useI18n } from '../i18n/i18n';
import { useJobs } from './useJobs';
import { ProgressBar } from '../components/ProgressBar';

export function JobsTray() {
  const { t } = useI18n();
  // closed failures disappear at once; the main side forgets them too
  const [dismissed, setDismissed] = useState<ReadonlySet<string>>(new Set());
  const jobs = useJobs().filter(
    (job) => job.status === 'queued' || job.status === 'running' || (job.status === 'failed' && !dismissed.has(job.jobId)),
  );
  const dismiss = (jobId: string) => {
    setDismissed((before) => new Set(before).add(jobId));
    void api.call('jobs.dismiss', { jobId }).catch(() => {});
  };
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
          {job.status === 'failed' ? (
            <FailedJob job={job} onDismiss={() => dismiss(job.jobId)} />
          ) : (
            <>
              <ProgressBar ratio={job.ratio} label={job.label} />
              <button className="small" onClick={() => void api.call('jobs.cancel', { jobId: job.jobId })}>
                {t('jobs.cancel')}
              </button>
            </>
          )}
        </div>
      ))}
    </aside>
  );
}

/** A failed job: the main side's reason (French for import and conversion problems), retry and close. */
function FailedJob({ job, onDismiss: dismiss }: { job: Job; onDismiss: () => void }) {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const canRetry = job.kind === 'finalise-recording' && job.retryable === true && job.recordingId !== null;
  return (
    <div className="job-failed" role="alert">
      <p>
        <strong>{t('jobs.failed', { message: job.error?.message ?? t('error.generic') })}</strong>
      </p>
      {job.error?.hint && <p className="muted">{job.error.hint}</p>}
      <div className="row">
        {canRetry && (
          <button
            className="small"
            disabled={busy}
            onClick={() => {
              setBusy(true);
              void api
                .call('recordings.retryFinalise', { recordingId: job.recordingId! })
                .then(dismiss, () => {})
                .finally(() => setBusy(false));
            }}
          >
            {t('jobs.retry')}
          </button>
        )}
        <button className="small" onClick={dismiss}>
          {t('jobs.dismiss')}
        </button>
      </div>
    </div>
  );
}
