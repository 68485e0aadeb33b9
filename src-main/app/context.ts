/**
 * Builds what every transport needs to serve the API: the opened library, the event
 * bus, the job queue, the capture service, and a lazily resolved ffmpeg (a missing
 * ffmpeg must not stop the library from opening).
 */
import packageJson from '../../package.json';
import { AppError } from '../../src-shared/appError';
import { CaptureService } from '../capture/captureService';
import { ConsentService } from '../consent/consentService';
import { Erasure } from '../privacy/erasure';
import { Retention } from '../privacy/retention';
import type { CheckpointOptions } from '../privacy/walCheckpoint';
import { ReviewService } from '../review/reviewService';
import { RenderService } from '../editing/renderService';
import { PackService } from '../packs/packService';
import { ExportsStore } from '../exports/exportsStore';
import { PeopleChanges } from '../consent/peopleChanges';
import { ClipsStore } from '../editing/clipsStore';
import { FaceTracksStore } from '../faces/faceTracksStore';
import { analyseAfterFinalise, FaceAnalysisService } from '../faces/faceAnalysisService';
import { MontagesStore } from '../editing/montagesStore';
import { SubtitleStore } from '../editing/subtitleStore';
import { SearchStore } from '../search/searchStore';
import { JobRunner } from '../platform/jobRunner';
import { Library, type OpenLibraryOptions } from '../library/library';
import { resolveFfmpegBinaries, type FfmpegBinaries } from '../media/binaries';
import { ApiEventBus } from '../platform/eventBus';
import { FFMPEG_SETTING, FFPROBE_SETTING, RECOVERY_SETTING } from '../library/settingKeys';
import { recoverUnfinishedWorkMarkers, type RecoveredWork } from '../platform/unfinishedWork';
import { acquireLibraryLock, currentLockHolder, type LibraryLock, type LibraryLockOptions } from '../library/libraryLock';

/** What every handler gets: the opened library, the services, and who is calling. */
export interface ApiContext {
  library: Library;
  events: ApiEventBus;
  transport: 'electron' | 'http';
  appVersion: string;
  /** Resolves ffmpeg lazily: a missing ffmpeg must not stop the library from opening. */
  ffmpeg: () => FfmpegBinaries | null;
  jobs: JobRunner;
  capture: CaptureService;
  consent: ConsentService;
  /** Right to be forgotten: every store forgets the person. */
  erasure: Erasure;
  review: ReviewService;
  render: RenderService;
  packs: PackService;
  /** The exports register (its one owner). */
  exports: ExportsStore;
  clips: ClipsStore;
  montages: MontagesStore;
  subtitles: SubtitleStore;
  search: SearchStore;
  /** Who is in a recording and who a person is: audited, and recalled when it narrows. */
  peopleChanges: PeopleChanges;
  /** True for the local CLI only: may call methods that read paths on this computer. */
  trusted: boolean;
  /** How long each project keeps its videos, comments and sheets; what is past it, and its erasure. */
  retention: Retention;
  /** Why ffmpeg or ffprobe cannot be used (with the fix), or null. */
  ffmpegProblem: () => string | null;
  /** Forgets the resolved ffmpeg, after its path setting changed. */
  resetFfmpeg: () => void;
  /** Only in the desktop app. */
  desktop: DesktopHooks | null;
  /** The library's lock held by this process (null: tests, or read-only mode). */
  lock: LibraryLock | null;
  /** Opened read-only because another process holds the library (read CLI commands only). */
  readOnly: boolean;
  /** Faces of recordings: the analysis job and the tracks (whose face each one is). */
  faces: FaceAnalysisService;
  faceTracks: FaceTracksStore;
}

export const APP_VERSION: string = packageJson.version;

/**
 * What only the desktop shell can do (dialogs, opening folders, restarting on another
 * library), given by the Electron entry; absent in browser mode and the CLI.
 */
export interface DesktopHooks {
  defaultLibraryDir: string;
  logsDir: string;
  openFolder(dir: string): Promise<void>;
  /** Asks for a folder or a program; null when the user cancels. */
  chooseFolder(title: string): Promise<string | null>;
  chooseProgram(title: string): Promise<string | null>;
  /** Restarts the app on another library folder, moving the current one there first when asked. */
  switchLibrary(dir: string, move: boolean): Promise<{ restarting: boolean; message: string | null }>;
  /** The menu and dialogs follow the interface language. */
  languageChanged(language: 'fr' | 'en'): void;
  /** Licence files that sit beside the Electron binary (Electron, Chromium). */
  shellLicenceFiles: Array<{ id: string; title: string; file: string }>;
}

export interface CreateApiContextOptions extends OpenLibraryOptions {
  /** The local CLI: may call path-based methods. */
  trusted?: boolean;
  /** Free space as seen by exports (tests simulate a nearly full disk). */
  freeBytes?: (dir: string) => number;
  /** The installed app uses the ffmpeg it ships before one on the PATH. */
  preferBundledFfmpeg?: boolean;
  desktop?: DesktopHooks | null;
  /** How long an erasure waits for another reader of the database (tests shorten it). */
  checkpoint?: CheckpointOptions;
  /** Look for faces in every recording once it is finalised (the app and browser mode). */
  analyseFacesAfterFinalise?: boolean;
  /**
   * One process per library: the shells (app, browser mode, CLI) take the library's lock
   * before opening it; with `readOnlyIfBusy` (read CLI commands) a library held by another
   * process is opened read-only instead of refused. Left out by in-process tests.
   */
  lock?: LibraryLockOptions & { readOnlyIfBusy?: boolean };
}

/** Takes the lock (or falls back to read-only), before anything is written to the library. */
function lockLibrary(libraryDir: string, options: CreateApiContextOptions): { lock: LibraryLock | null; readOnly: boolean } {
  if (!options.lock) return { lock: null, readOnly: false };
  try {
    return { lock: acquireLibraryLock(libraryDir, options.lock), readOnly: false };
  } catch (error) {
    if (options.lock.readOnlyIfBusy && error instanceof AppError && error.code === 'conflict' && currentLockHolder(libraryDir)) {
      return { lock: null, readOnly: true };
    }
    throw error;
  }
}

export function createApiContext(
  libraryDir: string,
  transport: ApiContext['transport'],
  options: CreateApiContextOptions = {},
): ApiContext {
  const { lock, readOnly } = lockLibrary(libraryDir, options);
  let library: Library;
  try {
    library = Library.open(libraryDir, { ...options, readOnly });
  } catch (error) {
    lock?.release();
    throw error;
  }
  const events = new ApiEventBus();
  const jobs = new JobRunner(events);

  let resolved: { binaries: FfmpegBinaries } | { error: AppError } | undefined;
  const resolve = () => {
    if (resolved) return resolved;
    try {
      resolved = {
        binaries: resolveFfmpegBinaries({
          settingFfmpeg: library.settings.get(FFMPEG_SETTING),
          settingFfprobe: library.settings.get(FFPROBE_SETTING),
          preferBundled: options.preferBundledFfmpeg ?? false,
        }),
      };
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      resolved = { error };
    }
    return resolved;
  };
  const requireFfmpeg = () => {
    const result = resolve();
    if ('error' in result) throw result.error;
    return result.binaries;
  };

  const capture = new CaptureService({
    library,
    jobs,
    events,
    requireFfmpeg,
    importSubtitles: (recordingId, srt) => void subtitles.replace(recordingId, srt, 'srt'),
    freeBytes: options.freeBytes,
  });
  const exports = new ExportsStore(library.db, library.now);
  const clips = new ClipsStore(library.db, library.now);
  const montages = new MontagesStore(library.db, library.now);
  const subtitles = new SubtitleStore(library.db);
  const search = new SearchStore(library.db);
  const consent = new ConsentService({ library, events, exports });
  const review = new ReviewService({ library, events });
  const erasure = new Erasure({
    library,
    events,
    consent: consent.store,
    exports,
    clips,
    comments: review.comments,
    deleteRecording: (id) => capture.deleteRecording(id),
    checkpoint: options.checkpoint,
  });
  const faceTracks = new FaceTracksStore(library.db);
  const faces = new FaceAnalysisService({ library, jobs, events, store: faceTracks, requireFfmpeg });
  if (options.analyseFacesAfterFinalise) analyseAfterFinalise(events, jobs, faces);
  const render = new RenderService({
    faceTracks: (recordingId) => faceTracks.forPlan(recordingId),
    library,
    jobs,
    events,
    consent,
    clips,
    montages,
    subtitles,
    exports,
    requireFfmpeg,
    freeBytes: options.freeBytes,
  });
  const packs = new PackService({
    library,
    jobs,
    events,
    consent,
    render,
    clips,
    montages,
    exports,
    requireFfmpeg,
    appVersion: APP_VERSION,
    freeBytes: options.freeBytes,
  });
  const peopleChanges = new PeopleChanges({ library, consent, exports, clips, events });
  const retention = new Retention({
    library,
    events,
    consent,
    exports,
    comments: review.comments,
    erasure,
    deleteRecording: (id) => capture.deleteRecording(id),
  });
  return {
    retention,
    library,
    events,
    transport,
    peopleChanges,
    appVersion: APP_VERSION,
    trusted: options.trusted ?? false,
    jobs,
    capture,
    review,
    consent,
    erasure,
    render,
    packs,
    exports,
    clips,
    montages,
    subtitles,
    search,
    ffmpeg: () => {
      const result = resolve();
      return 'binaries' in result ? result.binaries : null;
    },
    ffmpegProblem: () => {
      const result = resolve();
      return 'error' in result ? [result.error.message, result.error.hint].filter(Boolean).join(' ') : null;
    },
    resetFfmpeg: () => {
      resolved = undefined;
    },
    desktop: options.desktop ?? null,
    lock,
    readOnly,
    faces,
    faceTracks,
  };
}

/** Closes a context: stops jobs and capture files, then the database. */
export function closeApiContext(ctx: ApiContext): void {
  ctx.jobs.cancelAll();
  void ctx.faces.close();
  ctx.capture.closeAll();
  ctx.library.close();
  ctx.lock?.release();
}

/**
 * Start-up recovery after a crash: camera takes are finalised from what reached the
 * disk, and half-written exports (work folders, partial files) are removed so nothing
 * incomplete is ever presented as an export.
 */
export function recoverUnfinishedWork(ctx: ApiContext): {
  recordings: number;
  partialExportsRemoved: number;
  interrupted: RecoveredWork['interrupted'];
  processesStopped: number;
} {
  // only the lock holder recovers: a live take belongs to the process that holds the library
  if (ctx.readOnly) return { recordings: 0, partialExportsRemoved: 0, interrupted: [], processesStopped: 0 };
  const recordings = ctx.capture.recoverUnfinished().length;
  // markers first: they stop orphan encoders before their files are removed
  const markers = recoverUnfinishedWorkMarkers(ctx.library.dir);
  const partialExportsRemoved = markers.pathsRemoved + ctx.render.recoverUnfinished() + ctx.packs.recoverUnfinished();
  if (markers.interrupted.length) {
    ctx.library.settings.set(RECOVERY_SETTING, JSON.stringify({ at: ctx.library.now(), interrupted: markers.interrupted }));
  }
  return { recordings, partialExportsRemoved, interrupted: markers.interrupted, processesStopped: markers.processesStopped };
}
