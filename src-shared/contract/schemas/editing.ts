/**
 * Data shapes of editing and export: clips, montages, subtitle cues, render targets,
 * the consent-gate preview of an export, and the record of what was exported.
 */
import { z } from 'zod';
import { idSchema, requiredText } from './common';
import { audienceSchema, consentConditionSchema, policyDecisionSchema } from './consent';

const seconds = z
  .number()
  .finite()
  .min(0)
  .max(24 * 3600);
const unit = z.number().finite().min(0).max(1);

/** A region of the frame, as fractions of its width and height. */
export const blurBoxSchema = z
  .strictObject({ x: unit, y: unit, w: unit.min(0.02), h: unit.min(0.02) })
  .refine((box) => box.x + box.w <= 1.0001 && box.y + box.h <= 1.0001, 'the box goes beyond the frame');
export type BlurBox = z.infer<typeof blurBoxSchema>;

/** The animator's confirmation that a drawn region covers the face over the clip's range. */
export const faceCheckSchema = z.object({
  blurBox: blurBoxSchema,
  inSeconds: z.number(),
  outSeconds: z.number(),
  /** The times of the stills looked at. */
  stillSeconds: z.array(z.number()),
  confirmedBy: z.string(),
  confirmedAt: z.string(),
});
export type FaceCheck = z.infer<typeof faceCheckSchema>;

const tagsSchema = z
  .array(requiredText(40))
  .max(12)
  .refine((tags) => new Set(tags).size === tags.length, 'a theme is listed twice');

export const clipSchema = z.object({
  id: idSchema,
  recordingId: idSchema,
  projectId: idSchema,
  name: z.string(),
  inSeconds: z.number(),
  outSeconds: z.number(),
  tags: z.array(z.string()),
  speakerPersonId: idSchema.nullable(),
  blurBox: blurBoxSchema.nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** People linked to the recording whom a confirmed narrowing leaves out of this clip (everyone else appears). */
  excludedPersonIds: z.array(idSchema),
  /** When the narrowing was confirmed, or null: everyone linked to the recording appears. */
  peopleConfirmedAt: z.string().nullable(),
  /** Null until confirmed; a changed region or range voids it. */
  faceCheck: faceCheckSchema.nullable(),
});
export type Clip = z.infer<typeof clipSchema>;

const clipFields = {
  name: requiredText(200),
  inSeconds: seconds,
  outSeconds: seconds,
  tags: tagsSchema,
  speakerPersonId: idSchema.nullable(),
  blurBox: blurBoxSchema.nullable(),
};

export const createClipInputSchema = z.strictObject({
  recordingId: idSchema,
  ...clipFields,
  tags: tagsSchema.default([]),
  speakerPersonId: idSchema.nullable().default(null),
  blurBox: blurBoxSchema.nullable().default(null),
});
export const updateClipInputSchema = z.strictObject({ id: idSchema, changes: z.strictObject(clipFields).partial() });
export const listClipsInputSchema = z
  .strictObject({ recordingId: idSchema.optional(), projectId: idSchema.optional() })
  .refine((input) => (input.recordingId === undefined) !== (input.projectId === undefined), 'give either recordingId or projectId');

export const renderPresetSchema = z.enum(['720p', '1080p']);
export type RenderPreset = z.infer<typeof renderPresetSchema>;

export const montageItemSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('clip'), clipId: idSchema }),
  z.strictObject({ kind: z.literal('title'), text: requiredText(300), seconds: z.number().finite().min(1).max(30) }),
]);
export type MontageItem = z.infer<typeof montageItemSchema>;

export const montageSettingsSchema = z.object({
  preset: renderPresetSchema,
  fadeSeconds: z.number().finite().min(0).max(2),
  normaliseAudio: z.boolean(),
  lowerThirds: z.boolean(),
  burnSubtitles: z.boolean(),
  /** "Voix remplacée": mute the voice of whoever asked for an altered voice, burn their words in as subtitles. */
  replaceVoices: z.boolean().optional(),
});
export type MontageSettings = z.infer<typeof montageSettingsSchema>;

export const montageSchema = montageSettingsSchema.extend({
  id: idSchema,
  projectId: idSchema,
  name: z.string(),
  items: z.array(montageItemSchema),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Montage = z.infer<typeof montageSchema>;

export const createMontageInputSchema = z.strictObject({ projectId: idSchema, name: requiredText(200) });
export const updateMontageInputSchema = z.strictObject({
  id: idSchema,
  changes: montageSettingsSchema
    .extend({ name: requiredText(200), items: z.array(montageItemSchema).max(200) })
    .partial()
    .strict(),
});

export const cueSchema = z.object({ startSeconds: z.number(), endSeconds: z.number(), text: z.string() });
export const importSubtitlesInputSchema = z.strictObject({
  recordingId: idSchema,
  format: z.enum(['srt', 'vtt']),
  content: z.string().max(2_000_000, 'a subtitle file of at most 2 MB'),
});

export const renderTargetSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('clip'), clipId: idSchema }),
  z.strictObject({ kind: z.literal('range'), recordingId: idSchema, fromSeconds: seconds, toSeconds: seconds }),
  z.strictObject({ kind: z.literal('montage'), montageId: idSchema }),
]);
export type RenderTarget = z.infer<typeof renderTargetSchema>;

/** The picture of a recording that has only sound: its poster (if it has one) or a plain background. */
export const audioOnlyPictureSchema = z.enum(['poster', 'plain']);

/** For a clip or a range (a montage carries its own settings). */
export const clipRenderOptionsSchema = montageSettingsSchema
  .partial()
  .extend({
    audioOnlyPicture: audioOnlyPictureSchema.optional(),
    /** "Inconnus floutés": pixelate every analysed face assigned to nobody (or not reviewed). */
    blurUnknownFaces: z.boolean().optional(),
  })
  .strict();
export type ClipRenderOptions = z.infer<typeof clipRenderOptionsSchema>;

export const renderCheckInputSchema = z.strictObject({
  target: renderTargetSchema,
  audience: audienceSchema,
  options: clipRenderOptionsSchema.optional(),
});

/** One text of an export left out or changed by the text gate. */
export const textChangeSchema = z.object({
  /** Where the text was (French), never the text itself. */
  where: z.string(),
  personId: idSchema,
  /** The person's name as this audience may see it; null when it may not be shown at all. */
  personName: z.string().nullable(),
  change: z.enum(['removed', 'family-name-removed', 'name-removed']),
  reason: z.string(),
  /** The text was essential (a film's name): the export is refused until it is renamed. */
  blocksExport: z.boolean(),
});
export type TextChangeView = z.infer<typeof textChangeSchema>;

/** A stretch (seconds in the recording) where tracked blur widened the box or pixelated the whole frame. */
export const faceRiskSchema = z.object({
  recordingId: idSchema,
  personId: idSchema.nullable(),
  fromSeconds: z.number(),
  toSeconds: z.number(),
  action: z.enum(['widened', 'whole-frame']),
});

export const renderCheckSchema = z.object({
  audience: audienceSchema,
  allowed: z.boolean(),
  mode: z.enum(['copy', 'smart-cut', 'encode']),
  /** Why this mode, in French (the code for other languages). */
  modeReason: z
    .object({
      code: z.enum(['copy', 'smart-cut', 'assembled', 'no-picture', 'consent-conditions', 'drawn', 'resized', 'no-index', 'too-short']),
      text: z.string(),
      /** Smart cut: seconds re-encoded around the cuts. */
      encodedSeconds: z.number().optional(),
    })
    .optional(),
  durationSeconds: z.number(),
  segments: z.number().int(),
  /** People whose consent refuses this audience, and why. */
  blockers: z.array(
    z.object({
      personId: idSchema,
      displayName: z.string(),
      reasons: policyDecisionSchema.shape.reasons,
      recordingIds: z.array(idSchema),
      /** The clips this person blocks, by name (a montage's panel names them). */
      clipNames: z.array(z.string()).optional(),
    }),
  ),
  /** Recordings that cannot leave the library as they are (nobody linked, or to review after an erasure). */
  recordingProblems: z.array(
    z.object({
      recordingId: idSchema,
      title: z.string(),
      /** outside-kept-part: after an erasure, only the kept parts may be exported. no-speaker: a lower third is asked for a clip with several people and none chosen as the speaker. */
      problem: z.enum(['nobody-linked', 'needs-review', 'outside-kept-part', 'no-speaker']),
      clipName: z.string().optional(),
    }),
  ),
  /** Everyone shown, how their name appears, and what is applied to them. */
  people: z.array(
    z.object({ personId: idSchema, displayName: z.string(), shownAs: z.string().nullable(), conditions: z.array(consentConditionSchema) }),
  ),
  /** Texts left out or changed because they name someone (never the hidden name itself). */
  textChanges: z.array(textChangeSchema),
  /** People whose face-blurred consent makes the whole picture pixelated (no usable region), and why. */
  wholeFramePixelated: z.array(
    z.object({
      personId: idSchema,
      personName: z.string().nullable(),
      why: z.enum(['no-region', 'region-too-small', 'not-confirmed']),
    }),
  ),
  /** With "voix remplacée": muted ranges that have no subtitles to carry the words. */
  voiceReplacedWithoutSubtitles: z.array(z.object({ recordingId: idSchema, fromSeconds: z.number(), toSeconds: z.number() })),
  /** Tracked blur: stretches (seconds in the recording) where the box was widened or the whole frame pixelated. */
  faceFramesAtRisk: z.array(faceRiskSchema).optional(),
});
export type RenderCheck = z.infer<typeof renderCheckSchema>;
export type RenderModeReason = NonNullable<RenderCheck['modeReason']>;

export const renderStartInputSchema = renderCheckInputSchema.extend({
  /** A file path to write to: the command line only. Otherwise the export goes into the library. */
  destination: z.string().min(1).max(4096).optional(),
  /** Replace an existing destination file (`--force`); never a file inside the library. */
  overwrite: z.boolean().optional(),
  /** Answer once the render is finished (the command line), rather than at once with the job id. */
  wait: z.boolean().optional(),
});

export const exportRecordSchema = z.object({
  id: idSchema,
  projectId: idSchema,
  kind: z.string(),
  audience: audienceSchema,
  label: z.string(),
  createdAt: z.string(),
  flaggedAt: z.string().nullable(),
  flagReason: z.string().nullable(),
  assetId: idSchema.nullable(),
  outputPath: z.string().nullable(),
  durationSeconds: z.number().nullable(),
  sizeBytes: z.number().int().nullable(),
  mode: z.string().nullable(),
  /** The name a download carries (from the gated label: "Lea-le-metier.mp4"); never an id. */
  fileName: z.string().optional(),
});
export type ExportRecord = z.infer<typeof exportRecordSchema>;

export const renderStartOutputSchema = z.object({ jobId: z.string(), export: exportRecordSchema.nullable() });

export const clipStillsInputSchema = z.strictObject({ clipId: idSchema, count: z.number().int().min(3).max(5).optional() });
export const clipStillsOutputSchema = z.object({
  clipId: idSchema,
  blurBox: blurBoxSchema.nullable(),
  /** The region is big enough to hold a face (at least 4 % of the frame). */
  regionCanHoldFace: z.boolean(),
  stills: z.array(z.object({ seconds: z.number(), image: z.string() })),
});
export const confirmFaceRegionInputSchema = z.strictObject({
  clipId: idSchema,
  stillSeconds: z.array(seconds).min(3).max(5),
  confirmedBy: requiredText(120),
});

/** A still of each title card of an export, as the render will draw it (wrapped to the frame). */
export const titlePreviewOutputSchema = z.object({
  titles: z.array(z.object({ number: z.number().int().positive(), lines: z.array(z.string()), png: z.string() })),
});
export type RenderCheckInput = z.input<typeof renderCheckInputSchema>;

/**
 * A still of each stretch at risk of tracked blur (the middle frame), drawn as the render will
 * blur it with an outline around what is hidden; at most a few, and how many were left out.
 */
export const faceRiskStillsOutputSchema = z.object({
  stills: z.array(
    faceRiskSchema.extend({
      /** The frame shown, in seconds of the recording. */
      seconds: z.number(),
      /** A JPEG as a data: URL (never kept on disk). */
      image: z.string(),
      width: z.number().int().positive(),
      height: z.number().int().positive(),
    }),
  ),
  leftOut: z.number().int().nonnegative(),
});
export type FaceRiskStills = z.infer<typeof faceRiskStillsOutputSchema>;
