// Small real media files made with ffmpeg's test sources, for tests that need video.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { resolveFfmpegBinaries } from '../../src-main/media/binaries';

export const binaries = resolveFfmpegBinaries();

/** ffmpeg inputs for a moving test pattern (which shows its own time) and a tone. */
export function testSourceInputs(seconds: number, options: { size?: string; rate?: number; frequency?: number } = {}): string[] {
  const { size = '320x240', rate = 25, frequency = 440 } = options;
  return [
    '-f',
    'lavfi',
    '-i',
    `testsrc2=size=${size}:rate=${rate}:duration=${seconds}`,
    '-f',
    'lavfi',
    '-i',
    `sine=frequency=${frequency}:sample_rate=48000:duration=${seconds}`,
  ];
}

export function runFfmpegSync(args: string[]): void {
  execFileSync(binaries.ffmpeg, ['-hide_banner', '-loglevel', 'error', '-y', ...args]);
}

export function makeTestVideo(dir: string, name = 'test.mp4', seconds = 2): string {
  const file = path.join(dir, name);
  runFfmpegSync([
    ...testSourceInputs(seconds),
    '-c:v',
    'libx264',
    '-preset',
    'ultrafast',
    '-pix_fmt',
    'yuv420p',
    '-c:a',
    'aac',
    '-shortest',
    file,
  ]);
  return file;
}

/** A WebM like MediaRecorder's (VP8 + Opus, clusters of about 1 s), cut into byte chunks. */
export function makeWebmChunks(dir: string, seconds: number, chunkCount: number): { file: string; chunks: Buffer[] } {
  const file = path.join(dir, `camera-${seconds}s.webm`);
  runFfmpegSync([
    ...testSourceInputs(seconds, { size: '640x360', rate: 30, frequency: 300 }),
    '-c:v',
    'libvpx',
    '-deadline',
    'realtime',
    '-cpu-used',
    '8',
    '-b:v',
    '1M',
    '-c:a',
    'libopus',
    '-cluster_time_limit',
    '1000',
    '-shortest',
    '-f',
    'webm',
    file,
  ]);
  const bytes = fs.readFileSync(file);
  const size = Math.ceil(bytes.length / chunkCount);
  const chunks: Buffer[] = [];
  for (let offset = 0; offset < bytes.length; offset += size) chunks.push(bytes.subarray(offset, offset + size));
  return { file, chunks };
}
