/**
 * Is there a keyframe at this moment of a video? Reads only the packets around it
 * (ffprobe -read_intervals), so the answer costs milliseconds even on long masters.
 * Decides whether a clip can be cut by stream copy.
 */
import { execFile } from 'node:child_process';
import { AppError } from '../appError';
import type { FfmpegBinaries } from './binaries';
import { keyframeProbeArgs } from '../editing/renderArgs';

/** Keyframe times listed in ffprobe's `packet=pts_time,flags` CSV output. */
export function parseKeyframeTimes(csv: string): number[] {
  return csv
    .split(/\r?\n/)
    .map((line) => line.split(','))
    .filter(([time, flags]) => time && flags?.startsWith('K'))
    .map(([time]) => Number(time))
    .filter((time) => Number.isFinite(time));
}

export function keyframeTimesAround(binaries: Pick<FfmpegBinaries, 'ffprobe'>, file: string, atSeconds: number): Promise<number[]> {
  return new Promise((resolve, reject) => {
    execFile(
      binaries.ffprobe,
      keyframeProbeArgs(file, atSeconds),
      { maxBuffer: 4 * 1024 * 1024, windowsHide: true },
      (error, stdout, stderr) => {
        if (error) {
          reject(
            new AppError('media-failed', `The library video cannot be read: ${String(stderr).trim().split('\n').pop() ?? error.message}`),
          );
          return;
        }
        resolve(parseKeyframeTimes(String(stdout)));
      },
    );
  });
}

export async function isKeyframeAt(
  binaries: Pick<FfmpegBinaries, 'ffprobe'>,
  file: string,
  atSeconds: number,
  toleranceSeconds: number,
): Promise<boolean> {
  const times = await keyframeTimesAround(binaries, file, atSeconds);
  return times.some((time) => Math.abs(time - atSeconds) <= toleranceSeconds);
}
