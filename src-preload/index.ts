/**
 * The sandboxed preload: exposes `invoke` for the contract's methods, `on` for its
 * events, and `pathForFile` for files the user dropped or picked. Names are checked against the contract
 * lists; no Node or Electron object ever reaches the renderer.
 */
import { contextBridge, ipcRenderer, webUtils, type IpcRendererEvent } from 'electron';
import { IPC_EVENT_CHANNEL, ipcChannelFor, isApiEventName, isApiMethodName } from '../src-shared/contract/names';

const bridge = {
  invoke(method: unknown, input: unknown, options?: unknown): Promise<unknown> {
    if (!isApiMethodName(method)) {
      return Promise.resolve({ ok: false, error: { code: 'not-found', message: `Unknown API method "${String(method).slice(0, 80)}".` } });
    }
    const idempotencyKey = (options as { idempotencyKey?: unknown } | undefined)?.idempotencyKey;
    return ipcRenderer.invoke(ipcChannelFor(method), input, typeof idempotencyKey === 'string' ? { idempotencyKey } : undefined);
  },
  on(event: unknown, listener: unknown): () => void {
    if (!isApiEventName(event) || typeof listener !== 'function') return () => {};
    const wrapped = (_ipcEvent: IpcRendererEvent, name: string, payload: unknown) => {
      if (name === event) (listener as (payload: unknown) => void)(payload);
    };
    ipcRenderer.on(IPC_EVENT_CHANNEL, wrapped);
    return () => {
      ipcRenderer.removeListener(IPC_EVENT_CHANNEL, wrapped);
    };
  },
  /** The path of a file the user dropped or picked (import reads it by path, no chunks over IPC). */
  pathForFile(file: unknown): string | null {
    if (typeof File === 'undefined' || !(file instanceof File)) return null;
    try {
      return webUtils.getPathForFile(file) || null;
    } catch {
      return null;
    }
  },
};

contextBridge.exposeInMainWorld('ericStudio', bridge);
