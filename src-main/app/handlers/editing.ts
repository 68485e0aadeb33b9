/** Clips, montages, subtitles and renders. */

import { setClipPeople } from '../../editing/clipPeople';
import { AppError } from '../../../src-shared/appError';
import type { HandlerTable } from './handlerTable';
import { clipStills, confirmFaceRegion } from '../../editing/faceRegionStills';

export const editingHandlers = {
  'clips.list': (input, ctx) =>
    input.recordingId !== undefined
      ? ctx.clips.listByRecording(ctx.library.recordings.get(input.recordingId).id)
      : ctx.clips.listByProject(ctx.library.projects.get(input.projectId!).id),
  'clips.create': (input, ctx) => {
    const { recordingId, ...fields } = input;
    const clip = ctx.clips.create(recordingId, fields);
    ctx.events.emit('data.changed', {
      entity: 'clip',
      id: clip.id,
      projectId: clip.projectId,
      recordingId: clip.recordingId,
      change: 'created',
    });
    return clip;
  },
  'clips.update': (input, ctx) => {
    const clip = ctx.clips.update(input.id, input.changes);
    ctx.events.emit('data.changed', {
      entity: 'clip',
      id: clip.id,
      projectId: clip.projectId,
      recordingId: clip.recordingId,
      change: 'updated',
    });
    return clip;
  },
  'clips.delete': (input, ctx) => {
    const clip = ctx.clips.delete(input.id);
    ctx.events.emit('data.changed', {
      entity: 'clip',
      id: clip.id,
      projectId: clip.projectId,
      recordingId: clip.recordingId,
      change: 'deleted',
    });
    return { deleted: true, id: input.id } as const;
  },
  'clips.setPeople': (input, ctx) => {
    const clip = setClipPeople({ library: ctx.library, clips: ctx.clips, consentStore: ctx.consent.store }, input);
    ctx.events.emit('data.changed', {
      entity: 'clip',
      id: clip.id,
      projectId: clip.projectId,
      recordingId: clip.recordingId,
      change: 'updated',
    });
    return clip;
  },
  'montages.list': (input, ctx) => ctx.montages.list(ctx.library.projects.get(input.projectId).id),
  'montages.get': (input, ctx) => ctx.montages.get(input.id),
  'montages.create': (input, ctx) => {
    const montage = ctx.montages.create(ctx.library.projects.get(input.projectId).id, input.name);
    ctx.events.emit('data.changed', { entity: 'montage', id: montage.id, projectId: montage.projectId, change: 'created' });
    return montage;
  },
  'montages.update': (input, ctx) => {
    const montage = ctx.montages.update(input.id, input.changes);
    ctx.events.emit('data.changed', { entity: 'montage', id: montage.id, projectId: montage.projectId, change: 'updated' });
    return montage;
  },
  'montages.delete': (input, ctx) => {
    const montage = ctx.montages.delete(input.id);
    ctx.events.emit('data.changed', { entity: 'montage', id: montage.id, projectId: montage.projectId, change: 'deleted' });
    return { deleted: true, id: input.id } as const;
  },
  'subtitles.list': (input, ctx) => ctx.subtitles.list(ctx.library.recordings.get(input.recordingId).id),
  'subtitles.import': (input, ctx) => {
    const recording = ctx.library.recordings.get(input.recordingId);
    const cues = ctx.subtitles.replace(recording.id, input.content, input.format);
    ctx.events.emit('data.changed', {
      entity: 'subtitle',
      id: recording.id,
      projectId: recording.projectId,
      recordingId: recording.id,
      change: 'updated',
    });
    return cues;
  },
  'subtitles.clear': (input, ctx) => {
    const recording = ctx.library.recordings.get(input.recordingId);
    ctx.subtitles.clear(recording.id);
    ctx.events.emit('data.changed', {
      entity: 'subtitle',
      id: recording.id,
      projectId: recording.projectId,
      recordingId: recording.id,
      change: 'deleted',
    });
    return [];
  },
  'render.check': (input, ctx) => ctx.render.check({ ...input, speakerRequired: true }),
  'render.start': (input, ctx) => {
    return ctx.render.start({ ...input, speakerRequired: true });
  },
  'clips.stills': (input, ctx) => {
    const binaries = ctx.ffmpeg();
    if (!binaries)
      throw new AppError('media-tool-missing', 'ffmpeg est introuvable : il sert à prendre les images d’un extrait.', {
        hint: 'Installez-le, ou indiquez son chemin dans Réglages → Outils vidéo.',
      });
    return clipStills(ctx.library, ctx.clips, binaries, input.clipId, input.count);
  },
  'clips.confirmFaceRegion': (input, ctx) => {
    const clip = confirmFaceRegion(ctx.clips, input);
    ctx.events.emit('data.changed', { entity: 'clip', id: clip.id, projectId: clip.projectId, change: 'updated' });
    return clip;
  },
  'render.titlePreview': (input, ctx) => ctx.render.titlePreview({ ...input, speakerRequired: true }),
  'render.faceRiskStills': (input, ctx) => ctx.render.faceRiskStills({ ...input, speakerRequired: true }),
} satisfies HandlerTable;
