/**
 * The French words exports print (lower thirds, pack pages, PDFs): exports are read by
 * Region staff and elected officials, so they are French whatever the UI language.
 */
import type { PersonRole } from '../../src-shared/contract/schemas';
import type { Audience, ConsentCondition, RefusalReason } from '../consent/consentPolicy';

export const ROLE_LABELS_FR: Record<PersonRole, string> = {
  'job-seeker': "Demandeur ou demandeuse d'emploi",
  'young-person': 'Jeune en emploi aidé',
  employer: 'Employeur',
  tutor: 'Tuteur ou tutrice',
  animator: 'Animateur ou animatrice',
  other: 'Participant·e',
};

export const AUDIENCE_LABELS_FR: Record<Audience, string> = {
  workshop: 'Atelier',
  partners: 'Partenaires',
  elected: 'Élus',
  public: 'Public',
};

export const CONDITION_LABELS_FR: Record<ConsentCondition, string> = {
  'face-blurred': 'visage flouté',
  'voice-altered': 'voix modifiée',
  'first-name-only': 'prénom seulement',
  'no-name': 'sans nom',
};

/** Why someone blocks an export, in plain English for messages and logs of the CLI. */
export function describeRefusal(reason: RefusalReason | { code: string; scope: string; expiredOn?: string }): string {
  switch (reason.code) {
    case 'no-consent':
      return `no consent recorded for "${reason.scope}"`;
    case 'pending':
      return `consent for "${reason.scope}" still pending`;
    case 'refused':
      return `refused "${reason.scope}"`;
    case 'withdrawn':
      return `withdrew consent for "${reason.scope}"`;
    case 'expired':
      return `consent for "${reason.scope}" expired on ${reason.expiredOn ?? '?'}`;
    case 'guardian-missing':
      return `a guardian's signature is missing for "${reason.scope}"`;
    case 'minor-agreement-missing':
      return `the minor's own agreement is missing for "${reason.scope}"`;
    default:
      return `${reason.code} (${reason.scope})`;
  }
}
