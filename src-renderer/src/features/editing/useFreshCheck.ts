/**
 * The export panel's data: the consent verdict asked again on every change (of the panel's
 * options, or any data the main side announces), where a late answer to an earlier question
 * never replaces a newer one and the verdict says "checking" until the newest answer is in;
 * and what became of the render job once started (with the file to download).
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { api } from '../../api/client';

export function useFreshCheck<T>(load: () => Promise<T>, deps: unknown[]): { data: T | null; error: unknown; pending: boolean } {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [pending, setPending] = useState(true);
  const asked = useRef(0);
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const stableLoad = useCallback(load, deps);
  const reload = useCallback(() => {
    const number = ++asked.current;
    setPending(true);
    stableLoad().then(
      (value) => {
        if (number !== asked.current) return; // a newer question was asked meanwhile
        setData(value);
        setError(null);
        setPending(false);
      },
      (reason: unknown) => {
        if (number !== asked.current) return;
        setError(reason);
        setPending(false);
      },
    );
  }, [stableLoad]);
  useEffect(() => {
    reload();
    return api.on('data.changed', () => reload());
  }, [reload]);
  return { data, error, pending };
}

export type ExportOutcome =
  | { kind: 'idle' }
  | { kind: 'running' }
  | { kind: 'done'; href: string | null; fileName?: string | null }
  | { kind: 'failed'; message: string };

export function useExportOutcome(jobId: string | null, projectId: number | null): ExportOutcome {
  const [outcome, setOutcome] = useState<ExportOutcome>({ kind: 'idle' });
  const finished = useRef(new Map<string, { outcome: string; message: string }>());
  useEffect(() => {
    setOutcome(jobId ? { kind: 'running' } : { kind: 'idle' });
    const settle = (id: string, result: { outcome: string; message: string }) => {
      if (id !== jobId) return;
      if (result.outcome !== 'done') {
        setOutcome({ kind: 'failed', message: result.message });
        return;
      }
      if (projectId === null) {
        setOutcome({ kind: 'done', href: null });
        return;
      }
      api.call('exports.list', { projectId }).then(
        (records) => {
          const newest = records.filter((record) => record.assetId !== null).sort((a, b) => b.id - a.id)[0];
          setOutcome({
            kind: 'done',
            href: newest?.assetId != null ? api.mediaUrl(newest.assetId) : null,
            fileName: newest?.fileName ?? null,
          });
        },
        () => setOutcome({ kind: 'done', href: null }),
      );
    };
    const early = jobId ? finished.current.get(jobId) : undefined;
    if (jobId && early) settle(jobId, early);
    return api.on('job.finished', (event) => {
      const result = { outcome: event.outcome, message: event.error?.message ?? event.outcome };
      finished.current.set(event.jobId, result);
      settle(event.jobId, result);
    });
  }, [jobId, projectId]);
  return outcome;
}
