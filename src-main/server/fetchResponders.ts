/**
 * Fetch-standard (Request → Response) responders for Electron's custom protocols:
 * `media://asset/<id>` streams a library file with HTTP Range, `app://eric-studio/…`
 * serves the built renderer with our CSP. Written against web-standard types only,
 * so they run, and are tested, in plain Node.
 */
import fs from 'node:fs';
import { Readable } from 'node:stream';
import { AppError, toErrorShape } from '../../src-shared/appError';
import type { ResolvedMedia } from '../library/mediaAssetsStore';
import { rendererPage } from './rendererPage';
import { planFileResponse } from './byteRange';
import { mimeTypeFor, staticFileFor } from './staticFiles';

function errorResponse(status: number, error: unknown): Response {
  return new Response(JSON.stringify({ error: toErrorShape(error) }), {
    status,
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
}

function fileResponse(request: Request, file: string, mimeType: string, extraHeaders: Record<string, string>): Response {
  const plan = planFileResponse(request.headers.get('range'), fs.statSync(file).size, mimeType);
  const body =
    request.method === 'HEAD' || !plan.span
      ? null
      : (Readable.toWeb(fs.createReadStream(file, plan.span)) as unknown as ReadableStream<Uint8Array>);
  return new Response(body, { status: plan.status, headers: { ...extraHeaders, ...plan.headers } });
}

/** media://asset/<id> → the asset's file, resolved inside the library only. */
export function respondWithMedia(request: Request, resolveAsset: (id: number) => ResolvedMedia): Response {
  try {
    const url = new URL(request.url);
    const id = url.pathname.replace(/^\/+/, '');
    if (url.host !== 'asset' || !/^\d{1,15}$/.test(id)) throw new AppError('not-found', 'Ce média n’existe pas.');
    const { asset, absolutePath } = resolveAsset(Number(id));
    return fileResponse(request, absolutePath, asset.mimeType, { 'Cache-Control': 'no-store' });
  } catch (error) {
    const code = toErrorShape(error).code;
    return errorResponse(code === 'forbidden' ? 403 : code === 'not-found' ? 404 : 500, error);
  }
}

/** app://eric-studio/<path> → the built renderer file, with our CSP on HTML. */
export function respondWithRendererFile(request: Request, rendererDir: string): Response {
  const url = new URL(request.url);
  const file = staticFileFor(rendererDir, url.pathname);
  if (!file) return errorResponse(404, new AppError('not-found', 'Cette page n’existe pas.'));
  if (file.endsWith('.html')) {
    const page = rendererPage(file, { mediaSources: ['media:'] });
    return new Response(request.method === 'HEAD' ? null : new Uint8Array(page.body), { status: 200, headers: page.headers });
  }
  return fileResponse(request, file, mimeTypeFor(file), {});
}
