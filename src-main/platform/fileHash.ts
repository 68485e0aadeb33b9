/**
 * SHA-256 of files on a worker thread: backups and pack manifests hash gigabytes of video,
 * and doing it on the Electron main thread would freeze the window (IPC and menus run
 * there). One worker, started on first use and unreferenced so it never keeps the
 * process alive; the file is read and hashed entirely inside it.
 */
import { Worker } from 'node:worker_threads';

const WORKER_SOURCE = `
const { parentPort } = require('node:worker_threads');
const crypto = require('node:crypto');
const fs = require('node:fs');
parentPort.on('message', ({ id, file }) => {
  const hash = crypto.createHash('sha256');
  fs.createReadStream(file, { highWaterMark: 1024 * 1024 })
    .on('data', (chunk) => hash.update(chunk))
    .on('error', (error) => parentPort.postMessage({ id, error: { message: error.message, code: error.code } }))
    .on('end', () => parentPort.postMessage({ id, sha256: hash.digest('hex') }));
});
`;

type Pending = { resolve: (sha256: string) => void; reject: (error: Error) => void };

let worker: Worker | null = null;
let nextId = 0;
const pending = new Map<number, Pending>();

function failAll(error: Error): void {
  for (const entry of pending.values()) entry.reject(error);
  pending.clear();
  worker = null;
}

function hashWorker(): Worker {
  if (worker) return worker;
  const started = new Worker(WORKER_SOURCE, { eval: true });
  started.unref();
  started.on('message', (message: { id: number; sha256?: string; error?: { message: string; code?: string } }) => {
    const entry = pending.get(message.id);
    if (!entry) return;
    pending.delete(message.id);
    if (pending.size === 0) started.unref();
    if (message.error) entry.reject(Object.assign(new Error(message.error.message), { code: message.error.code }));
    else entry.resolve(message.sha256!);
  });
  started.on('error', failAll);
  started.on('exit', () => failAll(new Error('Le calcul des empreintes des fichiers s’est arrêté.')));
  worker = started;
  return started;
}

export function sha256OfFileOffThread(file: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const id = nextId++;
    pending.set(id, { resolve, reject });
    const target = hashWorker();
    target.ref(); // keep the process alive while an answer is awaited
    target.postMessage({ id, file });
  });
}
