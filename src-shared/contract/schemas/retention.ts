/** Retention on the wire: a project's periods per category, what is past them, and the erasure of it. */
import { z } from 'zod';
import { MAX_RETENTION_MONTHS, RETENTION_CATEGORIES } from '../../retention';
import { calendarDateSchema, idSchema, projectKindSchema, text } from './common';

export const retentionCategorySchema = z.enum(RETENTION_CATEGORIES);
/** Months kept, or null: as long as the consent of the people filmed. */
export const retentionMonthsSchema = z.number().int().min(1).max(MAX_RETENTION_MONTHS).nullable();
export const retentionSettingsSchema = z.object(
  Object.fromEntries(RETENTION_CATEGORIES.map((category) => [category, retentionMonthsSchema])) as Record<
    (typeof RETENTION_CATEGORIES)[number],
    typeof retentionMonthsSchema
  >,
);

export const retentionViewSchema = z.object({
  projectId: idSchema,
  kind: projectKindSchema,
  settings: retentionSettingsSchema,
  /** The project kind's defaults (CNIL guidance), to show what was changed. */
  defaults: retentionSettingsSchema,
});
export type RetentionView = z.infer<typeof retentionViewSchema>;

export const setRetentionInputSchema = z.strictObject({
  projectId: idSchema,
  category: retentionCategorySchema,
  months: retentionMonthsSchema,
  actor: text(120).optional(),
});

export const dueItemSchema = z.object({
  kind: z.enum(['recording', 'comment', 'feedback-sheet']),
  id: idSchema,
  recordingId: idSchema.nullable(),
  title: z.string(),
  category: retentionCategorySchema,
  months: retentionMonthsSchema,
  madeOn: z.string(),
  dueSince: z.string(),
  atSeconds: z.number().nullable(),
  deleted: z.boolean(),
  goesWith: z.object({ comments: z.number().int(), feedbackSheets: z.number().int() }),
  /** The item in plain French: "Vidéo « … » — à effacer depuis le 12/03/2026 (conservation 6 mois)". */
  sentence: z.string(),
});
export type DueItemView = z.infer<typeof dueItemSchema>;

export const retentionDueInputSchema = z.strictObject({
  /** Leave out for every project. */
  projectId: idSchema.optional(),
  /** The day asked about (default today); erasing always uses today. */
  on: calendarDateSchema.optional(),
});
export const retentionDueSchema = z.object({
  on: z.string(),
  projects: z.array(
    z.object({ projectId: idSchema, projectName: z.string(), settings: retentionSettingsSchema, items: z.array(dueItemSchema) }),
  ),
});
export type RetentionDue = z.infer<typeof retentionDueSchema>;

export const applyRetentionInputSchema = z.strictObject({
  /** Leave out for every project. */
  projectId: idSchema.optional(),
  /** Only these (as shown to the animator who confirmed); each must still be due today. Leave out for everything due. */
  items: z
    .array(z.strictObject({ kind: z.enum(['recording', 'comment', 'feedback-sheet']), id: idSchema }))
    .max(10_000)
    .optional(),
  actor: text(120).optional(),
  reason: text(500).optional(),
});
export const retentionCountsSchema = z.object({
  recordings: z.number().int(),
  comments: z.number().int(),
  feedbackSheets: z.number().int(),
  renders: z.number().int(),
  /** Files of renders and feedback sheets removed from the library (a video's own folder goes too). */
  exportFiles: z.number().int(),
});
export const applyRetentionOutputSchema = z.object({ on: z.string(), erased: retentionCountsSchema });
export type RetentionCounts = z.infer<typeof retentionCountsSchema>;
