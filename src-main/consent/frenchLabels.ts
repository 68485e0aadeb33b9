/**
 * The French words exports print (lower thirds, pack pages, PDFs): exports are read by
 * Region staff and elected officials, so they are French whatever the UI language.
 */
import type { PersonRole } from '../../src-shared/contract/schemas';
import { CONSENT_CONDITION_TABLE, PERSON_ROLE_TABLE } from '../../src-shared/contract/vocabulary';
import type { Audience, ConsentCondition, RefusalReason } from './consentPolicy';

export const ROLE_LABELS_FR = Object.fromEntries(PERSON_ROLE_TABLE.map((role) => [role.id, role.printedFr])) as Record<PersonRole, string>;

export const AUDIENCE_LABELS_FR: Record<Audience, string> = {
  workshop: 'Atelier',
  partners: 'Partenaires',
  elected: 'Élus',
  public: 'Public',
};

export const CONDITION_LABELS_FR = Object.fromEntries(
  CONSENT_CONDITION_TABLE.map((condition) => [condition.id, condition.printedFr]),
) as Record<ConsentCondition, string>;

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
