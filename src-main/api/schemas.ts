/**
 * Data shapes shared by every side of the app: what a project, a session or a person
 * looks like on the wire, and what each API call accepts. Plain zod, no Node or DOM,
 * so the renderer can import the types and the main side can validate with them.
 */
import { z } from 'zod';

import {
  AUDIENCES,
  CONSENT_CONDITIONS,
  CONSENT_METHODS,
  CONSENT_SCOPES,
  CONSENT_STATUSES,
  MAX_CHUNK_BYTES,
  PERSON_ROLES,
  PROJECT_KINDS,
  RECORDING_KINDS,
  RECORDING_SOURCES,
  RECORDING_STATUSES,
} from './vocabulary';

export const projectKindSchema = z.enum(PROJECT_KINDS);
export const personRoleSchema = z.enum(PERSON_ROLES);
export type ProjectKind = z.infer<typeof projectKindSchema>;
export type PersonRole = z.infer<typeof personRoleSchema>;

/** A calendar date as YYYY-MM-DD that really exists (no 2025-02-30). */
export const calendarDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD')
  .refine((value) => {
    const date = new Date(`${value}T00:00:00Z`);
    return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
  }, 'this date does not exist');

export const idSchema = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);

/** Free text typed by a person: trimmed, no control characters, bounded. */
export function text(max: number) {
  return z
    .string()
    .trim()
    .max(max, `at most ${max} characters`)
    .refine((value) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(value), 'contains control characters');
}
export const requiredText = (max: number) => text(max).pipe(z.string().min(1, 'must not be empty'));

// ---------- entities (outputs) ----------

export const projectSchema = z.object({
  id: idSchema,
  name: z.string(),
  kind: projectKindSchema,
  place: z.string(),
  startDate: z.string().nullable(),
  endDate: z.string().nullable(),
  description: z.string(),
  /** Default consent duration for this project, in months. */
  retentionMonths: z.number().int(),
  /** Who to contact to withdraw consent (printed on the consent forms). */
  withdrawalContact: z.string(),
  sessionCount: z.number().int(),
  peopleCount: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Project = z.infer<typeof projectSchema>;

export const sessionSchema = z.object({
  id: idSchema,
  projectId: idSchema,
  date: z.string(),
  title: z.string(),
  animatorPersonId: idSchema.nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Session = z.infer<typeof sessionSchema>;

export const personSchema = z.object({
  id: idSchema,
  projectId: idSchema,
  displayName: z.string(),
  role: personRoleSchema,
  birthDate: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Person = z.infer<typeof personSchema>;

// ---------- inputs ----------

export const projectFieldsSchema = z.strictObject({
  name: requiredText(200),
  kind: projectKindSchema,
  place: text(200).optional(),
  startDate: calendarDateSchema.nullable().optional(),
  endDate: calendarDateSchema.nullable().optional(),
  description: text(4000).optional(),
  retentionMonths: z.number().int().min(1).max(120).optional(),
  withdrawalContact: text(300).optional(),
});

function datesInOrder(value: { startDate?: string | null; endDate?: string | null }): boolean {
  return !value.startDate || !value.endDate || value.startDate <= value.endDate;
}
const datesInOrderIssue = { message: 'the end date is before the start date', path: ['endDate'] };

export const createProjectInputSchema = projectFieldsSchema.refine(datesInOrder, datesInOrderIssue);
export type CreateProjectInput = z.infer<typeof createProjectInputSchema>;

export const updateProjectInputSchema = z
  .strictObject({ id: idSchema, changes: projectFieldsSchema.partial() })
  .refine((value) => datesInOrder(value.changes), { ...datesInOrderIssue, path: ['changes', 'endDate'] });
export type UpdateProjectInput = z.infer<typeof updateProjectInputSchema>;

export const sessionFieldsSchema = z.strictObject({
  date: calendarDateSchema,
  title: text(200).optional(),
  animatorPersonId: idSchema.nullable().optional(),
});
export const createSessionInputSchema = sessionFieldsSchema.extend({ projectId: idSchema });
export type CreateSessionInput = z.infer<typeof createSessionInputSchema>;
export const updateSessionInputSchema = z.strictObject({ id: idSchema, changes: sessionFieldsSchema.partial() });
export type UpdateSessionInput = z.infer<typeof updateSessionInputSchema>;

export const personFieldsSchema = z.strictObject({
  displayName: requiredText(120),
  role: personRoleSchema,
  birthDate: calendarDateSchema.nullable().optional(),
});
export const addPersonInputSchema = personFieldsSchema.extend({ projectId: idSchema });
export type AddPersonInput = z.infer<typeof addPersonInputSchema>;
export const updatePersonInputSchema = z.strictObject({ id: idSchema, changes: personFieldsSchema.partial() });
export type UpdatePersonInput = z.infer<typeof updatePersonInputSchema>;

export const byIdInputSchema = z.strictObject({ id: idSchema });
export const byProjectInputSchema = z.strictObject({ projectId: idSchema });
export const emptyInputSchema = z.strictObject({});

export const systemInfoSchema = z.object({
  appVersion: z.string(),
  schemaVersion: z.number().int(),
  libraryDir: z.string(),
  transport: z.enum(['electron', 'http']),
  ffmpeg: z.object({ found: z.boolean(), path: z.string().nullable(), source: z.string().nullable() }),
  /** Exports and packs a crash interrupted (cleaned at start-up), until the user dismisses the notice. */
  interrupted: z.array(z.object({ kind: z.enum(['render', 'pack']), label: z.string() })),
});
export type SystemInfo = z.infer<typeof systemInfoSchema>;

export const deletedSchema = z.object({ deleted: z.literal(true), id: idSchema });

// ---------- recordings, capture, markers, jobs ----------

export const recordingKindSchema = z.enum(RECORDING_KINDS);
export type RecordingKind = z.infer<typeof recordingKindSchema>;

export const markerSchema = z.object({
  id: idSchema,
  recordingId: idSchema,
  atSeconds: z.number(),
  tag: z.string(),
  createdAt: z.string(),
});
export type Marker = z.infer<typeof markerSchema>;

export const recordingPersonSchema = z.object({ personId: idSchema, displayName: z.string(), role: personRoleSchema, part: z.string() });

export const recordingSchema = z.object({
  id: idSchema,
  projectId: idSchema,
  sessionId: idSchema.nullable(),
  kind: recordingKindSchema,
  title: z.string(),
  source: z.enum(RECORDING_SOURCES),
  status: z.enum(RECORDING_STATUSES),
  durationSeconds: z.number().nullable(),
  width: z.number().int().nullable(),
  height: z.number().int().nullable(),
  hasVideo: z.boolean(),
  hasAudio: z.boolean(),
  captureBytes: z.number().int(),
  masterAssetId: idSchema.nullable(),
  posterAssetId: idSchema.nullable(),
  filmstripAssetId: idSchema.nullable(),
  filmstripFrames: z.number().int(),
  waveformAssetId: idSchema.nullable(),
  recovered: z.boolean(),
  failure: z.string().nullable(),
  /** Set after an erasure removed someone from a video that shows other people too. */
  needsReview: z.string().nullable(),
  recordedAt: z.string(),
  people: z.array(recordingPersonSchema),
  markers: z.array(markerSchema),
});
export type Recording = z.infer<typeof recordingSchema>;

const recordingPeopleInput = z
  .array(z.strictObject({ personId: idSchema, part: text(80).optional() }))
  .max(50)
  .refine((list) => new Set(list.map((p) => p.personId)).size === list.length, 'a person is listed twice');

export const listRecordingsInputSchema = z.strictObject({ projectId: idSchema.optional(), sessionId: idSchema.optional() });
export const updateRecordingInputSchema = z.strictObject({
  id: idSchema,
  changes: z.strictObject({ title: text(200).optional(), kind: recordingKindSchema.optional(), people: recordingPeopleInput.optional() }),
});
export type UpdateRecordingInput = z.infer<typeof updateRecordingInputSchema>;

export const startCaptureInputSchema = z.strictObject({
  sessionId: idSchema,
  kind: recordingKindSchema,
  title: text(200).optional(),
  people: recordingPeopleInput.default([]),
  source: z.enum(['camera', 'upload']),
  mimeType: z
    .string()
    .max(120)
    .regex(/^(video|audio)\/[\w.+-]+(;[\w=,.+\s"-]*)?$/, 'expected a video/… or audio/… type'),
  /** For uploads: the original file name, to keep its extension. */
  fileName: text(255).optional(),
});
export type StartCaptureInput = z.infer<typeof startCaptureInputSchema>;

export const appendChunkInputSchema = z.strictObject({
  recordingId: idSchema,
  seq: z.number().int().min(0).max(10_000_000),
  data: z
    .instanceof(Uint8Array, { message: 'expected binary data' })
    .refine((data) => data.byteLength > 0, 'the chunk is empty')
    .refine((data) => data.byteLength <= MAX_CHUNK_BYTES, `a chunk holds at most ${MAX_CHUNK_BYTES} bytes`),
});
export type AppendChunkInput = z.infer<typeof appendChunkInputSchema>;

export const recordingIdInputSchema = z.strictObject({ recordingId: idSchema });

export const importFileInputSchema = z
  .strictObject({
    path: z.string().min(1).max(4096),
    sessionId: idSchema.optional(),
    projectId: idSchema.optional(),
    kind: recordingKindSchema.default('interview'),
    title: text(200).optional(),
    people: recordingPeopleInput.default([]),
  })
  .refine((value) => value.sessionId !== undefined || value.projectId !== undefined, {
    message: 'give a session or a project',
    path: ['sessionId'],
  });
export type ImportFileInput = z.infer<typeof importFileInputSchema>;

export const addMarkerInputSchema = z.strictObject({
  recordingId: idSchema,
  atSeconds: z
    .number()
    .min(0)
    .max(24 * 3600),
  tag: text(60).optional(),
});
export type AddMarkerInput = z.infer<typeof addMarkerInputSchema>;

export const jobSchema = z.object({
  jobId: z.string(),
  kind: z.string(),
  label: z.string(),
  status: z.enum(['queued', 'running', 'done', 'failed', 'cancelled']),
  ratio: z.number().nullable(),
  step: z.string().nullable(),
  recordingId: idSchema.nullable(),
});
export type Job = z.infer<typeof jobSchema>;
export const jobIdInputSchema = z.strictObject({ jobId: z.string().min(1).max(64) });
export const captureProgressSchema = z.object({ recordingId: idSchema, bytes: z.number().int(), nextSeq: z.number().int() });
export const finishCaptureOutputSchema = z.object({ recordingId: idSchema, jobId: z.string() });

// ---------- consent ----------

export const consentScopeSchema = z.enum(CONSENT_SCOPES);
export const audienceSchema = z.enum(AUDIENCES);
export const consentStatusSchema = z.enum(CONSENT_STATUSES);
export const consentMethodSchema = z.enum(CONSENT_METHODS);
export const consentConditionSchema = z.enum(CONSENT_CONDITIONS);

export const guardianSchema = z.object({
  id: idSchema,
  personId: idSchema,
  name: z.string(),
  relationship: z.string(),
  createdAt: z.string(),
});
export type Guardian = z.infer<typeof guardianSchema>;

export const consentViewSchema = z.object({
  scope: consentScopeSchema,
  status: consentStatusSchema,
  decidedOn: z.string().nullable(),
  method: consentMethodSchema.nullable(),
  evidenceAssetId: idSchema.nullable(),
  evidenceRecordingId: idSchema.nullable(),
  evidenceFromSeconds: z.number().nullable(),
  evidenceToSeconds: z.number().nullable(),
  conditions: z.array(consentConditionSchema),
  expiresOn: z.string().nullable(),
  minorAgreed: z.boolean(),
  guardianIds: z.array(idSchema),
  /** False when no record exists yet (shown as pending). */
  recorded: z.boolean(),
});
export type ConsentView = z.infer<typeof consentViewSchema>;

export const auditEntrySchema = z.object({
  id: idSchema,
  at: z.string(),
  action: z.string(),
  scope: z.string().nullable(),
  change: z.record(z.string(), z.unknown()),
  actor: z.string(),
  reason: z.string(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

export const personConsentSchema = z.object({
  person: personSchema,
  age: z.number().int().nullable(),
  minor: z.boolean(),
  under15: z.boolean(),
  scopes: z.array(consentViewSchema),
  guardians: z.array(guardianSchema),
  history: z.array(auditEntrySchema),
});
export type PersonConsent = z.infer<typeof personConsentSchema>;

const reasonSchema = z.object({ code: z.string(), scope: consentScopeSchema, expiredOn: z.string().optional() });
export const policyDecisionSchema = z.object({
  decision: z.enum(['allowed', 'allowed-with', 'refused']),
  conditions: z.array(consentConditionSchema),
  reasons: z.array(reasonSchema),
});
export type PolicyDecisionView = z.infer<typeof policyDecisionSchema>;

export const recordingCheckSchema = z.object({
  recordingId: idSchema,
  audience: audienceSchema,
  on: z.string(),
  decision: z.enum(['allowed', 'allowed-with', 'refused']),
  nobodyLinked: z.boolean(),
  people: z.array(z.object({ personId: idSchema, displayName: z.string(), result: policyDecisionSchema })),
});
export type RecordingCheck = z.infer<typeof recordingCheckSchema>;

const actorAndReason = { actor: text(120).optional(), reason: text(500).optional() };

export const setConsentInputSchema = z
  .strictObject({
    personId: idSchema,
    scope: consentScopeSchema,
    status: consentStatusSchema,
    decidedOn: calendarDateSchema.optional(),
    method: consentMethodSchema.nullable().optional(),
    conditions: z.array(consentConditionSchema).max(4).optional(),
    expiresOn: calendarDateSchema.nullable().optional(),
    minorAgreed: z.boolean().optional(),
    guardianIds: z.array(idSchema).max(4).optional(),
    evidenceRecordingId: idSchema.nullable().optional(),
    evidenceFromSeconds: z.number().min(0).nullable().optional(),
    evidenceToSeconds: z.number().min(0).nullable().optional(),
    ...actorAndReason,
  })
  .refine((value) => !(value.conditions?.includes('first-name-only') && value.conditions.includes('no-name')), {
    message: 'first-name-only and no-name cannot both apply',
    path: ['conditions'],
  });
export type SetConsentInput = z.infer<typeof setConsentInputSchema>;

export const setConsentOutputSchema = z.object({ consent: personConsentSchema, flaggedExports: z.array(idSchema) });

export const attachEvidenceInputSchema = z.strictObject({
  personId: idSchema,
  scope: consentScopeSchema,
  fileName: text(255).pipe(z.string().min(1)),
  data: z
    .instanceof(Uint8Array, { message: 'expected binary data' })
    .refine((data) => data.byteLength > 0, 'the file is empty')
    .refine((data) => data.byteLength <= MAX_CHUNK_BYTES, `a scan holds at most ${MAX_CHUNK_BYTES} bytes`),
});

export const addGuardianInputSchema = z.strictObject({
  personId: idSchema,
  name: requiredText(120),
  relationship: text(60).optional(),
  ...actorAndReason,
});

export const personIdInputSchema = z.strictObject({ personId: idSchema });

export const checkConsentInputSchema = z.strictObject({
  recordingId: idSchema,
  audience: audienceSchema,
  on: calendarDateSchema.optional(),
});

export const dashboardInputSchema = z.strictObject({
  projectId: idSchema,
  on: calendarDateSchema.optional(),
  expiringWithinDays: z.number().int().min(1).max(365).default(30),
});

export const flaggedExportSchema = z.object({
  id: idSchema,
  kind: z.string(),
  audience: z.string(),
  label: z.string(),
  createdAt: z.string(),
  flaggedAt: z.string(),
  flagReason: z.string(),
});

export const dashboardSchema = z.object({
  projectId: idSchema,
  on: z.string(),
  people: z.array(
    z.object({
      personId: idSchema,
      displayName: z.string(),
      role: personRoleSchema,
      minor: z.boolean(),
      recordingConsent: policyDecisionSchema,
      audiences: z.record(audienceSchema, policyDecisionSchema),
      expiringSoon: z.array(z.object({ scope: consentScopeSchema, expiresOn: z.string() })),
    }),
  ),
  flaggedExports: z.array(flaggedExportSchema),
});
export type ConsentDashboard = z.infer<typeof dashboardSchema>;

export const eraseInputSchema = z.strictObject({ personId: idSchema, ...actorAndReason });
export const eraseOutputSchema = z.object({
  erased: z.literal(true),
  recordingsDeleted: z.number().int(),
  recordingsToReview: z.array(idSchema),
});
export const consentFormOutputSchema = z.object({ assetId: idSchema, fileName: z.string(), sizeBytes: z.number().int() });

// ---------- backups ----------

export const backupInputSchema = z.strictObject({ destination: z.string().min(1).max(4096).optional() });
export const backupOutputSchema = z.object({ dir: z.string(), files: z.number().int(), bytes: z.number().int() });

// ---------- review: comments, categories, rubric ----------

const secondsSchema = z
  .number()
  .min(0)
  .max(24 * 3600);

export const commentSchema = z.object({
  id: idSchema,
  recordingId: idSchema,
  parentId: idSchema.nullable(),
  startSeconds: z.number(),
  endSeconds: z.number().nullable(),
  authorPersonId: idSchema.nullable(),
  /** The author's display name, or "Groupe". */
  authorName: z.string(),
  category: z.string(),
  text: z.string(),
  resolved: z.boolean(),
  isQuote: z.boolean(),
  plusOnes: z.number().int(),
  edited: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Comment = z.infer<typeof commentSchema>;

export const addCommentInputSchema = z
  .strictObject({
    recordingId: idSchema,
    startSeconds: secondsSchema,
    endSeconds: secondsSchema.nullable().optional(),
    authorPersonId: idSchema.nullable().optional(),
    category: text(60).optional(),
    text: requiredText(2000),
    parentId: idSchema.nullable().optional(),
  })
  .refine((value) => value.endSeconds == null || value.endSeconds >= value.startSeconds, {
    message: 'the end is before the start',
    path: ['endSeconds'],
  });
export type AddCommentInput = z.infer<typeof addCommentInputSchema>;

export const updateCommentInputSchema = z.strictObject({
  id: idSchema,
  changes: z.strictObject({
    text: requiredText(2000).optional(),
    category: text(60).optional(),
    startSeconds: secondsSchema.optional(),
    endSeconds: secondsSchema.nullable().optional(),
    resolved: z.boolean().optional(),
    isQuote: z.boolean().optional(),
  }),
});
export type UpdateCommentInput = z.infer<typeof updateCommentInputSchema>;

export const commentRevisionSchema = z.object({
  id: idSchema,
  action: z.enum(['edited', 'deleted']),
  previous: z.record(z.string(), z.unknown()),
  at: z.string(),
});
export const recordingIdOnlySchema = z.strictObject({ recordingId: idSchema });
export const exportCommentsInputSchema = z.strictObject({ recordingId: idSchema, format: z.enum(['csv', 'vtt', 'srt']) });
export const exportedTextSchema = z.object({ fileName: z.string(), mimeType: z.string(), content: z.string() });

export const labelsInputSchema = z.strictObject({
  projectId: idSchema,
  labels: z
    .array(requiredText(120))
    .min(1)
    .max(20)
    .refine((labels) => new Set(labels).size === labels.length, 'a label is listed twice'),
});

export const rubricSchema = z.object({
  recordingId: idSchema,
  criteria: z.array(z.object({ id: idSchema, label: z.string() })),
  scale: z.array(z.string()),
  self: z.record(z.string(), z.number().int()),
  group: z.record(z.string(), z.number().int()),
  /** The same candidate's interview takes in this project, oldest first, with average scores. */
  progress: z.array(
    z.object({
      recordingId: idSchema,
      title: z.string(),
      recordedAt: z.string(),
      selfAverage: z.number().nullable(),
      groupAverage: z.number().nullable(),
    }),
  ),
  candidate: z.object({ personId: idSchema, displayName: z.string() }).nullable(),
});
export type Rubric = z.infer<typeof rubricSchema>;

export const scoreInputSchema = z.strictObject({
  recordingId: idSchema,
  criterionId: idSchema,
  rater: z.enum(['self', 'group']),
  score: z.number().int().min(1).max(4).nullable(),
});

// ---------- search ----------

export const searchInputSchema = z.strictObject({
  query: requiredText(100),
  projectId: idSchema.optional(),
  limit: z.number().int().min(1).max(100).optional(),
});
export const searchResultsSchema = z.object({
  comments: z.array(
    z.object({
      id: idSchema,
      recordingId: idSchema,
      recordingTitle: z.string(),
      projectId: idSchema,
      startSeconds: z.number(),
      text: z.string(),
    }),
  ),
  recordings: z.array(z.object({ id: idSchema, title: z.string(), projectId: idSchema })),
  people: z.array(z.object({ id: idSchema, displayName: z.string(), projectId: idSchema })),
  clips: z.array(z.object({ id: idSchema, name: z.string(), recordingId: idSchema, projectId: idSchema })),
});
