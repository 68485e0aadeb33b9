/** Consent records, guardians, the audit log, policy decisions, dashboard and erasure. */
import { z } from 'zod';
import {
  AUDIENCES,
  CONSENT_CONDITIONS,
  CONSENT_METHODS,
  CONSENT_SCOPES,
  CONSENT_STATUSES,
  GUARDIAN_CAPACITIES,
  MAX_CHUNK_BYTES,
  SOLE_HOLDER_REASONS,
} from '../vocabulary';
import { calendarDateSchema, idSchema, personRoleSchema, requiredText, text } from './common';
import { personSchema } from './projects';
import { exportRecipientSchema } from './exportRecipient';

export const consentScopeSchema = z.enum(CONSENT_SCOPES);
export const audienceSchema = z.enum(AUDIENCES);
export const consentStatusSchema = z.enum(CONSENT_STATUSES);
export const consentMethodSchema = z.enum(CONSENT_METHODS);
export const consentConditionSchema = z.enum(CONSENT_CONDITIONS);
export const guardianCapacitySchema = z.enum(GUARDIAN_CAPACITIES);
export const soleHolderReasonSchema = z.enum(SOLE_HOLDER_REASONS);
/** What a minor's consent lacks before it may be saved as granted. */
export const missingAuthorisationSchema = z.enum(['minor-agreement', 'holder', 'second-holder']);

export const guardianSchema = z.object({
  id: idSchema,
  personId: idSchema,
  name: z.string(),
  relationship: z.string(),
  createdAt: z.string(),
  /** Signatory capacity; a guardian recorded before schema 10 counts as `parent-1`. */
  capacity: guardianCapacitySchema,
  soleHolderReason: soleHolderReasonSchema.nullable(),
  soleHolderDetail: z.string(),
});
export type Guardian = z.infer<typeof guardianSchema>;

export const consentViewSchema = z.object({
  scope: consentScopeSchema,
  status: consentStatusSchema,
  decidedOn: z.string().nullable(),
  method: consentMethodSchema.nullable(),
  evidenceAssetId: idSchema.nullable(),
  evidenceRecordingId: idSchema.nullable(),
  evidenceFromSeconds: z.number().nullable(),
  evidenceToSeconds: z.number().nullable(),
  conditions: z.array(consentConditionSchema),
  expiresOn: z.string().nullable(),
  minorAgreed: z.boolean(),
  guardianIds: z.array(idSchema),
  /** False when no record exists yet (shown as pending). */
  recorded: z.boolean(),
  /** Proof (RGPD art. 7(1)): where it was given, and the form version and SHA-256 shown (null before schema 10). */
  place: z.string(),
  formVersion: z.string().nullable(),
  formSha256: z.string().nullable(),
  /** The signatories' capacities (names are in `guardians`), in guardian order. */
  signatories: z.array(
    z.object({ guardianId: idSchema, capacity: guardianCapacitySchema, soleHolderReason: soleHolderReasonSchema.nullable() }),
  ),
  /** Signatures drawn on the screen (method « Signature sur l'écran »): who signed, and the picture or the typed name. */
  screenSignatures: z.array(
    z.object({
      signer: z.enum(['person', 'guardian']),
      guardianId: idSchema.nullable(),
      /** A PNG data: URL of the drawn signature, or null for a typed name. */
      image: z.string().nullable(),
      typedName: z.string().nullable(),
      signedOn: z.string(),
    }),
  ),
  /** For a granted consent: what the law still requires and is missing (a minor's agreement, parents). */
  missing: z.array(missingAuthorisationSchema),
  /** The last day of use: the earlier of the expiry and, for a minor, the eve of the 18th birthday. */
  validUntil: z.string().nullable(),
  validUntilMajority: z.boolean(),
});
export type ConsentView = z.infer<typeof consentViewSchema>;

export const auditEntrySchema = z.object({
  id: idSchema,
  at: z.string(),
  action: z.string(),
  scope: z.string().nullable(),
  change: z.record(z.string(), z.unknown()),
  actor: z.string(),
  reason: z.string(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

export const personConsentSchema = z.object({
  person: personSchema,
  age: z.number().int().nullable(),
  minor: z.boolean(),
  under15: z.boolean(),
  scopes: z.array(consentViewSchema),
  guardians: z.array(guardianSchema),
  history: z.array(auditEntrySchema),
  /** An emancipated minor acts as an adult from that day (proof recorded). */
  emancipation: z.object({ emancipatedOn: z.string(), proof: z.string(), recordedAt: z.string() }).nullable(),
  /** The 18th birthday, when the birth date is known and the person is under 18 today. */
  majorityOn: z.string().nullable(),
});
export type PersonConsent = z.infer<typeof personConsentSchema>;

const reasonSchema = z.object({
  code: z.string(),
  scope: consentScopeSchema,
  expiredOn: z.string().optional(),
  decidedOn: z.string().optional(),
});
export const policyDecisionSchema = z.object({
  decision: z.enum(['allowed', 'allowed-with', 'refused']),
  conditions: z.array(consentConditionSchema),
  reasons: z.array(reasonSchema),
});
export type PolicyDecisionView = z.infer<typeof policyDecisionSchema>;

export const recordingCheckSchema = z.object({
  recordingId: idSchema,
  audience: audienceSchema,
  on: z.string(),
  decision: z.enum(['allowed', 'allowed-with', 'refused']),
  nobodyLinked: z.boolean(),
  people: z.array(z.object({ personId: idSchema, displayName: z.string(), result: policyDecisionSchema })),
});
export type RecordingCheck = z.infer<typeof recordingCheckSchema>;

export const actorAndReason = { actor: text(120).optional(), reason: text(500).optional() };

/** The largest drawn signature accepted: a PNG of a few strokes weighs a few kilobytes. */
export const MAX_SIGNATURE_PNG_BYTES = 64 * 1024;

/**
 * One signatory's signature on the screen: drawn (a base64 PNG) or, for someone who cannot
 * sign by hand, their full name typed and confirmed.
 */
export const screenSignatureInputSchema = z
  .strictObject({
    signer: z.enum(['person', 'guardian']),
    guardianId: idSchema.optional(),
    png: z
      .string()
      .max(Math.ceil((MAX_SIGNATURE_PNG_BYTES * 4) / 3) + 4)
      .optional(),
    typedName: text(120).pipe(z.string().min(2)).optional(),
  })
  .refine((value) => (value.png === undefined) !== (value.typedName === undefined), {
    message: 'a drawn signature or a typed name, one of the two',
    path: ['png'],
  })
  .refine((value) => (value.signer === 'guardian') === (value.guardianId !== undefined), {
    message: 'a parent’s signature names the parent (guardianId), the person’s does not',
    path: ['guardianId'],
  });
export type ScreenSignatureInput = z.infer<typeof screenSignatureInputSchema>;
/** Given with a save: they apply to every agreement of that save granted with « Signature sur l'écran ». */
const screenSignaturesField = { screenSignatures: z.array(screenSignatureInputSchema).max(6).optional() };

/** One scope's decision: what consent.set takes for one scope, and each change of consent.setMany. */
const consentChangeFields = {
  scope: consentScopeSchema,
  status: consentStatusSchema,
  decidedOn: calendarDateSchema.optional(),
  method: consentMethodSchema.nullable().optional(),
  conditions: z.array(consentConditionSchema).max(CONSENT_CONDITIONS.length).optional(),
  expiresOn: calendarDateSchema.nullable().optional(),
  minorAgreed: z.boolean().optional(),
  guardianIds: z.array(idSchema).max(4).optional(),
  evidenceRecordingId: idSchema.nullable().optional(),
  evidenceFromSeconds: z.number().min(0).nullable().optional(),
  evidenceToSeconds: z.number().min(0).nullable().optional(),
  /** Where the consent was given (register). */
  place: text(200).optional(),
  /** The version of the form shown, when not the current one (a paper form printed earlier). */
  formVersion: text(60).optional(),
};
const noBothNameConditions = (value: { conditions?: readonly string[] }) =>
  !(value.conditions?.includes('first-name-only') && value.conditions.includes('no-name'));

export const setConsentInputSchema = z
  .strictObject({ personId: idSchema, ...consentChangeFields, ...actorAndReason, ...screenSignaturesField })
  .refine(noBothNameConditions, {
    message: 'first-name-only and no-name cannot both apply',
    path: ['conditions'],
  });
export type SetConsentInput = z.infer<typeof setConsentInputSchema>;

/** Several scopes of one person saved at once (the consent editor's one save): one transaction, one audit row per scope. */
export const consentChangeSchema = z.strictObject(consentChangeFields).refine(noBothNameConditions, {
  message: 'first-name-only and no-name cannot both apply',
  path: ['conditions'],
});
export type ConsentChange = z.infer<typeof consentChangeSchema>;
export const setManyConsentInputSchema = z
  .strictObject({
    personId: idSchema,
    changes: z.array(consentChangeSchema).min(1).max(CONSENT_SCOPES.length),
    ...actorAndReason,
    ...screenSignaturesField,
  })
  .refine((value) => new Set(value.changes.map((change) => change.scope)).size === value.changes.length, {
    message: 'each scope may appear only once',
    path: ['changes'],
  });
export type SetManyConsentInput = z.infer<typeof setManyConsentInputSchema>;

export const setConsentOutputSchema = z.object({ consent: personConsentSchema, flaggedExports: z.array(idSchema) });

export const attachEvidenceInputSchema = z.strictObject({
  personId: idSchema,
  scope: consentScopeSchema,
  fileName: text(255).pipe(z.string().min(1)),
  data: z
    .instanceof(Uint8Array, { message: 'expected binary data' })
    .refine((data) => data.byteLength > 0, 'the file is empty')
    .refine((data) => data.byteLength <= MAX_CHUNK_BYTES, `a scan holds at most ${MAX_CHUNK_BYTES} bytes`),
});

const signatoryCapacityFields = {
  capacity: guardianCapacitySchema.optional(),
  soleHolderReason: soleHolderReasonSchema.nullable().optional(),
  soleHolderDetail: text(300).optional(),
};
const reasonOnlyForSoleHolder = (value: { capacity?: string; soleHolderReason?: string | null }) =>
  !value.soleHolderReason || value.capacity === undefined || value.capacity === 'sole-holder';

export const addGuardianInputSchema = z
  .strictObject({
    personId: idSchema,
    name: requiredText(120),
    relationship: text(60).optional(),
    ...signatoryCapacityFields,
    ...actorAndReason,
  })
  .refine((value) => !value.soleHolderReason || value.capacity === 'sole-holder', {
    message: 'a reason applies only to a sole holder of parental authority',
    path: ['soleHolderReason'],
  });

export const updateGuardianInputSchema = z
  .strictObject({
    guardianId: idSchema,
    relationship: text(60).optional(),
    ...signatoryCapacityFields,
    ...actorAndReason,
  })
  .refine(reasonOnlyForSoleHolder, { message: 'a reason applies only to a sole holder of parental authority', path: ['soleHolderReason'] });

export type UpdateGuardianInput = z.infer<typeof updateGuardianInputSchema>;

export const removeGuardianInputSchema = z.strictObject({ guardianId: idSchema, ...actorAndReason });

export const setEmancipationInputSchema = z.strictObject({
  personId: idSchema,
  /** null removes a wrongly recorded emancipation. */
  emancipatedOn: calendarDateSchema.nullable(),
  /** The proof: judgement, date and court (required when emancipatedOn is set). */
  proof: text(500).optional(),
  ...actorAndReason,
});

export const personIdInputSchema = z.strictObject({ personId: idSchema });

export const checkConsentInputSchema = z.strictObject({
  recordingId: idSchema,
  audience: audienceSchema,
  on: calendarDateSchema.optional(),
});

export const dashboardInputSchema = z.strictObject({
  projectId: idSchema,
  on: calendarDateSchema.optional(),
  expiringWithinDays: z.number().int().min(1).max(365).default(30),
});

export const flaggedExportSchema = z.object({
  id: idSchema,
  kind: z.string(),
  audience: z.string(),
  label: z.string(),
  createdAt: z.string(),
  flaggedAt: z.string(),
  flagReason: z.string(),
  /** What caused the flag (withdrawn, expired, conditions, linked…), null for older flags. */
  change: z.string().nullable(),
  /** Whom to notify (RGPD art. 19). */
  recipients: z.array(exportRecipientSchema),
});

export type FlaggedExport = z.infer<typeof flaggedExportSchema>;

export const dashboardSchema = z.object({
  projectId: idSchema,
  on: z.string(),
  people: z.array(
    z.object({
      personId: idSchema,
      displayName: z.string(),
      role: personRoleSchema,
      minor: z.boolean(),
      recordingConsent: policyDecisionSchema,
      audiences: z.record(audienceSchema, policyDecisionSchema),
      expiringSoon: z.array(
        z.object({
          scope: consentScopeSchema,
          expiresOn: z.string(),
          /** Set when the consent ends because the minor turns 18 that day + 1: renew with them as an adult. */
          majorityOn: z.string().optional(),
          reason: z.string().optional(),
        }),
      ),
    }),
  ),
  flaggedExports: z.array(flaggedExportSchema),
});
export type ConsentDashboard = z.infer<typeof dashboardSchema>;

export const eraseInputSchema = z.strictObject({
  personId: idSchema,
  ...actorAndReason,
  /** Replace the person's names in other people's free text (comments, titles, names of clips…). Default: yes. */
  redactMentions: z.boolean().optional(),
  /** Delete the copies exported outside the library that the app can still reach. Default: no (they are listed). */
  deleteExternalCopies: z.boolean().optional(),
});
export const erasurePlanSchema = z.object({
  personId: idSchema,
  recordingsToDelete: z.array(idSchema),
  recordingsToReview: z.array(idSchema),
  exportsInLibrary: z.array(z.object({ exportId: idSchema, kind: z.string(), label: z.string() })),
  externalCopies: z.array(
    z.object({
      exportId: idSchema,
      kind: z.string(),
      audience: audienceSchema,
      createdAt: z.string(),
      paths: z.array(z.string()),
      reachable: z.boolean(),
    }),
  ),
  feedbackSheets: z.number().int(),
  mentions: z.array(z.object({ table: z.string(), column: z.string(), id: z.number().int(), excerpt: z.string() })),
});
export type ErasurePlan = z.infer<typeof erasurePlanSchema>;
export const finishErasureOutputSchema = z.object({ done: z.literal(true), walFrames: z.number().int() });
export const eraseOutputSchema = z.object({
  erased: z.literal(true),
  recordingsDeleted: z.number().int(),
  recordingsToReview: z.array(idSchema),
});
export const consentFormOutputSchema = z.object({ assetId: idSchema, fileName: z.string(), sizeBytes: z.number().int() });
