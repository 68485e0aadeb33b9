/**
 * The fixed word lists of the domain (project kinds, person roles, consent scopes and
 * conditions), with no dependency, so the renderer can list them without bundling the
 * validators. Roles and conditions are one table each: the id, the UI label key, and the
 * French words printed on exports and on the consent form (outputs are always French).
 */
export const PROJECT_KINDS = ['interview-workshop', 'testimony-campaign'] as const;
export const PERSON_ROLE_TABLE = [
  { id: 'job-seeker', labelKey: 'role.job-seeker', printedFr: "Demandeur ou demandeuse d'emploi" },
  { id: 'young-person', labelKey: 'role.young-person', printedFr: 'Jeune en emploi aidé' },
  { id: 'employer', labelKey: 'role.employer', printedFr: 'Employeur' },
  { id: 'tutor', labelKey: 'role.tutor', printedFr: 'Tuteur ou tutrice' },
  { id: 'animator', labelKey: 'role.animator', printedFr: 'Animateur ou animatrice' },
  { id: 'other', labelKey: 'role.other', printedFr: 'Autre' },
] as const;
export const PERSON_ROLES = PERSON_ROLE_TABLE.map((role) => role.id) as unknown as readonly [
  (typeof PERSON_ROLE_TABLE)[number]['id'],
  ...(typeof PERSON_ROLE_TABLE)[number]['id'][],
];
export const RECORDING_KINDS = ['interview', 'testimony'] as const;
export const RECORDING_STATUSES = ['capturing', 'finalising', 'ready', 'failed'] as const;
export const RECORDING_SOURCES = ['camera', 'upload', 'file'] as const;
/** Largest chunk accepted in one call (1 s of 1080p is about 1 MB; uploads use 8 MB). */
export const MAX_CHUNK_BYTES = 16 * 1024 * 1024;
/** What a person may agree to: being filmed, then each audience the film may reach. */
export const CONSENT_SCOPES = ['recording', 'workshop', 'partners', 'elected', 'public'] as const;
/** The audiences an export or a pack is made for (every scope but being filmed). */
export const AUDIENCES = ['workshop', 'partners', 'elected', 'public'] as const;
export const CONSENT_STATUSES = ['granted', 'refused', 'pending', 'withdrawn'] as const;
export const CONSENT_METHODS = ['signed-form', 'on-screen-signature', 'filmed-oral-consent'] as const;
/** What a person may ask for when shown: `printedFr` in exports, `formLineFr` on the printed consent form. */
export const CONSENT_CONDITION_TABLE = [
  { id: 'face-blurred', labelKey: 'consent.condition.face-blurred', printedFr: 'visage flouté', formLineFr: 'Flouter mon visage' },
  { id: 'voice-altered', labelKey: 'consent.condition.voice-altered', printedFr: 'voix modifiée', formLineFr: 'Changer ma voix' },
  {
    id: 'first-name-only',
    labelKey: 'consent.condition.first-name-only',
    printedFr: 'prénom seulement',
    formLineFr: 'Montrer seulement mon prénom',
  },
  { id: 'no-name', labelKey: 'consent.condition.no-name', printedFr: 'sans nom', formLineFr: 'Ne pas montrer mon nom' },
] as const;
export const CONSENT_CONDITIONS = CONSENT_CONDITION_TABLE.map((condition) => condition.id) as unknown as readonly [
  (typeof CONSENT_CONDITION_TABLE)[number]['id'],
  ...(typeof CONSENT_CONDITION_TABLE)[number]['id'][],
];

export type ConsentScope = (typeof CONSENT_SCOPES)[number];
export type Audience = (typeof AUDIENCES)[number];
export type ConsentStatus = (typeof CONSENT_STATUSES)[number];
export type ConsentMethod = (typeof CONSENT_METHODS)[number];
export type ConsentCondition = (typeof CONSENT_CONDITIONS)[number];
