/**
 * `npm run bench`: measures the data side on a real library in a temp folder and
 * writes bench/results.json plus a table. Figures, not assertions: targets are
 * reported next to each measure.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { runCaptureBench } from './captureBench';
import { runReviewBench } from './reviewBench';
import { runScaleBench } from './scaleBench';
import { runRenderBench } from './renderBench';
import { runPackBench } from './packBench';
import { runFilmstripBench } from './filmstripBench';
import { runReviewUiBench } from './reviewUiBench';
import { runFacesBench } from './facesBench';
import { timeIt, type BenchResult } from './benchResult';
import { createApiContext, dispatch } from '../../src-main/app';

async function runDataBench(root: string): Promise<BenchResult[]> {
  const results: BenchResult[] = [];
  {
    const dir = path.join(root, 'library');
    let ctx = createApiContext(dir, 'http');
    const projectCount = 200;
    const seed = ctx.library.db.transaction(() => {
      for (let i = 0; i < projectCount; i++) {
        const project = ctx.library.createProject({ name: `Projet ${i}`, kind: i % 2 ? 'interview-workshop' : 'testimony-campaign' });
        for (let j = 0; j < 25; j++) ctx.library.addPerson({ projectId: project.id, displayName: `Personne ${j}`, role: 'job-seeker' });
        for (let j = 0; j < 10; j++) ctx.library.createSession({ projectId: project.id, date: '2026-01-01' });
      }
    });
    seed();
    ctx.library.close();

    const openMs = await timeIt(5, () => createApiContext(dir, 'http').library.close());
    results.push({ name: 'open library (200 projects, 5,000 people)', value: openMs, unit: 'ms', target: '< 1000 ms' });

    ctx = createApiContext(dir, 'http');
    results.push({
      name: 'projects.list (200, with counts)',
      value: await timeIt(20, () => dispatch('projects.list', {}, ctx)),
      unit: 'ms',
      target: '< 50 ms',
    });
    results.push({
      name: 'people.list (25 people)',
      value: await timeIt(50, () => dispatch('people.list', { projectId: 100 }, ctx)),
      unit: 'ms',
      target: '< 50 ms',
    });
    let n = 0;
    results.push({
      name: 'people.add (validated, one transaction)',
      value: await timeIt(200, () => dispatch('people.add', { projectId: 5, displayName: `Ajout ${n++}`, role: 'tutor' }, ctx)),
      unit: 'ms',
      target: '< 5 ms',
    });
    ctx.library.close();
  }
  return results;
}

async function main(): Promise<void> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'eric-bench-'));
  const only = process.argv[2];
  const results: BenchResult[] = [];
  try {
    if (!only || only === 'data') results.push(...(await runDataBench(root)));
    if (!only || only === 'review') results.push(...(await runReviewBench(root)));
    if (!only || only === 'scale') results.push(...(await runScaleBench(root)));
    if (!only || only === 'capture') results.push(...(await runCaptureBench(root)));
    if (!only || only === 'render') results.push(...(await runRenderBench(root)));
    if (!only || only === 'pack') results.push(...(await runPackBench(root)));
    if (!only || only === 'filmstrip') results.push(...(await runFilmstripBench(root)));
    if (!only || only === 'ui') results.push(...(await runReviewUiBench(root)));
    if (!only || only === 'faces') results.push(...(await runFacesBench(root)));
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }

  fs.mkdirSync('bench', { recursive: true });
  // running one part keeps the other parts' last figures
  const previous: BenchResult[] =
    only && fs.existsSync('bench/results.json')
      ? (JSON.parse(fs.readFileSync('bench/results.json', 'utf8')) as { results: BenchResult[] }).results
      : [];
  const names = new Set(results.map((r) => r.name));
  const merged = [...previous.filter((r) => !names.has(r.name)), ...results];
  fs.writeFileSync(
    'bench/results.json',
    `${JSON.stringify({ date: new Date().toISOString(), node: process.version, results: merged }, null, 2)}\n`,
  );
  console.table(results.map((r) => ({ measure: r.name, value: `${r.value.toFixed(2)} ${r.unit}`, target: r.target ?? '' })));
}

void main();
