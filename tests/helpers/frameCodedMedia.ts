// Test media that can be read back: each frame prints its own number in binary
// (10 blocks in the top band), a flash band lights up on the first 3 frames of every
// second and the audio beeps for the first 0.12 s of every second. An export's first
// frame, duration and audio/video sync can then be measured, not guessed.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { binaries, runFfmpegSync } from './media';

export const CODED_WIDTH = 640;
export const CODED_HEIGHT = 360;
const BLOCK = 64;
const BAND = 48;

export interface CodedMediaOptions {
  /** The sound starts this long after the picture (an input offset, as a late microphone gives). */
  audioDelaySeconds?: number;
  /** Beep on even seconds only (of the picture's time line): a sound moved by a whole second shows. */
  evenSecondBeeps?: boolean;
}

export function makeFrameCodedVideo(dir: string, seconds: number, fps = 25, name = 'coded.mp4', options: CodedMediaOptions = {}): string {
  const file = path.join(dir, name);
  const lum = `if(lt(Y,${BAND}),255*mod(floor(N/pow(2,floor(X/${BLOCK}))),2),if(lt(Y,${BAND * 2}),if(lt(mod(N,${fps}),3),255,0),if(lt(mod(X+Y+N*2,8),4),200,60)))`;
  const delay = options.audioDelaySeconds ?? 0;
  runFfmpegSync([
    '-f',
    'lavfi',
    '-i',
    `color=c=gray:s=${CODED_WIDTH}x${CODED_HEIGHT}:r=${fps}:d=${seconds},format=yuv420p,geq=lum='${lum}':cb=128:cr=128`,
    ...(delay ? ['-itsoffset', String(delay)] : []),
    '-f',
    'lavfi',
    '-i',
    beepSource(seconds - delay, delay, options.evenSecondBeeps ? 2 : 1),
    '-c:v',
    'libx264',
    '-preset',
    'ultrafast',
    '-crf',
    '10',
    '-pix_fmt',
    'yuv420p',
    '-c:a',
    'aac',
    '-b:a',
    '192k',
    ...(delay ? [] : ['-shortest']),
    file,
  ]);
  return file;
}

/** A beep for the first 0.12 s of every `every` seconds of the picture's time line (the sound starting `delay` after it). */
function beepSource(seconds: number, delay: number, every: number): string {
  return `aevalsrc='if(lt(mod(t+${delay},${every}),0.12),0.8*sin(2*PI*1000*t),0)':s=48000:d=${seconds}`;
}

/** Sound only (an M4A), beeping for the first 0.12 s of every second. */
export function makeBeepingAudio(dir: string, seconds: number, name = 'voice.m4a'): string {
  const file = path.join(dir, name);
  runFfmpegSync(['-f', 'lavfi', '-i', beepSource(seconds, 0, 1), '-c:a', 'aac', '-b:a', '192k', file]);
  return file;
}

function ffmpegBytes(args: string[]): Buffer {
  return execFileSync(binaries.ffmpeg, ['-hide_banner', '-loglevel', 'error', ...args], { maxBuffer: 512 * 1024 * 1024 });
}

/** The frame number printed on the first frame of a video (any size: it is scaled back). */
export function firstFrameNumber(file: string): number {
  const gray = ffmpegBytes([
    '-i',
    file,
    '-frames:v',
    '1',
    '-vf',
    `scale=${CODED_WIDTH}:${CODED_HEIGHT},format=gray`,
    '-f',
    'rawvideo',
    '-',
  ]);
  let value = 0;
  for (let bit = 0; bit < CODED_WIDTH / BLOCK; bit++) {
    if (gray[Math.round(BAND / 2) * CODED_WIDTH + bit * BLOCK + BLOCK / 2]! > 128) value += 2 ** bit;
  }
  return value;
}

/** Times (s) at which the flash band lights up, frame by frame. */
export function flashOnsets(file: string, fps: number): number[] {
  const samples = ffmpegBytes([
    '-i',
    file,
    '-vf',
    `scale=${CODED_WIDTH}:${CODED_HEIGHT},crop=2:2:${CODED_WIDTH / 2}:${BAND + BAND / 2},format=gray`,
    '-f',
    'rawvideo',
    '-',
  ]);
  const onsets: number[] = [];
  let previous = false;
  for (let frame = 0; frame * 4 < samples.length; frame++) {
    const lit = samples[frame * 4]! > 128;
    if (lit && !previous) onsets.push(frame / fps);
    previous = lit;
  }
  return onsets;
}

/** Times (s) at which a beep starts after at least 0.3 s of silence. */
export function beepOnsets(file: string): number[] {
  const pcm = ffmpegBytes(['-i', file, '-vn', '-ac', '1', '-ar', '48000', '-f', 's16le', '-']);
  const onsets: number[] = [];
  let lastLoud = -1e9;
  for (let i = 0; i < pcm.length / 2; i++) {
    if (Math.abs(pcm.readInt16LE(i * 2)) > 6000) {
      if (i - lastLoud > 48000 * 0.3) onsets.push(i / 48000);
      lastLoud = i;
    }
  }
  return onsets;
}

export function probeStreams(
  file: string,
): Array<{ codec_type: string; codec_name: string; nb_frames?: string; duration?: string; width?: number; height?: number }> {
  const json = execFileSync(binaries.ffprobe, [
    '-v',
    'error',
    '-show_entries',
    'stream=codec_type,codec_name,nb_frames,duration,width,height',
    '-of',
    'json',
    file,
  ]);
  return (JSON.parse(String(json)) as { streams: ReturnType<typeof probeStreams> }).streams;
}

/** Gray pixels of one frame at a time, scaled to width × height. */
export function grayFrameAt(file: string, atSeconds: number, width: number, height: number): Buffer {
  return ffmpegBytes([
    '-ss',
    atSeconds.toFixed(3),
    '-i',
    file,
    '-frames:v',
    '1',
    '-vf',
    `scale=${width}:${height},format=gray`,
    '-f',
    'rawvideo',
    '-',
  ]);
}

/** Mean absolute difference between horizontal neighbours inside a box: detail left in it. */
export function detailIn(gray: Buffer, width: number, box: { x: number; y: number; w: number; h: number }): number {
  let sum = 0;
  let count = 0;
  for (let y = box.y; y < box.y + box.h; y++) {
    for (let x = box.x; x < box.x + box.w - 1; x++) {
      sum += Math.abs(gray[y * width + x]! - gray[y * width + x + 1]!);
      count++;
    }
  }
  return sum / count;
}

/** The frame number printed on every frame of a video, in presentation order (any size: it is scaled back). */
export function frameNumbers(file: string): number[] {
  const rows = ffmpegBytes([
    '-i',
    file,
    '-map',
    '0:v:0',
    '-vf',
    `scale=${CODED_WIDTH}:${CODED_HEIGHT}:flags=neighbor,crop=${CODED_WIDTH}:1:0:${Math.round(BAND / 2)},format=gray`,
    '-fps_mode',
    'passthrough',
    '-f',
    'rawvideo',
    '-',
  ]);
  const numbers: number[] = [];
  for (let offset = 0; offset + CODED_WIDTH <= rows.length; offset += CODED_WIDTH) {
    let value = 0;
    for (let bit = 0; bit < CODED_WIDTH / BLOCK; bit++) if (rows[offset + bit * BLOCK + BLOCK / 2]! > 128) value += 2 ** bit;
    numbers.push(value);
  }
  return numbers;
}

function streamTimes(file: string): { video: { start: number } | null; audio: { start: number; seconds: number } | null } {
  const json = execFileSync(binaries.ffprobe, [
    '-v',
    'error',
    '-show_entries',
    'stream=codec_type,start_time,duration',
    '-of',
    'json',
    file,
  ]);
  const streams = (JSON.parse(String(json)) as { streams: Array<{ codec_type: string; start_time?: string; duration?: string }> }).streams;
  const video = streams.find((s) => s.codec_type === 'video');
  const audio = streams.find((s) => s.codec_type === 'audio');
  return {
    video: video ? { start: Number(video.start_time ?? 0) } : null,
    audio: audio ? { start: Number(audio.start_time ?? 0), seconds: Number(audio.duration) } : null,
  };
}

export interface CodedMeasure {
  /** The number printed on each frame, in order. */
  frames: number[];
  first: number;
  last: number;
  /** When the sound starts and ends on the output's time line (edit lists applied, as players do). */
  audioStart: number | null;
  audioEnd: number | null;
  /**
   * Each beep heard (after 0.3 s of silence): when, and where the picture is at that
   * moment in the source's time (frame number / fps + time into the frame).
   */
  beeps: Array<{ at: number; pictureSeconds: number }>;
}

/** Everything a frame-exact, sample-exact export can be judged on. */
export function measureCoded(file: string, fps: number): CodedMeasure {
  const frames = frameNumbers(file);
  const times = streamTimes(file);
  const videoStart = times.video?.start ?? 0;
  const beeps = times.audio
    ? beepOnsets(file)
        .filter((t) => t >= 0.3)
        .map((t) => {
          const at = t + times.audio!.start;
          const index = Math.min(frames.length - 1, Math.max(0, Math.floor((at - videoStart) * fps + 1e-6)));
          return { at, pictureSeconds: frames[index]! / fps + (at - videoStart - index / fps) };
        })
    : [];
  return {
    frames,
    first: frames[0] ?? -1,
    last: frames[frames.length - 1] ?? -1,
    audioStart: times.audio?.start ?? null,
    audioEnd: times.audio ? times.audio.start + times.audio.seconds : null,
    beeps,
  };
}
