/**
 * What each API method does, written against the services. Inputs arrive already
 * validated by `dispatch`; this table only calls services and announces changes.
 */
import type { ApiOutput, ApiParsedInput } from '../../src-shared/contract/contract';
import type { ApiEventBus } from './eventBus';
import type { ApiMethodName } from '../../src-shared/contract/names';
import type { Library } from '../library/library';
import type { FfmpegBinaries } from '../media/binaries';
import type { CaptureService } from '../capture/captureService';
import type { JobRunner } from '../jobs/jobRunner';
import type { ConsentService } from '../consent/consentService';
import { writeConsentForm } from '../consent/consentForm';
import type { ReviewService } from '../review/reviewService';
import { writeFeedbackSheet } from '../review/feedbackSheet';
import { backupLibrary, defaultBackupDir } from '../library/backup';
import { AppError } from '../../src-shared/appError';
import type { RenderService } from '../editing/renderService';
import type { SystemInfo } from '../../src-shared/contract/schemas';
import { RECOVERY_SETTING } from '../library/settingKeys';
import type { PackService } from '../packs/packService';

export interface ApiContext {
  library: Library;
  events: ApiEventBus;
  transport: 'electron' | 'http';
  appVersion: string;
  /** Resolves ffmpeg lazily: a missing ffmpeg must not stop the library from opening. */
  ffmpeg: () => FfmpegBinaries | null;
  jobs: JobRunner;
  capture: CaptureService;
  consent: ConsentService;
  review: ReviewService;
  render: RenderService;
  packs: PackService;
  /** True for the local CLI only: may call methods that read paths on this computer. */
  trusted: boolean;
}

type Handlers = { [M in ApiMethodName]: (input: ApiParsedInput<M>, ctx: ApiContext) => ApiOutput<M> | Promise<ApiOutput<M>> };

export const apiHandlers: Handlers = {
  'system.info': (_input, ctx) => {
    const ffmpeg = ctx.ffmpeg();
    const recovery = ctx.library.settings.get(RECOVERY_SETTING);
    return {
      interrupted: recovery ? (JSON.parse(recovery) as { interrupted: SystemInfo['interrupted'] }).interrupted : [],
      appVersion: ctx.appVersion,
      schemaVersion: ctx.library.schemaVersion,
      libraryDir: ctx.library.dir,
      transport: ctx.transport,
      ffmpeg: { found: ffmpeg !== null, path: ffmpeg?.ffmpeg ?? null, source: ffmpeg?.source ?? null },
    };
  },

  'projects.list': (_input, ctx) => ctx.library.projects.list(),
  'projects.get': (input, ctx) => ctx.library.projects.get(input.id),
  'projects.create': (input, ctx) => {
    const project = ctx.library.createProject(input);
    ctx.events.emit('data.changed', { entity: 'project', id: project.id, projectId: project.id, change: 'created' });
    return project;
  },
  'projects.update': (input, ctx) => {
    const project = ctx.library.updateProject(input);
    ctx.events.emit('data.changed', { entity: 'project', id: project.id, projectId: project.id, change: 'updated' });
    return project;
  },
  'projects.delete': (input, ctx) => {
    ctx.library.projects.delete(input.id);
    ctx.events.emit('data.changed', { entity: 'project', id: input.id, projectId: input.id, change: 'deleted' });
    return { deleted: true, id: input.id } as const;
  },

  'sessions.list': (input, ctx) => ctx.library.listSessions(input.projectId),
  'sessions.get': (input, ctx) => ctx.library.sessions.get(input.id),
  'sessions.create': (input, ctx) => {
    const session = ctx.library.createSession(input);
    ctx.events.emit('data.changed', { entity: 'session', id: session.id, projectId: session.projectId, change: 'created' });
    return session;
  },
  'sessions.update': (input, ctx) => {
    const session = ctx.library.updateSession(input);
    ctx.events.emit('data.changed', { entity: 'session', id: session.id, projectId: session.projectId, change: 'updated' });
    return session;
  },
  'sessions.delete': (input, ctx) => {
    const session = ctx.library.sessions.get(input.id);
    ctx.library.sessions.delete(input.id);
    ctx.events.emit('data.changed', { entity: 'session', id: input.id, projectId: session.projectId, change: 'deleted' });
    return { deleted: true, id: input.id } as const;
  },

  'people.list': (input, ctx) => ctx.library.listPeople(input.projectId),
  'people.add': (input, ctx) => {
    const person = ctx.library.addPerson(input);
    ctx.events.emit('data.changed', { entity: 'person', id: person.id, projectId: person.projectId, change: 'created' });
    return person;
  },
  'people.update': (input, ctx) => {
    const person = ctx.library.updatePerson(input);
    ctx.events.emit('data.changed', { entity: 'person', id: person.id, projectId: person.projectId, change: 'updated' });
    return person;
  },
  'people.delete': (input, ctx) => {
    const person = ctx.library.people.get(input.id);
    ctx.library.people.delete(input.id);
    ctx.events.emit('data.changed', { entity: 'person', id: input.id, projectId: person.projectId, change: 'deleted' });
    return { deleted: true, id: input.id } as const;
  },

  'recordings.list': (input, ctx) => ctx.library.recordings.list(input),
  'recordings.get': (input, ctx) => ctx.library.recordings.get(input.id),
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
    ctx.events.emit('data.changed', { entity: 'marker', id: marker.id, projectId: null, change: 'created' });
    return marker;
  },
  'markers.delete': (input, ctx) => {
    ctx.library.recordings.deleteMarker(input.id);
    ctx.events.emit('data.changed', { entity: 'marker', id: input.id, projectId: null, change: 'deleted' });
    return { deleted: true, id: input.id } as const;
  },
  'jobs.list': (_input, ctx) => ctx.jobs.list(),
  'jobs.cancel': (input, ctx) => ctx.jobs.cancel(input.jobId),
  'consent.show': (input, ctx) => ctx.consent.show(input.personId),
  'consent.set': (input, ctx) => ctx.consent.set(input),
  'consent.attachEvidence': (input, ctx) => ctx.consent.attachEvidence(input),
  'consent.addGuardian': (input, ctx) => ctx.consent.addGuardian(input.personId, input.name, input.relationship ?? '', input.actor),
  'consent.check': (input, ctx) => ctx.consent.check(input.recordingId, input.audience, input.on),
  'consent.dashboard': (input, ctx) => ctx.consent.dashboard(input.projectId, input.on, input.expiringWithinDays),
  'consent.form': (input, ctx) => writeConsentForm(ctx.library, ctx.consent.show(input.personId)),
  'people.erase': (input, ctx) => ctx.consent.erase(input.personId, input.actor),
  'comments.list': (input, ctx) => ctx.review.listComments(input.recordingId),
  'comments.add': (input, ctx) => ctx.review.addComment(input),
  'comments.update': (input, ctx) => ctx.review.updateComment(input),
  'comments.react': (input, ctx) => ctx.review.react(input.id),
  'comments.delete': (input, ctx) => {
    ctx.review.deleteComment(input.id);
    return { deleted: true, id: input.id } as const;
  },
  'comments.history': (input, ctx) => ctx.review.comments.revisions(input.id),
  'comments.export': (input, ctx) => ctx.review.exportComments(input.recordingId, input.format),
  'categories.list': (input, ctx) => ctx.review.vocabulary.categories(ctx.library.projects.get(input.projectId).id),
  'categories.set': (input, ctx) => ctx.review.vocabulary.setCategories(ctx.library.projects.get(input.projectId).id, input.labels),
  'rubric.get': (input, ctx) => ctx.review.rubric(input.recordingId),
  'rubric.score': (input, ctx) => ctx.review.score(input),
  'rubric.setCriteria': (input, ctx) => ctx.review.vocabulary.setCriteria(ctx.library.projects.get(input.projectId).id, input.labels),
  'library.backup': (input, ctx) => {
    return backupLibrary(ctx.library, input.destination ?? defaultBackupDir(ctx.library.dir, ctx.library.now()), ctx.appVersion);
  },
  'clips.list': (input, ctx) =>
    input.recordingId !== undefined
      ? ctx.render.clips.listByRecording(ctx.library.recordings.get(input.recordingId).id)
      : ctx.render.clips.listByProject(ctx.library.projects.get(input.projectId!).id),
  'clips.create': (input, ctx) => {
    const { recordingId, ...fields } = input;
    const clip = ctx.render.clips.create(recordingId, fields);
    ctx.events.emit('data.changed', { entity: 'clip', id: clip.id, projectId: clip.projectId, change: 'created' });
    return clip;
  },
  'clips.update': (input, ctx) => {
    const clip = ctx.render.clips.update(input.id, input.changes);
    ctx.events.emit('data.changed', { entity: 'clip', id: clip.id, projectId: clip.projectId, change: 'updated' });
    return clip;
  },
  'clips.delete': (input, ctx) => {
    const clip = ctx.render.clips.delete(input.id);
    ctx.events.emit('data.changed', { entity: 'clip', id: clip.id, projectId: clip.projectId, change: 'deleted' });
    return { deleted: true, id: input.id } as const;
  },
  'montages.list': (input, ctx) => ctx.render.montages.list(ctx.library.projects.get(input.projectId).id),
  'montages.get': (input, ctx) => ctx.render.montages.get(input.id),
  'montages.create': (input, ctx) => {
    const montage = ctx.render.montages.create(ctx.library.projects.get(input.projectId).id, input.name);
    ctx.events.emit('data.changed', { entity: 'montage', id: montage.id, projectId: montage.projectId, change: 'created' });
    return montage;
  },
  'montages.update': (input, ctx) => {
    const montage = ctx.render.montages.update(input.id, input.changes);
    ctx.events.emit('data.changed', { entity: 'montage', id: montage.id, projectId: montage.projectId, change: 'updated' });
    return montage;
  },
  'montages.delete': (input, ctx) => {
    const montage = ctx.render.montages.delete(input.id);
    ctx.events.emit('data.changed', { entity: 'montage', id: montage.id, projectId: montage.projectId, change: 'deleted' });
    return { deleted: true, id: input.id } as const;
  },
  'subtitles.list': (input, ctx) => ctx.render.subtitles.list(ctx.library.recordings.get(input.recordingId).id),
  'subtitles.import': (input, ctx) => {
    const recording = ctx.library.recordings.get(input.recordingId);
    const cues = ctx.render.subtitles.replace(recording.id, input.content, input.format);
    ctx.events.emit('data.changed', { entity: 'subtitle', id: recording.id, projectId: recording.projectId, change: 'updated' });
    return cues;
  },
  'subtitles.clear': (input, ctx) => {
    const recording = ctx.library.recordings.get(input.recordingId);
    ctx.render.subtitles.clear(recording.id);
    ctx.events.emit('data.changed', { entity: 'subtitle', id: recording.id, projectId: recording.projectId, change: 'deleted' });
    return [];
  },
  'render.check': (input, ctx) => ctx.render.check(input),
  'render.start': (input, ctx) => {
    return ctx.render.start(input);
  },
  'exports.list': (input, ctx) => ctx.render.exports.list(ctx.library.projects.get(input.projectId).id),
  'exports.delete': (input, ctx) => {
    const record = ctx.render.exports.get(input.id);
    if (record.kind === 'pack') ctx.packs.deletePackFiles(input.id);
    ctx.render.deleteExport(input.id);
    ctx.events.emit('data.changed', { entity: 'export', id: input.id, projectId: record.projectId, change: 'deleted' });
    return { deleted: true, id: input.id } as const;
  },
  search: (input, ctx) => ctx.library.search.search(input.query, input.projectId ?? null, input.limit ?? 30),
  'system.dismissRecovery': (input, ctx) => {
    ctx.library.settings.set(RECOVERY_SETTING, null);
    return apiHandlers['system.info'](input, ctx) as SystemInfo;
  },
  'packs.preview': (input, ctx) => ctx.packs.preview(input),
  'packs.build': (input, ctx) => {
    return ctx.packs.build(input);
  },
  'packs.verify': (input, ctx) => ctx.packs.verifyExport(input.exportId),
  'packs.rebuild': (input, ctx) => {
    return ctx.packs.rebuild(input.exportId, input);
  },
  'rubric.criteria': (input, ctx) => ctx.review.vocabulary.criteria(ctx.library.projects.get(input.projectId).id),
  'feedback.sheet': (input, ctx) => {
    const recording = ctx.library.recordings.get(input.recordingId);
    return writeFeedbackSheet(
      ctx.library,
      {
        recording,
        comments: ctx.review.comments.list(recording.id),
        rubric: ctx.review.rubric(recording.id),
        projectName: ctx.library.projects.get(recording.projectId).name,
        masterPath: recording.masterAssetId ? ctx.library.mediaAssets.resolve(recording.masterAssetId).absolutePath : null,
      },
      ctx.ffmpeg(),
    );
  },
};
