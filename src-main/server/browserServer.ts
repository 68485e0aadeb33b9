/**
 * Browser mode: the same API as the Electron app, over HTTP on the local machine.
 * POST /api/<method> with a JSON body, GET /api/events (Server-Sent Events),
 * GET /api/health, GET /media/<assetId> with HTTP Range, and the built renderer.
 * Binds to 127.0.0.1 by default and refuses requests whose Host or Origin is not
 * its own (DNS-rebinding and cross-site protection).
 */
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { AppError, toErrorShape, type AppErrorCode } from '../../src-shared/appError';
import { frenchNumber } from '../../src-shared/frenchNumber';
import { BINARY_METHODS, type ApiMethodName } from '../../src-shared/contract/names';
import { MAX_CHUNK_BYTES } from '../../src-shared/contract/vocabulary';
import { planFileResponse } from './byteRange';
import { mimeTypeFor, staticFileFor } from './staticFiles';
import { rendererPage } from './rendererPage';
import { dispatch, watchSilentTakes, type ApiContext } from '../app';

export const MAX_API_BODY_BYTES = 1024 * 1024;

const STATUS_BY_CODE: Record<AppErrorCode, number> = {
  'invalid-input': 400,
  'too-large': 413,
  'not-found': 404,
  conflict: 409,
  forbidden: 403,
  'consent-refused': 403,
  'disk-full': 507,
  'read-only': 409,
  cancelled: 409,
  'library-unreadable': 500,
  'library-too-new': 500,
  'media-tool-missing': 500,
  'media-failed': 422,
  internal: 500,
};

export interface BrowserServerOptions {
  ctx: ApiContext;
  /** Folder with the built renderer (index.html); null serves the API only. */
  rendererDir: string | null;
  host?: string;
  port?: number;
  /** Logs a line without personal data (method names, statuses). */
  log?: (line: string) => void;
  /** A camera take with no chunk for this long was left by its page and is finalised (0: never). */
  silentTakeSeconds?: number;
}

export interface RunningBrowserServer {
  server: http.Server;
  url: string;
  port: number;
  close(): Promise<void>;
}

const SECURITY_HEADERS = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    ...SECURITY_HEADERS,
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
  });
  res.end(text);
}

function sendError(res: http.ServerResponse, error: unknown): void {
  const shape = toErrorShape(error);
  if (shape.code === 'too-large') {
    res.setHeader('Connection', 'close');
    res.once('finish', () => res.socket?.destroy());
  }
  sendJson(res, STATUS_BY_CODE[shape.code] ?? 500, { error: shape });
}

function readBody(req: http.IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        // answer first, then drop the connection instead of reading the rest
        req.removeAllListeners('data');
        req.pause();
        reject(
          new AppError('too-large', `La requête dépasse ${frenchNumber(limit)} octets.`, {
            field: '(body)',
            hint: 'Envoyez des requêtes plus petites : une vidéo s’envoie par morceaux, jamais en une seule requête.',
          }),
        );
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

async function readJsonBody(req: http.IncomingMessage): Promise<unknown> {
  const text = (await readBody(req, MAX_API_BODY_BYTES)).toString('utf8');
  if (text.trim() === '') return {};
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError('invalid-input', 'Le contenu de la requête n’est pas du JSON valide.', {
      field: '(body)',
      hint: 'Envoyez un objet JSON.',
    });
  }
}

/** Binary methods: the data is the raw body, the other fields come from the query string. */
async function readBinaryInput(req: http.IncomingMessage, url: URL): Promise<Record<string, unknown>> {
  const input: Record<string, unknown> = {};
  for (const [key, value] of url.searchParams) input[key] = /^\d{1,15}$/.test(value) ? Number(value) : value;
  input.data = await readBody(req, MAX_CHUNK_BYTES);
  return input;
}

function isLoopback(host: string): boolean {
  return host === '127.0.0.1' || host === 'localhost' || host === '::1';
}

export function allowedHosts(bindHost: string, port: number): Set<string> {
  const hosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`]);
  if (!isLoopback(bindHost) && bindHost !== '0.0.0.0' && bindHost !== '::') hosts.add(`${bindHost}:${port}`);
  return hosts;
}

/** Host must be ours; Origin, when the browser sends one, must be ours too. */
export function isRequestFromOurPage(headers: http.IncomingHttpHeaders, hosts: Set<string>): boolean {
  const host = headers.host;
  if (!host || !hosts.has(host.toLowerCase())) return false;
  const origin = headers.origin;
  if (origin === undefined) return true;
  return [...hosts].some((allowed) => origin.toLowerCase() === `http://${allowed}`);
}

function serveFile(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  file: string,
  mimeType: string,
  extraHeaders: Record<string, string> = {},
): void {
  const plan = planFileResponse(req.headers.range, fs.statSync(file).size, mimeType);
  res.writeHead(plan.status, { ...SECURITY_HEADERS, ...extraHeaders, ...plan.headers });
  if (req.method === 'HEAD' || !plan.span) {
    res.end();
    return;
  }
  const stream = fs.createReadStream(file, plan.span);
  stream.on('error', () => res.destroy());
  stream.pipe(res);
}

export function createBrowserServer(options: BrowserServerOptions): http.Server {
  const { ctx } = options;
  const log = options.log ?? (() => {});
  const sseClients = new Set<http.ServerResponse>();
  let hosts = new Set<string>();

  const unsubscribe = ctx.events.subscribe((event, payload) => {
    const frame = `event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`;
    for (const client of sseClients) client.write(frame);
  });

  const server = http.createServer((req, res) => {
    void handle(req, res).catch((error) => {
      if (!res.headersSent) sendError(res, error);
      else res.destroy();
    });
  });

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    if (!isRequestFromOurPage(req.headers, hosts)) {
      log(`refused ${req.method} with foreign host/origin`);
      sendJson(res, 403, {
        error: { code: 'forbidden', message: 'Cette demande ne vient pas de la page d’ERIC Studio : elle est refusée.' },
      });
      return;
    }
    // "//#/…" (a doubled slash typed or pasted) must not be read as a host by URL(): the path is ours
    const url = new URL(`http://localhost${(req.url ?? '/').replace(/^\/{2,}/, '/')}`);
    const pathname = url.pathname;

    if (pathname === '/api/health') {
      sendJson(res, 200, { ok: true, app: 'eric-studio', version: ctx.appVersion, schemaVersion: ctx.library.schemaVersion });
      return;
    }

    if (pathname === '/api/events') {
      res.writeHead(200, {
        ...SECURITY_HEADERS,
        'Content-Type': 'text/event-stream',
        'Cache-Control': 'no-store',
        Connection: 'keep-alive',
      });
      res.write(': connected\n\n');
      sseClients.add(res);
      const heartbeat = setInterval(() => res.write(': ping\n\n'), 15_000);
      req.on('close', () => {
        clearInterval(heartbeat);
        sseClients.delete(res);
      });
      return;
    }

    if (pathname.startsWith('/api/')) {
      if (req.method !== 'POST') {
        res.setHeader('Allow', 'POST');
        sendJson(res, 405, { error: { code: 'invalid-input', message: 'API methods are called with POST and a JSON body.' } });
        return;
      }
      let method: string;
      try {
        method = decodeURIComponent(pathname.slice('/api/'.length));
      } catch {
        sendJson(res, 400, {
          error: {
            code: 'invalid-input',
            message: 'Adresse mal formée : un « % » n’est pas suivi de deux chiffres hexadécimaux.',
            field: 'method',
          },
        });
        return;
      }
      const body = BINARY_METHODS.includes(method as ApiMethodName) ? await readBinaryInput(req, url) : await readJsonBody(req);
      const started = Date.now();
      try {
        const idempotencyKey = req.headers['idempotency-key'];
        const result = await dispatch(method, body, ctx, typeof idempotencyKey === 'string' ? { idempotencyKey } : {});
        sendJson(res, 200, { result });
        log(`${method} 200 ${Date.now() - started}ms`);
      } catch (error) {
        const shape = toErrorShape(error);
        if (shape.code === 'internal') console.error(`[api] ${method} failed:`, error);
        log(`${method.slice(0, 60)} ${shape.code}`);
        sendError(res, error);
      }
      return;
    }

    if (pathname.startsWith('/media/') && (req.method === 'GET' || req.method === 'HEAD')) {
      const idText = pathname.slice('/media/'.length);
      if (!/^\d{1,15}$/.test(idText)) throw new AppError('not-found', 'Ce média n’existe pas.');
      const { asset, absolutePath } = ctx.library.mediaAssets.resolve(Number(idText));
      serveFile(req, res, absolutePath, asset.mimeType, { 'Cache-Control': 'no-store' });
      return;
    }

    if ((req.method === 'GET' || req.method === 'HEAD') && options.rendererDir) {
      const file = staticFileFor(options.rendererDir, pathname);
      if (file?.endsWith('.html')) {
        const page = rendererPage(file);
        res.writeHead(200, { ...SECURITY_HEADERS, ...page.headers, 'Content-Length': String(page.body.length) });
        res.end(req.method === 'HEAD' ? undefined : page.body);
        return;
      }
      if (file) {
        serveFile(req, res, file, mimeTypeFor(file));
        return;
      }
    }
    sendJson(res, 404, {
      error: {
        code: 'not-found',
        message: `Rien à l’adresse ${pathname.slice(0, 100)}. Vérifiez l’adresse, ou rouvrez l’application depuis son lien.`,
      },
    });
  }

  let stopWatchingTakes = () => {};
  server.on('listening', () => {
    const address = server.address() as AddressInfo;
    hosts = allowedHosts(options.host ?? '127.0.0.1', address.port);
    stopWatchingTakes = watchSilentTakes(ctx.capture, options.silentTakeSeconds, log);
  });
  server.on('close', () => {
    stopWatchingTakes();
    unsubscribe();
    for (const client of sseClients) client.end();
    sseClients.clear();
  });
  return server;
}

export function startBrowserServer(options: BrowserServerOptions): Promise<RunningBrowserServer> {
  const server = createBrowserServer(options);
  const host = options.host ?? '127.0.0.1';
  return new Promise((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE') {
        reject(
          new AppError('conflict', `Le port ${options.port} est déjà utilisé.`, {
            hint: 'Choisissez un autre port avec --port, ou arrêtez l’autre programme.',
          }),
        );
      } else reject(error);
    });
    server.listen(options.port ?? 0, host, () => {
      const port = (server.address() as AddressInfo).port;
      const shownHost = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host;
      resolve({
        server,
        port,
        url: `http://${shownHost.includes(':') ? `[${shownHost}]` : shownHost}:${port}/`,
        close: () =>
          new Promise<void>((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}
