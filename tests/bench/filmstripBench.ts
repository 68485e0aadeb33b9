/**
 * Filmstrip benchmark: the timeline thumbnails of a long 720p master, decoding every
 * frame (before) against keyframes only (`-skip_frame nokey`, after). The master is one
 * encoded minute (keyframe every 2 s, as library masters) copied end to end, so making
 * it costs seconds. BENCH_FILMSTRIP_MINUTES sets its length: 10 by default, to keep
 * this part near a minute on two cores; 30 is the length the target was stated for.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { resolveFfmpegBinaries } from '../../src-main/media/binaries';
import { filmstripArgs, filmstripFrameCount, MASTER_KEYFRAME_SECONDS } from '../../src-main/media/ffmpegArgs';
import { median, type BenchResult } from './benchResult';

const binaries = resolveFfmpegBinaries();

function ffmpeg(args: string[]): number {
  const start = performance.now();
  const result = spawnSync(binaries.ffmpeg, ['-hide_banner', '-nostdin', '-y', '-loglevel', 'error', ...args], { stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`ffmpeg failed: ${args.join(' ')}`);
  return performance.now() - start;
}

export async function runFilmstripBench(root: string): Promise<BenchResult[]> {
  const minutes = Number(process.env.BENCH_FILMSTRIP_MINUTES ?? 10);
  const dir = path.join(root, 'filmstrip');
  fs.mkdirSync(dir, { recursive: true });
  console.error(`Making a ${minutes}-minute 720p master…`);
  const minute = path.join(dir, 'minute.mp4');
  ffmpeg([
    ...['-f', 'lavfi', '-i', 'testsrc2=size=1280x720:rate=30:duration=60'],
    ...['-c:v', 'libx264', '-preset', 'ultrafast', '-crf', '30', '-g', String(30 * MASTER_KEYFRAME_SECONDS), '-pix_fmt', 'yuv420p'],
    minute,
  ]);
  const list = path.join(dir, 'list.txt');
  fs.writeFileSync(list, Array.from({ length: minutes }, () => `file '${minute}'\n`).join(''));
  const master = path.join(dir, 'master.mp4');
  ffmpeg(['-f', 'concat', '-safe', '0', '-i', list, '-c', 'copy', '-movflags', '+faststart', master]);
  fs.rmSync(minute);

  const seconds = minutes * 60;
  const frames = filmstripFrameCount(seconds);
  const after = filmstripArgs(master, path.join(dir, 'after.jpg'), seconds, frames);
  expectKeyframesOnly(after);
  const before = after.filter((arg, i) => arg !== '-skip_frame' && after[i - 1] !== '-skip_frame');
  console.error('Filmstrip, every frame decoded (before)…');
  const beforeMs = ffmpeg([...before.slice(0, -1), path.join(dir, 'before.jpg')]);
  console.error('Filmstrip, keyframes only (after), median of 3…');
  const afterMs = median([ffmpeg(after), ffmpeg(after), ffmpeg(after)]);
  fs.rmSync(dir, { recursive: true, force: true });
  return [
    { name: `filmstrip ${minutes} min 720p, every frame (before)`, value: beforeMs / 1000, unit: 's' },
    { name: `filmstrip ${minutes} min 720p, keyframes only (after)`, value: afterMs / 1000, unit: 's' },
    { name: 'filmstrip before / after', value: beforeMs / afterMs, unit: '×', target: '≥ 10×' },
  ];
}

function expectKeyframesOnly(args: string[]): void {
  if (args[0] !== '-skip_frame' || args[1] !== 'nokey') throw new Error('the filmstrip of a long master should read keyframes only');
}
