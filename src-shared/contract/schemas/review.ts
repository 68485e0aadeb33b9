/** Comments, categories, the interview grid (rubric) and comment exports. */
import { z } from 'zod';
import { idSchema, requiredText, text } from './common';

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
  /** For a quote: the person quoted (credited, and whose consent counts); null: the clip's speaker. */
  quotedPersonId: idSchema.nullable(),
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
    quotedPersonId: idSchema.nullable().optional(),
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
    quotedPersonId: idSchema.nullable().optional(),
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

/** The threads starting in [from, to) (time order, at most `limit`) with their replies: what the list shows around the playhead. */
export const commentWindowInputSchema = z
  .strictObject({
    recordingId: idSchema,
    from: secondsSchema,
    to: secondsSchema,
    limit: z.number().int().min(1).max(2000).optional(),
  })
  .refine((value) => value.to >= value.from, { message: 'the end is before the start', path: ['to'] });
export const commentWindowSchema = z.object({
  /** Threads then, after each thread's time, their replies (parentId set), by time then creation. */
  comments: z.array(commentSchema),
  /** False when `limit` cut the window short: the last thread's time is where to ask again. */
  complete: z.boolean(),
});
export type CommentWindow = z.infer<typeof commentWindowSchema>;

/** Per time bucket and category: how many threads start there (the timeline's marks and density). */
export const commentCountsInputSchema = z.strictObject({
  recordingId: idSchema,
  bucketSeconds: z.number().min(0.01).max(3600),
});
export const commentCountsSchema = z.object({
  bucketSeconds: z.number(),
  /** Live threads (replies not counted). */
  total: z.number().int(),
  marks: z.array(
    z.object({
      bucket: z.number().int(),
      category: z.string(),
      count: z.number().int(),
      resolved: z.number().int(),
      /** The first thread of the bucket in this category: where a click seeks, which comment it selects. */
      firstSeconds: z.number(),
      firstId: idSchema,
    }),
  ),
  /** For range comments: how many ranges cover each bucket (only buckets covered by at least one). */
  ranges: z.array(z.object({ bucket: z.number().int(), count: z.number().int() })),
});
export type CommentCounts = z.infer<typeof commentCountsSchema>;

/** Live comments among `ids` (a change event names the id; a missing one was deleted). */
export const commentsByIdsInputSchema = z.strictObject({
  recordingId: idSchema,
  ids: z.array(idSchema).min(1).max(500),
});
