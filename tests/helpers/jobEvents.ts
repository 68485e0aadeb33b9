// Waiting on job events instead of sleeping: the first progress past a ratio, and the end.
import { type ApiContext } from '../../src-main/app';

/** Resolves with the job id once a job of this kind reports progress past `ratio`. */
export function progressPast(ctx: ApiContext, kind: string, ratio: number): Promise<string> {
  return new Promise((resolve) => {
    const off = ctx.events.subscribe((event, payload) => {
      if (event === 'job.progress' && 'ratio' in payload && payload.kind === kind && (payload.ratio ?? 0) > ratio) {
        off();
        resolve(payload.jobId);
      }
    });
  });
}

/** Resolves with the outcome (done, failed, cancelled) of the next job of this kind to end. */
export function jobEnd(ctx: ApiContext, kind: string): Promise<string> {
  return new Promise((resolve) => {
    const off = ctx.events.subscribe((event, payload) => {
      if (event === 'job.finished' && 'outcome' in payload && payload.kind === kind) {
        off();
        resolve(payload.outcome);
      }
    });
  });
}
