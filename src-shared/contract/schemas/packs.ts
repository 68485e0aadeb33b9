/**
 * Data shapes of restitution packs: what to put in one (the spec, kept to rebuild it
 * after a recall), the consent gate's preview of it, and the result of a verification.
 */
import { z } from 'zod';
import { exportRecordSchema, textChangeSchema } from './editing';
import { idSchema, requiredText } from './common';
import { audienceSchema, consentConditionSchema, policyDecisionSchema } from './consent';

export const packSpecSchema = z.strictObject({
  projectId: idSchema,
  audience: audienceSchema,
  /** Montages to include; all of the project's when left out. */
  montageIds: z.array(idSchema).max(100).optional(),
  /** Clips to include; all of the project's when left out. */
  clipIds: z.array(idSchema).max(500).optional(),
  /** Only clips tagged with one of these themes; every theme when left out. */
  themes: z.array(requiredText(40)).max(50).optional(),
  /** Quotes (comments marked as quotes) from the included clips. Default: yes. */
  includeQuotes: z.boolean().optional(),
  /** "Inconnus floutés": in every video of the pack, pixelate every analysed face assigned to nobody (or not reviewed). */
  blurUnknownFaces: z.boolean().optional(),
});
export type PackSpec = z.infer<typeof packSpecSchema>;

const blockerSchema = z.object({ displayName: z.string(), reasons: policyDecisionSchema.shape.reasons });

export const packPreviewSchema = z.object({
  projectId: idSchema,
  audience: audienceSchema,
  included: z.array(
    z.object({
      kind: z.enum(['montage', 'clip']),
      id: idSchema,
      name: z.string(),
      durationSeconds: z.number(),
      themes: z.array(z.string()),
    }),
  ),
  excluded: z.array(
    z.object({
      kind: z.enum(['montage', 'clip']),
      id: idSchema,
      name: z.string(),
      blockers: z.array(blockerSchema),
      problems: z.array(z.string()),
    }),
  ),
  people: z.array(z.object({ personId: idSchema, shownAs: z.string().nullable(), conditions: z.array(consentConditionSchema) })),
  /** Texts left out or changed because they name someone (never the hidden name itself). */
  textChanges: z.array(textChangeSchema),
  quotes: z.number().int(),
  totalSeconds: z.number(),
});
export type PackPreview = z.infer<typeof packPreviewSchema>;

export const buildPackInputSchema = z.strictObject({
  spec: packSpecSchema,
  /** A folder path to write to (new or empty): the command line only. Otherwise the pack goes into the library. */
  destination: z.string().min(1).max(4096).optional(),
  zip: z.boolean().optional(),
  wait: z.boolean().optional(),
});
export const buildPackOutputSchema = z.object({ jobId: z.string(), export: exportRecordSchema.nullable() });

export const packVerificationSchema = z.object({
  ok: z.boolean(),
  packId: z.string().nullable(),
  checkedFiles: z.number().int(),
  problems: z.array(
    z.object({
      path: z.string(),
      problem: z.enum([
        'missing',
        'altered',
        'extra',
        'manifest-unreadable',
        'unsafe-path',
        'symlink',
        'not-regular-file',
        'zip-bomb',
        'too-large',
      ]),
    }),
  ),
});
export type PackVerification = z.infer<typeof packVerificationSchema>;

export const exportIdInputSchema = z.strictObject({ exportId: idSchema, wait: z.boolean().optional() });
