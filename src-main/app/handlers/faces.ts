/** Faces of a recording: the analysis job, the tracks, and whose face each track is. */
import { AppError } from '../../../src-shared/appError';
import type { FaceTrackView } from '../../../src-shared/contract/schemas/faces';
import type { FaceTrackRecord } from '../../faces/faceTracksStore';
import type { HandlerTable } from './handlerTable';

const view = (track: FaceTrackRecord): FaceTrackView => ({
  id: track.id,
  recordingId: track.recordingId,
  firstSeconds: track.firstSeconds,
  lastSeconds: track.lastSeconds,
  assignment: track.assignment,
  personId: track.personId,
  thumbnail: track.thumbnailJpeg ? `data:image/jpeg;base64,${track.thumbnailJpeg.toString('base64')}` : null,
  boxes: track.boxes,
});

export const faceHandlers = {
  'faces.analyse': (input, ctx) => ctx.faces.start(input.recordingId, { wait: input.wait }),
  'faces.tracks': (input, ctx) => {
    ctx.library.recordings.get(input.recordingId, 'recordingId');
    const analysis = ctx.faceTracks.analysis(input.recordingId);
    return {
      recordingId: input.recordingId,
      analysed: analysis !== null,
      analysedAt: analysis?.analysedAt ?? null,
      stepSeconds: analysis?.stepSeconds ?? null,
      tracks: ctx.faceTracks.tracks(input.recordingId).map(view),
    };
  },
  'faces.assign': (input, ctx) => {
    const track = ctx.faceTracks.track(input.trackId);
    const recording = ctx.library.recordings.get(track.recordingId);
    if (input.personId !== null && !recording.people.some((linked) => linked.personId === input.personId)) {
      throw new AppError('invalid-input', 'Cette personne n’est pas reliée à la vidéo.', {
        field: 'personId',
        hint: 'Reliez-la d’abord à la vidéo, ou choisissez « inconnu ».',
      });
    }
    const updated = ctx.faceTracks.assign(input.trackId, input.personId === null ? 'unknown' : 'person', input.personId);
    ctx.events.emit('data.changed', { entity: 'recording', id: recording.id, projectId: recording.projectId, change: 'updated' });
    return view(updated);
  },
  'faces.merge': (input, ctx) => {
    const merged = ctx.faceTracks.merge(input.trackIds);
    const recording = ctx.library.recordings.get(merged.recordingId);
    ctx.events.emit('data.changed', { entity: 'recording', id: recording.id, projectId: recording.projectId, change: 'updated' });
    return view(merged);
  },
} satisfies HandlerTable;
