/**
 * Loads data through the API and reloads it whenever the main side announces a
 * change (from this window, another browser tab, or a participant's phone).
 */
import { useCallback, useEffect, useState } from 'react';
import type { ApiEventPayload } from '../../../src-shared/contract/contract';
import { api } from '../api/client';

export type ChangedEntity = ApiEventPayload<'data.changed'>['entity'];

/** `reloadOn` limits reloads to changes of those entities (default: any change). */
export function useApiData<T>(
  load: () => Promise<T>,
  deps: unknown[],
  reloadOn?: readonly ChangedEntity[],
): { data: T | null; error: unknown; reload: () => void } {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<unknown>(null);
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const stableLoad = useCallback(load, deps);

  const reload = useCallback(() => {
    stableLoad().then(
      (value) => {
        setData(value);
        setError(null);
      },
      (reason: unknown) => setError(reason),
    );
  }, [stableLoad]);

  useEffect(() => {
    reload();
    return api.on('data.changed', (change) => {
      if (!reloadOn || reloadOn.includes(change.entity)) reload();
    });
    // reloadOn is a constant list per call site
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [reload]);

  return { data, error, reload };
}
