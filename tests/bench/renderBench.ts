/**
 * Export benchmarks on a master imported through ERIC Studio (BENCH_RENDER_MINUTES long,
 * default 30): clips of 10, 30 and 60 s cut between keyframes, by smart cut (what the
 * app picks), by full re-encode (the same clip forced through the encoder) and by the
 * bare ffmpeg command a person would type; a clip cut on keyframes (stream copy) against
 * its bare command; and montages of 5, 20 and 50 clips of one recording, with the peak
 * memory (VmHWM) of the ffmpeg that renders them, next to the old way (one ffmpeg
 * input per clip) run bare for comparison.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { RenderTarget } from '../../src-shared/contract/schemas/editing';
import { encodeRender, encodeRenderArgs, WORK_FILES } from '../../src-main/editing/renderArgs';
import type { RenderRequest } from '../../src-main/editing/renderService';
import { CUT_FILES, copyPartArgs, encodePartArgs, joinPartsArgs, partsList } from '../../src-main/editing/smartCut';
import { resolveFfmpegBinaries } from '../../src-main/media/binaries';
import { resourcesDir } from '../../src-main/platform/resourcesDir';
import { H264_VIDEO_ARGS } from '../../src-main/media/ffmpegArgs';
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

/** The same commands the app runs, with the same work-folder files, run straight (no checks). */
export async function bareCommand(ctx: ApiContext, request: RenderRequest, work: string, output: string): Promise<() => void> {
  const prepared = await ctx.render.prepare(request);
  const { plan } = prepared;
  fs.mkdirSync(work, { recursive: true });
  const segment = plan.segments[0]!;
  if (prepared.mode !== 'encode' && prepared.cut && segment.kind === 'clip') {
    const parts = prepared.cut;
    const keyframe = prepared.sources.keyframes
      ?.get(segment.recordingId)
      ?.find((t) => Math.round(t * parts.frameRate) === parts.middle.from);
    return () => {
      if (parts.head) ffmpegBare(encodePartArgs(segment.masterPath, parts.head, parts.frameRate, CUT_FILES.head), work);
      if (parts.tail) ffmpegBare(encodePartArgs(segment.masterPath, parts.tail, parts.frameRate, CUT_FILES.tail), work);
      ffmpegBare(copyPartArgs(segment.masterPath, parts.middle, keyframe ?? parts.middle.from / parts.frameRate, CUT_FILES.middle), work);
      fs.writeFileSync(path.join(work, CUT_FILES.list), partsList(parts));
      ffmpegBare(joinPartsArgs(segment.masterPath, parts, segment.hasAudio, false, output), work);
    };
  }
  fs.copyFileSync(path.join(resourcesDir(), 'fonts', 'DejaVuSans.ttf'), path.join(work, WORK_FILES.font));
  fs.copyFileSync(path.join(resourcesDir(), 'fonts', 'DejaVuSans-Bold.ttf'), path.join(work, WORK_FILES.boldFont));
  plan.segments.forEach((item, i) => {
    if (item.kind !== 'title' && item.lowerThird) {
      if (item.lowerThird.name !== null) fs.writeFileSync(path.join(work, WORK_FILES.lowerName(i)), item.lowerThird.name);
      fs.writeFileSync(path.join(work, WORK_FILES.lowerRole(i)), item.lowerThird.role);
    }
  });
  const graph = encodeRender(plan, prepared.frameRate, new Map(), prepared.sources);
  for (const file of graph.workFiles) fs.writeFileSync(path.join(work, file.name), file.content);
  fs.writeFileSync(path.join(work, WORK_FILES.filterScript), graph.filter);
  const args = encodeRenderArgs(plan, prepared.frameRate, graph.inputs, graph.withSubtitleTrack, output);
  return () => ffmpegBare(args, work);
}

/** Peak resident memory (kB) of the ffmpeg children of this process while `fn` runs: VmHWM, sampled. */
async function peakChildMemory(fn: () => Promise<unknown>): Promise<number> {
  let peak = 0;
  const sample = () => {
    for (const pid of fs.readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
      try {
        const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
        const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
        if (ppid !== process.pid || !stat.includes('(ffmpeg)')) continue;
        const hwm = /VmHWM:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
        if (hwm) peak = Math.max(peak, Number(hwm[1]));
      } catch {
        // the process ended between the listing and the read
      }
    }
  };
  const timer = setInterval(sample, 50);
  try {
    await fn();
  } finally {
    clearInterval(timer);
  }
  return peak;
}

/** Peak memory (kB) of one bare ffmpeg run, by /usr/bin/time -v. */
function bareMemory(args: string[], cwd?: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn('/usr/bin/time', ['-v', binaries.ffmpeg, '-hide_banner', '-nostdin', '-y', '-loglevel', 'error', ...args], {
      cwd,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += String(chunk)));
    child.on('close', (code) => {
      const kb = /Maximum resident set size \(kbytes\): (\d+)/.exec(stderr);
      if (code !== 0 || !kb) reject(new Error(`ffmpeg failed: ${stderr.slice(-500)}`));
      else resolve(Number(kb[1]));
    });
  });
}

/** The clip through the app in the mode it picks, or forced to a full re-encode. */
async function renderClip(ctx: ApiContext, target: RenderTarget, output: string, force?: 'encode'): Promise<string> {
  const prepared = await ctx.render.prepare({ target, audience: 'workshop' });
  if (force) {
    prepared.mode = force;
    prepared.cut = null;
  }
  await ctx.render.renderToFile(prepared, output, binaries, { signal: new AbortController().signal, progress: () => undefined });
  fs.rmSync(output, { force: true });
  return prepared.mode;
}

/** What a person would type to cut [from, to) exactly: seek, then re-encode the clip. */
function bareCutArgs(master: string, from: number, to: number, output: string): string[] {
  return ['-ss', String(from), '-i', master, '-t', String(to - from), ...H264_VIDEO_ARGS, '-c:a', 'aac', '-b:a', '160k', output];
}

export async function runRenderBench(root: string): Promise<BenchResult[]> {
  const minutes = Number(process.env.BENCH_RENDER_MINUTES ?? 30);
  const seconds = Math.round(minutes * 60);
  const results: BenchResult[] = [];
  const source = path.join(root, `render-source-${minutes}min.mp4`);
  console.error(`Making a ${minutes}-minute 720p source and importing it (the import re-encodes it into a master)…`);
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
  const recording = await call<{ id: number; masterAssetId: number }>('recordings.importFile', {
    path: source,
    projectId: project.id,
    people: [{ personId: person.id }],
  });
  const master = ctx.library.mediaAssets.resolve(recording.masterAssetId).absolutePath;
  const out = path.join(root, 'render-out');
  fs.mkdirSync(out);
  const output = (name: string) => path.join(out, name);

  // clips cut between frames and between keyframes, from the middle of the master
  for (const length of [10, 30, 60]) {
    const from = Math.min(seconds / 2, seconds - length - 5) + 0.37;
    const target: RenderTarget = { kind: 'range', recordingId: recording.id, fromSeconds: from, toSeconds: from + length };
    console.error(`Clip of ${length} s: smart cut, full re-encode, bare ffmpeg…`);
    const runs = length <= 10 ? 3 : 1;
    const smart: number[] = [];
    const encode: number[] = [];
    const bare: number[] = [];
    let mode = '';
    for (let i = 0; i < runs; i++) {
      smart.push(await timed(async () => (mode = await renderClip(ctx, target, output('smart.mp4')))));
      encode.push(await timed(() => renderClip(ctx, target, output('encode.mp4'), 'encode')));
      bare.push(await timed(() => ffmpegBare(bareCutArgs(master, from, from + length, output('bare.mp4')))));
      fs.rmSync(output('bare.mp4'), { force: true });
    }
    const [s, e, b] = [median(smart), median(encode), median(bare)];
    results.push({ name: `clip ${length} s: smart cut (${mode})`, value: s / 1000, unit: 's' });
    results.push({ name: `clip ${length} s: full re-encode`, value: e / 1000, unit: 's' });
    results.push({ name: `clip ${length} s: bare ffmpeg (seek + re-encode)`, value: b / 1000, unit: 's' });
    results.push({ name: `clip ${length} s: re-encode ÷ smart cut`, value: e / s, unit: '×', target: '2.8× (10 s) to 9× (60 s)' });
  }

  {
    console.error('Clip cut on keyframes (stream copy)…');
    const from = Math.round(seconds / 4 / 2) * 2;
    const target: RenderTarget = { kind: 'range', recordingId: recording.id, fromSeconds: from, toSeconds: from + 60 };
    let mode = '';
    const app = await timed(async () => (mode = await renderClip(ctx, target, output('copy.mp4'))));
    const bare = await timed(() => ffmpegBare(['-ss', String(from), '-i', master, '-t', '60', '-c', 'copy', output('bare-copy.mp4')]));
    results.push({ name: `clip 60 s on keyframes (${mode})`, value: app / 1000, unit: 's' });
    results.push({ name: 'clip 60 s on keyframes: bare ffmpeg -c copy', value: bare / 1000, unit: 's' });
  }

  for (const count of [5, 20, 50]) {
    console.error(`Montage of ${count} clips of one recording…`);
    const clipIds: number[] = [];
    const bounds: Array<[number, number]> = [];
    for (let i = 0; i < count; i++) {
      const from = 3.37 + i * ((seconds - 10) / count);
      bounds.push([from, from + 2]);
      const clip = await call<{ id: number }>('clips.create', {
        recordingId: recording.id,
        name: `Extrait ${i + 1}`,
        inSeconds: from,
        outSeconds: from + 2,
      });
      clipIds.push(clip.id);
    }
    const montage = await call<{ id: number }>('montages.create', { projectId: project.id, name: `Bench ${count} extraits` });
    await call('montages.update', { id: montage.id, changes: { items: clipIds.map((clipId) => ({ kind: 'clip', clipId })) } });
    const target: RenderTarget = { kind: 'montage', montageId: montage.id };
    let ms = 0;
    const peak = await peakChildMemory(async () => {
      ms = await timed(() => renderClip(ctx, target, output('montage.mp4')));
    });
    results.push({ name: `montage ${count} clips × 2 s: time`, value: ms / 1000, unit: 's' });
    results.push({
      name: `montage ${count} clips × 2 s: ffmpeg peak memory`,
      value: peak / 1024,
      unit: 'MB',
      target: 'flat with the clip count',
    });
    if (count <= 20) {
      // the old way, for comparison: one input per clip, each seeking in the same master
      const inputs = bounds.flatMap(([from, to]) => ['-ss', from.toFixed(3), '-t', (to - from).toFixed(3), '-i', master]);
      const graph = `${bounds.map((_, i) => `[${i}:v:0]scale=1280:720,setsar=1,fps=30,format=yuv420p[v${i}];[${i}:a:0]aresample=48000,apad,atrim=duration=2[a${i}]`).join(';')};${bounds.map((_, i) => `[v${i}][a${i}]`).join('')}concat=n=${count}:v=1:a=1[v][a]`;
      const oldPeak = await bareMemory([
        ...inputs,
        '-filter_complex',
        graph,
        '-map',
        '[v]',
        '-map',
        '[a]',
        ...H264_VIDEO_ARGS,
        '-c:a',
        'aac',
        output('old.mp4'),
      ]);
      results.push({ name: `montage ${count} clips × 2 s: old way (one input per clip), peak memory`, value: oldPeak / 1024, unit: 'MB' });
    }
  }
  closeApiContext(ctx);
  return results;
}
