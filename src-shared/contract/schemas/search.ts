/** Search across comments, recordings, people and clips. */
import { z } from 'zod';
import { idSchema, requiredText } from './common';

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
  /** `via`: the person linked to the recording whose name matched (null when its title did). */
  recordings: z.array(z.object({ id: idSchema, title: z.string(), projectId: idSchema, via: z.string().nullable() })),
  people: z.array(z.object({ id: idSchema, displayName: z.string(), projectId: idSchema })),
  clips: z.array(z.object({ id: idSchema, name: z.string(), recordingId: idSchema, projectId: idSchema })),
});
