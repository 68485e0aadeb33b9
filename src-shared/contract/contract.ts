/**
 * The API contract: for each method, the schema of its input and of its output, and
 * for each pushed event, the schema of its payload. Electron IPC, the browser-mode
 * HTTP server and the CLI all dispatch through this one table.
 */
import { z } from 'zod';
import type { ApiEventName, ApiMethodName } from './names';
import {
  addCommentInputSchema,
  backupInputSchema,
  backupOutputSchema,
  addGuardianInputSchema,
  byProjectInputSchema as projectOnlyInputSchema,
  commentRevisionSchema,
  commentSchema,
  exportCommentsInputSchema,
  exportedTextSchema,
  labelsInputSchema,
  recordingIdOnlySchema,
  rubricSchema,
  scoreInputSchema,
  updateCommentInputSchema,
  addMarkerInputSchema,
  attachEvidenceInputSchema,
  checkConsentInputSchema,
  consentFormOutputSchema,
  dashboardInputSchema,
  dashboardSchema,
  eraseInputSchema,
  eraseOutputSchema,
  personConsentSchema,
  personIdInputSchema,
  recordingCheckSchema,
  setConsentInputSchema,
  setConsentOutputSchema,
  addPersonInputSchema,
  appendChunkInputSchema,
  captureProgressSchema,
  finishCaptureOutputSchema,
  importFileInputSchema,
  jobIdInputSchema,
  jobSchema,
  listRecordingsInputSchema,
  markerSchema,
  recordingIdInputSchema,
  recordingSchema,
  startCaptureInputSchema,
  updateRecordingInputSchema,
  byIdInputSchema,
  byProjectInputSchema,
  createProjectInputSchema,
  createSessionInputSchema,
  deletedSchema,
  emptyInputSchema,
  personSchema,
  projectSchema,
  sessionSchema,
  systemInfoSchema,
  searchInputSchema,
  searchResultsSchema,
  updatePersonInputSchema,
  updateProjectInputSchema,
  updateSessionInputSchema,
} from './schemas';
import {
  clipSchema,
  createClipInputSchema,
  createMontageInputSchema,
  cueSchema,
  exportRecordSchema,
  importSubtitlesInputSchema,
  listClipsInputSchema,
  montageSchema,
  renderCheckInputSchema,
  renderCheckSchema,
  renderStartInputSchema,
  renderStartOutputSchema,
  updateClipInputSchema,
  updateMontageInputSchema,
} from './schemas/editing';
import {
  buildPackInputSchema,
  buildPackOutputSchema,
  exportIdInputSchema,
  packPreviewSchema,
  packSpecSchema,
  packVerificationSchema,
} from './schemas/packs';
import {
  addRecipientInputSchema,
  deletePersonInputSchema,
  exportIdOnlySchema,
  exportRecipientSchema,
  linkPersonInputSchema,
  rebuildExportInputSchema,
  rebuildExportOutputSchema,
  recallLetterInputSchema,
  setClipPeopleInputSchema,
  unlinkPersonInputSchema,
} from './schemas/recall';
import { idSchema } from './schemas/common';

interface MethodSpec {
  input: z.ZodType;
  output: z.ZodType;
}

export const apiContract = {
  'system.info': { input: emptyInputSchema, output: systemInfoSchema },
  'projects.list': { input: emptyInputSchema, output: z.array(projectSchema) },
  'projects.get': { input: byIdInputSchema, output: projectSchema },
  'projects.create': { input: createProjectInputSchema, output: projectSchema },
  'projects.update': { input: updateProjectInputSchema, output: projectSchema },
  'projects.delete': { input: byIdInputSchema, output: deletedSchema },
  'sessions.list': { input: byProjectInputSchema, output: z.array(sessionSchema) },
  'sessions.get': { input: byIdInputSchema, output: sessionSchema },
  'sessions.create': { input: createSessionInputSchema, output: sessionSchema },
  'sessions.update': { input: updateSessionInputSchema, output: sessionSchema },
  'sessions.delete': { input: byIdInputSchema, output: deletedSchema },
  'people.list': { input: byProjectInputSchema, output: z.array(personSchema) },
  'people.add': { input: addPersonInputSchema, output: personSchema },
  'people.update': { input: updatePersonInputSchema, output: personSchema },
  'people.delete': { input: deletePersonInputSchema, output: deletedSchema },
  'recordings.list': { input: listRecordingsInputSchema, output: z.array(recordingSchema) },
  'recordings.get': { input: byIdInputSchema, output: recordingSchema },
  'recordings.update': { input: updateRecordingInputSchema, output: recordingSchema },
  'recordings.delete': { input: byIdInputSchema, output: deletedSchema },
  'recordings.importFile': { input: importFileInputSchema, output: recordingSchema },
  'recordings.retryFinalise': { input: recordingIdInputSchema, output: finishCaptureOutputSchema },
  'capture.start': { input: startCaptureInputSchema, output: recordingSchema },
  'capture.appendChunk': { input: appendChunkInputSchema, output: captureProgressSchema },
  'capture.finish': { input: recordingIdInputSchema, output: finishCaptureOutputSchema },
  'capture.discard': { input: recordingIdInputSchema, output: deletedSchema },
  'markers.add': { input: addMarkerInputSchema, output: markerSchema },
  'markers.delete': { input: byIdInputSchema, output: deletedSchema },
  'jobs.list': { input: emptyInputSchema, output: z.array(jobSchema) },
  'jobs.cancel': { input: jobIdInputSchema, output: jobSchema },
  'jobs.dismiss': { input: jobIdInputSchema, output: z.object({ dismissed: z.boolean() }) },
  'consent.show': { input: personIdInputSchema, output: personConsentSchema },
  'consent.set': { input: setConsentInputSchema, output: setConsentOutputSchema },
  'consent.attachEvidence': { input: attachEvidenceInputSchema, output: personConsentSchema },
  'consent.addGuardian': { input: addGuardianInputSchema, output: personConsentSchema },
  'consent.check': { input: checkConsentInputSchema, output: recordingCheckSchema },
  'consent.dashboard': { input: dashboardInputSchema, output: dashboardSchema },
  'consent.form': { input: personIdInputSchema, output: consentFormOutputSchema },
  'people.erase': { input: eraseInputSchema, output: eraseOutputSchema },
  'comments.list': { input: recordingIdOnlySchema, output: z.array(commentSchema) },
  'comments.add': { input: addCommentInputSchema, output: commentSchema },
  'comments.update': { input: updateCommentInputSchema, output: commentSchema },
  'comments.react': { input: byIdInputSchema, output: commentSchema },
  'comments.delete': { input: byIdInputSchema, output: deletedSchema },
  'comments.history': { input: byIdInputSchema, output: z.array(commentRevisionSchema) },
  'comments.export': { input: exportCommentsInputSchema, output: exportedTextSchema },
  'categories.list': { input: projectOnlyInputSchema, output: z.array(z.string()) },
  'categories.set': { input: labelsInputSchema, output: z.array(z.string()) },
  'rubric.get': { input: recordingIdOnlySchema, output: rubricSchema },
  'rubric.score': { input: scoreInputSchema, output: rubricSchema },
  'rubric.setCriteria': { input: labelsInputSchema, output: z.array(z.object({ id: z.number().int(), label: z.string() })) },
  'rubric.criteria': { input: projectOnlyInputSchema, output: z.array(z.object({ id: z.number().int(), label: z.string() })) },
  'feedback.sheet': { input: recordingIdOnlySchema, output: consentFormOutputSchema.extend({ exportId: idSchema }) },
  'library.backup': { input: backupInputSchema, output: backupOutputSchema },
  'clips.list': { input: listClipsInputSchema, output: z.array(clipSchema) },
  'clips.create': { input: createClipInputSchema, output: clipSchema },
  'clips.update': { input: updateClipInputSchema, output: clipSchema },
  'clips.delete': { input: byIdInputSchema, output: deletedSchema },
  'montages.list': { input: byProjectInputSchema, output: z.array(montageSchema) },
  'montages.get': { input: byIdInputSchema, output: montageSchema },
  'montages.create': { input: createMontageInputSchema, output: montageSchema },
  'montages.update': { input: updateMontageInputSchema, output: montageSchema },
  'montages.delete': { input: byIdInputSchema, output: deletedSchema },
  'subtitles.list': { input: recordingIdOnlySchema, output: z.array(cueSchema) },
  'subtitles.import': { input: importSubtitlesInputSchema, output: z.array(cueSchema) },
  'subtitles.clear': { input: recordingIdOnlySchema, output: z.array(cueSchema) },
  'render.check': { input: renderCheckInputSchema, output: renderCheckSchema },
  'render.start': { input: renderStartInputSchema, output: renderStartOutputSchema },
  'exports.list': { input: byProjectInputSchema, output: z.array(exportRecordSchema) },
  'exports.delete': { input: byIdInputSchema, output: deletedSchema },
  'system.dismissRecovery': { input: emptyInputSchema, output: systemInfoSchema },
  search: { input: searchInputSchema, output: searchResultsSchema },
  'packs.preview': { input: packSpecSchema, output: packPreviewSchema },
  'packs.build': { input: buildPackInputSchema, output: buildPackOutputSchema },
  'packs.verify': { input: exportIdInputSchema, output: packVerificationSchema },
  'packs.rebuild': {
    input: buildPackInputSchema.omit({ spec: true }).extend({ exportId: exportIdInputSchema.shape.exportId }),
    output: buildPackOutputSchema,
  },
  'recordings.linkPerson': {
    input: linkPersonInputSchema,
    output: z.object({ recording: recordingSchema, flaggedExports: z.array(idSchema) }),
  },
  'recordings.unlinkPerson': { input: unlinkPersonInputSchema, output: recordingSchema },
  'clips.setPeople': { input: setClipPeopleInputSchema, output: clipSchema },
  'exports.addRecipient': { input: addRecipientInputSchema, output: exportRecipientSchema },
  'exports.recipients': { input: exportIdOnlySchema, output: z.array(exportRecipientSchema) },
  'exports.recallLetter': { input: recallLetterInputSchema, output: consentFormOutputSchema },
  'exports.rebuild': { input: rebuildExportInputSchema, output: rebuildExportOutputSchema },
} as const satisfies Record<ApiMethodName, MethodSpec>;

export const apiEvents = {
  'data.changed': z.object({
    entity: z.enum(['project', 'session', 'person', 'recording', 'marker', 'consent', 'comment', 'clip', 'montage', 'subtitle', 'export']),
    id: z.number().int(),
    projectId: z.number().int().nullable(),
    /** The recording the change belongs to (comments, markers, subtitles, clips), so a screen reloads only what it shows. */
    recordingId: z.number().int().nullable().optional(),
    change: z.enum(['created', 'updated', 'deleted']),
  }),
  'job.progress': z.object({
    jobId: z.string(),
    kind: z.string(),
    label: z.string(),
    ratio: z.number().min(0).max(1).nullable(),
    step: z.string().nullable(),
  }),
  'job.finished': z.object({
    jobId: z.string(),
    kind: z.string(),
    outcome: z.enum(['done', 'failed', 'cancelled']),
    error: z.object({ code: z.string(), message: z.string() }).nullable(),
  }),
} as const satisfies Record<ApiEventName, z.ZodType>;

/**
 * Methods returning long lists whose rows all come from one typed mapping: their output
 * is checked on a sample (first and last rows) instead of every row, which for 20,000
 * comments costs more than reading them.
 */
export const SAMPLED_OUTPUT_METHODS: readonly ApiMethodName[] = ['comments.list'];

export type ApiInput<M extends ApiMethodName> = z.input<(typeof apiContract)[M]['input']>;
/** The input as handlers receive it, after validation applied defaults and trimming. */
export type ApiParsedInput<M extends ApiMethodName> = z.output<(typeof apiContract)[M]['input']>;
export type ApiOutput<M extends ApiMethodName> = z.output<(typeof apiContract)[M]['output']>;
export type ApiEventPayload<E extends ApiEventName> = z.output<(typeof apiEvents)[E]>;
