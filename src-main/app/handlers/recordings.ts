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
    const { people, ...changes } = input.changes;
    if (people) ctx.peopleChanges.replace(input.id, people);
    const recording = ctx.library.recordings.update(input.id, changes);
    ctx.events.emit('data.changed', { entity: 'recording', id: recording.id, projectId: recording.projectId, change: 'updated' });
    return recording;
  },
  'recordings.delete': (input, ctx) => {
    const recording = ctx.library.recordings.get(input.id);
    if (recording.status === 'finalising') {
      throw new AppError('conflict', 'Cet enregistrement est encore en préparation : il ne peut pas être supprimé maintenant.', {
        hint: 'Attendez la fin de la barre de progression (ou annulez-la), puis supprimez-le.',
      });
    }
    ctx.capture.deleteRecording(input.id);
    return { deleted: true, id: input.id } as const;
  },
  'recordings.resolveReview': (input, ctx) => ctx.erasure.resolveReview(input),
  'recordings.importFile': (input, ctx) => ctx.capture.importFile(input),
  'recordings.importPath': (input, ctx) => {
    // the desktop app passes the path of a file the user dropped or picked; a page in
    // browser mode never may (it sends the bytes instead)
    if (!ctx.trusted && ctx.transport !== 'electron') {
      throw new AppError('forbidden', 'Seule l’application de bureau importe un fichier par son chemin.', {
        hint: 'Dans le navigateur, déposez le fichier sur la liste des enregistrements : il est envoyé par morceaux.',
      });
    }
    return ctx.capture.importFileQueued(input);
  },
  'recordings.retryFinalise': (input, ctx) => ctx.capture.retryFinalise(input.recordingId),
  'capture.start': (input, ctx) => ctx.capture.start(input),
  'recordings.linkPerson': (input, ctx) => ctx.peopleChanges.link(input),
  'recordings.unlinkPerson': (input, ctx) => ctx.peopleChanges.unlink(input),
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
  'jobs.dismiss': (input, ctx) => ({ dismissed: ctx.jobs.dismiss(input.jobId) }),
} satisfies HandlerTable;
