/**
 * Who is in a recording and in a clip (links, unlinks, a clip's confirmed narrowing), and
 * the recall of what left: to whom each export was given, the notification letter, and
 * the rebuild of a corrected version.
 */
import { z } from 'zod';
import { calendarDateSchema, idSchema, requiredText, text } from './common';
import { exportRecordSchema } from './editing';
export { exportRecipientSchema, type ExportRecipient } from './exportRecipient';

const actorAndReason = { actor: text(120).optional(), reason: text(500).optional() };

export const linkPersonInputSchema = z.strictObject({
  recordingId: idSchema,
  personId: idSchema,
  /** Their part in the take (candidate, recruiter, witness…), printed as the lower third's role. */
  part: text(80).optional(),
  ...actorAndReason,
});
export type LinkPersonInput = z.infer<typeof linkPersonInputSchema>;

export const unlinkPersonInputSchema = z.strictObject({ recordingId: idSchema, personId: idSchema, ...actorAndReason });
export type UnlinkPersonInput = z.infer<typeof unlinkPersonInputSchema>;

export const deletePersonInputSchema = z.strictObject({ id: idSchema, ...actorAndReason });

export const setClipPeopleInputSchema = z.strictObject({
  clipId: idSchema,
  /** Who appears in the clip's range: some of the people linked to its recording. */
  personIds: z
    .array(idSchema)
    .min(1, 'at least one person appears in a clip')
    .max(50)
    .refine((ids) => new Set(ids).size === ids.length, 'a person is listed twice'),
  /** "Je confirme que seules ces personnes apparaissent dans cet extrait": needed to leave anyone out. */
  confirmed: z.boolean().optional(),
  ...actorAndReason,
});
export type SetClipPeopleInput = z.infer<typeof setClipPeopleInputSchema>;

export const addRecipientInputSchema = z.strictObject({
  exportId: idSchema,
  name: requiredText(200),
  givenOn: calendarDateSchema.optional(),
  actor: text(120).optional(),
});
export const exportIdOnlySchema = z.strictObject({ exportId: idSchema });

export const recallLetterInputSchema = z.strictObject({ exportId: idSchema, recipientId: idSchema });

export const rebuildExportInputSchema = z.strictObject({
  exportId: idSchema,
  /** A path to write to: the command line only (required when the export was written outside the library). */
  destination: z.string().min(1).max(4096).optional(),
  wait: z.boolean().optional(),
  /** Replace an existing destination file (`--force`); never a file inside the library. */
  overwrite: z.boolean().optional(),
});
export const rebuildExportOutputSchema = z.object({ jobId: z.string().nullable(), export: exportRecordSchema.nullable() });
