import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Library } from '../../src-main/library/library';
import { respondWithMedia, respondWithRendererFile } from '../../src-main/server/fetchResponders';
import { makeTestVideo } from '../helpers/media';
import { makeTempDir } from '../helpers/tempDir';

const dir = makeTempDir();
const library = Library.open(path.join(dir, 'library'));
makeTestVideo(path.join(library.dir, 'media'), 'take.mp4', 1);
const asset = library.mediaAssets.register({ kind: 'master', relativePath: 'media/take.mp4', mimeType: 'video/mp4' });
const resolve = (id: number) => library.mediaAssets.resolve(id);

describe("Electron's media:// responder (run in plain Node)", () => {
  it('serves an asset fully and by range', async () => {
    const file = fs.readFileSync(path.join(library.dir, 'media/take.mp4'));
    const full = respondWithMedia(new Request(`media://asset/${asset.id}`), resolve);
    expect(full.status).toBe(200);
    expect(Buffer.from(await full.arrayBuffer()).equals(file)).toBe(true);
    const ranged = respondWithMedia(new Request(`media://asset/${asset.id}`, { headers: { Range: 'bytes=-10' } }), resolve);
    expect(ranged.status).toBe(206);
    expect(Buffer.from(await ranged.arrayBuffer()).equals(file.subarray(file.length - 10))).toBe(true);
  });

  it('answers 404 for unknown ids and malformed URLs, 403 for rows escaping the library', () => {
    expect(respondWithMedia(new Request('media://asset/9999'), resolve).status).toBe(404);
    expect(respondWithMedia(new Request('media://asset/../../etc/passwd'), resolve).status).toBe(404);
    expect(respondWithMedia(new Request('media://other/1'), resolve).status).toBe(404);
    library.db
      .prepare(
        "INSERT INTO media_assets (id, kind, relative_path, mime_type, size_bytes, created_at) VALUES (55, 'x', '/etc/passwd', 'text/plain', 1, 'x')",
      )
      .run();
    expect(respondWithMedia(new Request('media://asset/55'), resolve).status).toBe(403);
  });
});

describe("Electron's app:// responder", () => {
  it('serves the renderer with our CSP and refuses paths outside it', async () => {
    const rendererDir = path.join(dir, 'renderer');
    fs.mkdirSync(rendererDir);
    fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><html><head><title>x</title></head></html>');
    const page = respondWithRendererFile(new Request('app://eric-studio/index.html'), rendererDir);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toMatch(/media-src [^;]*media:/);
    // each load has its own style nonce, in the policy and in the page's meta (react-aria reads it there)
    const nonces = [page, respondWithRendererFile(new Request('app://eric-studio/'), rendererDir)].map((response) => {
      const policy = response.headers.get('content-security-policy') ?? '';
      return { policy: /style-src 'self' 'nonce-([A-Za-z0-9+/=]+)'/.exec(policy)?.[1], response };
    });
    expect(nonces[0]!.policy).toBeTruthy();
    expect(nonces[0]!.policy).not.toBe(nonces[1]!.policy);
    const html = await nonces[0]!.response.text();
    expect(html).toContain(`<head>\n    <meta property="csp-nonce" nonce="${nonces[0]!.policy}" />`);
    expect(respondWithRendererFile(new Request('app://eric-studio/%2e%2e/library/library.sqlite'), rendererDir).status).toBe(404);
  });
});
