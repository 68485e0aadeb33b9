/**
 * `consentements.csv`: the extract of the consent register proving that everyone in a
 * pack agreed to its audience — a reference, the name as it may be shown, the role, and
 * for being filmed and for the audience: status, date, method, expiry and conditions.
 * No birth date, no guardian names: no more personal data than the proof needs.
 */
import type { PersonConsent } from '../../src-shared/contract/schemas';
import type { Audience } from '../consent/consentPolicy';
import { CONDITION_LABELS_FR } from '../consent/frenchLabels';
import { csvDocument } from '../platform/csvFile';

const METHOD_LABELS: Record<string, string> = {
  'signed-form': 'formulaire signé',
  'on-screen-signature': 'signature à l’écran',
  'filmed-oral-consent': 'accord oral filmé',
};
const STATUS_LABELS: Record<string, string> = { granted: 'accordé', refused: 'refusé', pending: 'en attente', withdrawn: 'retiré' };

export interface RegisterPerson {
  consent: PersonConsent;
  shownAs: string | null;
  role: string;
}

export function consentRegisterCsv(people: readonly RegisterPerson[], audience: Audience): string {
  const header = [
    'reference',
    'nom_affiche',
    'role',
    'etre_filme',
    'etre_filme_date',
    'etre_filme_methode',
    `public_${audience}`,
    `public_${audience}_date`,
    `public_${audience}_methode`,
    `public_${audience}_expire_le`,
    'conditions',
    'mineur_signature_representant',
  ];
  const rows = people.map(({ consent, shownAs, role }) => {
    const filmed = consent.scopes.find((scope) => scope.scope === 'recording');
    const shown = consent.scopes.find((scope) => scope.scope === audience);
    const conditions = [...new Set([...(filmed?.conditions ?? []), ...(shown?.conditions ?? [])])].map((c) => CONDITION_LABELS_FR[c]);
    return [
      `P-${consent.person.id}`,
      shownAs ?? '(sans nom)',
      role,
      STATUS_LABELS[filmed?.status ?? 'pending'] ?? '',
      filmed?.decidedOn ?? '',
      filmed?.method ? METHOD_LABELS[filmed.method]! : '',
      STATUS_LABELS[shown?.status ?? 'pending'] ?? '',
      shown?.decidedOn ?? '',
      shown?.method ? METHOD_LABELS[shown.method]! : '',
      shown?.expiresOn ?? 'sans échéance',
      conditions.join(' ; '),
      consent.minor ? (shown && shown.guardianIds.length > 0 ? 'oui' : 'non') : 'majeur·e',
    ];
  });
  return csvDocument([header, ...rows]);
}
