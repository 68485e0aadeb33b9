/**
 * A person's entry in the consent register as plain French text (`consent show` in the
 * CLI): what RGPD art. 7(1) asks us to be able to prove, per scope — status, date, place,
 * method, the form version and its SHA-256, who signed and in what capacity, the minor's
 * own agreement, the last day of use — then the history of changes.
 */
import type { PersonConsent } from '../../src-shared/contract/schemas';
import {
  CAPACITY_LABELS_FR,
  CONDITION_LABELS_FR,
  METHOD_LABELS_FR,
  ROLE_LABELS_FR,
  SCOPE_LABELS_FR,
  SOLE_HOLDER_REASON_LABELS_FR,
  STATUS_LABELS_FR,
  describeMissingFr,
  frenchDate,
} from './frenchLabels';

export function consentRegisterText(consent: PersonConsent): string {
  const { person } = consent;
  const lines = [`Registre des consentements — P-${person.id} ${person.displayName} (${ROLE_LABELS_FR[person.role]})`];
  lines.push(`Date de naissance : ${person.birthDate ? frenchDate(person.birthDate) : 'non indiquée'}`);
  if (consent.minor) lines.push(`Personne mineure : oui (${consent.age} ans, majeure le ${frenchDate(consent.majorityOn!)})`);
  if (consent.emancipation)
    lines.push(`Émancipation : depuis le ${frenchDate(consent.emancipation.emancipatedOn)} — preuve : ${consent.emancipation.proof}`);
  const guardians = new Map(consent.guardians.map((guardian) => [guardian.id, guardian]));
  if (consent.guardians.length) {
    lines.push('Parents et responsables légaux :');
    for (const guardian of consent.guardians) {
      const reason = guardian.soleHolderReason
        ? ` — raison : ${SOLE_HOLDER_REASON_LABELS_FR[guardian.soleHolderReason]}${guardian.soleHolderDetail ? ` (${guardian.soleHolderDetail})` : ''}`
        : '';
      lines.push(
        `  n° ${guardian.id} ${guardian.name}${guardian.relationship ? ` (${guardian.relationship})` : ''} : ${CAPACITY_LABELS_FR[guardian.capacity]}${reason}`,
      );
    }
  }
  lines.push('Par usage :');
  for (const scope of consent.scopes) {
    const label = SCOPE_LABELS_FR[scope.scope];
    if (!scope.recorded) {
      lines.push(`  ${label} : en attente (rien d’enregistré)`);
      continue;
    }
    const parts = [`${STATUS_LABELS_FR[scope.status]}${scope.decidedOn ? ` le ${frenchDate(scope.decidedOn)}` : ''}`];
    if (scope.place) parts.push(`à ${scope.place}`);
    if (scope.method) parts.push(METHOD_LABELS_FR[scope.method]!);
    parts.push(
      scope.formVersion
        ? `formulaire ${scope.formVersion} (SHA-256 ${scope.formSha256 ?? 'inconnu'})`
        : 'formulaire : version non enregistrée',
    );
    const signatories = scope.signatories.map((signatory) => {
      const name = guardians.get(signatory.guardianId)?.name ?? `n° ${signatory.guardianId}`;
      return `${CAPACITY_LABELS_FR[signatory.capacity]} (${name})`;
    });
    parts.push(`signataires : la personne${signatories.length ? `, ${signatories.join(', ')}` : ''}`);
    if (consent.minor || scope.minorAgreed) parts.push(`accord du jeune : ${scope.minorAgreed ? 'oui' : 'non'}`);
    if (scope.conditions.length) parts.push(`conditions : ${scope.conditions.map((c) => CONDITION_LABELS_FR[c]).join(', ')}`);
    if (scope.status === 'granted')
      parts.push(
        scope.validUntil
          ? `valable jusqu’au ${frenchDate(scope.validUntil)}${scope.validUntilMajority ? ' (veille des 18 ans)' : ''}`
          : 'sans échéance',
      );
    if (scope.missing.length) parts.push(`INCOMPLET, il manque : ${scope.missing.map(describeMissingFr).join(' ; ')}`);
    lines.push(`  ${label} : ${parts.join(' · ')}`);
  }
  if (consent.history.length) {
    lines.push('Historique :');
    for (const entry of consent.history)
      lines.push(`  ${entry.at} ${entry.action}${entry.scope ? ` ${entry.scope}` : ''}${entry.actor ? ` par ${entry.actor}` : ''}`);
  }
  return `${lines.join('\n')}\n`;
}
