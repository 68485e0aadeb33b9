/**
 * The fixed word lists of the domain (project kinds, person roles, consent scopes and
 * conditions), with no dependency, so the renderer can list them without bundling the
 * validators. Roles and conditions are one table each: the id, the UI label key, and the
 * French words printed on exports and on the consent form (outputs are always French).
 */
import { idsOf } from './wordTable';
export const PROJECT_KINDS = ['interview-workshop', 'testimony-campaign'] as const;
export const PERSON_ROLE_TABLE = [
  { id: 'job-seeker', labelKey: 'role.job-seeker', printedFr: "Demandeur ou demandeuse d'emploi" },
  { id: 'young-person', labelKey: 'role.young-person', printedFr: 'Jeune en emploi aidé' },
  { id: 'employer', labelKey: 'role.employer', printedFr: 'Employeur' },
  { id: 'tutor', labelKey: 'role.tutor', printedFr: 'Tuteur ou tutrice' },
  { id: 'animator', labelKey: 'role.animator', printedFr: 'Animateur ou animatrice' },
  { id: 'other', labelKey: 'role.other', printedFr: 'Autre' },
] as const;
export const PERSON_ROLES = idsOf(PERSON_ROLE_TABLE);
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
export const CONSENT_CONDITIONS = idsOf(CONSENT_CONDITION_TABLE);

export type ConsentScope = (typeof CONSENT_SCOPES)[number];
export type Audience = (typeof AUDIENCES)[number];
export type ConsentStatus = (typeof CONSENT_STATUSES)[number];
export type ConsentMethod = (typeof CONSENT_METHODS)[number];
export type ConsentCondition = (typeof CONSENT_CONDITIONS)[number];

/**
 * Who signs for a minor, and in what capacity (Code civil art. 372-1: both holders of
 * parental authority; a sole holder says why; a legal guardian under tutelle signs as holder).
 */
export const GUARDIAN_CAPACITY_TABLE = [
  { id: 'parent-1', labelKey: 'consent.capacity.parent-1', printedFr: 'parent 1 (titulaire de l’autorité parentale)' },
  { id: 'parent-2', labelKey: 'consent.capacity.parent-2', printedFr: 'parent 2 (titulaire de l’autorité parentale)' },
  { id: 'sole-holder', labelKey: 'consent.capacity.sole-holder', printedFr: 'seul titulaire de l’autorité parentale' },
  { id: 'legal-guardian', labelKey: 'consent.capacity.legal-guardian', printedFr: 'tuteur ou tutrice légale' },
] as const;
export const GUARDIAN_CAPACITIES = idsOf(GUARDIAN_CAPACITY_TABLE);
export type GuardianCapacity = (typeof GUARDIAN_CAPACITIES)[number];
/** Why one holder signs alone: the reason is part of the proof. */
export const SOLE_HOLDER_REASON_TABLE = [
  { id: 'sole-parental-authority', labelKey: 'consent.soleReason.sole-parental-authority', printedFr: 'autorité parentale exclusive' },
  { id: 'other-parent-deceased', labelKey: 'consent.soleReason.other-parent-deceased', printedFr: 'autre parent décédé' },
  {
    id: 'other-parent-unknown',
    labelKey: 'consent.soleReason.other-parent-unknown',
    printedFr: 'filiation établie à l’égard d’un seul parent',
  },
  { id: 'court-decision', labelKey: 'consent.soleReason.court-decision', printedFr: 'décision de justice' },
] as const;
export const SOLE_HOLDER_REASONS = idsOf(SOLE_HOLDER_REASON_TABLE);
export type SoleHolderReason = (typeof SOLE_HOLDER_REASONS)[number];

/** The audience a project's restitution pack is usually made for (the pack panel starts there). */
export const PROJECT_KIND_USUAL_AUDIENCE: Record<(typeof PROJECT_KINDS)[number], Audience> = {
  'interview-workshop': 'partners',
  'testimony-campaign': 'elected',
};

/** A role counted in French, singular and plural ("1 jeune", "2 jeunes"), for pack pages and syntheses. */
export const PERSON_ROLE_COUNT_FR: Record<(typeof PERSON_ROLE_TABLE)[number]['id'], readonly [string, string]> = {
  'job-seeker': ['demandeur ou demandeuse d’emploi', 'demandeurs et demandeuses d’emploi'],
  'young-person': ['jeune', 'jeunes'],
  employer: ['employeur', 'employeurs'],
  tutor: ['tuteur ou tutrice', 'tuteurs et tutrices'],
  animator: ['animateur ou animatrice', 'animateurs et animatrices'],
  other: ['autre personne', 'autres personnes'],
};

/** How an audience is printed in exports (French whatever the UI language: Region staff and elected officials read them). */
export const AUDIENCE_LABELS_FR: Record<Audience, string> = {
  workshop: 'Atelier',
  partners: 'Partenaires',
  elected: 'Élus',
  public: 'Public',
};
