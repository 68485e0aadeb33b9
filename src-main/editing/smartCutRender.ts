/**
 * Runs a stream copy or a smart cut (see smartCut.ts) in a work folder and checks the
 * result before anyone sees it: the encoded parts carry the very H.264 parameters of the
 * master, the file holds exactly the planned frames and sound, and the video decodes
 * without error across the junctions. Any doubt throws CutCheckFailed, and the caller
 * re-encodes the clip instead.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { FfmpegBinaries } from '../media/binaries';
import { runFfmpeg } from '../media/runFfmpeg';
import { CUT_FILES, copyPartArgs, encodePartArgs, joinPartsArgs, partsList, type CutParts } from './smartCut';

export class CutCheckFailed extends Error {}

export interface CutRun {
  binaries: FfmpegBinaries;
  masterPath: string;
  /** Keyframe time (s) of the first copied frame, as the master's index lists it. */
  middleKeyframeSeconds: number;
  parts: CutParts;
  hasAudio: boolean;
  withSubtitleTrack: boolean;
  /** Work folder: ffmpeg runs there, the parts are written there. */
  work: string;
  output: string;
  signal?: AbortSignal;
  onProgress?: (ratio: number) => void;
  onSpawn?: (pid: number) => void;
}

/** One audio frame at 48 kHz: how close the sound's length must be. */
const AUDIO_FRAME_SECONDS = 1024 / 48000;

function ffprobe(binaries: Pick<FfmpegBinaries, 'ffprobe'>, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(binaries.ffprobe, ['-v', 'error', ...args], { maxBuffer: 64 * 1024 * 1024, windowsHide: true }, (error, stdout) =>
      error ? reject(new CutCheckFailed(`ffprobe could not read the cut: ${error.message}`)) : resolve(String(stdout)),
    );
  });
}

/** What ffmpeg says while decoding (nothing when the stream is sound). */
function decodeErrors(binaries: Pick<FfmpegBinaries, 'ffmpeg'>, args: string[], cwd: string): Promise<string> {
  return new Promise((resolve) => {
    execFile(
      binaries.ffmpeg,
      ['-hide_banner', '-nostdin', '-v', 'error', ...args, '-map', '0:v:0', '-f', 'null', '-'],
      { cwd, maxBuffer: 16 * 1024 * 1024, windowsHide: true },
      (error, _stdout, stderr) => resolve(error ? `${error.message}\n${String(stderr)}` : String(stderr).trim()),
    );
  });
}

async function extradataHash(binaries: Pick<FfmpegBinaries, 'ffprobe'>, file: string): Promise<string> {
  const text = await ffprobe(binaries, [
    '-select_streams',
    'v:0',
    '-show_data_hash',
    'sha256',
    '-show_entries',
    'stream=extradata_hash',
    '-of',
    'csv=p=0',
    file,
  ]);
  return text.trim();
}

export async function renderCut(run: CutRun): Promise<void> {
  const { binaries, parts, work } = run;
  const fps = parts.frameRate;
  const inWork = (name: string) => path.join(work, name);
  const encodedFrames = (parts.head?.frames ?? 0) + (parts.tail?.frames ?? 0);
  const totalFrames = parts.outFrame - parts.inFrame;
  // rough shares of the time: encoding dominates, copying and joining are quick
  const weights = { encode: encodedFrames * 8, copy: parts.middle.frames * 0.2, join: totalFrames * 0.6 };
  const sum = weights.encode + weights.copy + weights.join;
  let done = 0;
  const step = async (weight: number, args: string[], purpose: string, seconds: number) => {
    await runFfmpeg(binaries, args, {
      cwd: work,
      durationSeconds: seconds,
      signal: run.signal,
      purpose,
      onSpawn: run.onSpawn,
      onProgress: (progress) => run.onProgress?.((done + weight * (progress.ratio ?? 0)) / sum),
    });
    done += weight;
  };

  const master = await extradataHash(binaries, run.masterPath);
  for (const [name, part] of [
    [CUT_FILES.head, parts.head],
    [CUT_FILES.tail, parts.tail],
  ] as const) {
    if (!part) continue;
    const share = (weights.encode * part.frames) / Math.max(1, encodedFrames);
    await step(share, encodePartArgs(run.masterPath, part, fps, name, binaries), 'réencoder les bouts de l’extrait', part.frames / fps);
    if ((await extradataHash(binaries, inWork(name))) !== master) {
      throw new CutCheckFailed('the re-encoded ends do not share the H.264 parameters of the library video');
    }
  }
  await step(weights.copy, copyPartArgs(run.masterPath, parts.middle, run.middleKeyframeSeconds, CUT_FILES.middle), 'copier l’extrait', 0);
  fs.writeFileSync(inWork(CUT_FILES.list), partsList(parts));
  await step(
    weights.join,
    joinPartsArgs(run.masterPath, parts, run.hasAudio, run.withSubtitleTrack, run.output),
    'joining the clip',
    totalFrames / fps,
  );
  await checkCut(run, totalFrames);
  run.onProgress?.(1);
}

/** Frame count, sound length, and a clean decode across each junction. */
async function checkCut(run: CutRun, expectedFrames: number): Promise<void> {
  const { binaries, parts, output } = run;
  const fps = parts.frameRate;
  const streams = JSON.parse(
    await ffprobe(binaries, ['-count_packets', '-show_entries', 'stream=codec_type,nb_read_packets,duration', '-of', 'json', output]),
  ) as { streams: Array<{ codec_type: string; nb_read_packets?: string; duration?: string }> };
  const video = streams.streams.find((s) => s.codec_type === 'video');
  if (Number(video?.nb_read_packets) !== expectedFrames) {
    throw new CutCheckFailed(`the cut holds ${video?.nb_read_packets ?? 'no'} frames instead of ${expectedFrames}`);
  }
  if (run.hasAudio) {
    const audio = streams.streams.find((s) => s.codec_type === 'audio');
    const seconds = expectedFrames / fps;
    if (!audio || Math.abs(Number(audio.duration) - seconds) > AUDIO_FRAME_SECONDS) {
      throw new CutCheckFailed(`the sound lasts ${audio?.duration ?? 'nothing'} s instead of ${seconds.toFixed(3)} s`);
    }
  }
  const windows: string[][] = [];
  if (parts.head) windows.push(['-t', ((parts.head.frames + Math.min(parts.middle.frames, fps)) / fps).toFixed(3), '-i', output]);
  if (parts.tail) {
    const tailStart = (parts.outFrame - parts.inFrame - parts.tail.frames) / fps;
    windows.push(['-ss', Math.max(0, tailStart - 1).toFixed(3), '-i', output]);
  }
  for (const window of windows) {
    const errors = await decodeErrors(binaries, window, run.work);
    if (errors) throw new CutCheckFailed(`the cut does not decode cleanly: ${errors.split('\n').slice(-2).join(' ')}`);
  }
}
