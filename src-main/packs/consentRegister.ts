/**
 * `consentements.csv`: the extract of the consent register proving that everyone in a
 * pack agreed to its audience (RGPD art. 7(1)) — a reference, the name as it may be shown,
 * the role, and for being filmed and for the audience: status, date, method, last day of
 * use, who signed in what capacity (never their names), and the version and SHA-256 of
 * the form shown; then the conditions. No birth date, no guardian names: no more personal
 * data than the proof needs.
 */
import type { ConsentView, PersonConsent } from '../../src-shared/contract/schemas';
import { actsAsAdultOn, type Audience } from '../consent/consentPolicy';
import { CONDITION_LABELS_FR, METHOD_LABELS_FR, SOLE_HOLDER_REASON_LABELS_FR, STATUS_LABELS_FR } from '../consent/frenchLabels';
import { csvDocument } from '../platform/csvFile';

export interface RegisterPerson {
  consent: PersonConsent;
  shownAs: string | null;
  role: string;
}

const CAPACITY_SHORT_FR = {
  'parent-1': 'parent 1',
  'parent-2': 'parent 2',
  'sole-holder': 'seul titulaire',
  'legal-guardian': 'tuteur légal',
};

/** Who signed, by capacity only: "la personne + accord du jeune + parent 1 + parent 2". */
function signatories(view: ConsentView | undefined, minorAtSigning: boolean): string {
  if (!view?.recorded) return '';
  const parts = ['la personne'];
  if (minorAtSigning) parts.push(view.minorAgreed ? 'accord du jeune' : 'sans accord du jeune');
  for (const signatory of view.signatories) {
    const reason = signatory.soleHolderReason ? ` (${SOLE_HOLDER_REASON_LABELS_FR[signatory.soleHolderReason]})` : '';
    parts.push(`${CAPACITY_SHORT_FR[signatory.capacity]}${reason}`);
  }
  return parts.join(' + ');
}

function scopeColumns(view: ConsentView | undefined, minorAtSigning: boolean): string[] {
  return [
    STATUS_LABELS_FR[view?.status ?? 'pending'] ?? '',
    view?.decidedOn ?? '',
    view?.method ? METHOD_LABELS_FR[view.method]! : '',
    view?.status === 'granted' ? (view.validUntil ?? 'sans échéance') : '',
    signatories(view, minorAtSigning),
    view?.formVersion ?? (view?.recorded ? 'non enregistrée' : ''),
    view?.formSha256 ?? '',
  ];
}

export function consentRegisterCsv(people: readonly RegisterPerson[], audience: Audience): string {
  const scopeHeader = (prefix: string) => [
    prefix,
    `${prefix}_date`,
    `${prefix}_methode`,
    `${prefix}_expire_le`,
    `${prefix}_signataires`,
    `${prefix}_formulaire_version`,
    `${prefix}_formulaire_sha256`,
  ];
  const header = [
    'reference',
    'nom_affiche',
    'role',
    ...scopeHeader('etre_filme'),
    ...scopeHeader(`public_${audience}`),
    'conditions',
    'mineur_signature_representant',
  ];
  const rows = people.map(({ consent, shownAs, role }) => {
    const filmed = consent.scopes.find((scope) => scope.scope === 'recording');
    const shown = consent.scopes.find((scope) => scope.scope === audience);
    const person = { birthDate: consent.person.birthDate, emancipatedOn: consent.emancipation?.emancipatedOn ?? null };
    const minorAtSigning = (view: ConsentView | undefined) => Boolean(view?.decidedOn && !actsAsAdultOn(person, view.decidedOn));
    const conditions = [...new Set([...(filmed?.conditions ?? []), ...(shown?.conditions ?? [])])].map((c) => CONDITION_LABELS_FR[c]);
    const minorColumn = minorAtSigning(shown)
      ? shown!.status === 'granted' && shown!.missing.length === 0
        ? 'oui'
        : 'non'
      : consent.emancipation
        ? 'émancipé (preuve au registre)'
        : 'majeur';
    return [
      `P-${consent.person.id}`,
      shownAs ?? '(sans nom)',
      role,
      ...scopeColumns(filmed, minorAtSigning(filmed)),
      ...scopeColumns(shown, minorAtSigning(shown)),
      conditions.join(' ; '),
      minorColumn,
    ];
  });
  // a pack is written in French for Region staff, whatever the animator's UI language: French Excel's `;`
  return csvDocument([header, ...rows], 'fr');
}
