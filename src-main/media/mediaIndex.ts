/**
 * A small index beside each library master (`master.index.json`): its frame rate and
 * the time of every keyframe. Built once when the recording is finalised (one packet
 * scan, no decoding), it lets an export decide "stream copy or re-encode" and pick its
 * frame rate without spawning ffprobe again. Masters without one get it on first use.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../src-shared/appError';
import type { FfmpegBinaries } from './binaries';
import { writeFileAtomic } from '../platform/atomicFile';

export interface MediaIndex {
  frameRate: number | null;
  /** Keyframe presentation times in seconds, ascending. */
  keyframes: number[];
  /** Video frames in the master (indexes written before it was counted lack it). */
  frameCount?: number;
}

export function mediaIndexPathFor(masterPath: string): string {
  return path.join(path.dirname(masterPath), `${path.basename(masterPath, path.extname(masterPath))}.index.json`);
}

/** Keyframe times listed in ffprobe's `packet=pts_time,flags` CSV output. */
export function parseKeyframeTimes(csv: string): number[] {
  return csv
    .split(/\r?\n/)
    .map((line) => line.split(','))
    .filter(([time, flags]) => time && flags?.startsWith('K'))
    .map(([time]) => Number(time))
    .filter((time) => Number.isFinite(time))
    .sort((a, b) => a - b);
}

function parseRate(text: string | undefined): number | null {
  if (!text) return null;
  const [num, den] = text.split('/').map(Number) as [number, number | undefined];
  const rate = den ? num / den : num;
  return Number.isFinite(rate) && rate > 0 ? rate : null;
}

function ffprobeText(binaries: Pick<FfmpegBinaries, 'ffprobe'>, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(binaries.ffprobe, args, { maxBuffer: 256 * 1024 * 1024, windowsHide: true }, (error, stdout, stderr) => {
      if (error) {
        reject(
          new AppError(
            'media-failed',
            `La vidéo de la bibliothèque ne peut pas être lue : ${String(stderr).trim().split('\n').pop() || error.message}`,
            { hint: 'Le fichier est peut-être abîmé : restaurez la bibliothèque depuis une sauvegarde, ou importez la vidéo à nouveau.' },
          ),
        );
        return;
      }
      resolve(String(stdout));
    });
  });
}

/** Scans the video packets (no decoding) and writes the index beside the master. */
export async function buildMediaIndex(binaries: Pick<FfmpegBinaries, 'ffprobe'>, masterPath: string): Promise<MediaIndex> {
  const [rateText, packets] = await Promise.all([
    ffprobeText(binaries, [
      '-v',
      'error',
      '-select_streams',
      'v:0',
      '-show_entries',
      'stream=avg_frame_rate',
      '-of',
      'csv=p=0',
      masterPath,
    ]),
    ffprobeText(binaries, [
      '-v',
      'error',
      '-select_streams',
      'v:0',
      '-show_entries',
      'packet=pts_time,flags',
      '-of',
      'csv=p=0',
      masterPath,
    ]),
  ]);
  const index: MediaIndex = {
    frameRate: parseRate(rateText.trim().split(/\r?\n/)[0]),
    keyframes: parseKeyframeTimes(packets),
    frameCount: packets.split(/\r?\n/).filter((line) => line.trim()).length,
  };
  const file = mediaIndexPathFor(masterPath);
  writeFileAtomic(file, JSON.stringify(index));
  return index;
}

/** The index of a master, built now if it is missing, unreadable or older than the frame count. */
export async function readMediaIndex(binaries: Pick<FfmpegBinaries, 'ffprobe'>, masterPath: string): Promise<MediaIndex> {
  try {
    const index = JSON.parse(fs.readFileSync(mediaIndexPathFor(masterPath), 'utf8')) as MediaIndex;
    if (Array.isArray(index.keyframes) && typeof index.frameCount === 'number') return index;
  } catch {
    // missing, damaged or from before frames were counted: rebuild below
  }
  return buildMediaIndex(binaries, masterPath);
}

export function hasKeyframeAt(index: MediaIndex, atSeconds: number, toleranceSeconds: number): boolean {
  // binary search for the first keyframe at or after atSeconds - tolerance
  let low = 0;
  let high = index.keyframes.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (index.keyframes[mid]! < atSeconds - toleranceSeconds) low = mid + 1;
    else high = mid;
  }
  return low < index.keyframes.length && index.keyframes[low]! <= atSeconds + toleranceSeconds;
}
