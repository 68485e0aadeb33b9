/**
 * What the register proves for one scope (RGPD art. 7(1)): the form version and its
 * fingerprint, the place, who signed and in what capacity (with their signatures drawn on the
 * screen, when given that way), the minor's own agreement,
 * the last day of use (the eve of the 18th birthday for a minor), and what is missing.
 */
import type { ConsentView, Guardian } from '../../../../src-shared/contract/schemas';
import { useI18n } from '../../i18n/i18n';

export function ConsentProof({ view, guardians, minor }: { view: ConsentView; guardians: Guardian[]; minor: boolean }) {
  const { t, formatDate } = useI18n();
  if (!view.recorded) return null;
  const byId = new Map(guardians.map((guardian) => [guardian.id, guardian]));
  const signers = [
    t('consent.proofPerson'),
    ...view.signatories.map(
      (signatory) =>
        `${byId.get(signatory.guardianId)?.name ?? `n° ${signatory.guardianId}`} (${t(`consent.capacity.${signatory.capacity}`)})`,
    ),
  ];
  return (
    <details className="consent-proof">
      <summary>{t('consent.proof')}</summary>
      <ul>
        <li>
          {view.formVersion
            ? t('consent.proofForm', { version: view.formVersion, hash: (view.formSha256 ?? '').slice(0, 16) })
            : t('consent.proofNoForm')}
        </li>
        {view.place && <li>{t('consent.proofPlace', { place: view.place })}</li>}
        <li>{t('consent.proofSigners', { names: signers.join(', ') })}</li>
        {view.screenSignatures.length > 0 && (
          <li className="screen-signature-list">
            {view.screenSignatures.map((signature) => {
              const name =
                signature.signer === 'person'
                  ? t('consent.proofPerson')
                  : (byId.get(signature.guardianId ?? -1)?.name ?? `n° ${signature.guardianId}`);
              return signature.image ? (
                <img
                  key={`${signature.signer}-${signature.guardianId}`}
                  src={signature.image}
                  alt={t('signature.shown', { name })}
                  className="screen-signature"
                  width={180}
                  height={54}
                />
              ) : (
                <span key={`${signature.signer}-${signature.guardianId}`} className="screen-signature typed">
                  {t('signature.shownTyped', { name, typed: signature.typedName ?? '' })}
                </span>
              );
            })}
          </li>
        )}
        {(minor || view.minorAgreed) && (
          <li>{t('consent.proofMinorAgreed', { answer: t(view.minorAgreed ? 'consent.yes' : 'consent.no') })}</li>
        )}
        {view.status === 'granted' && view.validUntil && (
          <li>{t(view.validUntilMajority ? 'consent.validUntilMajority' : 'consent.validUntil', { date: formatDate(view.validUntil) })}</li>
        )}
        {view.missing.length > 0 && (
          <li className="warning">{t('consent.incomplete', { list: view.missing.map((m) => t(`consent.missing.${m}`)).join(' ; ') })}</li>
        )}
      </ul>
    </details>
  );
}
