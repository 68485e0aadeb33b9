// Small real media files made with ffmpeg's test sources, for tests that need video.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { resolveFfmpegBinaries } from '../../src-main/media/binaries';

export const binaries = resolveFfmpegBinaries();

export function makeTestVideo(dir: string, name = 'test.mp4', seconds = 2): string {
  const file = path.join(dir, name);
  execFileSync(binaries.ffmpeg, [
    '-hide_banner',
    '-loglevel',
    'error',
    '-y',
    '-f',
    'lavfi',
    '-i',
    `testsrc2=size=320x240:rate=25:duration=${seconds}`,
    '-f',
    'lavfi',
    '-i',
    `sine=frequency=440:sample_rate=48000:duration=${seconds}`,
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
