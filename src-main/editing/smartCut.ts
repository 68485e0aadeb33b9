/**
 * Cutting a clip out of a master without re-encoding what needs none: the frames from
 * the first keyframe at or after the in point to the last keyframe at or before the out
 * point are copied as they are; only the head (in point → first keyframe) and the tail
 * (last keyframe → out point) are encoded, with the master's own H.264 settings so the
 * three parts share one set of parameters and play as one stream. With both cuts on
 * keyframes nothing is encoded at all (stream copy). The sound is always cut from the
 * master to the sample and encoded, since AAC packets are 21 ms long. Pure: plans and
 * argument arrays; `smartCutRender` runs them.
 */
import { H264_VIDEO_ARGS } from '../media/ffmpegArgs';
import type { MediaIndex } from '../media/mediaIndex';
import { AUDIO_RATE, mp4OutputArgs, segmentAudioChain, subtitleTrackArgs, WORK_FILES } from './renderArgs';
import { samplesAt } from '../../src-shared/frameGrid';

/** A run of master frames [from, from + frames). */
export interface FrameRun {
  from: number;
  frames: number;
}

export interface CutParts {
  frameRate: number;
  inFrame: number;
  outFrame: number;
  /** Encoded: in point → first keyframe (null when the in point is a keyframe). */
  head: FrameRun | null;
  /** Copied from keyframe to keyframe (or to the end of the master). */
  middle: FrameRun;
  /** Encoded: last keyframe → out point (null when the out point is a keyframe or the end). */
  tail: FrameRun | null;
}

/** Part files in the work folder, and the list that joins them. */
export const CUT_FILES = { head: 'head.mp4', middle: 'middle.mp4', tail: 'tail.mp4', list: 'parts.ffconcat' } as const;

const exact = (value: number) => value.toFixed(6);

/**
 * How [inFrame, outFrame) splits into encoded and copied parts, or null when no whole
 * keyframe interval lies inside (nothing worth copying).
 */
export function planCut(inFrame: number, outFrame: number, frameRate: number, index: MediaIndex): CutParts | null {
  const keyframes = index.keyframes.map((time) => Math.round(time * frameRate));
  const atEnd = typeof index.frameCount === 'number' && index.frameCount > 0 && outFrame >= index.frameCount;
  const first = keyframes.find((frame) => frame >= inFrame);
  const last = atEnd ? outFrame : [...keyframes].reverse().find((frame) => frame <= outFrame);
  if (first === undefined || last === undefined || first >= last) return null;
  return {
    frameRate,
    inFrame,
    outFrame,
    head: first > inFrame ? { from: inFrame, frames: first - inFrame } : null,
    middle: { from: first, frames: last - first },
    tail: last < outFrame ? { from: last, frames: outFrame - last } : null,
  };
}

/** Seconds encoded by a cut (head and tail). */
export function encodedSeconds(parts: CutParts): number {
  return ((parts.head?.frames ?? 0) + (parts.tail?.frames ?? 0)) / parts.frameRate;
}

/**
 * Encodes a run of frames exactly as masters are encoded (same codec, preset, quality,
 * pixel format, frame rate): seeking half a frame before the first, so it is the first
 * decoded, and stopping after the count.
 */
export function encodePartArgs(
  masterPath: string,
  run: FrameRun,
  frameRate: number,
  output: string,
  tool: { legacyVsync?: boolean } = {},
): string[] {
  const seek = run.from > 0 ? ['-ss', exact((run.from - 0.5) / frameRate)] : [];
  return [
    ...seek,
    '-i',
    masterPath,
    '-map',
    '0:v:0',
    '-an',
    '-sn',
    '-vf',
    'setpts=PTS-STARTPTS',
    '-frames:v',
    String(run.frames),
    ...H264_VIDEO_ARGS,
    '-r',
    String(frameRate),
    tool.legacyVsync ? '-vsync' : '-fps_mode',
    'cfr',
    '-map_metadata',
    '-1',
    '-f',
    'mp4',
    output,
  ];
}

/**
 * Copies a run that starts on a keyframe, by packet count: with B-frames a time limit
 * would let frames shown after the run slip in. The seek is the keyframe's own time as
 * the master's index lists it (measured: half a millisecond either way loses frames).
 */
export function copyPartArgs(masterPath: string, run: FrameRun, keyframeSeconds: number, output: string): string[] {
  return [
    '-ss',
    exact(keyframeSeconds),
    '-i',
    masterPath,
    '-map',
    '0:v:0',
    '-an',
    '-sn',
    '-c:v',
    'copy',
    '-frames:v',
    String(run.frames),
    '-map_metadata',
    '-1',
    '-f',
    'mp4',
    output,
  ];
}

/** The concat-demuxer list of the parts, each with its exact length. */
export function partsList(parts: CutParts): string {
  const lines = ['ffconcat version 1.0'];
  const add = (file: string, run: FrameRun | null) => {
    if (run) lines.push(`file ${file}`, `duration ${exact(run.frames / parts.frameRate)}`);
  };
  add(CUT_FILES.head, parts.head);
  add(CUT_FILES.middle, parts.middle);
  add(CUT_FILES.tail, parts.tail);
  return `${lines.join('\n')}\n`;
}

/**
 * The final file: the joined video parts copied, the sound cut from the master to the
 * sample (a late start kept as silence), the subtitles as a text track.
 */
export function joinPartsArgs(
  masterPath: string,
  parts: CutParts,
  hasAudio: boolean,
  withSubtitleTrack: boolean,
  output: string,
): string[] {
  const inSeconds = parts.inFrame / parts.frameRate;
  const seconds = (parts.outFrame - parts.inFrame) / parts.frameRate;
  const seek = Math.max(0, inSeconds - 1);
  const args = ['-f', 'concat', '-i', CUT_FILES.list];
  if (hasAudio) args.push('-ss', exact(seek), '-t', exact(inSeconds - seek + seconds + 1), '-i', masterPath);
  if (withSubtitleTrack) args.push('-i', WORK_FILES.srt);
  args.push('-map', '0:v:0', '-c:v', 'copy');
  if (hasAudio) {
    args.push(
      '-map',
      '1:a:0',
      '-af',
      segmentAudioChain(inSeconds - seek, seconds, samplesAt(seconds, AUDIO_RATE), ''),
      '-c:a',
      'aac',
      '-b:a',
      '160k',
      '-ar',
      String(AUDIO_RATE),
      '-ac',
      '2',
    );
  }
  if (withSubtitleTrack) args.push(...subtitleTrackArgs(hasAudio ? 2 : 1));
  args.push(...mp4OutputArgs(output));
  return args;
}
