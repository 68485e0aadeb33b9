/**
 * Recording sessions and imports. The renderer streams MediaRecorder chunks (or the
 * chunks of a file it uploads); they are appended to the recording's folder as they
 * arrive. Stopping queues a finalise job (master, poster, filmstrip, waveform). At
 * start-up, captures cut short by a crash are found and finalised from what was written.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../src-shared/appError';
import type { ApiEventBus } from '../platform/eventBus';
import type { AppendChunkInput, ImportFileInput, Recording, StartCaptureInput } from '../../src-shared/contract/schemas';
import type { JobRunner } from '../platform/jobRunner';
import type { Library } from '../library/library';
import { resolveInside } from '../platform/pathInside';
import { requireFreeSpace, statFreeBytes, type FreeBytes } from '../platform/outputSpace';
import { asStorageError } from '../platform/storageErrors';
import type { FfmpegBinaries } from '../media/binaries';
import { finaliseMedia, type FinaliseStep } from '../media/finaliseMedia';
import { importNotes, subtitlesNote } from '../media/importNotes';
import { probe } from '../media/probe';
import { ChunkWriter } from './chunkWriter';
import { extensionForMime, extensionOfFileName, findStagingFile, stagingFileName } from './stagingFile';

export interface CaptureDeps {
  library: Library;
  jobs: JobRunner;
  events: ApiEventBus;
  /** Returns ffmpeg or throws the error explaining why it is missing. */
  requireFfmpeg: () => FfmpegBinaries;
  /** Stores subtitles found in an imported video as the recording's subtitles (SubRip text); throws if unreadable. */
  importSubtitles?: (recordingId: number, srt: string) => void;
  /** Free space reading (tests feed a small one). */
  freeBytes?: FreeBytes;
}

/** A recording's state in French, for the messages that refuse an action because of it. */
const RECORDING_STATUS_FR: Record<Recording['status'], string> = {
  capturing: 'en cours de tournage',
  finalising: 'en préparation',
  ready: 'prêt',
  failed: 'en échec',
};

const STEP_LABELS: Record<FinaliseStep, string> = {
  probe: 'analyse',
  master: 'master',
  poster: 'poster',
  filmstrip: 'filmstrip',
  waveform: 'waveform',
};

/** A file name as a title: no extension, no line breaks or control characters, no leading dashes. */
export function titleFromFileName(file: string): string {
  return path
    .basename(file, path.extname(file))
    .replace(/[\u0000-\u001f\u007f]+/g, ' ')
    .replace(/\s+/g, ' ')
    .replace(/^[\s-]+/, '')
    .trim()
    .slice(0, 200);
}

export class CaptureService {
  private readonly writers = new Map<number, ChunkWriter>();
  /** When each camera take being filmed last heard from its page (start or a chunk), ms since the epoch. */
  private readonly lastHeard = new Map<number, number>();

  constructor(private readonly deps: CaptureDeps) {}

  private get freeBytes(): FreeBytes {
    return this.deps.freeBytes ?? statFreeBytes;
  }

  private get library(): Library {
    return this.deps.library;
  }

  private announce(recording: { id: number; projectId: number }, change: 'created' | 'updated' | 'deleted'): void {
    this.deps.events.emit('data.changed', { entity: 'recording', id: recording.id, projectId: recording.projectId, change });
  }

  private newFolder(): string {
    const relative = path.posix.join('media', 'recordings', crypto.randomBytes(8).toString('hex'));
    fs.mkdirSync(resolveInside(this.library.dir, relative), { recursive: true });
    return relative;
  }

  private folderPath(relative: string): string {
    return resolveInside(this.library.dir, relative);
  }

  start(input: StartCaptureInput): Recording {
    const session = this.library.sessions.get(input.sessionId);
    const extension =
      input.source === 'upload'
        ? (extensionOfFileName(input.fileName) ?? extensionForMime(input.mimeType))
        : extensionForMime(input.mimeType);
    const folder = this.newFolder();
    try {
      fs.writeFileSync(path.join(this.folderPath(folder), stagingFileName(input.source, extension)), '');
      const recording = this.library.recordings.create({
        projectId: session.projectId,
        sessionId: session.id,
        kind: input.kind,
        title: input.title ?? '',
        source: input.source,
        status: 'capturing',
        folder,
        captureMimeType: input.mimeType,
        people: input.people,
      });
      this.announce(recording, 'created');
      if (input.source === 'camera') this.lastHeard.set(recording.id, Date.now());
      return recording;
    } catch (error) {
      fs.rmSync(this.folderPath(folder), { recursive: true, force: true });
      throw error;
    }
  }

  private writerFor(recordingId: number): ChunkWriter {
    const existing = this.writers.get(recordingId);
    if (existing) return existing;
    const { folder } = this.library.recordings.internals(recordingId);
    const file = findStagingFile(this.folderPath(folder));
    if (!file)
      throw new AppError('conflict', `L’enregistrement n° ${recordingId} n’a plus de fichier de tournage.`, {
        hint: 'Arrêtez-le (ce qui a été filmé est gardé) et lancez un nouvel enregistrement.',
      });
    const acknowledged = this.library.recordings.get(recordingId).captureBytes;
    const writer = ChunkWriter.open(file, acknowledged);
    this.writers.set(recordingId, writer);
    return writer;
  }

  appendChunk(input: AppendChunkInput): { recordingId: number; bytes: number; nextSeq: number } {
    const state = this.library.recordings.internals(input.recordingId);
    if (state.status === 'capturing' && this.lastHeard.has(input.recordingId)) this.lastHeard.set(input.recordingId, Date.now());
    if (state.status !== 'capturing') {
      throw new AppError(
        'conflict',
        `L’enregistrement n° ${input.recordingId} n’est plus en cours de tournage (il est ${RECORDING_STATUS_FR[state.status]}).`,
        {
          hint: 'Lancez un nouvel enregistrement.',
        },
      );
    }
    const writer = this.writerFor(input.recordingId);
    if (input.seq < state.captureNextSeq) {
      // a resend of a chunk already stored (the answer got lost): acknowledge it again
      return { recordingId: input.recordingId, bytes: writer.bytes, nextSeq: state.captureNextSeq };
    }
    if (input.seq > state.captureNextSeq) {
      throw new AppError('conflict', `Le morceau de vidéo n° ${input.seq} est arrivé, mais il manque le n° ${state.captureNextSeq}.`, {
        field: 'seq',
        hint: `Renvoyez d’abord le morceau n° ${state.captureNextSeq} (la connexion a sans doute été coupée).`,
      });
    }
    let bytes: number;
    try {
      bytes = writer.append(input.data);
    } catch (error) {
      const storage = asStorageError(error, { folder: this.library.dir, libraryDir: this.library.dir, what: 'l’enregistrement' });
      if (storage instanceof AppError) {
        throw new AppError(storage.code, storage.message, {
          hint: 'Arrêtez l’enregistrement (ce qui a été filmé jusqu’ici est gardé), puis libérez de la place.',
          cause: error,
        });
      }
      throw new AppError('media-failed', `L’écriture de l’enregistrement a échoué : ${(error as Error).message}.`, {
        hint: 'Arrêtez l’enregistrement : ce qui a été écrit jusqu’ici est gardé.',
        cause: error,
      });
    }
    const nextSeq = input.seq + 1;
    this.library.recordings.recordChunk(input.recordingId, bytes, nextSeq);
    return { recordingId: input.recordingId, bytes, nextSeq };
  }

  /** Stops capturing and queues the finalise job. */
  finish(recordingId: number): { recordingId: number; jobId: string } {
    const state = this.library.recordings.internals(recordingId);
    if (state.status !== 'capturing')
      throw new AppError(
        'conflict',
        `L’enregistrement n° ${recordingId} n’est plus en cours de tournage : il est déjà ${RECORDING_STATUS_FR[state.status]}.`,
      );
    this.writers.get(recordingId)?.close();
    this.writers.delete(recordingId);
    const recording = this.library.recordings.get(recordingId);
    if (recording.captureBytes === 0 && recording.source === 'upload') {
      this.deleteRecording(recordingId);
      throw new AppError('invalid-input', 'Le fichier est vide (0 octet) : rien n’a été envoyé.', {
        field: 'recordingId',
        hint: 'La copie depuis l’appareil a sans doute échoué : recopiez la vidéo, puis importez-la à nouveau.',
      });
    }
    if (recording.captureBytes === 0) {
      this.deleteRecording(recordingId);
      throw new AppError('invalid-input', 'Rien n’a été enregistré : aucune image n’est arrivée.', {
        field: 'recordingId',
        hint: 'Vérifiez que la caméra marche (l’aperçu montre une image), puis recommencez l’enregistrement.',
      });
    }
    this.library.recordings.setStatus(recordingId, 'finalising');
    this.announce(recording, 'updated');
    const { jobId } = this.queueFinalise(recordingId);
    return { recordingId, jobId };
  }

  /** Abandons a capture or upload in progress: its files and rows are removed. */
  discard(recordingId: number): void {
    const state = this.library.recordings.internals(recordingId);
    if (state.status !== 'capturing')
      throw new AppError(
        'conflict',
        `L’enregistrement n° ${recordingId} n’est plus en cours de tournage (il est ${RECORDING_STATUS_FR[state.status]}) : supprimez-le plutôt.`,
      );
    this.deleteRecording(recordingId);
  }

  private queueFinalise(recordingId: number): { jobId: string; done: Promise<Recording> } {
    const recording = this.library.recordings.get(recordingId);
    const label = recording.title || `Enregistrement n° ${recording.id}`;
    return this.deps.jobs.start('finalise-recording', label, (job) => this.runFinalise(recordingId, job.signal, job.progress), {
      recordingId,
      // a camera take is kept when its conversion fails, so it can be tried again; an import is removed
      retryable: recording.source === 'camera',
    });
  }

  private async runFinalise(
    recordingId: number,
    signal: AbortSignal,
    progress: (ratio: number | null, step?: string | null) => void,
  ): Promise<Recording> {
    const state = this.library.recordings.internals(recordingId);
    const folder = this.folderPath(state.folder);
    const staging = findStagingFile(folder);
    const keepsFailures = state.source === 'camera'; // a take cannot be filmed again: never throw it away
    try {
      if (!staging) {
        throw new AppError('media-failed', 'Le fichier filmé n’est plus dans le dossier de la bibliothèque.', {
          hint: 'Il a peut-être été déplacé ou supprimé à la main : remettez-le en place, ou supprimez cet enregistrement et filmez à nouveau.',
        });
      }
      const binaries = this.deps.requireFfmpeg();
      const outputs = await finaliseMedia(binaries, staging, folder, {
        signal,
        onProgress: (ratio, step) => progress(ratio, STEP_LABELS[step]),
      });
      const relative = (file: string) => path.posix.join(state.folder, path.basename(file));
      let subtitlesImported = false;
      this.library.db.transaction(() => {
        if (outputs.subtitles && this.deps.importSubtitles) {
          try {
            this.deps.importSubtitles(recordingId, outputs.subtitles.srt);
            subtitlesImported = true;
          } catch {
            // an unreadable subtitle stream is reported on the card, never a reason to lose the video
          }
        }
        const register = (file: string | null, kind: string, mimeType: string) =>
          file ? this.library.mediaAssets.register({ kind, relativePath: relative(file), mimeType }).id : null;
        this.library.recordings.setFinalised(recordingId, {
          durationSeconds: outputs.master.durationSeconds,
          width: outputs.master.video?.displayWidth ?? null,
          height: outputs.master.video?.displayHeight ?? null,
          hasVideo: outputs.master.video !== null,
          hasAudio: outputs.master.audio !== null,
          masterAssetId: register(outputs.masterFile, 'master', 'video/mp4')!,
          posterAssetId: register(outputs.posterFile, 'poster', 'image/jpeg'),
          filmstripAssetId: register(outputs.filmstripFile, 'filmstrip', 'image/jpeg'),
          filmstripFrames: outputs.filmstripFrames,
          waveformAssetId: register(outputs.waveformFile, 'waveform', 'application/json'),
          importWarning: importNotes([
            ...outputs.notes,
            subtitlesNote(outputs.source, subtitlesImported ? outputs.subtitles!.streamNumber : null),
          ]),
        });
      })();
      fs.rmSync(staging!, { force: true });
      const recording = this.library.recordings.get(recordingId);
      this.announce(recording, 'updated');
      if (subtitlesImported) {
        this.deps.events.emit('data.changed', {
          entity: 'subtitle',
          id: recordingId,
          projectId: recording.projectId,
          recordingId,
          change: 'updated',
        });
      }
      return recording;
    } catch (error) {
      for (const name of ['master.mp4', 'master.index.json', 'poster.jpg', 'filmstrip.jpg', 'waveform.json'])
        fs.rmSync(path.join(folder, name), { force: true });
      // ffmpeg's "No space left on device" while writing the master reads as a full disk, naming the library
      const mapped = asStorageError(error, {
        folder: this.library.dir,
        libraryDir: this.library.dir,
        neededBytes: staging ? fs.statSync(staging, { throwIfNoEntry: false })?.size : undefined,
        what: keepsFailures ? 'finir l’enregistrement' : 'l’import',
      });
      if (keepsFailures) {
        const message = mapped instanceof AppError && mapped.code === 'cancelled' ? 'Finalisation cancelled.' : (mapped as Error).message;
        this.library.recordings.setStatus(recordingId, 'failed', message.slice(0, 2000));
        this.announce(this.library.recordings.get(recordingId), 'updated');
      } else {
        this.deleteRecording(recordingId);
      }
      throw mapped;
    }
  }

  /** Finalises a failed camera take again (after ffmpeg was installed, disk freed…). */
  retryFinalise(recordingId: number): { recordingId: number; jobId: string } {
    const state = this.library.recordings.internals(recordingId);
    if (state.status !== 'failed')
      throw new AppError(
        'conflict',
        `L’enregistrement n° ${recordingId} n’a pas échoué (il est ${RECORDING_STATUS_FR[state.status]}) : il n’y a rien à relancer.`,
      );
    this.library.recordings.setStatus(recordingId, 'finalising');
    return { recordingId, jobId: this.queueFinalise(recordingId).jobId };
  }

  /** Copies a video file into the library and finalises it; the source is never modified. */
  async importFile(input: ImportFileInput): Promise<Recording> {
    return (await this.startImport(input)).done;
  }

  /**
   * The desktop app's import: the file is read by path (no chunks over IPC), copied
   * without blocking the main thread, and its finalise job is returned at once.
   */
  async importFileQueued(input: ImportFileInput): Promise<{ recordingId: number; jobId: string }> {
    const { recordingId, jobId, done } = await this.startImport(input);
    done.catch(() => {}); // the job's outcome reaches the UI as a job.finished event
    return { recordingId, jobId };
  }

  private async startImport(input: ImportFileInput): Promise<{ recordingId: number; jobId: string; done: Promise<Recording> }> {
    const sourcePath = path.resolve(input.path);
    let stat: fs.Stats;
    try {
      stat = fs.statSync(sourcePath);
    } catch {
      throw new AppError('not-found', `Le fichier ${sourcePath} n’existe pas.`, {
        field: 'path',
        hint: 'Vérifiez le chemin, puis recommencez.',
      });
    }
    if (!stat.isFile())
      throw new AppError('invalid-input', `${sourcePath} n’est pas un fichier (c’est peut-être un dossier).`, {
        field: 'path',
        hint: 'Indiquez le chemin d’un fichier vidéo.',
      });
    if (stat.size === 0) {
      throw new AppError('invalid-input', `Le fichier est vide (0 octet) : ${path.basename(sourcePath)}.`, {
        field: 'path',
        hint: 'La copie depuis l’appareil a sans doute échoué : recopiez la vidéo, puis importez-la à nouveau.',
      });
    }
    let projectId: number;
    let sessionId: number | null = null;
    if (input.sessionId !== undefined) {
      const session = this.library.sessions.get(input.sessionId);
      projectId = session.projectId;
      sessionId = session.id;
    } else {
      projectId = this.library.projects.get(input.projectId!).id;
    }
    // read it before touching the library: an unreadable file changes nothing
    await probe(this.deps.requireFfmpeg(), sourcePath);

    // the copy, then a master of about the same size: a file that cannot fit is refused before copying
    requireFreeSpace(this.library.dir, stat.size, this.freeBytes, 'l’import');
    const folder = this.newFolder();
    let recording: Recording;
    try {
      const extension = extensionOfFileName(sourcePath) ?? '.bin';
      await fs.promises.copyFile(sourcePath, path.join(this.folderPath(folder), stagingFileName('file', extension)));
      recording = this.library.recordings.create({
        projectId,
        sessionId,
        kind: input.kind,
        title: input.title ?? titleFromFileName(sourcePath),
        source: 'file',
        status: 'finalising',
        folder,
        captureMimeType: '',
        people: input.people,
      });
    } catch (error) {
      fs.rmSync(this.folderPath(folder), { recursive: true, force: true });
      throw asStorageError(error, { folder: this.library.dir, libraryDir: this.library.dir, neededBytes: stat.size * 2, what: 'l’import' });
    }
    this.announce(recording, 'created');
    const { jobId, done } = this.queueFinalise(recording.id);
    return { recordingId: recording.id, jobId, done };
  }

  /**
   * Start-up recovery: camera takes cut short are finalised from what reached the disk;
   * unfinished uploads and imports are removed (their source file is still with the user).
   */
  recoverUnfinished(onlyCapturing = false): Array<{ recordingId: number; action: 'recovering' | 'removed'; jobId: string | null }> {
    const report: Array<{ recordingId: number; action: 'recovering' | 'removed'; jobId: string | null }> = [];
    for (const row of this.library.recordings.listUnfinished()) {
      if (onlyCapturing && row.status !== 'capturing') continue; // a finalise already under way is left alone
      const staging = findStagingFile(this.folderPath(row.folder));
      const hasData = staging !== null && fs.statSync(staging).size > 0;
      if (row.source !== 'camera' || !hasData) {
        this.deleteRecording(row.id);
        report.push({ recordingId: row.id, action: 'removed', jobId: null });
        continue;
      }
      report.push({ recordingId: row.id, action: 'recovering', jobId: this.finaliseFromDisk(row.id) });
    }
    return report;
  }

  /** A take cut short: marked "Récupérée après une interruption" and finalised from what reached the disk. */
  private finaliseFromDisk(recordingId: number): string {
    this.lastHeard.delete(recordingId);
    this.library.recordings.markRecovered(recordingId);
    this.library.recordings.setStatus(recordingId, 'finalising');
    return this.queueFinalise(recordingId).jobId;
  }

  /**
   * Camera takes whose page has sent nothing (no chunk, a chunk comes every second) for
   * `silentMs`: the page was closed or reloaded in the middle of the take. Each is closed
   * and finalised from what was received, while the app keeps running. Takes started
   * before this process (no start seen) are counted from the first look.
   */
  recoverSilentCaptures(silentMs: number, now = Date.now()): Array<{ recordingId: number; jobId: string }> {
    const recovered: Array<{ recordingId: number; jobId: string }> = [];
    const capturing = this.library.recordings.listUnfinished().filter((row) => row.status === 'capturing' && row.source === 'camera');
    const stillCapturing = new Set(capturing.map((row) => row.id));
    for (const id of this.lastHeard.keys()) if (!stillCapturing.has(id)) this.lastHeard.delete(id);
    for (const row of capturing) {
      const heard = this.lastHeard.get(row.id);
      if (heard === undefined) {
        this.lastHeard.set(row.id, now);
        continue;
      }
      if (now - heard < silentMs) continue;
      this.writers.get(row.id)?.close();
      this.writers.delete(row.id);
      const staging = findStagingFile(this.folderPath(row.folder));
      if (staging === null || fs.statSync(staging).size === 0) {
        this.lastHeard.delete(row.id);
        this.deleteRecording(row.id); // nothing was filmed: nothing to keep
        continue;
      }
      const jobId = this.finaliseFromDisk(row.id);
      this.announce(this.library.recordings.get(row.id), 'updated');
      recovered.push({ recordingId: row.id, jobId });
    }
    return recovered;
  }

  /** Removes a recording's rows and every file of its folder. */
  deleteRecording(recordingId: number): void {
    const recording = this.library.recordings.get(recordingId);
    this.writers.get(recordingId)?.close();
    this.writers.delete(recordingId);
    const folder = this.library.recordings.delete(recordingId);
    fs.rmSync(this.folderPath(folder), { recursive: true, force: true });
    // feedback sheets name the candidate: they go with the recording
    const sheets = path.posix.join('exports', 'feedback', `recording-${recordingId}`);
    this.library.db.prepare("DELETE FROM media_assets WHERE relative_path LIKE ? || '/%'").run(sheets);
    fs.rmSync(this.folderPath(sheets), { recursive: true, force: true });
    this.announce(recording, 'deleted');
  }

  /** Camera takes and uploads whose page is still sending chunks. */
  activeCaptureCount(): number {
    return this.library.recordings.listUnfinished().filter((row) => row.status === 'capturing').length;
  }

  /**
   * The page that was filming went away (its renderer crashed or was reloaded): the take
   * is closed and finalised from what reached the disk, like after a crash of the app.
   */
  recoverAbandonedCaptures(): Array<{ recordingId: number; action: 'recovering' | 'removed'; jobId: string | null }> {
    this.closeAll();
    const report = this.recoverUnfinished(true);
    for (const entry of report) {
      if (entry.action === 'recovering') this.announce(this.library.recordings.get(entry.recordingId), 'updated');
    }
    return report;
  }

  closeAll(): void {
    for (const writer of this.writers.values()) writer.close();
    this.writers.clear();
  }
}
