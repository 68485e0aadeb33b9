/** Consent records, guardians, the audit log, policy decisions, dashboard and erasure. */
import { z } from 'zod';
import { AUDIENCES, CONSENT_CONDITIONS, CONSENT_METHODS, CONSENT_SCOPES, CONSENT_STATUSES, MAX_CHUNK_BYTES } from '../vocabulary';
import { calendarDateSchema, idSchema, personRoleSchema, requiredText, text } from './common';
import { personSchema } from './projects';
import { exportRecipientSchema } from './exportRecipient';

export const consentScopeSchema = z.enum(CONSENT_SCOPES);
export const audienceSchema = z.enum(AUDIENCES);
export const consentStatusSchema = z.enum(CONSENT_STATUSES);
export const consentMethodSchema = z.enum(CONSENT_METHODS);
export const consentConditionSchema = z.enum(CONSENT_CONDITIONS);

export const guardianSchema = z.object({
  id: idSchema,
  personId: idSchema,
  name: z.string(),
  relationship: z.string(),
  createdAt: z.string(),
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
});
export type PersonConsent = z.infer<typeof personConsentSchema>;

const reasonSchema = z.object({ code: z.string(), scope: consentScopeSchema, expiredOn: z.string().optional() });
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

const actorAndReason = { actor: text(120).optional(), reason: text(500).optional() };

export const setConsentInputSchema = z
  .strictObject({
    personId: idSchema,
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
    ...actorAndReason,
  })
  .refine((value) => !(value.conditions?.includes('first-name-only') && value.conditions.includes('no-name')), {
    message: 'first-name-only and no-name cannot both apply',
    path: ['conditions'],
  });
export type SetConsentInput = z.infer<typeof setConsentInputSchema>;

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

export const addGuardianInputSchema = z.strictObject({
  personId: idSchema,
  name: requiredText(120),
  relationship: text(60).optional(),
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
      expiringSoon: z.array(z.object({ scope: consentScopeSchema, expiresOn: z.string() })),
    }),
  ),
  flaggedExports: z.array(flaggedExportSchema),
});
export type ConsentDashboard = z.infer<typeof dashboardSchema>;

export const eraseInputSchema = z.strictObject({ personId: idSchema, ...actorAndReason });
export const eraseOutputSchema = z.object({
  erased: z.literal(true),
  recordingsDeleted: z.number().int(),
  recordingsToReview: z.array(idSchema),
});
export const consentFormOutputSchema = z.object({ assetId: idSchema, fileName: z.string(), sizeBytes: z.number().int() });
