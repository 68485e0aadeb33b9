/**
 * Asks ffprobe what a media file holds: duration, container, video and audio streams
 * (with rotation, so portrait phone videos are known as such; field order, pixel shape
 * and nominal/average rates, so the master can be made right), every audio track and
 * subtitle stream. Unreadable files get an error quoting ffprobe, never a half-filled result.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import { AppError } from '../../src-shared/appError';
import type { FfmpegBinaries } from './binaries';
import { ffmpegFileArg } from './ffmpegPath';
import { isVariableFrameRate, sourceFrameRate } from './frameRate';

export interface ProbedVideoStream {
  codec: string;
  width: number;
  height: number;
  /** Display size after rotation metadata is applied. */
  displayWidth: number;
  displayHeight: number;
  rotation: number;
  /** The rate it was filmed at (see frameRate.ts): never the average of a variable-rate source. */
  frameRate: number | null;
  /** `r_frame_rate` and `avg_frame_rate` as ffprobe gives them. */
  nominalFrameRate?: number | null;
  averageFrameRate?: number | null;
  variableFrameRate?: boolean;
  /** ffprobe's `field_order`: progressive, tt, bb, tb, bt, or null when unknown. */
  fieldOrder?: string | null;
  /** Pixel width over height (sample aspect ratio); null when square or unknown. */
  sampleAspectRatio?: number | null;
}

export interface ProbedAudioStream {
  codec: string;
  sampleRate: number | null;
  channels: number | null;
  channelLayout?: string | null;
  language?: string | null;
  isDefault?: boolean;
  /** Position among the file's audio tracks, from 0 (`-map 0:a:N`). */
  trackIndex?: number;
}

export interface ProbedSubtitleStream {
  codec: string;
  language: string | null;
  /** Text subtitles (SubRip, ASS, mov_text, WebVTT) can be read as cues; pictures (DVD, Blu-ray) cannot. */
  isText: boolean;
}

export interface ProbeResult {
  formatName: string;
  durationSeconds: number | null;
  sizeBytes: number;
  video: ProbedVideoStream | null;
  /** The track the master uses (the default one, else the first). */
  audio: ProbedAudioStream | null;
  /** Every audio track, in file order. */
  audioTracks?: ProbedAudioStream[];
  subtitles?: ProbedSubtitleStream[];
}

const TEXT_SUBTITLE_CODECS = new Set(['subrip', 'srt', 'ass', 'ssa', 'mov_text', 'webvtt', 'text']);

interface FfprobeStream {
  codec_type?: string;
  codec_name?: string;
  width?: number;
  height?: number;
  avg_frame_rate?: string;
  r_frame_rate?: string;
  sample_rate?: string;
  channels?: number;
  channel_layout?: string;
  field_order?: string;
  sample_aspect_ratio?: string;
  duration?: string;
  disposition?: { attached_pic?: number; default?: number };
  tags?: { rotate?: string; language?: string };
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

/** "64:45" → 1.422…; null when square, missing or "0:1". */
function parseAspect(text: string | undefined): number | null {
  if (!text) return null;
  const [num, den] = text.split(':').map(Number);
  if (!num || !den) return null;
  const ratio = num / den;
  return Math.abs(ratio - 1) < 0.001 ? null : ratio;
}

function fieldOrderOf(text: string | undefined): string | null {
  return text && ['progressive', 'tt', 'bb', 'tb', 'bt'].includes(text) ? text : null;
}

function audioOf(stream: FfprobeStream, trackIndex: number): ProbedAudioStream {
  return {
    codec: stream.codec_name ?? 'unknown',
    sampleRate: stream.sample_rate ? Number(stream.sample_rate) : null,
    channels: stream.channels ?? null,
    channelLayout: stream.channel_layout ?? null,
    language: stream.tags?.language ?? null,
    isDefault: stream.disposition?.default === 1,
    trackIndex,
  };
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
  const audioTracks = streams.filter((s) => s.codec_type === 'audio').map((s, i) => audioOf(s, i));
  const subtitles = streams
    .filter((s) => s.codec_type === 'subtitle')
    .map((s) => ({
      codec: s.codec_name ?? 'unknown',
      language: s.tags?.language ?? null,
      isText: TEXT_SUBTITLE_CODECS.has(s.codec_name ?? ''),
    }));
  const formatDuration = Number(json.format?.duration);
  let video: ProbedVideoStream | null = null;
  if (videoStream?.width && videoStream.height) {
    const rotation = rotationOf(videoStream);
    const nominal = parseRate(videoStream.r_frame_rate);
    const average = parseRate(videoStream.avg_frame_rate);
    const swapped = rotation === 90 || rotation === 270;
    video = {
      codec: videoStream.codec_name ?? 'unknown',
      width: videoStream.width,
      height: videoStream.height,
      displayWidth: swapped ? videoStream.height : videoStream.width,
      displayHeight: swapped ? videoStream.width : videoStream.height,
      rotation,
      frameRate: sourceFrameRate({ nominal, average }),
      nominalFrameRate: nominal,
      averageFrameRate: average,
      variableFrameRate: isVariableFrameRate(nominal, average),
      fieldOrder: fieldOrderOf(videoStream.field_order),
      sampleAspectRatio: parseAspect(videoStream.sample_aspect_ratio),
    };
  }
  const audio = audioTracks.find((track) => track.isDefault) ?? audioTracks[0] ?? null;
  return {
    formatName: json.format?.format_name ?? 'unknown',
    durationSeconds: Number.isFinite(formatDuration) && formatDuration > 0 ? formatDuration : null,
    sizeBytes,
    video,
    audio,
    audioTracks,
    subtitles,
  };
}

export function probe(binaries: Pick<FfmpegBinaries, 'ffprobe'>, file: string): Promise<ProbeResult> {
  let size: number;
  try {
    const stat = fs.statSync(file);
    if (!stat.isFile()) throw new Error('ce n’est pas un fichier');
    size = stat.size;
  } catch {
    return Promise.reject(
      new AppError('not-found', `Le fichier ${file} n’existe pas ou n’est pas un fichier.`, {
        hint: 'Vérifiez le chemin, puis recommencez.',
      }),
    );
  }
  const args = ['-v', 'error', '-print_format', 'json', '-show_format', '-show_streams', ffmpegFileArg(file)];
  return new Promise((resolve, reject) => {
    execFile(binaries.ffprobe, args, { maxBuffer: 16 * 1024 * 1024, windowsHide: true }, (error, stdout, stderr) => {
      if (error) {
        const why = String(stderr).trim().split('\n').slice(-3).join(' ') || error.message;
        reject(
          new AppError('media-failed', `Ce fichier ne peut pas être lu comme une vidéo ou un son : ${why}`, {
            hint: 'Vérifiez que c’est bien une vidéo (MP4, MOV, MKV, WebM, AVI) et qu’elle a été copiée en entier.',
          }),
        );
        return;
      }
      try {
        const result = interpretProbeOutput(JSON.parse(stdout) as FfprobeOutput, size);
        if (!result.video && !result.audio) {
          throw new Error('aucune piste vidéo ni son');
        }
        resolve(result);
      } catch (parseError) {
        reject(
          new AppError('media-failed', `Ce fichier ne contient ni vidéo ni son lisible : ${(parseError as Error).message}.`, {
            hint: 'Choisissez un fichier vidéo ou son.',
          }),
        );
      }
    });
  });
}

/** Presentation times of the first video stream's packets (no decoding): for the frame-duration histogram. */
export function probeVideoFrameTimes(binaries: Pick<FfmpegBinaries, 'ffprobe'>, file: string): Promise<number[]> {
  const args = ['-v', 'error', '-select_streams', 'V:0', '-show_entries', 'packet=pts_time', '-of', 'csv=p=0', ffmpegFileArg(file)];
  return new Promise((resolve) => {
    execFile(binaries.ffprobe, args, { maxBuffer: 256 * 1024 * 1024, windowsHide: true }, (error, stdout) => {
      // unreadable packets leave the nominal rate to decide: not a reason to refuse the file
      if (error) return resolve([]);
      resolve(
        String(stdout)
          .split(/\r?\n/)
          .map((line) => Number.parseFloat(line))
          .filter((time) => Number.isFinite(time)),
      );
    });
  });
}
