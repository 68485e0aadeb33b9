/**
 * Review benchmarks: a recording with 20,000 comments. Loading the list and the
 * timeline data (recording, comments) through the API, and adding one comment.
 */
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { closeApiContext, createApiContext } from '../../src-main/api/apiContext';
import { dispatch } from '../../src-main/api/dispatch';
import { makeTestVideo } from '../helpers/media';
import type { BenchResult } from './benchResult';

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

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

  const loads: number[] = [];
  for (let run = 0; run < 10; run++) {
    const start = performance.now();
    await dispatch('recordings.get', { id: recording.id }, ctx);
    await dispatch('comments.list', { recordingId: recording.id }, ctx);
    loads.push(performance.now() - start);
  }
  const adds: number[] = [];
  for (let run = 0; run < 200; run++) {
    const start = performance.now();
    await dispatch(
      'comments.add',
      { recordingId: recording.id, startSeconds: run, text: `Ajout ${run}`, category: 'Voix', authorPersonId: people[0] },
      ctx,
    );
    adds.push(performance.now() - start);
  }
  const storeOnly: number[] = [];
  for (let run = 0; run < 10; run++) {
    const start = performance.now();
    ctx.review.comments.list(recording.id);
    storeOnly.push(performance.now() - start);
  }
  closeApiContext(ctx);
  return [
    { name: 'read 20,000 comments from SQLite (store only)', value: median(storeOnly), unit: 'ms' },
    { name: 'load recording + 20,000 comments (API, validated)', value: median(loads), unit: 'ms', target: '< 100 ms' },
    { name: 'add a comment with 20,000 present', value: median(adds), unit: 'ms', target: '< 5 ms' },
  ];
}
