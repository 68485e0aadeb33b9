/**
 * Analyses a recording's faces as a cancellable job: decodes a few small frames a second,
 * detects faces on each, links them into tracks, takes one small picture per track for
 * the review strip, and caches the result with the recording (replacing an older one).
 * Whose face each track is stays for a person to say (no recognition).
 */
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import { AppError } from '../../src-shared/appError';
import type { ApiEventBus } from '../platform/eventBus';
import type { JobHandle, JobRunner } from '../platform/jobRunner';
import type { Library } from '../library/library';
import type { FfmpegBinaries } from '../media/binaries';
import { readRawFrames } from '../media/rawFrames';
import { runFfmpeg } from '../media/runFfmpeg';
import { resolveInside } from '../platform/pathInside';
import { FACE_DETECTOR_NAME, inputSizeFor } from './faceDetector';
import { FaceDetectorThread } from './faceDetectorThread';
import { linkDetections, type FaceDetection, type FaceTrackBoxes } from './faceTracker';
import type { FaceTracksStore } from './faceTracksStore';

/** Analysed frames a second: boxes in between are interpolated. */
export const ANALYSIS_RATE = 6;
/**
 * Width of the analysed frames (height follows the picture), and the detector's input size:
 * at 640 a face 80 px wide in a 1280-wide picture is found (at 384 it took about 115 px);
 * see README, "Faces blurred where they are", for the measures behind the choice.
 */
export const ANALYSIS_WIDTH = 640;
const THUMBNAIL_WIDTH = 96;

export interface FaceAnalysisDeps {
  library: Library;
  jobs: JobRunner;
  events: ApiEventBus;
  store: FaceTracksStore;
  requireFfmpeg: () => FfmpegBinaries;
}

export interface AnalysisResult {
  recordingId: number;
  tracks: number;
  analysedFrames: number;
  seconds: number;
}

export class FaceAnalysisService {
  /** The detector runs in its own thread, started at the first analysis and kept until close(). */
  readonly detector = new FaceDetectorThread();

  constructor(private readonly deps: FaceAnalysisDeps) {}

  /** Ends the detector's thread (the library closes or the app quits). */
  close(): Promise<void> {
    return this.detector.close();
  }

  /** Queues the analysis; with `wait`, settles when it is done. */
  async start(
    recordingId: number,
    options: { wait?: boolean; rate?: number } = {},
  ): Promise<{ jobId: string; result: AnalysisResult | null }> {
    const recording = this.deps.library.recordings.get(recordingId, 'recordingId');
    if (recording.status !== 'ready' || recording.masterAssetId === null || !recording.hasVideo) {
      throw new AppError('conflict', `La vidéo « ${recording.title} » n’a pas d’image prête à analyser.`, {
        field: 'recordingId',
        hint: 'Attendez la fin de la préparation de la vidéo ; un enregistrement sans image n’a pas de visage à chercher.',
      });
    }
    const binaries = this.deps.requireFfmpeg();
    const { jobId, done } = this.deps.jobs.start(
      'faces',
      `Recherche des visages « ${recording.title} »`,
      (job) => this.analyse(recordingId, binaries, job, options.rate),
      {
        recordingId,
        retryable: true,
      },
    );
    if (!options.wait) return { jobId, result: null };
    return { jobId, result: await done };
  }

  async analyse(
    recordingId: number,
    binaries: FfmpegBinaries,
    job: Pick<JobHandle, 'signal' | 'progress'>,
    rate = ANALYSIS_RATE,
  ): Promise<AnalysisResult> {
    const started = Date.now();
    const recording = this.deps.library.recordings.get(recordingId);
    const master = this.deps.library.mediaAssets.resolve(recording.masterAssetId!).absolutePath;
    const sourceWidth = recording.width ?? 1280;
    const sourceHeight = recording.height ?? 720;
    const width = Math.min(ANALYSIS_WIDTH, sourceWidth - (sourceWidth % 2));
    const height = Math.max(2, Math.round((width * sourceHeight) / sourceWidth / 2) * 2);
    const duration = recording.durationSeconds ?? 0;
    const expected = Math.max(1, Math.ceil(duration * rate));
    job.progress(0, 'faces-load');
    await this.detector.load(job.signal);
    const detections: FaceDetection[] = [];
    const inputSize = inputSizeFor(width);
    const frames = await readRawFrames(binaries, master, { width, height, rate, signal: job.signal }, async (rgb, index) => {
      detections.push(...(await this.detector.detect({ rgb, width, height, t: index / rate, inputSize }, job.signal)));
      job.progress(Math.min(0.95, (index + 1) / expected), 'faces-detect');
    });
    const tracks = linkDetections(detections, { step: 1 / rate });
    job.progress(0.95, 'faces-thumbnails');
    const withThumbnails: Array<{ boxes: FaceDetection[]; thumbnailJpeg: Buffer | null }> = [];
    for (const track of tracks) {
      if (job.signal.aborted) throw new AppError('cancelled', 'Analyse annulée.');
      withThumbnails.push({ boxes: track.boxes, thumbnailJpeg: await this.thumbnail(binaries, master, track, job.signal) });
    }
    this.deps.store.replace(
      {
        recordingId,
        analysedAt: new Date().toISOString(),
        stepSeconds: 1 / rate,
        analysisWidth: width,
        analysisHeight: height,
        detector: FACE_DETECTOR_NAME,
      },
      withThumbnails,
    );
    this.deps.events.emit('data.changed', { entity: 'recording', id: recordingId, projectId: recording.projectId, change: 'updated' });
    return { recordingId, tracks: tracks.length, analysedFrames: frames, seconds: (Date.now() - started) / 1000 };
  }

  /** The face of a track's surest box, small, as JPEG bytes (null when ffmpeg cannot take it). */
  private async thumbnail(binaries: FfmpegBinaries, master: string, track: FaceTrackBoxes, signal: AbortSignal): Promise<Buffer | null> {
    const best = [...track.boxes].sort((a, b) => b.score - a.score)[0]!;
    const work = resolveInside(this.deps.library.dir, path.posix.join('tmp', `faces-${crypto.randomUUID()}`));
    fs.mkdirSync(work, { recursive: true });
    const file = path.join(work, 'thumb.jpg');
    const crop = `crop=trunc(iw*${best.w.toFixed(4)}/2)*2:trunc(ih*${best.h.toFixed(4)}/2)*2:iw*${best.x.toFixed(4)}:ih*${best.y.toFixed(4)}`;
    try {
      await runFfmpeg(
        binaries,
        ['-ss', best.t.toFixed(3), '-i', master, '-frames:v', '1', '-vf', `${crop},scale=${THUMBNAIL_WIDTH}:-2`, '-q:v', '5', file],
        {
          signal,
          purpose: 'prendre la vignette d’un visage',
        },
      );
      return fs.readFileSync(file);
    } catch (error) {
      if ((error as AppError).code === 'cancelled') throw error;
      return null;
    } finally {
      fs.rmSync(work, { recursive: true, force: true });
    }
  }
}

/**
 * Background analysis after a recording is finalised (the desktop app and browser mode;
 * tests and the CLI ask for it explicitly): queued behind other jobs, one at a time.
 */
export function analyseAfterFinalise(events: ApiEventBus, jobs: JobRunner, faces: FaceAnalysisService): () => void {
  return events.subscribe((event, payload) => {
    if (event !== 'job.finished') return;
    const finished = payload as { jobId: string; kind: string; outcome: string };
    if (finished.kind !== 'finalise-recording' || finished.outcome !== 'done') return;
    const recordingId = jobs.list().find((job) => job.jobId === finished.jobId)?.recordingId;
    if (!recordingId) return;
    // a recording without picture, or ffmpeg missing: nothing to analyse, nothing to report
    faces.start(recordingId).catch(() => {});
  });
}
