import { describe, expect, it } from 'vitest';
import { ApiEventBus } from '../../src-main/platform/eventBus';
import { JobRunner } from '../../src-main/platform/jobRunner';
import { AppError } from '../../src-shared/appError';

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

function untilAborted(signal: AbortSignal): Promise<never> {
  return new Promise((_, reject) => signal.addEventListener('abort', () => reject(new AppError('cancelled', 'stopped'))));
}

describe('JobRunner', () => {
  it('runs jobs one at a time, in order, announcing progress and the end', async () => {
    const events = new ApiEventBus();
    const seen: string[] = [];
    events.subscribe((event, payload) =>
      seen.push(`${event}:${'outcome' in payload ? payload.outcome : (payload as { ratio: number | null }).ratio}`),
    );
    const runner = new JobRunner(events);
    const gate = deferred();
    const order: string[] = [];
    const first = runner.start('t', 'first', async (job) => {
      order.push('first-start');
      job.progress(0.5, 'half');
      await gate.promise;
      order.push('first-end');
      return 1;
    });
    const second = runner.start('t', 'second', async () => {
      order.push('second-start');
      return 2;
    });
    expect(runner.list().map((job) => job.status)).toEqual(['running', 'queued']);
    // the 0.5 came within the throttle window: it still goes out, a moment later
    await expect.poll(() => seen).toContain('job.progress:0.5');
    gate.resolve();
    expect(await first.done).toBe(1);
    expect(await second.done).toBe(2);
    expect(order).toEqual(['first-start', 'first-end', 'second-start']);
    expect(seen.filter((line) => line === 'job.finished:done')).toHaveLength(2);
  });

  it('cancels a running job through its signal and a queued one before it starts', async () => {
    const runner = new JobRunner(new ApiEventBus());
    let queuedRan = false;
    const running = runner.start('t', 'long', (job) => untilAborted(job.signal));
    const queued = runner.start('t', 'queued', async () => {
      queuedRan = true;
    });
    runner.cancel(queued.jobId);
    runner.cancel(running.jobId);
    await expect(running.done).rejects.toMatchObject({ code: 'cancelled' });
    await expect(queued.done).rejects.toMatchObject({ code: 'cancelled' });
    expect(queuedRan).toBe(false);
    expect(runner.list().map((job) => job.status)).toEqual(['cancelled', 'cancelled']);
    expect(() => runner.cancel('nope')).toThrow(/Aucun travail en cours/);
  });

  it('reports failures with their error', async () => {
    const events = new ApiEventBus();
    let finished: unknown;
    events.subscribe((event, payload) => {
      if (event === 'job.finished') finished = payload;
    });
    const runner = new JobRunner(events);
    const job = runner.start('t', 'broken', async () => {
      throw new AppError('media-failed', 'ffmpeg said no');
    });
    await expect(job.done).rejects.toThrow('ffmpeg said no');
    expect(finished).toMatchObject({ outcome: 'failed', error: { code: 'media-failed', message: 'ffmpeg said no' } });
  });
});
