import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LATEST_SCHEMA_VERSION } from '../../src-main/library/migrations';
import { startTestServer } from '../helpers/apiServer';
import { makeTestVideo } from '../helpers/media';
import { makeTempDir } from '../helpers/tempDir';

const rendererDir = makeTempDir('eric-renderer-');
fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>ERIC Studio</title>');
fs.writeFileSync(path.join(makeTempDir('eric-outside-'), 'secret.txt'), 'secret');
const server = await startTestServer(rendererDir);

/** A raw request, so Host and Origin can be forged as an attacker's page would. */
function rawRequest(options: {
  method?: string;
  path: string;
  headers?: Record<string, string>;
  body?: string;
}): Promise<{ status: number; body: string; headers: http.IncomingHttpHeaders }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port: server.port, method: options.method ?? 'GET', path: options.path, headers: options.headers },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode!, body: Buffer.concat(chunks).toString('utf8'), headers: res.headers }));
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

describe('browser-mode server', () => {
  it('answers health on 127.0.0.1', async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const response = await fetch(`${server.url}api/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ ok: true, app: 'eric-studio', schemaVersion: LATEST_SCHEMA_VERSION });
  });

  it('creates and lists projects through POST /api/<method>', async () => {
    const created = await server.call('projects.create', { name: 'Atelier Brest', kind: 'interview-workshop' });
    expect(created.status).toBe(200);
    expect(created.json.result).toMatchObject({ id: expect.any(Number), name: 'Atelier Brest', sessionCount: 0 });
    const listed = await server.call('projects.list', {});
    expect(listed.json.result.map((p: { name: string }) => p.name)).toContain('Atelier Brest');
  });

  it('rejects invalid payloads with 400 naming the field, and changes nothing', async () => {
    const before = (await server.call('projects.list', {})).json.result.length;
    const bad = await server.call('projects.create', { name: 'X', kind: 'picnic' });
    expect(bad.status).toBe(400);
    expect(bad.json.error).toMatchObject({ code: 'invalid-input', field: 'kind' });
    expect(bad.json.error.message).toMatch(/type de projet/);
    const notJson = await server.call('projects.create', '{"name": ');
    expect(notJson.status).toBe(400);
    expect(notJson.json.error.field).toBe('(body)');
    const missing = await server.call('people.add', { projectId: 424242, displayName: 'Léa', role: 'job-seeker' });
    expect(missing.status).toBe(404);
    expect(missing.json.error.field).toBe('projectId');
    expect((await server.call('projects.list', {})).json.result.length).toBe(before);
  });

  it('answers unknown methods with 404 and GET on methods with 405', async () => {
    expect((await server.call('projects.explode', {})).status).toBe(404);
    expect((await fetch(`${server.url}api/projects.list`)).status).toBe(405);
  });

  it('refuses a body over the size limit', async () => {
    const huge = await server.call('projects.create', { name: 'x'.repeat(2 * 1024 * 1024), kind: 'interview-workshop' });
    expect(huge.status).toBe(413);
    expect(huge.json.error).toMatchObject({ code: 'too-large', field: '(body)' });
    expect((await fetch(`${server.url}api/health`)).status).toBe(200);
  });

  it('refuses foreign Host and Origin headers (DNS rebinding, cross-site pages)', async () => {
    const body = JSON.stringify({ name: 'Pirate', kind: 'interview-workshop' });
    const foreignHost = await rawRequest({
      method: 'POST',
      path: '/api/projects.create',
      headers: { Host: 'evil.example', 'Content-Type': 'application/json' },
      body,
    });
    expect(foreignHost.status).toBe(403);
    const foreignOrigin = await rawRequest({
      method: 'POST',
      path: '/api/projects.create',
      headers: { Host: `127.0.0.1:${server.port}`, Origin: 'http://evil.example', 'Content-Type': 'application/json' },
      body,
    });
    expect(foreignOrigin.status).toBe(403);
    const ownOrigin = await rawRequest({
      path: '/api/health',
      headers: { Host: `localhost:${server.port}`, Origin: `http://localhost:${server.port}` },
    });
    expect(ownOrigin.status).toBe(200);
    const names = (await server.call('projects.list', {})).json.result.map((p: { name: string }) => p.name);
    expect(names).not.toContain('Pirate');
  });

  it('pushes data changes over Server-Sent Events', async () => {
    const controller = new AbortController();
    const response = await fetch(`${server.url}api/events`, { signal: controller.signal });
    const reader = response.body!.getReader();
    const decoder = new TextDecoder();
    await server.call('projects.create', { name: 'Événement', kind: 'testimony-campaign' });
    let text = '';
    const deadline = Date.now() + 5000;
    while (!text.includes('event: data.changed') && Date.now() < deadline) {
      const { value, done } = await reader.read();
      if (done) break;
      text += decoder.decode(value);
    }
    controller.abort();
    expect(text).toMatch(/event: data\.changed\ndata: \{"entity":"project","id":\d+,"projectId":\d+,"change":"created"\}/);
  });

  it('serves the renderer with a CSP, and nothing outside its folder', async () => {
    const page = await rawRequest({ path: '/', headers: { Host: `127.0.0.1:${server.port}` } });
    expect(page.status).toBe(200);
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    for (const attempt of ['/../eric-outside/secret.txt', '/%2e%2e/%2e%2e/etc/passwd', '/..%2f..%2fetc%2fpasswd']) {
      const response = await rawRequest({ path: attempt, headers: { Host: `127.0.0.1:${server.port}` } });
      expect(response.status).toBe(404);
      expect(response.body).not.toContain('root:');
    }
    // a doubled slash ("//#/projects" pasted) is the page, never another host
    for (const doubled of ['//', '///']) {
      const response = await rawRequest({ path: doubled, headers: { Host: `127.0.0.1:${server.port}` } });
      expect(response.status).toBe(200);
      expect(response.headers['content-security-policy']).toContain("script-src 'self'");
    }
    const elsewhere = await rawRequest({ path: '//etc/passwd', headers: { Host: `127.0.0.1:${server.port}` } });
    expect(elsewhere.status).toBe(404);
    expect(elsewhere.body).toMatch(/Rien à l’adresse/);
  });

  it('streams library media by id with HTTP Range, and refuses unknown ids and escaping rows', async () => {
    const mediaDir = path.join(server.libraryDir, 'media');
    makeTestVideo(mediaDir, 'clip.mp4', 1);
    const asset = server.ctx.library.mediaAssets.register({ kind: 'master', relativePath: 'media/clip.mp4', mimeType: 'video/mp4' });
    const size = fs.statSync(path.join(mediaDir, 'clip.mp4')).size;

    const full = await fetch(`${server.url}media/${asset.id}`);
    expect(full.status).toBe(200);
    expect(full.headers.get('accept-ranges')).toBe('bytes');
    expect((await full.arrayBuffer()).byteLength).toBe(size);

    const partial = await fetch(`${server.url}media/${asset.id}`, { headers: { Range: 'bytes=100-199' } });
    expect(partial.status).toBe(206);
    expect(partial.headers.get('content-range')).toBe(`bytes 100-199/${size}`);
    const bytes = Buffer.from(await partial.arrayBuffer());
    expect(bytes.equals(fs.readFileSync(path.join(mediaDir, 'clip.mp4')).subarray(100, 200))).toBe(true);

    expect((await fetch(`${server.url}media/${asset.id}`, { headers: { Range: `bytes=${size}-` } })).status).toBe(416);
    expect((await fetch(`${server.url}media/999999`)).status).toBe(404);
    expect((await fetch(`${server.url}media/abc`)).status).toBe(404);

    // a tampered row pointing outside the library is refused
    server.ctx.library.db
      .prepare(
        "INSERT INTO media_assets (id, kind, relative_path, mime_type, size_bytes, created_at) VALUES (777, 'x', '../../../../etc/passwd', 'text/plain', 1, 'x')",
      )
      .run();
    const escaping = await fetch(`${server.url}media/777`);
    expect(escaping.status).toBe(403);
    expect(await escaping.text()).not.toContain('root:');
  });

  it('takes recording chunks as raw bytes, with the other fields in the query', async () => {
    const project = (await server.call('projects.create', { name: 'Chunks', kind: 'interview-workshop' })).json.result;
    const session = (await server.call('sessions.create', { projectId: project.id, date: '2026-11-22' })).json.result;
    const recording = (
      await server.call('capture.start', { sessionId: session.id, kind: 'interview', source: 'camera', mimeType: 'video/webm' })
    ).json.result;
    const send = (query: string, body: Uint8Array<ArrayBuffer>) =>
      fetch(`${server.url}api/capture.appendChunk?${query}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/octet-stream' },
        body,
      });
    const ok = await send(`recordingId=${recording.id}&seq=0`, new Uint8Array([1, 2, 3, 4]));
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ result: { recordingId: recording.id, bytes: 4, nextSeq: 1 } });
    const badSeq = await send(`recordingId=${recording.id}&seq=minus-one`, new Uint8Array([1]));
    expect(badSeq.status).toBe(400);
    expect(((await badSeq.json()) as { error: { field: string } }).error.field).toBe('seq');
    const gap = await send(`recordingId=${recording.id}&seq=5`, new Uint8Array([1]));
    expect(gap.status).toBe(409);
    await server.call('capture.discard', { recordingId: recording.id });
  });

  it('refuses path-based import to pages', async () => {
    const refused = await server.call('recordings.importFile', { path: '/etc/hostname', projectId: 1 });
    expect(refused.status).toBe(403);
    expect(refused.json.error.code).toBe('forbidden');
  });

  it('answers 400, naming the problem in French, to a malformed percent-encoding in a method name', async () => {
    const response = await fetch(`${server.url}api/projects.%E0%A4%A`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{}',
    });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('invalid-input');
    expect(body.error.message).toMatch(/mal formée/);
  });
});
