/**
 * Faces found in a recording (detection only, no recognition): the tracks, whose face
 * each one is (a person linked to the recording, or "inconnu"), and the analysis job.
 */
import { z } from 'zod';
import { idSchema } from './common';

export const faceBoxSchema = z.object({
  t: z.number(),
  x: z.number(),
  y: z.number(),
  w: z.number(),
  h: z.number(),
  score: z.number(),
});

export const faceTrackSchema = z.object({
  id: idSchema,
  recordingId: idSchema,
  firstSeconds: z.number(),
  lastSeconds: z.number(),
  /** 'unreviewed' until someone said whose face it is; 'unknown' is "inconnu". */
  assignment: z.enum(['unreviewed', 'person', 'unknown']),
  personId: idSchema.nullable(),
  /** A small JPEG of the face as a data: URL (null when it could not be taken or was forgotten). */
  thumbnail: z.string().nullable(),
  /** Analysed boxes, fractions of the frame, in time order. */
  boxes: z.array(faceBoxSchema),
});
export type FaceTrackView = z.infer<typeof faceTrackSchema>;

export const faceTracksSchema = z.object({
  recordingId: idSchema,
  analysed: z.boolean(),
  analysedAt: z.string().nullable(),
  stepSeconds: z.number().nullable(),
  tracks: z.array(faceTrackSchema),
});
export type FaceTracksView = z.infer<typeof faceTracksSchema>;

export const facesAnalyseInputSchema = z.strictObject({ recordingId: idSchema, wait: z.boolean().optional() });
export const facesAnalyseOutputSchema = z.object({
  jobId: z.string(),
  result: z.object({ recordingId: idSchema, tracks: z.number().int(), analysedFrames: z.number().int(), seconds: z.number() }).nullable(),
});
export const facesTracksInputSchema = z.strictObject({ recordingId: idSchema });
/** personId null: "inconnu" (a face of nobody linked to the recording). */
export const facesAssignInputSchema = z.strictObject({ trackId: idSchema, personId: idSchema.nullable() });
export const facesMergeInputSchema = z.strictObject({ trackIds: z.array(idSchema).min(2).max(50) });
