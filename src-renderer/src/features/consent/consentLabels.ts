/**
 * Plain-French wording of consent decisions, shared by the consent screens.
 */
import type { PolicyDecisionView } from '../../../../src-shared/contract/schemas';
import type { MessageKey } from '../../i18n/fr';
import type { Translate } from '../../i18n/i18n';

/** "face blurred, first name only": the conditions a person is shown under. */
export function conditionsLabel(conditions: PolicyDecisionView['conditions'], t: Translate): string {
  return conditions.map((c) => t(`consent.condition.${c}`)).join(', ');
}

/** `column` is the scope being shown: a reason about that same scope needs no reminder of it. */
export function decisionLabel(result: PolicyDecisionView, t: Translate, column?: string): string {
  const head = t(`consent.decision.${result.decision}`);
  if (result.decision === 'allowed-with') return `${head} : ${conditionsLabel(result.conditions, t)}`;
  if (result.decision === 'refused') {
    const reasons = result.reasons.map((r) => {
      const reason = t(`consent.reason.${r.code}` as MessageKey);
      return r.scope === column ? reason : `${reason} (${t(`consent.scope.${r.scope}`)})`;
    });
    return `${head} — ${reasons.join(', ')}`;
  }
  return head;
}

/** Why a person blocks an export or a pack for that audience. */
export function blockerLabel(reasons: PolicyDecisionView['reasons'], t: Translate, audience: string): string {
  return decisionLabel({ decision: 'refused', conditions: [], reasons }, t, audience);
}
