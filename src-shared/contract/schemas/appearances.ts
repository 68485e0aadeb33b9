/**
 * Where a person appears: the recordings they are linked to (with their session and their
 * part) and the exports that showed them. What the person's page lists, and what a person
 * asks for when they exercise their right of access (RGPD art. 15).
 */
import { z } from 'zod';
import { RECORDING_STATUSES } from '../vocabulary';
import { idSchema } from './common';
import { exportRecordSchema } from './editing';
import { recordingKindSchema } from './recordings';

export const personRecordingSchema = z.object({
  recordingId: idSchema,
  title: z.string(),
  kind: recordingKindSchema,
  status: z.enum(RECORDING_STATUSES),
  durationSeconds: z.number().nullable(),
  sessionId: idSchema.nullable(),
  /** The session's day (YYYY-MM-DD), or null for a recording outside any session. */
  sessionDate: z.string().nullable(),
  /** Their part in it ("candidate", "recruteur"…), as typed when linked. */
  part: z.string(),
});
export type PersonRecording = z.infer<typeof personRecordingSchema>;

export const personAppearancesSchema = z.object({
  personId: idSchema,
  recordings: z.array(personRecordingSchema),
  /** Every export that showed them, oldest first (flagged ones included: they went out). */
  exports: z.array(exportRecordSchema),
});
export type PersonAppearances = z.infer<typeof personAppearancesSchema>;
