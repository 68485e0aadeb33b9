// The review screen's reads on a real library: a window of threads with their replies,
// the per-bucket counts the timeline draws, the comments a change event names, and the
// change events themselves (which comment, which change). Exact contents, not shapes.
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { closeApiContext, createApiContext, dispatch } from '../../src-main/app';
import { COUNTS_SQL, WINDOW_SQL } from '../../src-main/review/commentWindows';
import type { ApiEventPayload } from '../../src-shared/contract/contract';
import type { Comment, CommentCounts, CommentWindow } from '../../src-shared/contract/schemas';
import { makeTestVideo } from '../helpers/media';
import { makeTempDir } from '../helpers/tempDir';

const root = makeTempDir('eric-comment-windows-');
const ctx = createApiContext(path.join(root, 'library'), 'http', { trusted: true });
afterAll(() => closeApiContext(ctx));
const call = <T>(method: string, input: unknown) => dispatch(method, input, ctx) as Promise<T>;

async function setup() {
  const projectId = (await call<{ id: number }>('projects.create', { name: 'Atelier fenêtres', kind: 'interview-workshop' })).id;
  const sessionId = (await call<{ id: number }>('sessions.create', { projectId, date: '2026-11-22' })).id;
  const lea = (await call<{ id: number }>('people.add', { projectId, displayName: 'Léa', role: 'job-seeker' })).id;
  const recording = await call<{ id: number }>('recordings.importFile', { path: makeTestVideo(root, 'take.mp4', 2), sessionId });
  const add = (input: Record<string, unknown>) => call<Comment>('comments.add', { recordingId: recording.id, ...input });
  const a = await add({ startSeconds: 1, text: 'A', category: 'Voix', authorPersonId: lea });
  const b = await add({ startSeconds: 2.5, endSeconds: 5, text: 'B', category: 'Posture' });
  const c = await add({ startSeconds: 2.5, text: 'C', category: 'Voix' });
  const d = await add({ startSeconds: 7, text: 'D', category: 'Voix' });
  const reply = await add({ startSeconds: 0, parentId: b.id, text: 'réponse à B' });
  await call('comments.update', { id: c.id, changes: { resolved: true } });
  return { recordingId: recording.id, lea, a, b, c, d, reply };
}

describe('comments by window, by bucket and by id', () => {
  it('returns the threads of a window with their replies, and says when the limit cut it', async () => {
    const { recordingId, a, b, c, d, reply } = await setup();
    const window = await call<CommentWindow>('comments.window', { recordingId, from: 2, to: 7 });
    expect(window.comments.map((comment) => comment.text)).toEqual(['B', 'réponse à B', 'C']);
    expect(window.comments.map((comment) => comment.id)).toEqual([b.id, reply.id, c.id]);
    expect(window.comments[1]).toMatchObject({ parentId: b.id, startSeconds: 2.5, endSeconds: 5 });
    expect(window.comments[2]).toMatchObject({ resolved: true, category: 'Voix', authorName: 'Groupe' });
    expect(window.complete).toBe(true);

    const cut = await call<CommentWindow>('comments.window', { recordingId, from: 0, to: 100, limit: 2 });
    expect(cut.comments.map((comment) => comment.id)).toEqual([a.id, b.id, reply.id]);
    expect(cut.comments[0]!.authorName).toBe('Léa');
    expect(cut.complete).toBe(false);
    // `to` is excluded, `from` included
    expect((await call<CommentWindow>('comments.window', { recordingId, from: 7, to: 7.5 })).comments.map((x) => x.id)).toEqual([d.id]);
    expect((await call<CommentWindow>('comments.window', { recordingId, from: 1.5, to: 2.5 })).comments).toEqual([]);
    // the window's comments are the very ones comments.list gives
    const all = await call<Comment[]>('comments.list', { recordingId });
    const byId = (x: Comment, y: Comment) => x.id - y.id;
    expect([...window.comments].sort(byId)).toEqual(all.filter((comment) => [b.id, reply.id, c.id].includes(comment.id)).sort(byId));
  });

  it('counts threads per bucket and category, with the first one of each, and the ranges covering each bucket', async () => {
    const { recordingId, a, b, c, d } = await setup();
    const counts = await call<CommentCounts>('comments.counts', { recordingId, bucketSeconds: 2 });
    expect(counts).toEqual({
      bucketSeconds: 2,
      total: 4,
      marks: [
        { bucket: 0, category: 'Voix', count: 1, resolved: 0, firstSeconds: 1, firstId: a.id },
        { bucket: 1, category: 'Posture', count: 1, resolved: 0, firstSeconds: 2.5, firstId: b.id },
        { bucket: 1, category: 'Voix', count: 1, resolved: 1, firstSeconds: 2.5, firstId: c.id },
        { bucket: 3, category: 'Voix', count: 1, resolved: 0, firstSeconds: 7, firstId: d.id },
      ],
      // B runs from 2.5 to 5: buckets 1 (2–4) and 2 (4–6)
      ranges: [
        { bucket: 1, count: 1 },
        { bucket: 2, count: 1 },
      ],
    });
    await expect(call('comments.counts', { recordingId, bucketSeconds: 0.001 })).rejects.toMatchObject({ field: 'bucketSeconds' });
    await expect(call('comments.counts', { recordingId: 999_999, bucketSeconds: 1 })).rejects.toMatchObject({ code: 'not-found' });
  });

  it('names each change in its event, and the changed comments are read back by id', async () => {
    const { recordingId, b, c, reply } = await setup();
    const events: Array<ApiEventPayload<'data.changed'>> = [];
    const stop = ctx.events.subscribe((event, payload) => {
      if (event === 'data.changed') events.push(payload as ApiEventPayload<'data.changed'>);
    });
    const added = await call<Comment>('comments.add', { recordingId, startSeconds: 3, text: 'E' });
    await call('comments.update', { id: c.id, changes: { text: 'C modifié' } });
    await call('comments.react', { id: c.id });
    await call('comments.delete', { id: b.id });
    stop();
    expect(events).toEqual([
      { entity: 'comment', id: added.id, projectId: null, recordingId, change: 'created' },
      { entity: 'comment', id: c.id, projectId: null, recordingId, change: 'updated' },
      { entity: 'comment', id: c.id, projectId: null, recordingId, change: 'updated' },
      { entity: 'comment', id: b.id, projectId: null, recordingId, change: 'deleted' },
    ]);
    const read = await call<Comment[]>('comments.byIds', { recordingId, ids: [added.id, c.id, b.id, reply.id] });
    // the deleted thread and its reply are gone; the others come back as they are now
    expect(read.map((comment) => [comment.id, comment.text, comment.plusOnes, comment.edited])).toEqual([
      [c.id, 'C modifié', 1, true],
      [added.id, 'E', 0, false],
    ]);
    // another recording's comment is not read through this one
    expect(await call<Comment[]>('comments.byIds', { recordingId: recordingId + 1_000, ids: [c.id] }).catch(() => [])).toEqual([]);
    const window = await call<CommentWindow>('comments.window', { recordingId, from: 0, to: 10 });
    expect(window.comments.map((comment) => comment.text)).toEqual(['A', 'C modifié', 'E', 'D']);
  });

  it('lists the quick comments still to complete over the whole recording, whatever window is loaded', async () => {
    const { recordingId, b } = await setup();
    const add = (input: Record<string, unknown>) => call<Comment>('comments.add', { recordingId, ...input });
    const early = await add({ startSeconds: 0.2, text: 'Voix', category: 'Voix' });
    const late = await add({ startSeconds: 1_500, text: ' voix ', category: 'Voix' }); // case and spaces do not count
    const accented = await add({ startSeconds: 900, text: 'Debit', category: 'Débit' });
    const completed = await add({ startSeconds: 1_000, text: 'Posture', category: 'Posture' });
    await call('comments.update', { id: completed.id, changes: { text: 'Dos droit, bien' } });
    await add({ startSeconds: 0, parentId: b.id, text: 'Posture', category: 'Posture' }); // a reply is never one to complete
    const gone = await add({ startSeconds: 3, text: 'Regard', category: 'Regard' });
    await call('comments.delete', { id: gone.id });
    const toComplete = await call<Comment[]>('comments.toComplete', { recordingId });
    expect(toComplete.map((comment) => comment.id)).toEqual([early.id, accented.id, late.id]);
    // a window far from the late one does not hold it: the list does not depend on what is loaded
    const window = await call<CommentWindow>('comments.window', { recordingId, from: 0, to: 10 });
    expect(window.comments.some((comment) => comment.id === late.id)).toBe(false);
    await expect(call('comments.toComplete', { recordingId: recordingId + 1_000 })).rejects.toMatchObject({ code: 'not-found' });
  });

  it('reads windows and counts through the live-threads index (migration 022)', () => {
    const plan = (sql: string, ...params: unknown[]) =>
      (ctx.library.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as Array<{ detail: string }>).map((row) => row.detail).join('\n');
    expect(plan(WINDOW_SQL, 1, 0, 10, 500)).toMatch(/USING (COVERING )?INDEX comments_live_threads/);
    expect(plan(COUNTS_SQL, 2, 1)).toMatch(/USING (COVERING )?INDEX comments_live_threads/);
  });
});
