/**
 * The names of every API method and pushed event, and nothing else. The sandboxed
 * preload imports only this file, so it can whitelist channels without bundling zod.
 * `contract.ts` is checked against these lists at compile time.
 */
export const API_METHODS = [
  'system.info',
  'projects.list',
  'projects.get',
  'projects.create',
  'projects.update',
  'projects.delete',
  'sessions.list',
  'sessions.get',
  'sessions.create',
  'sessions.update',
  'sessions.delete',
  'people.list',
  'people.add',
  'people.update',
  'people.delete',
  'recordings.list',
  'recordings.get',
  'recordings.update',
  'recordings.delete',
  'recordings.importFile',
  'recordings.retryFinalise',
  'capture.start',
  'capture.appendChunk',
  'capture.finish',
  'capture.discard',
  'markers.add',
  'markers.delete',
  'jobs.list',
  'jobs.cancel',
  'jobs.dismiss',
  'consent.show',
  'consent.set',
  'consent.attachEvidence',
  'consent.addGuardian',
  'consent.check',
  'consent.dashboard',
  'consent.form',
  'people.erase',
  'people.erasurePlan',
  'privacy.finishErasure',
  'recordings.resolveReview',
  'comments.list',
  'comments.add',
  'comments.update',
  'comments.react',
  'comments.delete',
  'comments.history',
  'comments.export',
  'categories.list',
  'categories.set',
  'rubric.get',
  'rubric.score',
  'rubric.setCriteria',
  'rubric.criteria',
  'feedback.sheet',
  'library.backup',
  'clips.list',
  'clips.create',
  'clips.update',
  'clips.delete',
  'montages.list',
  'montages.get',
  'montages.create',
  'montages.update',
  'montages.delete',
  'subtitles.list',
  'subtitles.import',
  'subtitles.clear',
  'render.check',
  'render.start',
  'exports.list',
  'exports.delete',
  'packs.preview',
  'packs.build',
  'packs.verify',
  'packs.rebuild',
  'system.dismissRecovery',
  'search',
  'settings.get',
  'settings.update',
  'desktop.action',
  'about.info',
  'recordings.importPath',
  'consent.updateGuardian',
  'consent.setEmancipation',
  'recordings.linkPerson',
  'recordings.unlinkPerson',
  'clips.setPeople',
  'exports.addRecipient',
  'exports.recipients',
  'exports.recallLetter',
  'exports.rebuild',
  'clips.stills',
  'clips.confirmFaceRegion',
  'retention.settings',
  'retention.update',
  'retention.due',
  'retention.apply',
  'consent.setMany',
  'render.titlePreview',
  'comments.window',
  'comments.counts',
  'comments.byIds',
  'comments.toComplete',
  'faces.analyse',
  'faces.tracks',
  'faces.assign',
  'faces.merge',
  'render.faceRiskStills',
  'people.appearances',
  'consent.removeGuardian',
] as const;
export type ApiMethodName = (typeof API_METHODS)[number];

export const API_EVENTS = ['data.changed', 'job.progress', 'job.finished'] as const;
export type ApiEventName = (typeof API_EVENTS)[number];

/**
 * Methods that take a path on this computer: only the local CLI may call them, never a
 * page (browser mode may be reached from the workshop network later).
 */
export const TRUSTED_ONLY_METHODS: readonly ApiMethodName[] = ['recordings.importFile'];

/** Input fields naming a path to write to: only the local CLI may set them; from the app, files go into the library. */
export const TRUSTED_ONLY_FIELDS: Partial<Record<ApiMethodName, string>> = {
  'library.backup': 'destination',
  'render.start': 'destination',
  'packs.build': 'destination',
  'packs.rebuild': 'destination',
  'exports.rebuild': 'destination',
};

/** Methods whose input carries binary data (sent raw over HTTP, not as JSON). */
export const BINARY_METHODS: readonly ApiMethodName[] = ['capture.appendChunk', 'consent.attachEvidence'];

export function isApiMethodName(value: unknown): value is ApiMethodName {
  return typeof value === 'string' && (API_METHODS as readonly string[]).includes(value);
}

export function isApiEventName(value: unknown): value is ApiEventName {
  return typeof value === 'string' && (API_EVENTS as readonly string[]).includes(value);
}

/** The IPC channel used for one method; kept here so main and preload agree. */
export function ipcChannelFor(method: ApiMethodName): string {
  return `api:${method}`;
}
export const IPC_EVENT_CHANNEL = 'api-event';
