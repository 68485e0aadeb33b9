/**
 * Export benchmarks: a clip by stream copy, a clip by re-encode and a 10-clip montage,
 * each through ERIC Studio (consent gate, plan, job, partial file, export record) and
 * as the very same ffmpeg command run bare, reported as a ratio.
 * BENCH_RENDER_MINUTES sets the source length (default 3).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { RenderTarget } from '../../src-shared/contract/schemas/editing';
import { encodeRender, encodeRenderArgs, streamCopyArgs, WORK_FILES } from '../../src-main/editing/renderArgs';
import type { RenderRequest } from '../../src-main/editing/renderService';
import { resolveFfmpegBinaries } from '../../src-main/media/binaries';
import { resourcesDir } from '../../src-main/platform/resourcesDir';
import { testSourceInputs } from '../helpers/media';
import { median, type BenchResult } from './benchResult';
import { closeApiContext, createApiContext, dispatch, type ApiContext } from '../../src-main/app';

const binaries = resolveFfmpegBinaries();

export function ffmpegBare(args: string[], cwd?: string): void {
  const result = spawnSync(binaries.ffmpeg, ['-hide_banner', '-nostdin', '-y', '-loglevel', 'error', ...args], { stdio: 'inherit', cwd });
  if (result.status !== 0) throw new Error(`ffmpeg failed: ${args.join(' ')}`);
}

async function timed(fn: () => unknown): Promise<number> {
  const start = performance.now();
  await fn();
  return performance.now() - start;
}

/** The same command the app runs, with the same work-folder files, run straight. */
export async function bareCommand(ctx: ApiContext, request: RenderRequest, work: string, output: string): Promise<() => void> {
  const prepared = await ctx.render.prepare(request);
  const { plan } = prepared;
  if (prepared.mode === 'copy') {
    const segment = plan.segments[0]!;
    if (segment.kind !== 'clip') throw new Error('copy needs a clip');
    const args = streamCopyArgs(segment.masterPath, segment.inSeconds, segment.outSeconds, prepared.frameRate, false, output);
    return () => ffmpegBare(args);
  }
  fs.mkdirSync(work, { recursive: true });
  fs.copyFileSync(path.join(resourcesDir(), 'fonts', 'DejaVuSans.ttf'), path.join(work, WORK_FILES.font));
  fs.copyFileSync(path.join(resourcesDir(), 'fonts', 'DejaVuSans-Bold.ttf'), path.join(work, WORK_FILES.boldFont));
  plan.segments.forEach((segment, i) => {
    if (segment.kind === 'title') fs.writeFileSync(path.join(work, WORK_FILES.titleText(i)), segment.text);
    else if (segment.lowerThird) {
      if (segment.lowerThird.name !== null) fs.writeFileSync(path.join(work, WORK_FILES.lowerName(i)), segment.lowerThird.name);
      fs.writeFileSync(path.join(work, WORK_FILES.lowerRole(i)), segment.lowerThird.role);
    }
  });
  const graph = encodeRender(plan, prepared.frameRate, new Map());
  fs.writeFileSync(path.join(work, WORK_FILES.filterScript), graph.filter);
  const args = encodeRenderArgs(plan, prepared.frameRate, graph.inputs, graph.withSubtitleTrack, output);
  return () => ffmpegBare(args, work);
}

export async function runRenderBench(root: string): Promise<BenchResult[]> {
  const minutes = Number(process.env.BENCH_RENDER_MINUTES ?? 3);
  const seconds = Math.round(minutes * 60);
  const results: BenchResult[] = [];
  const source = path.join(root, `render-source-${minutes}min.mp4`);
  console.error(`Making a ${minutes}-minute 720p source and importing it…`);
  ffmpegBare([
    ...testSourceInputs(seconds, { size: '1280x720', rate: 30 }),
    ...['-c:v', 'libx264', '-preset', 'ultrafast', '-g', '300', '-c:a', 'aac', '-shortest', source],
  ]);
  const ctx = createApiContext(path.join(root, 'render-library'), 'http', { trusted: true });
  const call = <T>(method: string, input: unknown) => dispatch(method, input, ctx) as Promise<T>;
  const project = await call<{ id: number }>('projects.create', { name: 'Bench export', kind: 'testimony-campaign' });
  const person = await call<{ id: number }>('people.add', { projectId: project.id, displayName: 'Lina Bench', role: 'young-person' });
  for (const scope of ['recording', 'workshop']) {
    await call('consent.set', { personId: person.id, scope, status: 'granted', method: 'signed-form', conditions: ['first-name-only'] });
  }
  const recording = await call<{ id: number }>('recordings.importFile', {
    path: source,
    projectId: project.id,
    people: [{ personId: person.id }],
  });
  const out = path.join(root, 'render-out');
  fs.mkdirSync(out);

  const compare = async (label: string, target: RenderTarget, runs: number, target_: string) => {
    const bare = await bareCommand(
      ctx,
      { target, audience: 'workshop' },
      path.join(root, `bare-work-${results.length}`),
      path.join(out, 'bare.mp4'),
    );
    const appTimes: number[] = [];
    const bareTimes: number[] = [];
    // alternate which goes first, so neither always meets a warm cache
    for (let i = 0; i < runs; i++) {
      const appFile = path.join(out, `app-${results.length}-${i}.mp4`);
      const app = () => timed(() => call('render.start', { target, audience: 'workshop', destination: appFile, wait: true }));
      if (i % 2 === 0) {
        bareTimes.push(await timed(bare));
        appTimes.push(await app());
      } else {
        appTimes.push(await app());
        bareTimes.push(await timed(bare));
      }
      // both write a new file each time: neither pays for the other's pending disk writes
      fs.rmSync(appFile, { force: true });
      fs.rmSync(path.join(out, 'bare.mp4'), { force: true });
    }
    const app = median(appTimes);
    const bareMs = median(bareTimes);
    results.push({ name: `${label}: ERIC Studio`, value: app / 1000, unit: 's' });
    results.push({ name: `${label}: bare ffmpeg`, value: bareMs / 1000, unit: 's' });
    results.push({ name: `${label}: ratio`, value: app / bareMs, unit: '×', target: target_ });
  };

  const span = Math.min(120, seconds - 30);
  console.error('Clip by stream copy…');
  await compare(
    `clip ${span} s, stream copy`,
    { kind: 'range', recordingId: recording.id, fromSeconds: 20, toSeconds: 20 + span },
    9,
    '≤ 1.05×',
  );
  console.error('Clip by re-encode…');
  await compare('clip 60 s, re-encode 720p', { kind: 'range', recordingId: recording.id, fromSeconds: 5.5, toSeconds: 65.5 }, 3, '≤ 1.05×');

  console.error('Montage of 10 clips…');
  const clipIds: number[] = [];
  for (let i = 0; i < 10; i++) {
    const from = 3 + i * ((seconds - 12) / 10);
    const clip = await call<{ id: number }>('clips.create', {
      recordingId: recording.id,
      name: `Extrait ${i + 1}`,
      inSeconds: from,
      outSeconds: from + 6,
    });
    clipIds.push(clip.id);
  }
  const montage = await call<{ id: number }>('montages.create', { projectId: project.id, name: 'Bench 10 extraits' });
  await call('montages.update', {
    id: montage.id,
    changes: { items: [{ kind: 'title', text: 'Bench', seconds: 3 }, ...clipIds.map((clipId) => ({ kind: 'clip', clipId }))] },
  });
  await compare(
    'montage 10 clips + title (63 s, lower thirds, fades, loudness)',
    { kind: 'montage', montageId: montage.id },
    1,
    'reported',
  );
  closeApiContext(ctx);
  return results;
}
