/**
 * Data shapes shared by every side of the app: what a project, a session or a person
 * looks like on the wire, and what each API call accepts. Plain zod, no Node or DOM,
 * so the renderer can import the types and the main side can validate with them.
 */
import { z } from 'zod';

import { MAX_CHUNK_BYTES, PERSON_ROLES, PROJECT_KINDS, RECORDING_KINDS, RECORDING_SOURCES, RECORDING_STATUSES } from './vocabulary';

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
function text(max: number) {
  return z
    .string()
    .trim()
    .max(max, `at most ${max} characters`)
    .refine((value) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(value), 'contains control characters');
}
const requiredText = (max: number) => text(max).pipe(z.string().min(1, 'must not be empty'));

// ---------- entities (outputs) ----------

export const projectSchema = z.object({
  id: idSchema,
  name: z.string(),
  kind: projectKindSchema,
  place: z.string(),
  startDate: z.string().nullable(),
  endDate: z.string().nullable(),
  description: z.string(),
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
