/**
 * Faces: analysis speed on a 720p source (two real faces moving, BENCH_FACES_SECONDS long,
 * default 30), as times real time, the detector's model load apart; and the cost of a
 * render whose blur follows the tracks against the same render with a static region
 * (same plan, same encoder, only the pixelation differs), each the median of three runs.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { closeApiContext, createApiContext, dispatch } from '../../src-main/app';
import { encodeRender, encodeRenderArgs, WORK_FILES } from '../../src-main/editing/renderArgs';
import type { RenderPlan } from '../../src-main/editing/renderPlan';
import type { FaceTracksView } from '../../src-shared/contract/schemas';
import { ANALYSIS_WIDTH } from '../../src-main/faces/faceAnalysisService';
import { makeFaceVideo } from '../helpers/faceVideos';
import { faceProject } from '../helpers/faceProject';
import { median, type BenchResult } from './benchResult';
import { ffmpegBare } from './renderBench';
import { runFaceSettingsBench } from './facesSettings';

/** CPU seconds used by this process's finished children (ffmpeg), from /proc (Linux; 0 elsewhere). */
function childCpuSeconds(): number {
  try {
    const fields = fs.readFileSync('/proc/self/stat', 'utf8').split(') ')[1]!.split(' ');
    // cutime and cstime are fields 16 and 17 of stat (14 and 15 after the command name)
    return (Number(fields[13]) + Number(fields[14])) / 100;
  } catch {
    return 0;
  }
}

export async function runFacesBench(root: string): Promise<BenchResult[]> {
  const seconds = Number(process.env.BENCH_FACES_SECONDS ?? 30);
  const dir = path.join(root, 'faces');
  fs.mkdirSync(dir, { recursive: true });
  const video = makeFaceVideo(
    dir,
    'faces-720p.mp4',
    [
      { x: '100+25*t', y: '80', size: '260+60*sin(t/2)', at: (t) => ({ x: 100 + 25 * t, y: 80, size: 260 + 60 * Math.sin(t / 2) }) },
      { x: '900-10*t', y: '380', size: '240', at: (t) => ({ x: 900 - 10 * t, y: 380, size: 240 }) },
    ],
    { width: 1280, height: 720, rate: 25, seconds },
  );
  const ctx = createApiContext(path.join(dir, 'library'), 'http', { trusted: true });
  const call = <T>(method: string, input: unknown) => dispatch(method, input, ctx) as Promise<T>;
  const results: BenchResult[] = [];
  try {
    const {
      recording,
      personIds: [lea],
    } = await faceProject(call, {
      projectName: 'Bench',
      file: video.file,
      title: 'Bench',
      people: [{ displayName: 'Léa', role: 'young-person', scopes: ['recording', 'elected'], faceBlurredFor: ['elected'] }],
    });

    let start = performance.now();
    await ctx.faces.detector.load();
    results.push({
      name: 'faces: detector thread start and model load (once per library)',
      value: performance.now() - start,
      unit: 'ms',
    });
    start = performance.now();
    const cpuBefore = process.cpuUsage();
    const childrenBefore = childCpuSeconds();
    await call('faces.analyse', { recordingId: recording.id, wait: true });
    const analysis = (performance.now() - start) / 1000;
    const cpu = process.cpuUsage(cpuBefore);
    // CPU seconds of the detector (this process) and of the decoding ffmpeg: what the analysis costs on an idle machine
    const cpuSeconds = (cpu.user + cpu.system) / 1e6 + (childCpuSeconds() - childrenBefore);
    results.push({
      name: `faces: analysis of a 720p source, by CPU time (detector thread + decoding; ${os.loadavg()[0]!.toFixed(0)} load when measured)`,
      value: seconds / cpuSeconds,
      unit: '× real time',
      target: '≥ 1×',
    });
    results.push({
      name: `faces: analysis of a 720p source (${seconds} s, 6 frames/s analysed, ${ANALYSIS_WIDTH} px wide)`,
      value: seconds / analysis,
      unit: '× real time',
      target: '≥ 1×',
    });

    const tracks = (await call<FaceTracksView>('faces.tracks', { recordingId: recording.id })).tracks;
    for (const track of tracks) await call('faces.assign', { trackId: track.id, personId: lea });
    const request = {
      target: { kind: 'range' as const, recordingId: recording.id, fromSeconds: 0, toSeconds: Math.min(20, seconds) },
      audience: 'elected' as const,
    };
    const prepared = await ctx.render.prepare(request);
    const tracked = prepared.plan;
    const segment = tracked.segments[0]!;
    if (segment.kind !== 'clip' || !segment.faceBlur) throw new Error('the bench clip is not tracked');
    const staticPlan: RenderPlan = {
      ...tracked,
      segments: [{ ...segment, faceBlur: undefined, pixelate: { x: 0.05, y: 0.08, w: 0.3, h: 0.45 } }],
    };
    const timeRender = (plan: RenderPlan, name: string) => {
      const work = path.join(dir, `work-${name}`);
      fs.mkdirSync(work, { recursive: true });
      const graph = encodeRender(plan, prepared.frameRate, new Map([[recording.id, { width: 1280, height: 720 }]]), prepared.sources);
      for (const file of graph.workFiles) fs.writeFileSync(path.join(work, file.name), file.content);
      fs.writeFileSync(path.join(work, WORK_FILES.filterScript), graph.filter);
      const args = encodeRenderArgs(plan, prepared.frameRate, graph.inputs, graph.withSubtitleTrack, path.join(work, 'out.mp4'));
      const wall: number[] = [];
      const cpu: number[] = [];
      for (let i = 0; i < 3; i++) {
        const t0 = performance.now();
        const c0 = childCpuSeconds();
        ffmpegBare(args, work);
        wall.push(performance.now() - t0);
        cpu.push(childCpuSeconds() - c0);
      }
      return { wall: median(wall), cpu: median(cpu) };
    };
    const fixed = timeRender(staticPlan, 'static');
    const following = timeRender(tracked, 'tracked');
    results.push({ name: 'faces: 20 s 720p clip, static region (CPU time)', value: fixed.cpu, unit: 's' });
    results.push({ name: 'faces: 20 s 720p clip, blur following the tracks (CPU time)', value: following.cpu, unit: 's' });
    results.push({
      name: 'faces: tracked blur render cost vs static region (CPU time)',
      value: following.cpu / fixed.cpu,
      unit: '×',
      target: '≤ 1.3×',
    });
    results.push({ name: 'faces: tracked blur render cost vs static region (wall clock)', value: following.wall / fixed.wall, unit: '×' });
    // what other analysis widths would cost and find (BENCH_FACES_WIDTHS, none to skip)
    if (process.env.BENCH_FACES_WIDTHS !== '') results.push(...(await runFaceSettingsBench(dir, video, childCpuSeconds)));
  } finally {
    closeApiContext(ctx);
  }
  return results;
}
