/**
 * Turns a captured or imported file into the library's files for one recording:
 * the MP4 master (and its keyframe index), a poster, a filmstrip and waveform peaks. Each file is written under
 * a temporary name and renamed once complete, so a crash never leaves a half file
 * that looks finished. Also says what the master could not keep (a truncated file,
 * extra sound tracks) and hands back the source's text subtitles as SubRip.
 */
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../src-shared/appError';
import type { FfmpegBinaries } from './binaries';
import {
  filmstripArgs,
  filmstripFrameCount,
  masterTranscodeArgs,
  posterArgs,
  subtitleExtractArgs,
  WAVEFORM_SAMPLE_RATE,
  waveformPcmArgs,
} from './ffmpegArgs';
import { commonFrameRateOf, sourceFrameRate } from './frameRate';
import { audioTracksNote, truncationNote } from './importNotes';
import { probe, probeVideoFrameTimes, type ProbeResult } from './probe';
import { runFfmpeg } from './runFfmpeg';
import { peaksFromPcm } from './waveform';
import { buildMediaIndex } from './mediaIndex';
import { produceFileAtomic } from '../platform/atomicFile';

export interface FinaliseOutputs {
  master: ProbeResult;
  masterFile: string;
  posterFile: string | null;
  filmstripFile: string | null;
  filmstripFrames: number;
  waveformFile: string | null;
  /** What ffprobe said of the source, before the master was made. */
  source: ProbeResult;
  /** French sentences for what the master could not keep as it was (see importNotes.ts). */
  notes: string[];
  /** The source's first text subtitle stream as SubRip, and its number (from 1); null when none could be read. */
  subtitles: { srt: string; streamNumber: number } | null;
}

export interface FinaliseOptions {
  signal?: AbortSignal;
  /** Overall ratio 0–1 and the current step's name. */
  onProgress?: (ratio: number, step: FinaliseStep) => void;
}

export type FinaliseStep = 'probe' | 'master' | 'poster' | 'filmstrip' | 'waveform';

// share of the total time each step takes, roughly
const STEP_WEIGHTS: Record<FinaliseStep, [start: number, span: number]> = {
  probe: [0, 0.02],
  master: [0.02, 0.83],
  poster: [0.85, 0.02],
  filmstrip: [0.87, 0.08],
  waveform: [0.95, 0.05],
};

export async function finaliseMedia(
  binaries: FfmpegBinaries,
  input: string,
  outputDir: string,
  options: FinaliseOptions = {},
): Promise<FinaliseOutputs> {
  const report = (step: FinaliseStep, within: number) => {
    const [start, span] = STEP_WEIGHTS[step];
    options.onProgress?.(Math.min(1, start + span * Math.max(0, Math.min(1, within))), step);
  };

  report('probe', 0);
  const source = await probe(binaries, input);
  if (source.video?.variableFrameRate) {
    // the average rate of a variable-rate source is no rate it was filmed at: count frame durations
    const common = commonFrameRateOf(await probeVideoFrameTimes(binaries, input));
    source.video.frameRate = sourceFrameRate({ nominal: source.video.nominalFrameRate, average: source.video.averageFrameRate, common });
  }
  const masterFile = path.join(outputDir, 'master.mp4');
  await produceFileAtomic(masterFile, (temp) =>
    runFfmpeg(binaries, masterTranscodeArgs(input, temp, source, binaries), {
      durationSeconds: source.durationSeconds,
      signal: options.signal,
      purpose: 'faire la copie de la vidéo dans la bibliothèque',
      onProgress: (progress) => report('master', progress.ratio ?? 0),
    }).then(() => undefined),
  );
  const [master] = await Promise.all([probe(binaries, masterFile), buildMediaIndex(binaries, masterFile)]);
  if (!master.durationSeconds || master.durationSeconds <= 0) {
    throw new AppError('media-failed', 'La vidéo ne contient ni image ni son lisible (sa durée est nulle).', {
      hint: 'L’enregistrement s’est peut-être arrêté tout de suite, ou le fichier est abîmé : filmez ou importez la vidéo à nouveau.',
    });
  }

  let posterFile: string | null = null;
  let filmstripFile: string | null = null;
  let filmstripFrames = 0;
  if (master.video) {
    report('poster', 0);
    posterFile = path.join(outputDir, 'poster.jpg');
    await produceFileAtomic(posterFile, (temp) =>
      runFfmpeg(binaries, posterArgs(masterFile, temp, master.durationSeconds), {
        signal: options.signal,
        purpose: 'faire l’image d’aperçu',
      }).then(() => undefined),
    );
    report('filmstrip', 0);
    filmstripFrames = filmstripFrameCount(master.durationSeconds);
    filmstripFile = path.join(outputDir, 'filmstrip.jpg');
    await produceFileAtomic(filmstripFile, (temp) =>
      runFfmpeg(binaries, filmstripArgs(masterFile, temp, master.durationSeconds!, filmstripFrames), {
        signal: options.signal,
        durationSeconds: master.durationSeconds,
        purpose: 'faire les vignettes de la ligne de temps',
        onProgress: (progress) => report('filmstrip', progress.ratio ?? 0),
      }).then(() => undefined),
    );
  }

  let waveformFile: string | null = null;
  if (master.audio) {
    report('waveform', 0);
    const pcmFile = path.join(outputDir, 'waveform.pcm');
    try {
      await runFfmpeg(binaries, waveformPcmArgs(masterFile, pcmFile), {
        signal: options.signal,
        purpose: 'lire le son pour dessiner sa forme d’onde',
      });
      const waveform = peaksFromPcm(fs.readFileSync(pcmFile), WAVEFORM_SAMPLE_RATE);
      waveformFile = path.join(outputDir, 'waveform.json');
      await produceFileAtomic(waveformFile, async (temp) => fs.writeFileSync(temp, JSON.stringify(waveform)));
    } finally {
      fs.rmSync(pcmFile, { force: true });
    }
  }
  const subtitles = await extractSubtitles(binaries, input, source, outputDir, options.signal);
  report('waveform', 1);
  const notes = [truncationNote(source.durationSeconds, master.durationSeconds), audioTracksNote(source)].filter(
    (note): note is string => note !== null,
  );
  return { master, masterFile, posterFile, filmstripFile, filmstripFrames, waveformFile, source, notes, subtitles };
}

/** The first text subtitle stream of the source as SubRip, or null (none, pictures only, unreadable). */
async function extractSubtitles(
  binaries: FfmpegBinaries,
  input: string,
  source: ProbeResult,
  outputDir: string,
  signal: AbortSignal | undefined,
): Promise<FinaliseOutputs['subtitles']> {
  const index = (source.subtitles ?? []).findIndex((stream) => stream.isText);
  if (index < 0) return null;
  const file = path.join(outputDir, 'source-subtitles.srt');
  try {
    await runFfmpeg(binaries, subtitleExtractArgs(input, index, file), { signal, purpose: 'lire les sous-titres de la vidéo' });
    const srt = fs.readFileSync(file, 'utf8');
    return srt.trim() ? { srt, streamNumber: index + 1 } : null;
  } catch (error) {
    if (error instanceof AppError && error.code === 'cancelled') throw error;
    return null; // reported as subtitles not imported
  } finally {
    fs.rmSync(file, { force: true });
  }
}
