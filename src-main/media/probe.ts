/**
 * Asks ffprobe what a media file holds: duration, container, video and audio streams
 * (with rotation, so portrait phone videos are known as such). Unreadable files get an
 * error quoting ffprobe, never a half-filled result.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import { AppError } from '../../src-shared/appError';
import type { FfmpegBinaries } from './binaries';

export interface ProbedVideoStream {
  codec: string;
  width: number;
  height: number;
  /** Display size after rotation metadata is applied. */
  displayWidth: number;
  displayHeight: number;
  rotation: number;
  frameRate: number | null;
}

export interface ProbedAudioStream {
  codec: string;
  sampleRate: number | null;
  channels: number | null;
}

export interface ProbeResult {
  formatName: string;
  durationSeconds: number | null;
  sizeBytes: number;
  video: ProbedVideoStream | null;
  audio: ProbedAudioStream | null;
}

interface FfprobeStream {
  codec_type?: string;
  codec_name?: string;
  width?: number;
  height?: number;
  avg_frame_rate?: string;
  r_frame_rate?: string;
  sample_rate?: string;
  channels?: number;
  duration?: string;
  disposition?: { attached_pic?: number };
  tags?: { rotate?: string };
  side_data_list?: Array<{ rotation?: number | string }>;
}

interface FfprobeOutput {
  format?: { format_name?: string; duration?: string; size?: string };
  streams?: FfprobeStream[];
}

function parseRate(rate: string | undefined): number | null {
  if (!rate) return null;
  const [num, den] = rate.split('/').map(Number);
  if (!num || !den) return null;
  return num / den;
}

function rotationOf(stream: FfprobeStream): number {
  const fromSideData = stream.side_data_list?.find((entry) => entry.rotation !== undefined)?.rotation;
  const raw = fromSideData ?? stream.tags?.rotate ?? 0;
  const degrees = Number(raw) || 0;
  return (((Math.round(degrees / 90) * 90) % 360) + 360) % 360;
}

export function interpretProbeOutput(json: FfprobeOutput, sizeBytes: number): ProbeResult {
  const streams = json.streams ?? [];
  const videoStream = streams.find((s) => s.codec_type === 'video' && !s.disposition?.attached_pic);
  const audioStream = streams.find((s) => s.codec_type === 'audio');
  const formatDuration = Number(json.format?.duration);
  let video: ProbedVideoStream | null = null;
  if (videoStream?.width && videoStream.height) {
    const rotation = rotationOf(videoStream);
    const swapped = rotation === 90 || rotation === 270;
    video = {
      codec: videoStream.codec_name ?? 'unknown',
      width: videoStream.width,
      height: videoStream.height,
      displayWidth: swapped ? videoStream.height : videoStream.width,
      displayHeight: swapped ? videoStream.width : videoStream.height,
      rotation,
      frameRate: parseRate(videoStream.avg_frame_rate) ?? parseRate(videoStream.r_frame_rate),
    };
  }
  const audio: ProbedAudioStream | null = audioStream
    ? {
        codec: audioStream.codec_name ?? 'unknown',
        sampleRate: audioStream.sample_rate ? Number(audioStream.sample_rate) : null,
        channels: audioStream.channels ?? null,
      }
    : null;
  return {
    formatName: json.format?.format_name ?? 'unknown',
    durationSeconds: Number.isFinite(formatDuration) && formatDuration > 0 ? formatDuration : null,
    sizeBytes,
    video,
    audio,
  };
}

export function probe(binaries: Pick<FfmpegBinaries, 'ffprobe'>, file: string): Promise<ProbeResult> {
  let size: number;
  try {
    const stat = fs.statSync(file);
    if (!stat.isFile()) throw new Error('not a file');
    size = stat.size;
  } catch {
    return Promise.reject(
      new AppError('not-found', `The file ${file} does not exist or is not a file.`, { hint: 'Check the path and try again.' }),
    );
  }
  const args = ['-v', 'error', '-print_format', 'json', '-show_format', '-show_streams', file];
  return new Promise((resolve, reject) => {
    execFile(binaries.ffprobe, args, { maxBuffer: 16 * 1024 * 1024, windowsHide: true }, (error, stdout, stderr) => {
      if (error) {
        const why = String(stderr).trim().split('\n').slice(-3).join(' ') || error.message;
        reject(
          new AppError('media-failed', `This file cannot be read as a video or audio file: ${why}`, {
            hint: 'Check that it is a real video (MP4, MOV, MKV, WebM, AVI) and that it was copied completely.',
          }),
        );
        return;
      }
      try {
        const result = interpretProbeOutput(JSON.parse(stdout) as FfprobeOutput, size);
        if (!result.video && !result.audio) {
          throw new Error('no audio or video stream');
        }
        resolve(result);
      } catch (parseError) {
        reject(
          new AppError('media-failed', `This file holds no readable video or audio: ${(parseError as Error).message}.`, {
            hint: 'Choose a video or audio file.',
          }),
        );
      }
    });
  });
}
