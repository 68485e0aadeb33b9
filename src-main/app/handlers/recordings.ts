/** Recordings, camera capture, imports, markers and the jobs queue. */
import { AppError } from '../../../src-shared/appError';
import type { HandlerTable } from './handlerTable';
import { masterFrameGrid } from '../../media/masterFrameGrid';

export const recordingHandlers = {
  'recordings.list': (input, ctx) => ctx.library.recordings.list(input),
  'recordings.get': (input, ctx) => {
    const recording = ctx.library.recordings.get(input.id);
    const master = recording.masterAssetId === null ? null : ctx.library.mediaAssets.resolve(recording.masterAssetId).absolutePath;
    return { ...recording, frameRate: masterFrameGrid(master, recording.hasVideo) };
  },
  'recordings.update': (input, ctx) => {
    const recording = ctx.library.recordings.update(input.id, input.changes);
    ctx.events.emit('data.changed', { entity: 'recording', id: recording.id, projectId: recording.projectId, change: 'updated' });
    return recording;
  },
  'recordings.delete': (input, ctx) => {
    const recording = ctx.library.recordings.get(input.id);
    if (recording.status === 'finalising') {
      throw new AppError('conflict', 'This recording is still being processed.', {
        hint: 'Wait for the progress bar to finish (or cancel it), then delete.',
      });
    }
    ctx.capture.deleteRecording(input.id);
    return { deleted: true, id: input.id } as const;
  },
  'recordings.importFile': (input, ctx) => ctx.capture.importFile(input),
  'recordings.retryFinalise': (input, ctx) => ctx.capture.retryFinalise(input.recordingId),
  'capture.start': (input, ctx) => ctx.capture.start(input),
  'capture.appendChunk': (input, ctx) => ctx.capture.appendChunk(input),
  'capture.finish': (input, ctx) => ctx.capture.finish(input.recordingId),
  'capture.discard': (input, ctx) => {
    ctx.capture.discard(input.recordingId);
    return { deleted: true, id: input.recordingId } as const;
  },
  'markers.add': (input, ctx) => {
    const marker = ctx.library.recordings.addMarker(input.recordingId, input.atSeconds, input.tag ?? '');
    ctx.events.emit('data.changed', {
      entity: 'marker',
      id: marker.id,
      projectId: null,
      recordingId: marker.recordingId,
      change: 'created',
    });
    return marker;
  },
  'markers.delete': (input, ctx) => {
    const recordingId = ctx.library.recordings.deleteMarker(input.id);
    ctx.events.emit('data.changed', { entity: 'marker', id: input.id, projectId: null, recordingId, change: 'deleted' });
    return { deleted: true, id: input.id } as const;
  },
  'jobs.list': (_input, ctx) => ctx.jobs.list(),
  'jobs.cancel': (input, ctx) => ctx.jobs.cancel(input.jobId),
} satisfies HandlerTable;
