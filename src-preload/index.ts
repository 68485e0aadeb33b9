/**
 * The sandboxed preload: exposes exactly two functions to the page, `invoke` for the
 * contract's methods and `on` for its events. Names are checked against the contract
 * lists; no Node or Electron object ever reaches the renderer.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { IPC_EVENT_CHANNEL, ipcChannelFor, isApiEventName, isApiMethodName } from '../src-shared/contract/names';

const bridge = {
  invoke(method: unknown, input: unknown): Promise<unknown> {
    if (!isApiMethodName(method)) {
      return Promise.resolve({ ok: false, error: { code: 'not-found', message: `Unknown API method "${String(method).slice(0, 80)}".` } });
    }
    return ipcRenderer.invoke(ipcChannelFor(method), input);
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
};

contextBridge.exposeInMainWorld('ericStudio', bridge);
