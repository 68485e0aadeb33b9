/**
 * The jobs the main side is running (finalising, rendering…), kept live from events.
 */
import { useEffect, useState } from 'react';
import type { Job } from '../../../src-shared/contract/schemas';
import { api } from '../api/client';

export function useJobs(): Job[] {
  const [jobs, setJobs] = useState<Job[]>([]);
  useEffect(() => {
    let alive = true;
    const refresh = () =>
      api.call('jobs.list', {}).then(
        (list) => alive && setJobs(list),
        () => {},
      );
    refresh();
    const offProgress = api.on('job.progress', (event) => {
      setJobs((list) => {
        const existing = list.find((job) => job.jobId === event.jobId);
        if (!existing) {
          void refresh();
          return list;
        }
        return list.map((job) => (job.jobId === event.jobId ? { ...job, status: 'running', ratio: event.ratio, step: event.step } : job));
      });
    });
    const offFinished = api.on('job.finished', () => void refresh());
    return () => {
      alive = false;
      offProgress();
      offFinished();
    };
  }, []);
  return jobs;
}
