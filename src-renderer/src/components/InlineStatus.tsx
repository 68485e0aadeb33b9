/**
 * What became of an action, shown right next to its button: "Enregistré" (or the action's
 * own word) when it worked, the French reason when it failed — never in a banner far above.
 * `useActionStatus()` runs the action and keeps its outcome for the status to show.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { useI18n } from '../i18n/i18n';
import { describeError } from './ErrorBanner';
import { ApiCallError } from '../api/client';

export type ActionOutcome = { kind: 'idle' } | { kind: 'busy' } | { kind: 'done'; word?: string } | { kind: 'failed'; error: unknown };

export function InlineStatus({ outcome, busyWord }: { outcome: ActionOutcome; busyWord?: string }) {
  const { t, locale } = useI18n();
  if (outcome.kind === 'idle') return <span className="inline-status" role="status" />;
  if (outcome.kind === 'busy')
    return (
      <span className="inline-status busy" role="status">
        {busyWord ?? t('common.saving')}
      </span>
    );
  if (outcome.kind === 'done')
    return (
      <span className="inline-status ok" role="status">
        ✓ {outcome.word ?? t('common.saved')}
      </span>
    );
  const hint = outcome.error instanceof ApiCallError ? outcome.error.hint : undefined;
  return (
    <span className="inline-status failed" role="alert">
      ⚠ {describeError(outcome.error, t, locale)}
      {hint && <span className="inline-status-hint"> {hint}</span>}
    </span>
  );
}

/** Runs an action and remembers how it went; the success word fades after a few seconds. */
export function useActionStatus({ fade = true }: { fade?: boolean } = {}) {
  const [outcome, setOutcome] = useState<ActionOutcome>({ kind: 'idle' });
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(() => () => void (timer.current && clearTimeout(timer.current)), []);
  const run = useCallback(
    async (action: () => Promise<unknown>, word?: string): Promise<boolean> => {
      if (timer.current) clearTimeout(timer.current);
      setOutcome({ kind: 'busy' });
      try {
        await action();
        setOutcome({ kind: 'done', word });
        if (fade) timer.current = setTimeout(() => setOutcome({ kind: 'idle' }), 6000);
        return true;
      } catch (error) {
        setOutcome({ kind: 'failed', error });
        return false;
      }
    },
    [fade],
  );
  return { outcome, run, busy: outcome.kind === 'busy' };
}
