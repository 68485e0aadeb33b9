/**
 * Runs ffmpeg with an argument array (never a shell string), reports progress parsed
 * from `-progress pipe:1`, stops it when the AbortSignal fires, and on failure throws
 * an error quoting ffmpeg's own last lines. The one place ffmpeg is spawned for work.
 */
import { spawn } from 'node:child_process';
import { AppError } from '../../src-shared/appError';
import type { FfmpegBinaries } from './binaries';
import { FfmpegProgressParser, StderrTail, type FfmpegProgress } from './progressParser';
import { defaultProcessRegistry, type ProcessRegistry } from '../platform/processRegistry';

export interface RunFfmpegOptions {
  /** Expected output duration, to turn output time into a ratio. */
  durationSeconds?: number | null;
  onProgress?: (progress: FfmpegProgress) => void;
  signal?: AbortSignal;
  registry?: ProcessRegistry;
  /** A short description for error messages ("cutting the clip"). */
  /** What ffmpeg is for, in French, as a verb ("faire l’image d’aperçu"): messages read "avant de …", "en train de …". */
  purpose?: string;
  /** Working directory: relative file names in filters (fonts, text files) resolve here. */
  cwd?: string;
  /** Told the process id once ffmpeg runs (crash recovery stops orphans by it). */
  onSpawn?: (pid: number) => void;
  /** How many of ffmpeg's last stderr lines to keep (12 unless told): a filter's report (loudnorm's JSON) needs more. */
  stderrTailLines?: number;
}

export interface RunFfmpegResult {
  stderrTail: string;
}

export function runFfmpeg(
  binaries: Pick<FfmpegBinaries, 'ffmpeg'>,
  args: readonly string[],
  options: RunFfmpegOptions = {},
): Promise<RunFfmpegResult> {
  const purpose = options.purpose ?? 'traiter la vidéo';
  // "de" before a verb, elided before a vowel: "avant de lire", "avant d’extraire"
  const dePurpose = /^[aeiouyéèêh]/i.test(purpose) ? `d’${purpose}` : `de ${purpose}`;
  return new Promise((resolve, reject) => {
    if (options.signal?.aborted) {
      reject(new AppError('cancelled', `Annulé avant ${dePurpose}.`));
      return;
    }
    const fullArgs = ['-hide_banner', '-nostdin', '-y', '-progress', 'pipe:1', '-nostats', ...args];
    const child = spawn(binaries.ffmpeg, fullArgs, { stdio: ['ignore', 'pipe', 'pipe'], windowsHide: true, cwd: options.cwd });
    (options.registry ?? defaultProcessRegistry).add(child);
    if (child.pid !== undefined) options.onSpawn?.(child.pid);

    const parser = new FfmpegProgressParser(options.durationSeconds ?? null);
    const tail = new StderrTail(options.stderrTailLines);
    let cancelled = false;

    const onAbort = () => {
      cancelled = true;
      child.kill('SIGKILL');
    };
    options.signal?.addEventListener('abort', onAbort, { once: true });

    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      for (const update of parser.push(chunk)) options.onProgress?.(update);
    });
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => tail.push(chunk));

    child.once('error', (error) => {
      options.signal?.removeEventListener('abort', onAbort);
      reject(
        new AppError('media-tool-missing', `ffmpeg n’a pas pu être lancé (${binaries.ffmpeg}) : ${error.message}.`, {
          hint: 'Vérifiez que ffmpeg est installé, ou indiquez son chemin complet dans Réglages → Outils vidéo (ou FFMPEG_PATH).',
          cause: error,
        }),
      );
    });
    child.once('close', (code) => {
      options.signal?.removeEventListener('abort', onAbort);
      if (cancelled) {
        reject(new AppError('cancelled', `Annulé alors que ffmpeg était en train ${dePurpose}.`));
      } else if (code === 0) {
        resolve({ stderrTail: tail.text() });
      } else {
        reject(
          new AppError('media-failed', `ffmpeg a échoué alors qu’il devait ${purpose} (code de sortie ${code}) :\n${tail.text()}`, {
            hint: 'Les lignes ci-dessus viennent de ffmpeg : elles nomment en général le fichier illisible ou le codec manquant.',
          }),
        );
      }
    });
  });
}
