/**
 * Why an export is to be recalled, in plain French for the consent dashboard: the person,
 * what changed and when ("Léa Martin a retiré son accord pour les élus le 3 mars 2026").
 * The dashboard is read by the animators who know the person; letters to recipients use
 * other words (exports/recallLetter), which never name more than the recipient received.
 */
import type { ConsentCondition, ConsentScope, RefusalReason } from './consentPolicy';
import { CONDITION_LABELS_FR } from './frenchLabels';

import { frenchLongDate } from '../../src-shared/frenchDate';

/** "2026-03-03" → "3 mars 2026": the one French formatter (src-shared/frenchDate). */
const frenchDate = frenchLongDate;

export const SCOPE_PHRASE_FR: Record<ConsentScope, string> = {
  recording: 'pour le tournage',
  workshop: "pour l'atelier",
  partners: 'pour les partenaires',
  elected: 'pour les élus',
  public: 'pour le public',
};

export function conditionsInWords(conditions: readonly string[]): string {
  return conditions.map((condition) => CONDITION_LABELS_FR[condition as ConsentCondition] ?? condition).join(', ');
}

/** One refusal of the policy as a sentence about the person. */
export function refusalSentence(name: string, reason: RefusalReason, decidedOn: string | null = null): string {
  const scope = SCOPE_PHRASE_FR[reason.scope];
  const when = decidedOn ? ` le ${frenchDate(decidedOn)}` : '';
  switch (reason.code) {
    case 'no-consent':
      return `${name} n'a pas donné son accord ${scope}`;
    case 'pending':
      return `${name} n'a pas encore donné son accord ${scope}`;
    case 'refused':
      return `${name} a refusé son accord ${scope}${when}`;
    case 'withdrawn':
      return `${name} a retiré son accord ${scope}${when}`;
    case 'expired':
      return `L'accord de ${name} ${scope} a pris fin le ${frenchDate(reason.expiredOn)}`;
    case 'ended-at-majority':
      return `L'accord de ${name} ${scope}, donné quand elle ou il était mineur, a pris fin à sa majorité le ${frenchDate(reason.expiredOn)}`;
    case 'before-consent':
      return `${name} n'avait pas encore donné son accord ${scope} à cette date (accord du ${frenchDate(reason.decidedOn)})`;
    case 'guardian-missing':
      return `${name} a moins de 18 ans et la signature d'un parent manque ${scope}`;
    case 'second-holder-missing':
      return `${name} a moins de 18 ans et la signature du second parent manque ${scope}`;
    case 'minor-agreement-missing':
      return `${name} a moins de 18 ans et son propre accord manque ${scope}`;
  }
}

export function statusChangeSentence(name: string, scope: ConsentScope, status: string, decidedOn: string): string {
  if (status === 'withdrawn' || status === 'refused') return refusalSentence(name, { code: status, scope }, decidedOn);
  return `L'accord de ${name} ${SCOPE_PHRASE_FR[scope]} est repassé en attente le ${frenchDate(decidedOn)}`;
}

export function conditionsAddedSentence(name: string, scope: ConsentScope, added: readonly string[], decidedOn: string): string {
  return `${name} a demandé le ${frenchDate(decidedOn)} une condition de plus ${SCOPE_PHRASE_FR[scope]} : ${conditionsInWords(added)}`;
}

export function expiryShortenedSentence(name: string, scope: ConsentScope, expiresOn: string, decidedOn: string): string {
  return `${name} a avancé le ${frenchDate(decidedOn)} la fin de son accord ${SCOPE_PHRASE_FR[scope]} au ${frenchDate(expiresOn)}`;
}

export function birthDateSentence(name: string, on: string, refusal: RefusalReason): string {
  return `Date de naissance de ${name} corrigée le ${frenchDate(on)} : ${refusalSentence(name, refusal)}`;
}

export function renamedSentence(name: string, shownAs: string, on: string): string {
  return `${name} a changé de nom le ${frenchDate(on)} (nom montré dans l'export : « ${shownAs} »)`;
}

export function linkedSentence(name: string, recordingTitle: string, on: string, problem: string): string {
  return `Lien ajouté le ${frenchDate(on)} : ${name} apparaît dans « ${recordingTitle || 'sans titre'} », déjà exporté ; ${problem}`;
}

/** A signatory's capacity corrected, or an emancipation removed: what the consent no longer allows. */
export function signatoriesSentence(name: string, what: string, on: string, refusal: RefusalReason): string {
  return `${what} le ${frenchDate(on)} : ${refusalSentence(name, refusal)}`;
}
