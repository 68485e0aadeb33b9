/**
 * The fixed word lists of the domain (project kinds, person roles), with no
 * dependency, so the renderer can list them without bundling the validators.
 */
export const PROJECT_KINDS = ['interview-workshop', 'testimony-campaign'] as const;
export const PERSON_ROLES = ['job-seeker', 'young-person', 'employer', 'tutor', 'animator', 'other'] as const;
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
export const CONSENT_CONDITIONS = ['face-blurred', 'voice-altered', 'first-name-only', 'no-name'] as const;
