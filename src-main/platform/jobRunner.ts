/**
 * Long work (finalising a recording, rendering, building a pack) runs here as jobs:
 * queued one at a time (two cores: parallel encodes only slow each other down),
 * each with progress events, cancellable through an AbortSignal.
 */
import crypto from 'node:crypto';
import { AppError, toErrorShape } from '../../src-shared/appError';
import type { ApiEventBus } from './eventBus';
import type { Job } from '../../src-shared/contract/schemas';

export interface JobHandle {
  signal: AbortSignal;
  progress(ratio: number | null, step?: string | null): void;
}

interface JobEntry {
  job: Job;
  controller: AbortController;
  run: () => Promise<void>;
}

const KEEP_FINISHED = 50;
const PROGRESS_INTERVAL_MS = 100;

export class JobRunner {
  private readonly jobs = new Map<string, JobEntry>();
  private readonly queue: JobEntry[] = [];
  private running = 0;
  private readonly lastProgressAt = new Map<string, number>();
  private readonly pendingProgress = new Map<string, ReturnType<typeof setTimeout>>();

  constructor(
    private readonly events: ApiEventBus,
    private readonly concurrency = 1,
  ) {}

  /** Queues work; `done` settles with its result (or its error, `cancelled` included). */
  start<T>(
    kind: string,
    label: string,
    work: (handle: JobHandle) => Promise<T>,
    options: { recordingId?: number; retryable?: boolean } = {},
  ): { jobId: string; done: Promise<T> } {
    const jobId = crypto.randomUUID();
    const controller = new AbortController();
    const job: Job = {
      jobId,
      kind,
      label,
      status: 'queued',
      ratio: null,
      step: null,
      recordingId: options.recordingId ?? null,
      retryable: options.retryable ?? false,
      error: null,
    };
    let resolveDone!: (value: T) => void;
    let rejectDone!: (reason: unknown) => void;
    const done = new Promise<T>((resolve, reject) => {
      resolveDone = resolve;
      rejectDone = reject;
    });
    done.catch(() => {}); // callers that do not await must not cause unhandled rejections

    const entry: JobEntry = {
      job,
      controller,
      run: async () => {
        job.status = 'running';
        this.emitProgress(job, true);
        try {
          if (controller.signal.aborted) throw new AppError('cancelled', 'Annulé avant de commencer.');
          const result = await work({
            signal: controller.signal,
            progress: (ratio, step) => {
              job.ratio = ratio;
              if (step !== undefined) job.step = step;
              this.emitProgress(job, false);
            },
          });
          job.ratio = 1;
          this.emitProgress(job, true); // listeners see 100 % before the end
          job.status = 'done';
          this.finish(job, null);
          resolveDone(result);
        } catch (error) {
          const shape = toErrorShape(error);
          job.status = shape.code === 'cancelled' ? 'cancelled' : 'failed';
          if (job.status === 'failed')
            job.error = { code: shape.code, message: shape.message, ...(shape.hint ? { hint: shape.hint } : {}) };
          this.finish(job, shape);
          rejectDone(error);
        }
      },
    };
    this.jobs.set(jobId, entry);
    this.queue.push(entry);
    this.emitProgress(job, true);
    this.pump();
    return { jobId, done };
  }

  list(): Job[] {
    return [...this.jobs.values()].map((entry) => ({ ...entry.job }));
  }

  cancel(jobId: string): Job {
    const entry = this.jobs.get(jobId);
    if (!entry)
      throw new AppError('not-found', `Aucun travail en cours n’a le numéro ${jobId} (il est peut-être déjà fini).`, { field: 'jobId' });
    entry.controller.abort();
    const queued = this.queue.indexOf(entry);
    if (queued !== -1) {
      this.queue.splice(queued, 1);
      void entry.run(); // settles at once as cancelled
    }
    return { ...entry.job };
  }

  /** Forgets a finished job (the user closed its failure in the tray); a job still running stays. */
  dismiss(jobId: string): boolean {
    const entry = this.jobs.get(jobId);
    if (!entry || entry.job.status === 'queued' || entry.job.status === 'running') return false;
    this.jobs.delete(jobId);
    return true;
  }

  /** Cancels everything (app quitting). */
  cancelAll(): void {
    for (const entry of this.jobs.values()) entry.controller.abort();
  }

  private pump(): void {
    while (this.running < this.concurrency && this.queue.length > 0) {
      const entry = this.queue.shift()!;
      this.running++;
      void entry.run().finally(() => {
        this.running--;
        this.pump();
      });
    }
  }

  /** At most ~10 progress events a second per job; the latest value always goes out. */
  private emitProgress(job: Job, force: boolean): void {
    const now = Date.now();
    const last = this.lastProgressAt.get(job.jobId) ?? 0;
    if (!force && now - last < PROGRESS_INTERVAL_MS) {
      if (!this.pendingProgress.has(job.jobId)) {
        const timer = setTimeout(
          () => {
            this.pendingProgress.delete(job.jobId);
            if (job.status === 'running') this.emitProgress(job, true);
          },
          PROGRESS_INTERVAL_MS - (now - last),
        );
        this.pendingProgress.set(job.jobId, timer);
      }
      return;
    }
    this.lastProgressAt.set(job.jobId, now);
    this.events.emit('job.progress', { jobId: job.jobId, kind: job.kind, label: job.label, ratio: job.ratio, step: job.step });
  }

  private finish(job: Job, error: { code: string; message: string } | null): void {
    this.lastProgressAt.delete(job.jobId);
    clearTimeout(this.pendingProgress.get(job.jobId));
    this.pendingProgress.delete(job.jobId);
    this.events.emit('job.finished', {
      jobId: job.jobId,
      kind: job.kind,
      outcome: job.status === 'done' ? 'done' : job.status === 'cancelled' ? 'cancelled' : 'failed',
      error: error ? { code: error.code, message: error.message } : null,
    });
    const finished = [...this.jobs.values()].filter((entry) => ['done', 'failed', 'cancelled'].includes(entry.job.status));
    for (const entry of finished.slice(0, Math.max(0, finished.length - KEEP_FINISHED))) this.jobs.delete(entry.job.jobId);
  }
}
