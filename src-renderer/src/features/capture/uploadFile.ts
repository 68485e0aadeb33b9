/**
 * Import from the UI: in the desktop app the main side reads the file by its path;
 * in a browser the file is sent in 8 MB chunks through the same capture path as the
 * camera. Either way it is finalised by the main side like any recording.
 */
import type { RecordingKind } from '../../../../src-shared/contract/schemas';
import { api, localPathOf } from '../../api/client';
import { ChunkUploader } from './chunkUploader';

const UPLOAD_CHUNK_BYTES = 8 * 1024 * 1024;

function mimeTypeOf(file: File): string {
  return /^(video|audio)\/[\w.+-]+$/.test(file.type) ? file.type : 'video/unknown';
}

export async function uploadFile(
  file: File,
  target: { sessionId: number; kind: RecordingKind },
  onProgress: (ratio: number) => void,
): Promise<{ recordingId: number; jobId: string }> {
  // the desktop app reads the file by path: no copy of it travels over IPC
  const localPath = localPathOf(file);
  if (localPath) {
    onProgress(0);
    const queued = await api.call('recordings.importPath', {
      path: localPath,
      sessionId: target.sessionId,
      kind: target.kind,
      title: file.name.replace(/\.[^.]+$/, '').slice(0, 200),
    });
    onProgress(1);
    return queued;
  }
  const recording = await api.call('capture.start', {
    sessionId: target.sessionId,
    kind: target.kind,
    source: 'upload',
    mimeType: mimeTypeOf(file),
    fileName: file.name.slice(0, 255),
    title: file.name.replace(/\.[^.]+$/, '').slice(0, 200),
  });
  const uploader = new ChunkUploader(recording.id);
  try {
    for (let offset = 0; offset < file.size; offset += UPLOAD_CHUNK_BYTES) {
      uploader.enqueue(file.slice(offset, offset + UPLOAD_CHUNK_BYTES));
      await uploader.flush(); // one chunk in memory at a time
      onProgress(Math.min(1, (offset + UPLOAD_CHUNK_BYTES) / file.size));
    }
    return await api.call('capture.finish', { recordingId: recording.id });
  } catch (error) {
    await api.call('capture.discard', { recordingId: recording.id }).catch(() => {});
    throw error;
  }
}
