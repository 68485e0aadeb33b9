/**
 * What the printed consent form says, as one versioned text, so the register can prove
 * which wording a person was shown (RGPD art. 7(1)): each consent keeps the version and
 * the SHA-256 of this canonical text. Changing a word here changes the hash: bump
 * CONSENT_FORM_VERSION and add its hash to KNOWN_CONSENT_FORMS (a unit test insists).
 */
import crypto from 'node:crypto';
import { CONSENT_CONDITION_TABLE, type ConsentScope } from '../../src-shared/contract/vocabulary';

export const CONSENT_FORM_VERSION = '2026-11-loi-2024-120';

/** Every fixed sentence of the form; `{…}` marks what is filled in per person and project. */
export const CONSENT_FORM_WORDING = {
  title: 'Autorisation de filmer et de montrer les vidéos',
  minorNotice:
    'Personne mineure ({age} ans) : elle donne son accord, et ses parents signent aussi. ' +
    'Pour les partenaires, les élus ou le public, les deux parents signent (ou un seul parent, en écrivant pourquoi).',
  intro:
    'Nous filmons des entretiens et des témoignages. Vous choisissez ce que vous acceptez. ' +
    'Cochez Oui ou Non pour chaque ligne. Vous pouvez changer d’avis à tout moment.',
  scopes: {
    recording: "J'accepte d'être filmé·e.",
    workshop: "On peut montrer la vidéo au groupe de l'atelier.",
    partners: 'On peut la montrer aux services de la Région, à la mission locale et aux employeurs partenaires.',
    elected: 'On peut la montrer aux élus de la Région.',
    public: 'On peut la diffuser au public : internet, réseaux sociaux, événements.',
  } satisfies Record<ConsentScope, string>,
  conditionsTitle: 'Je demande aussi :',
  conditions: CONSENT_CONDITION_TABLE.map((condition) => condition.formLineFr),
  duration: 'Cet accord vaut {duration} à partir de la signature. Ensuite, les vidéos ne sont plus montrées.',
  minorDuration: 'Pour une personne mineure, l’accord s’arrête au plus tard la veille de ses 18 ans.',
  withdrawal: 'Pour changer d’avis ou retirer votre accord : {contact}.',
  withdrawalDefault: 'adressez-vous à l’animateur ou l’animatrice de l’ERIC',
  placeAndDate: 'Fait à : ______________________   Date : ____ / ____ / ________',
  signaturePerson: 'La personne filmée',
  signatureMinor: 'Accord du jeune (moins de 18 ans)',
  parent1: 'Parent 1 (ou responsable légal)',
  parent2: 'Parent 2',
  parentFields: 'Nom : ______________________________',
  soleHolder:
    'Un seul parent signe ? Pourquoi : autorité parentale exclusive / autre parent décédé / un seul parent connu / décision de justice',
  signature: 'Signature :',
  footer: 'Formulaire {version} préparé le {date} avec ERIC Studio.',
} as const;

/** The canonical text of this version: the wording, in a fixed order, one item a line. */
export function consentFormCanonicalText(): string {
  const lines = [`version: ${CONSENT_FORM_VERSION}`];
  for (const [key, value] of Object.entries(CONSENT_FORM_WORDING)) {
    if (typeof value === 'string') lines.push(`${key}: ${value}`);
    else if (Array.isArray(value)) value.forEach((item, i) => lines.push(`${key}.${i}: ${item}`));
    else for (const [sub, item] of Object.entries(value)) lines.push(`${key}.${sub}: ${item as string}`);
  }
  return `${lines.join('\n')}\n`;
}

export function consentFormSha256(): string {
  return crypto.createHash('sha256').update(consentFormCanonicalText(), 'utf8').digest('hex');
}

/**
 * Every form version printed since the register exists, with the SHA-256 of its canonical
 * text, so a consent recorded on an older paper form names that form. (Consents recorded
 * before schema 10 have no version: the register says so.)
 */
export const KNOWN_CONSENT_FORMS: Readonly<Record<string, string>> = {
  '2026-11-loi-2024-120': '697198fd6fe05696dd95e68384415249ec2cafe83fd8f22620ce9bb8d59d693e',
};
