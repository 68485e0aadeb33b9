/**
 * The fixed word lists of the domain (project kinds, person roles), with no
 * dependency, so the renderer can list them without bundling the validators.
 */
export const PROJECT_KINDS = ['interview-workshop', 'testimony-campaign'] as const;
export const PERSON_ROLES = ['job-seeker', 'young-person', 'employer', 'tutor', 'animator', 'other'] as const;
