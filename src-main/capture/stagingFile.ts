/**
 * Names of the files a recording's folder holds while it is captured or uploaded,
 * before the master exists: `capture.<ext>` for the camera, `source.<ext>` for a file.
 */
import fs from 'node:fs';
import path from 'node:path';

const EXTENSION_BY_MIME: Record<string, string> = {
  'video/webm': '.webm',
  'audio/webm': '.webm',
  'video/mp4': '.mp4',
  'audio/mp4': '.m4a',
  'video/x-matroska': '.mkv',
  'audio/ogg': '.ogg',
  'video/ogg': '.ogv',
  'video/quicktime': '.mov',
};

export function extensionForMime(mimeType: string): string {
  return EXTENSION_BY_MIME[mimeType.split(';')[0]!.trim().toLowerCase()] ?? '.bin';
}

/** A safe extension from a user's file name: letters and digits only. */
export function extensionOfFileName(fileName: string | undefined): string | null {
  const ext = path.extname(fileName ?? '').toLowerCase();
  return /^\.[a-z0-9]{1,5}$/.test(ext) ? ext : null;
}

export function stagingFileName(source: 'camera' | 'upload' | 'file', extension: string): string {
  return `${source === 'camera' ? 'capture' : 'source'}${extension}`;
}

/** The staging file left in a recording folder, if any. */
export function findStagingFile(folder: string): string | null {
  try {
    const name = fs.readdirSync(folder).find((entry) => /^(capture|source)\.[a-z0-9]{1,5}$/.test(entry));
    return name ? path.join(folder, name) : null;
  } catch {
    return null;
  }
}
