/**
 * The main process's side of the face detector's thread: starts one Worker when first
 * needed, hands it frames (their memory moved, not copied) and gets the faces back. A
 * cancelled analysis stops waiting at once (the frame in hand is dropped when it comes
 * back; the thread and its loaded model stay for the next analysis). A thread that dies
 * fails what was waiting with a French error and is started anew by the next request.
 * `close()` ends the thread (library closed, app quitting): no thread outlives its library.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { AppError } from '../../src-shared/appError';
import type { FaceDetection } from './faceTracker';

export type FaceWorkerRequest =
  | { type: 'load'; id: number }
  | { type: 'detect'; id: number; rgb: ArrayBuffer; width: number; height: number; t: number; inputSize: number };

export type FaceWorkerReply =
  | { type: 'loaded'; id: number; threadId: number; loadMs: number }
  | { type: 'faces'; id: number; threadId: number; faces: FaceDetection[] }
  | { type: 'failed'; id: number; message: string };

/** The worker's entry: the built one beside the bundle (out/main), or the TypeScript source run through tsx. */
export function faceWorkerEntry(dir: string = __dirname): { file: string; fromSource: boolean } {
  for (const built of [path.join(dir, 'faceWorker.js'), path.join(dir, '..', 'faceWorker.js')])
    if (fs.existsSync(built)) return { file: built, fromSource: false };
  const source = path.join(dir, 'faceWorker.ts');
  if (fs.existsSync(source)) return { file: source, fromSource: true };
  throw new AppError('media-tool-missing', 'Le module qui trouve les visages manque à l’installation d’ERIC Studio.', {
    hint: 'Réinstallez ERIC Studio ; les vidéos et la bibliothèque ne sont pas touchées.',
  });
}

function startWorker(): Worker {
  const entry = faceWorkerEntry();
  if (!entry.fromSource) return new Worker(entry.file, { name: 'eric-faces' });
  // sources (tests, `npm run cli`): the thread compiles TypeScript as the main process does
  const tsx = createRequire(__filename).resolve('tsx/cjs');
  return new Worker(`require(${JSON.stringify(tsx)}); require(${JSON.stringify(entry.file)});`, { eval: true, name: 'eric-faces' });
}

export const detectorStopped = (cause?: unknown) =>
  new AppError('media-failed', 'La recherche des visages s’est arrêtée : le module qui trouve les visages a cessé de fonctionner.', {
    hint: 'Relancez l’analyse des visages de cette vidéo. Si cela se reproduit, redémarrez ERIC Studio.',
    cause,
  });

const cancelled = () => new AppError('cancelled', 'Analyse annulée.');

interface Waiting {
  resolve(reply: FaceWorkerReply): void;
  reject(error: unknown): void;
}

export interface FrameToDetect {
  rgb: Uint8Array;
  width: number;
  height: number;
  t: number;
  inputSize: number;
}

export class FaceDetectorThread {
  private worker: Worker | null = null;
  private readonly waiting = new Map<number, Waiting>();
  private nextId = 1;
  /** The thread that answered last (never 0: 0 is the main thread). */
  threadId: number | null = null;
  /** Frames the thread has answered since this object was made. */
  framesDetected = 0;

  /** Starts the thread if needed and loads the model in it (once per thread). */
  async load(signal?: AbortSignal): Promise<{ threadId: number; loadMs: number }> {
    const reply = await this.request({ type: 'load' }, [], signal);
    if (reply.type !== 'loaded') throw new Error('unexpected reply');
    return { threadId: reply.threadId, loadMs: reply.loadMs };
  }

  /** Faces in one RGB frame; the frame's memory moves to the thread (do not use `rgb` afterwards). */
  async detect(frame: FrameToDetect, signal?: AbortSignal): Promise<FaceDetection[]> {
    const { rgb, width, height, t, inputSize } = frame;
    const whole = rgb.byteOffset === 0 && rgb.byteLength === rgb.buffer.byteLength && rgb.buffer instanceof ArrayBuffer;
    const buffer = whole ? (rgb.buffer as ArrayBuffer) : rgb.slice().buffer;
    const reply = await this.request({ type: 'detect', rgb: buffer, width, height, t, inputSize }, [buffer], signal);
    if (reply.type !== 'faces') throw new Error('unexpected reply');
    this.framesDetected++;
    return reply.faces;
  }

  /** Ends the thread (what was waiting is cancelled); the next request starts a new one. */
  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    this.threadId = null;
    this.rejectAll(cancelled());
    if (worker) await worker.terminate();
  }

  get running(): boolean {
    return this.worker !== null;
  }

  private request(
    message: { type: 'load' } | Omit<Extract<FaceWorkerRequest, { type: 'detect' }>, 'id'>,
    transfer: ArrayBuffer[],
    signal?: AbortSignal,
  ): Promise<FaceWorkerReply> {
    if (signal?.aborted) return Promise.reject(cancelled());
    const worker = this.ensureWorker();
    const id = this.nextId++;
    return new Promise<FaceWorkerReply>((resolve, reject) => {
      const onAbort = () => {
        this.waiting.delete(id);
        this.holdProcess();
        reject(cancelled());
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      const settle = () => {
        signal?.removeEventListener('abort', onAbort);
        this.waiting.delete(id);
        this.holdProcess();
      };
      this.waiting.set(id, {
        resolve: (reply) => {
          settle();
          if (reply.type === 'failed') reject(this.failure(reply.message));
          else resolve(reply);
        },
        reject: (error) => {
          settle();
          reject(error);
        },
      });
      this.holdProcess();
      worker.postMessage({ ...message, id }, transfer);
    });
  }

  private failure(message: string): AppError {
    return new AppError('media-failed', 'La recherche des visages a échoué sur une image de la vidéo.', {
      hint: 'Relancez l’analyse des visages ; si cela se reproduit, la vidéo est peut-être abîmée : importez-la de nouveau.',
      cause: new Error(message),
    });
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const worker = startWorker();
    this.worker = worker;
    worker.on('message', (reply: FaceWorkerReply) => {
      if (reply.type !== 'failed') this.threadId = reply.threadId;
      this.waiting.get(reply.id)?.resolve(reply);
    });
    // an uncaught error in the thread, or the thread ending by itself: what waited fails, the next request starts anew
    worker.on('error', (error) => this.died(worker, error));
    worker.on('exit', (code) => this.died(worker, new Error(`the face detector's thread ended (exit code ${code})`)));
    return worker;
  }

  private died(worker: Worker, cause: unknown): void {
    if (this.worker !== worker) return; // closed on purpose, or already replaced
    this.worker = null;
    this.threadId = null;
    this.rejectAll(detectorStopped(cause));
    void worker.terminate();
  }

  private rejectAll(error: unknown): void {
    const waiting = [...this.waiting.values()];
    this.waiting.clear();
    for (const entry of waiting) entry.reject(error);
  }

  /** While frames are waiting the thread keeps the process alive; idle, it never does. */
  private holdProcess(): void {
    if (!this.worker) return;
    if (this.waiting.size) this.worker.ref();
    else this.worker.unref();
  }
}
