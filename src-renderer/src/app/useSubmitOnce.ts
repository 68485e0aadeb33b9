/**
 * One request per user action: while an action runs, its button is disabled (`busy`) and
 * a second click returns the same promise; the call carries an idempotency key so the
 * main side makes one comment, clip or pack even if the request is sent twice.
 */
import { useCallback, useRef, useState } from 'react';

function newKey(): string {
  if (typeof crypto !== 'undefined' && typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 12)}`;
}

export function useSubmitOnce<A extends unknown[]>(action: (idempotencyKey: string, ...args: A) => Promise<void>) {
  const pending = useRef<Promise<void> | null>(null);
  const [busy, setBusy] = useState(false);
  const run = useCallback(
    (...args: A): Promise<void> => {
      if (pending.current) return pending.current;
      setBusy(true);
      const running = action(newKey(), ...args).finally(() => {
        pending.current = null;
        setBusy(false);
      });
      pending.current = running;
      return running;
    },
    [action],
  );
  return { run, busy };
}
