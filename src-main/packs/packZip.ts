/**
 * Zipping a pack folder (one top folder inside the .zip, so it unzips tidily) and
 * reading a .zip's entries back for verification, streaming so large videos never sit
 * in memory. Videos are stored (already compressed); text files are deflated.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import yauzl from 'yauzl';
import yazl from 'yazl';
import { AppError } from '../../src-shared/appError';
import { listFiles } from '../platform/folderFiles';

const STORED = /\.(mp4|jpg|jpeg|png|zip|pdf)$/i;

export function zipFolder(dir: string, rootName: string, output: string, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const zip = new yazl.ZipFile();
    const out = fs.createWriteStream(output);
    const fail = (error: unknown) => {
      out.destroy();
      reject(error);
    };
    signal?.addEventListener('abort', () => fail(new AppError('cancelled', 'Annulé pendant la compression du pack.')), { once: true });
    out.on('error', fail);
    out.on('close', () => (signal?.aborted ? undefined : resolve()));
    zip.outputStream.pipe(out);
    for (const relative of listFiles(dir)) {
      zip.addFile(path.join(dir, ...relative.split('/')), `${rootName}/${relative}`, { compress: !STORED.test(relative) });
    }
    zip.end();
  });
}

export interface ZipEntry {
  path: string;
  size: number;
  read(): Promise<Buffer>;
  sha256(): Promise<string>;
}

/** The file entries of a zip (folders skipped), each readable on demand. */
export function readZipEntries(file: string): Promise<ZipEntry[]> {
  return new Promise((resolve, reject) => {
    yauzl.open(file, { lazyEntries: true, autoClose: false }, (error, zip) => {
      if (error || !zip) {
        reject(
          new AppError('invalid-input', `« ${path.basename(file)} » n’est pas un fichier .zip lisible.`, {
            hint: 'Vérifiez que le fichier a été copié en entier.',
          }),
        );
        return;
      }
      const entries: ZipEntry[] = [];
      const open = (entry: yauzl.Entry) =>
        new Promise<NodeJS.ReadableStream>((ok, ko) => zip.openReadStream(entry, (err, stream) => (err || !stream ? ko(err) : ok(stream))));
      zip.on('entry', (entry: yauzl.Entry) => {
        if (!entry.fileName.endsWith('/')) {
          entries.push({
            path: entry.fileName,
            size: entry.uncompressedSize,
            read: async () => {
              const chunks: Buffer[] = [];
              for await (const chunk of await open(entry)) chunks.push(chunk as Buffer);
              return Buffer.concat(chunks);
            },
            sha256: async () => {
              const hash = crypto.createHash('sha256');
              for await (const chunk of await open(entry)) hash.update(chunk as Buffer);
              return hash.digest('hex');
            },
          });
        }
        zip.readEntry();
      });
      zip.on('end', () => resolve(entries));
      zip.on('error', reject);
      zip.readEntry();
    });
  });
}
