/**
 * Events the main side pushes to every connected UI (Electron window, browser tabs):
 * data changes, job progress. Transports subscribe once and forward.
 */
import type { ApiEventPayload } from '../../src-shared/contract/contract';
import type { ApiEventName } from '../../src-shared/contract/names';

export type ApiEventListener = <E extends ApiEventName>(event: E, payload: ApiEventPayload<E>) => void;

export class ApiEventBus {
  private readonly listeners = new Set<ApiEventListener>();

  subscribe(listener: ApiEventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit<E extends ApiEventName>(event: E, payload: ApiEventPayload<E>): void {
    for (const listener of this.listeners) {
      try {
        listener(event, payload);
      } catch {
        // a broken subscriber (closed window, dropped SSE client) must not stop the others
      }
    }
  }
}
