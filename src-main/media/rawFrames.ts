/**
 * Decodes a video to raw RGB frames at a reduced size and rate and hands them over one
 * by one, with backpressure (ffmpeg waits while a frame is being looked at). Spawned
 * like every ffmpeg (argument array, registered, killed on abort). For analysis only.
 */
import { spawn } from 'node:child_process';
import { AppError } from '../../src-shared/appError';
import type { FfmpegBinaries } from './binaries';
import { StderrTail } from './progressParser';
import { defaultProcessRegistry, type ProcessRegistry } from '../platform/processRegistry';

export interface RawFramesOptions {
  width: number;
  height: number;
  /** Frames a second to decode (the source's are dropped or repeated to it). */
  rate: number;
  signal?: AbortSignal;
  registry?: ProcessRegistry;
}

/** Calls `onFrame(rgb, index)` for frame `index` (at `index / rate` seconds), awaiting each before reading on. */
export function readRawFrames(
  binaries: Pick<FfmpegBinaries, 'ffmpeg'>,
  input: string,
  options: RawFramesOptions,
  onFrame: (rgb: Uint8Array, index: number) => Promise<void>,
): Promise<number> {
  const { width, height, rate } = options;
  const frameBytes = width * height * 3;
  const args = [
    ...['-hide_banner', '-nostdin', '-v', 'error', '-i', input, '-an', '-sn', '-dn'],
    ...['-vf', `fps=${rate},scale=${width}:${height}:flags=area,format=rgb24`, '-f', 'rawvideo', 'pipe:1'],
  ];
  return new Promise((resolve, reject) => {
    if (options.signal?.aborted) return reject(new AppError('cancelled', 'Analyse annulée.'));
    const child = spawn(binaries.ffmpeg, args, { stdio: ['ignore', 'pipe', 'pipe'], windowsHide: true });
    (options.registry ?? defaultProcessRegistry).add(child);
    const tail = new StderrTail();
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => tail.push(chunk));
    let cancelled = false;
    let failed: unknown = null;
    const onAbort = () => {
      cancelled = true;
      child.kill('SIGKILL');
    };
    options.signal?.addEventListener('abort', onAbort, { once: true });
    let pending: Buffer = Buffer.alloc(0);
    let index = 0;
    let chain = Promise.resolve();
    child.stdout.on('data', (chunk: Buffer) => {
      pending = pending.length ? Buffer.concat([pending, chunk]) : chunk;
      const frames: Uint8Array[] = [];
      while (pending.length >= frameBytes) {
        frames.push(new Uint8Array(pending.subarray(0, frameBytes)));
        pending = pending.subarray(frameBytes);
      }
      if (!frames.length) return;
      child.stdout.pause();
      chain = chain
        .then(async () => {
          for (const frame of frames) if (!failed && !cancelled) await onFrame(frame, index++);
        })
        .catch((error: unknown) => {
          failed = error;
          child.kill('SIGKILL');
        })
        .finally(() => child.stdout.resume());
    });
    child.once('error', (error) =>
      reject(
        new AppError('media-tool-missing', `ffmpeg n’a pas pu être lancé : ${error.message}.`, {
          hint: 'Vérifiez que ffmpeg est installé, ou indiquez son chemin dans Réglages → Outils vidéo.',
        }),
      ),
    );
    child.once('close', (code) => {
      options.signal?.removeEventListener('abort', onAbort);
      void chain.then(() => {
        if (cancelled) reject(new AppError('cancelled', 'Analyse annulée.'));
        else if (failed) reject(failed);
        else if (code !== 0)
          reject(
            new AppError('media-failed', `ffmpeg a échoué en lisant les images de la vidéo (code de sortie ${code}) :\n${tail.text()}`, {
              hint: 'Les lignes ci-dessus viennent de ffmpeg : elles nomment en général le fichier illisible ou le codec manquant.',
            }),
          );
        else resolve(index);
      });
    });
  });
}
