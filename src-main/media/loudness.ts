/**
 * Loudness normalisation in two passes (EBU R128, ffmpeg's loudnorm). A single pass
 * guesses as it goes and can land several LU off on short or uneven speech; measuring
 * first (`print_format=json`) and applying with the measured values (`measured_*`,
 * `linear=true`) lands within ±1 LU of the target. Pure argument builders, the parser of
 * loudnorm's report, and `measureLoudness` to run the first pass.
 */
import { AppError } from '../../src-shared/appError';
import type { FfmpegBinaries } from './binaries';
import { ffmpegFileArg } from './ffmpegPath';
import { runFfmpeg } from './runFfmpeg';

export interface LoudnessTarget {
  /** Integrated loudness, LUFS (e.g. -16 for speech on small speakers, -23 for broadcast). */
  integrated: number;
  /** Maximum true peak, dBTP. */
  truePeak: number;
  /** Loudness range, LU. */
  range: number;
}

export interface LoudnessMeasurement {
  /** LUFS; -Infinity for silence. */
  integrated: number;
  truePeak: number;
  range: number;
  threshold: number;
  /** Offset gain loudnorm suggests for the second pass, LU. */
  targetOffset: number;
}

const targetOptions = (target: LoudnessTarget) => `I=${target.integrated}:TP=${target.truePeak}:LRA=${target.range}`;

/** The first pass: measures, changes nothing that is kept, reports JSON on stderr. */
export function loudnormMeasureFilter(target: LoudnessTarget): string {
  return `loudnorm=${targetOptions(target)}:print_format=json`;
}

/**
 * The second pass with what the first measured. Silence (no measurable loudness) is
 * left alone (`anull`); no measurement at all falls back to loudnorm's single pass.
 * loudnorm works at 192 kHz: callers resample after it (`aresample=48000`).
 */
export function loudnormApplyFilter(target: LoudnessTarget, measured: LoudnessMeasurement | null): string {
  if (!measured) return `loudnorm=${targetOptions(target)}`;
  if (!Number.isFinite(measured.integrated) || !Number.isFinite(measured.threshold)) return 'anull';
  const fixed = (value: number) => (Number.isFinite(value) ? value.toFixed(2) : value > 0 ? '99' : '-99');
  return [
    `loudnorm=${targetOptions(target)}`,
    `measured_I=${fixed(measured.integrated)}`,
    `measured_TP=${fixed(measured.truePeak)}`,
    `measured_LRA=${fixed(measured.range)}`,
    `measured_thresh=${fixed(measured.threshold)}`,
    `offset=${fixed(measured.targetOffset)}`,
    'linear=true',
    'print_format=summary',
  ].join(':');
}

/** ffmpeg arguments measuring one audio track of a file (optionally a range of it). */
export function loudnessMeasureArgs(
  input: string,
  target: LoudnessTarget,
  options: { audioTrack?: number; fromSeconds?: number; toSeconds?: number } = {},
): string[] {
  const range: string[] = [];
  if (options.fromSeconds !== undefined) range.push('-ss', options.fromSeconds.toFixed(3));
  if (options.toSeconds !== undefined) range.push('-to', options.toSeconds.toFixed(3));
  return [
    ...range,
    '-i',
    ffmpegFileArg(input),
    '-map',
    `0:a:${options.audioTrack ?? 0}`,
    '-af',
    loudnormMeasureFilter(target),
    '-f',
    'null',
    '-',
  ];
}

function loudnormNumber(value: unknown, name: string): number {
  const text = String(value).trim().toLowerCase();
  if (text === '-inf') return -Infinity;
  if (text === 'inf' || text === '+inf') return Infinity;
  const number = Number(text);
  if (text === '' || !Number.isFinite(number)) throw new Error(`${name} vaut « ${String(value)} »`);
  return number;
}

/** The last JSON report loudnorm printed on stderr (`print_format=json`). */
export function parseLoudnormReport(stderr: string): LoudnessMeasurement {
  const end = stderr.lastIndexOf('}');
  const start = end < 0 ? -1 : stderr.lastIndexOf('{', end);
  try {
    if (start < 0) throw new Error('ffmpeg n’a donné aucune mesure');
    const report = JSON.parse(stderr.slice(start, end + 1)) as Record<string, unknown>;
    return {
      integrated: loudnormNumber(report.input_i, 'input_i'),
      truePeak: loudnormNumber(report.input_tp, 'input_tp'),
      range: loudnormNumber(report.input_lra, 'input_lra'),
      threshold: loudnormNumber(report.input_thresh, 'input_thresh'),
      targetOffset: loudnormNumber(report.target_offset, 'target_offset'),
    };
  } catch (error) {
    throw new AppError('media-failed', `Le volume du son n’a pas pu être mesuré : ${(error as Error).message}.`, {
      hint: 'Vérifiez que la vidéo a une piste son lisible.',
    });
  }
}

/**
 * Runs the first pass. Either a file (its first audio track, or `audioTrack`), or full
 * ffmpeg arguments whose filter graph ends in `loudnormMeasureFilter(target)` and
 * writes to `-f null -` (an edit's audio as the render builds it). ffmpeg must keep its
 * default log level: the report is printed at "info".
 */
export async function measureLoudness(
  binaries: Pick<FfmpegBinaries, 'ffmpeg'>,
  source: string | { args: string[] },
  target: LoudnessTarget,
  options: {
    signal?: AbortSignal;
    durationSeconds?: number | null;
    audioTrack?: number;
    /** Where relative work files of `source.args` are. */
    cwd?: string;
    onProgress?: (progress: { ratio: number | null }) => void;
    onSpawn?: (pid: number) => void;
  } = {},
): Promise<LoudnessMeasurement> {
  const args = typeof source === 'string' ? loudnessMeasureArgs(source, target, { audioTrack: options.audioTrack }) : source.args;
  const { stderrTail } = await runFfmpeg(binaries, args, {
    signal: options.signal,
    durationSeconds: options.durationSeconds,
    cwd: options.cwd,
    onProgress: options.onProgress,
    onSpawn: options.onSpawn,
    purpose: 'mesurer le volume du son',
    stderrTailLines: 60,
  });
  return parseLoudnormReport(stderrTail);
}
