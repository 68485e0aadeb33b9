// Starts a real browser-mode server on 127.0.0.1 over a fresh library in a temp folder.
import path from 'node:path';
import { afterAll } from 'vitest';
import { startBrowserServer, type RunningBrowserServer } from '../../src-main/server/browserServer';
import { makeTempDir } from './tempDir';
import { createApiContext, type ApiContext } from '../../src-main/app';

export interface TestServer extends RunningBrowserServer {
  ctx: ApiContext;
  libraryDir: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read arbitrary JSON bodies
  call(method: string, body: unknown, headers?: Record<string, string>): Promise<{ status: number; json: any }>;
}

export async function startTestServer(
  rendererDir: string | null = null,
  options: { silentTakeSeconds?: number } = {},
): Promise<TestServer> {
  const libraryDir = path.join(makeTempDir('eric-server-'), 'library');
  const ctx = createApiContext(libraryDir, 'http');
  const running = await startBrowserServer({ ctx, rendererDir, port: 0, ...options });
  afterAll(async () => {
    await running.close();
    ctx.library.close();
  });
  return {
    ...running,
    ctx,
    libraryDir,
    async call(method, body, headers = {}) {
      const response = await fetch(`${running.url}api/${method}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', ...headers },
        body: typeof body === 'string' ? body : JSON.stringify(body),
      });
      return { status: response.status, json: await response.json() };
    },
  };
}
