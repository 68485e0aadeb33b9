/**
 * Review benchmarks: a recording with 20,000 comments. Loading the list and the
 * timeline data (recording, comments) through the API, and adding one comment.
 */
import path from 'node:path';
import { makeTestVideo } from '../helpers/media';
import { timeIt, type BenchResult } from './benchResult';
import { closeApiContext, createApiContext, dispatch } from '../../src-main/app';

export async function runReviewBench(root: string): Promise<BenchResult[]> {
  const ctx = createApiContext(path.join(root, 'review-library'), 'http', { trusted: true });
  const projectId = ((await dispatch('projects.create', { name: 'Bench', kind: 'interview-workshop' }, ctx)) as { id: number }).id;
  const sessionId = ((await dispatch('sessions.create', { projectId, date: '2026-11-22' }, ctx)) as { id: number }).id;
  const people: number[] = [];
  for (let i = 0; i < 12; i++)
    people.push(
      ((await dispatch('people.add', { projectId, displayName: `Participant ${i}`, role: 'job-seeker' }, ctx)) as { id: number }).id,
    );
  const recording = (await dispatch('recordings.importFile', { path: makeTestVideo(root, 'review-bench.mp4', 2), sessionId }, ctx)) as {
    id: number;
  };
  const categories = ['Présentation', 'Posture', 'Voix', 'Argumentation', 'Questions posées', 'Point fort', 'À améliorer'];
  ctx.library.db.transaction(() => {
    for (let i = 0; i < 20_000; i++) {
      ctx.review.comments.add(
        {
          recordingId: recording.id,
          startSeconds: (i * 0.09) % 1800,
          endSeconds: i % 5 === 0 ? ((i * 0.09) % 1800) + 4 : null,
          authorPersonId: i % 3 === 0 ? null : people[i % people.length]!,
          category: categories[i % categories.length]!,
          text: `Commentaire numéro ${i}, avec des accents : élan, ça, où`,
          parentId: null,
        },
        projectId,
      );
    }
  })();

  const load = await timeIt(10, async () => {
    await dispatch('recordings.get', { id: recording.id }, ctx);
    await dispatch('comments.list', { recordingId: recording.id }, ctx);
  });
  let added = 0;
  const add = await timeIt(200, () =>
    dispatch(
      'comments.add',
      { recordingId: recording.id, startSeconds: added, text: `Ajout ${added++}`, category: 'Voix', authorPersonId: people[0] },
      ctx,
    ),
  );
  const storeOnly = await timeIt(10, () => ctx.review.comments.list(recording.id));
  closeApiContext(ctx);
  return [
    { name: 'read 20,000 comments from SQLite (store only)', value: storeOnly, unit: 'ms' },
    { name: 'load recording + 20,000 comments (API, validated)', value: load, unit: 'ms', target: '< 100 ms' },
    { name: 'add a comment with 20,000 present', value: add, unit: 'ms', target: '< 5 ms' },
  ];
}
