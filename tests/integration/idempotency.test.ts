// A creation sent twice with the same idempotency key (a double click, a retried request)
// makes one item, over real HTTP on browser mode and through dispatch; distinct keys make two.
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../src-main/app';
import { startTestServer } from '../helpers/apiServer';
import { makeTestVideo } from '../helpers/media';
import { makeTempDir } from '../helpers/tempDir';

describe('one item per user action', () => {
  it('two concurrent comments.add with one key make one comment; another key makes another', async () => {
    const server = await startTestServer();
    const project = (await server.call('projects.create', { name: 'Atelier', kind: 'interview-workshop' })).json.result;
    const recording = await dispatch(
      'recordings.importFile',
      { path: makeTestVideo(makeTempDir('eric-idem-'), 'entretien.mp4', 2), projectId: project.id },
      { ...server.ctx, trusted: true },
    );
    const comment = { recordingId: (recording as { id: number }).id, startSeconds: 1, text: 'Bon contact visuel' };
    const key = { 'Idempotency-Key': 'e3b0c442-98fc-1c14-9afb-f4c8996fb924' };
    const [first, second] = await Promise.all([server.call('comments.add', comment, key), server.call('comments.add', comment, key)]);
    expect(first.status).toBe(200);
    expect(second.status).toBe(200);
    expect(second.json.result.id).toBe(first.json.result.id);
    const again = await server.call('comments.add', comment, key);
    expect(again.json.result.id).toBe(first.json.result.id);
    expect((await server.call('comments.list', { recordingId: comment.recordingId })).json.result).toHaveLength(1);

    const other = await server.call('comments.add', comment, { 'Idempotency-Key': 'another-key-123' });
    expect(other.json.result.id).not.toBe(first.json.result.id);
    expect((await server.call('comments.list', { recordingId: comment.recordingId })).json.result).toHaveLength(2);

    const bad = await server.call('comments.add', comment, { 'Idempotency-Key': 'x y' });
    expect(bad.status).toBe(400);
    expect(bad.json.error.field).toBe('idempotencyKey');
    expect((await server.call('comments.list', { recordingId: comment.recordingId })).json.result).toHaveLength(2);
  });

  it('a failed call can be tried again with the same key', async () => {
    const server = await startTestServer();
    const key = { 'Idempotency-Key': 'retry-after-failure-1' };
    const failed = await server.call('projects.create', { name: '', kind: 'interview-workshop' }, key);
    expect(failed.status).toBe(400);
    const created = await server.call('projects.create', { name: 'Deuxième essai', kind: 'interview-workshop' }, key);
    expect(created.status).toBe(200);
    expect((await server.call('projects.list', {})).json.result).toHaveLength(1);
  });
});
