/**
 * Electron IPC glue: one `ipcMain.handle` per contract method. Each call checks the
 * sender is our own page, then goes through the same `dispatch` as browser mode.
 * Results travel as an envelope, because errors lose their fields across IPC.
 */
import type { BrowserWindow, IpcMain } from 'electron';
import { AppError, toErrorShape } from '../../src-shared/appError';
import { API_METHODS, IPC_EVENT_CHANNEL, ipcChannelFor } from '../../src-shared/contract/names';
import { isOurPageUrl } from './securityPolicy';
import { dispatch, type ApiContext } from '../app';

export type IpcEnvelope = { ok: true; result: unknown } | { ok: false; error: ReturnType<typeof toErrorShape> };

export function registerApiHandlers(
  ipcMain: IpcMain,
  ctx: ApiContext,
  devServerUrl: string | null,
  logInternalError: (method: string, error: unknown) => void = (method, error) => console.error(`[ipc] ${method} failed:`, error),
): void {
  for (const method of API_METHODS) {
    ipcMain.handle(ipcChannelFor(method), async (event, input: unknown, options: unknown): Promise<IpcEnvelope> => {
      try {
        if (!isOurPageUrl(event.senderFrame?.url, devServerUrl)) {
          throw new AppError('forbidden', 'Cette demande ne vient pas de la page d’ERIC Studio : elle est refusée.');
        }
        const idempotencyKey = (options as { idempotencyKey?: unknown } | undefined)?.idempotencyKey;
        return { ok: true, result: await dispatch(method, input, ctx, typeof idempotencyKey === 'string' ? { idempotencyKey } : {}) };
      } catch (error) {
        const shape = toErrorShape(error);
        if (shape.code === 'internal') logInternalError(method, error);
        return { ok: false, error: shape };
      }
    });
  }
}

export function forwardEventsTo(window: BrowserWindow, ctx: ApiContext): () => void {
  return ctx.events.subscribe((event, payload) => {
    if (!window.isDestroyed()) window.webContents.send(IPC_EVENT_CHANNEL, event, payload);
  });
}
