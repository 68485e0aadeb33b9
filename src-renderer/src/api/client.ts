/**
 * The only way the UI talks to the app: `api.call(method, input)` and
 * `api.on(event, listener)`. In Electron it goes through the preload bridge (IPC);
 * in a browser, through HTTP and Server-Sent Events. Screens never know which.
 */
import type { ApiEventPayload, ApiInput, ApiOutput } from '../../../src-shared/contract/contract';
import { BINARY_METHODS, type ApiEventName, type ApiMethodName } from '../../../src-shared/contract/names';
import type { AppErrorShape } from '../../../src-shared/appError';

type Envelope = { ok: true; result: unknown } | { ok: false; error: AppErrorShape };

interface PreloadBridge {
  invoke(method: string, input: unknown, options?: CallOptions): Promise<Envelope>;
  on(event: string, listener: (payload: unknown) => void): () => void;
  /** Desktop app only: the path of a file the user dropped or picked. */
  pathForFile?(file: File): string | null;
}

declare global {
  interface Window {
    ericStudio?: PreloadBridge;
  }
}

export class ApiCallError extends Error {
  readonly code: string;
  readonly field?: string;
  readonly hint?: string;
  constructor(shape: AppErrorShape) {
    super(shape.message);
    this.name = 'ApiCallError';
    this.code = shape.code;
    this.field = shape.field;
    this.hint = shape.hint;
  }
}

/** Per-call options: a key that makes a creation happen once however often it is sent. */
export interface CallOptions {
  idempotencyKey?: string;
}

export interface ApiClient {
  readonly transport: 'electron' | 'http';
  call<M extends ApiMethodName>(method: M, input: ApiInput<M>, options?: CallOptions): Promise<ApiOutput<M>>;
  on<E extends ApiEventName>(event: E, listener: (payload: ApiEventPayload<E>) => void): () => void;
  mediaUrl(assetId: number): string;
}

function ipcClient(bridge: PreloadBridge): ApiClient {
  return {
    transport: 'electron',
    async call(method, input, options) {
      const envelope = await bridge.invoke(method, input, options);
      if (!envelope.ok) throw new ApiCallError(envelope.error);
      return envelope.result as never;
    },
    on(event, listener) {
      return bridge.on(event, listener as (payload: unknown) => void);
    },
    mediaUrl: (assetId) => `media://asset/${assetId}`,
  };
}

/** JSON for ordinary methods; for binary ones, the bytes as the body and the rest in the query. */
function httpRequestFor(method: ApiMethodName, input: unknown, options: CallOptions = {}): [string, RequestInit] {
  const key: Record<string, string> = options.idempotencyKey ? { 'Idempotency-Key': options.idempotencyKey } : {};
  if (BINARY_METHODS.includes(method)) {
    const { data, ...rest } = input as { data: Uint8Array } & Record<string, string | number>;
    const query = new URLSearchParams(Object.entries(rest).map(([key, value]) => [key, String(value)]));
    return [
      `/api/${method}?${query}`,
      { method: 'POST', headers: { 'Content-Type': 'application/octet-stream', ...key }, body: data as BodyInit },
    ];
  }
  return [`/api/${method}`, { method: 'POST', headers: { 'Content-Type': 'application/json', ...key }, body: JSON.stringify(input ?? {}) }];
}

function httpClient(): ApiClient {
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const subscribedEvents = new Set<string>();
  let source: EventSource | null = null;

  function ensureSource(event: string): void {
    if (!source) source = new EventSource('/api/events');
    if (!subscribedEvents.has(event)) {
      subscribedEvents.add(event);
      source.addEventListener(event, (message) => {
        const payload: unknown = JSON.parse((message as MessageEvent<string>).data);
        for (const listener of listeners.get(event) ?? []) listener(payload);
      });
    }
  }

  return {
    transport: 'http',
    async call(method, input, options) {
      let response: Response;
      try {
        response = await fetch(...httpRequestFor(method, input, options));
      } catch {
        throw new ApiCallError({
          code: 'unreachable' as AppErrorShape['code'],
          message: 'Le serveur d’ERIC Studio ne répond pas.',
          hint: 'Vérifiez que le programme ERIC Studio est toujours ouvert, puis recommencez.',
        });
      }
      const body = (await response.json().catch(() => null)) as { result?: unknown; error?: AppErrorShape } | null;
      if (!response.ok || !body || body.error) {
        throw new ApiCallError(
          body?.error ?? { code: 'internal', message: `Le serveur d’ERIC Studio a répondu par une erreur (HTTP ${response.status}).` },
        );
      }
      return body.result as never;
    },
    on(event, listener) {
      if (!listeners.has(event)) listeners.set(event, new Set());
      const set = listeners.get(event)!;
      const wrapped = listener as (payload: unknown) => void;
      set.add(wrapped);
      ensureSource(event);
      return () => set.delete(wrapped);
    },
    mediaUrl: (assetId) => `/media/${assetId}`,
  };
}

export const api: ApiClient = window.ericStudio ? ipcClient(window.ericStudio) : httpClient();

/** In the desktop app, the path of a file the user dropped or picked (null in a browser). */
export function localPathOf(file: File): string | null {
  return globalThis.window?.ericStudio?.pathForFile?.(file) ?? null;
}
