/**
 * The French words exports print (lower thirds, pack pages, PDFs): exports are read by
 * Region staff and elected officials, so they are French whatever the UI language.
 */
import type { PersonRole } from '../../src-shared/contract/schemas';
import {
  CONSENT_CONDITION_TABLE,
  GUARDIAN_CAPACITY_TABLE,
  PERSON_ROLE_TABLE,
  SOLE_HOLDER_REASON_TABLE,
  type GuardianCapacity,
  type SoleHolderReason,
  AUDIENCE_LABELS_FR,
} from '../../src-shared/contract/vocabulary';
import type { ConsentCondition, MissingAuthorisation } from './consentPolicy';
import { frenchShortDate } from '../../src-shared/frenchDate';

export const ROLE_LABELS_FR = Object.fromEntries(PERSON_ROLE_TABLE.map((role) => [role.id, role.printedFr])) as Record<PersonRole, string>;

export { AUDIENCE_LABELS_FR };

export const CONDITION_LABELS_FR = Object.fromEntries(
  CONSENT_CONDITION_TABLE.map((condition) => [condition.id, condition.printedFr]),
) as Record<ConsentCondition, string>;

export const CAPACITY_LABELS_FR = Object.fromEntries(GUARDIAN_CAPACITY_TABLE.map((c) => [c.id, c.printedFr])) as Record<
  GuardianCapacity,
  string
>;
export const SOLE_HOLDER_REASON_LABELS_FR = Object.fromEntries(SOLE_HOLDER_REASON_TABLE.map((r) => [r.id, r.printedFr])) as Record<
  SoleHolderReason,
  string
>;

/** A day as JJ/MM/AAAA, the way French readers write it (the one formatter: src-shared/frenchDate). */
export const frenchDate = frenchShortDate;

/** What a minor's consent still needs, in plain French (errors of consent.set, screens). */
export function describeMissingFr(missing: MissingAuthorisation): string {
  switch (missing) {
    case 'minor-agreement':
      return 'l’accord du jeune lui-même (expliqué avec des mots simples)';
    case 'holder':
      return 'la signature écrite d’un parent (titulaire de l’autorité parentale)';
    case 'second-holder':
      return 'la signature du second parent (ou un seul parent avec la raison enregistrée)';
  }
}

export const METHOD_LABELS_FR: Record<string, string> = {
  'signed-form': 'formulaire signé',
  'on-screen-signature': 'signature à l’écran',
  'filmed-oral-consent': 'accord oral filmé',
};
export const STATUS_LABELS_FR: Record<string, string> = {
  granted: 'accordé',
  refused: 'refusé',
  pending: 'en attente',
  withdrawn: 'retiré',
};
export const SCOPE_LABELS_FR: Record<string, string> = { recording: 'Être filmé', ...AUDIENCE_LABELS_FR };

/** Why someone blocks an export, in plain French (messages shown to animators). */
export function describeRefusalFr(reason: { code: string; scope: string; expiredOn?: string; decidedOn?: string }): string {
  const scope = `« ${SCOPE_LABELS_FR[reason.scope] ?? reason.scope} »`;
  switch (reason.code) {
    case 'no-consent':
      return `aucun consentement enregistré pour ${scope}`;
    case 'pending':
      return `consentement ${scope} en attente`;
    case 'refused':
      return `a refusé ${scope}`;
    case 'withdrawn':
      return `a retiré son consentement ${scope}`;
    case 'expired':
      return `consentement ${scope} expiré le ${reason.expiredOn ? frenchDate(reason.expiredOn) : '?'}`;
    case 'ended-at-majority':
      return `consentement ${scope} donné mineur, terminé à 18 ans (dernier jour le ${reason.expiredOn ? frenchDate(reason.expiredOn) : '?'}) : à renouveler`;
    case 'before-consent':
      return `consentement ${scope} donné seulement le ${reason.decidedOn ? frenchDate(reason.decidedOn) : '?'}`;
    case 'guardian-missing':
      return `signature d’un parent manquante pour ${scope}`;
    case 'second-holder-missing':
      return `signature du second parent manquante pour ${scope}`;
    case 'minor-agreement-missing':
      return `accord du jeune manquant pour ${scope}`;
    default:
      return `${reason.code} (${scope})`;
  }
}
