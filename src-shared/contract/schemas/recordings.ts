/** Recordings, capture chunks, markers and jobs. */
import { z } from 'zod';
import { MAX_CHUNK_BYTES, RECORDING_KINDS, RECORDING_SOURCES, RECORDING_STATUSES } from '../vocabulary';
import { idSchema, personRoleSchema, text } from './common';

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
  /** What the import could not keep as it was (a truncated file, a second sound track…), in French; null when all was kept. */
  importWarning: z.string().nullable(),
  /** The master's frame grid (frames a second): in and out points, markers and frame steps land on it. Given by recordings.get. */
  frameRate: z.number().positive().optional(),
  /** How the "à revoir" flag after an erasure was cleared (null: never flagged). */
  reviewResolution: z.enum(['confirmed-absent', 'cut-out']).nullable().optional(),
  /** After "cut out": the only ranges that may leave the library (empty: the whole recording, as usual). */
  keptRanges: z.array(z.object({ fromSeconds: z.number(), toSeconds: z.number(), clipId: idSchema.nullable() })).optional(),
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
/**
 * After an erasure: the animator confirms the erased person is not in a recording (actor and
 * reason required), deletes it, or cuts the person out: `keep` lists the ranges where the
 * person is not on screen, which become clips and the only parts that may be exported.
 */
export const REVIEW_RESOLUTIONS = ['confirmed-absent', 'deleted', 'cut-out'] as const;
export const keptRangeInputSchema = z
  .strictObject({ fromSeconds: z.number().finite().min(0), toSeconds: z.number().finite().min(0) })
  .refine((range) => range.toSeconds > range.fromSeconds, 'the end must come after the start');
export const resolveReviewInputSchema = z.strictObject({
  recordingId: idSchema,
  resolution: z.enum(REVIEW_RESOLUTIONS),
  actor: text(120).optional(),
  reason: text(500).optional(),
  keep: z.array(keptRangeInputSchema).min(1).max(50).optional(),
});
export const resolveReviewOutputSchema = z.object({
  recordingId: idSchema,
  resolution: z.enum(REVIEW_RESOLUTIONS),
  /** The clips made of the kept ranges ("cut-out" only). */
  clipIds: z.array(idSchema).optional(),
});

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
  /** Whether the work can be started again after a failure (a kept camera take). */
  retryable: z.boolean().optional(),
  /** Why a failed job failed, as the main side said it (shown in the jobs tray until dismissed). */
  error: z.object({ code: z.string(), message: z.string(), hint: z.string().optional() }).nullable().optional(),
});
export type Job = z.infer<typeof jobSchema>;
export const jobIdInputSchema = z.strictObject({ jobId: z.string().min(1).max(64) });
export const captureProgressSchema = z.object({ recordingId: idSchema, bytes: z.number().int(), nextSeq: z.number().int() });
export const finishCaptureOutputSchema = z.object({ recordingId: idSchema, jobId: z.string() });
