/**
 * Who still has to sign on the screen before a save: for each changed agreement granted with
 * « Signature sur l'écran », the person and each parent ticked as signing, less those whose
 * signature that agreement already holds. Keys: 'person', or 'g<guardian id>'.
 */
import type { ConsentView, PersonConsent } from '../../../../src-shared/contract/schemas';
import type { Drafts } from './consentDraft';

export interface ScreenSigner {
  key: string;
  signer: 'person' | 'guardian';
  guardianId?: number;
}

export function screenSignersNeeded(consent: PersonConsent, changed: readonly ConsentView[], drafts: Drafts): ScreenSigner[] {
  const needed = new Map<string, ScreenSigner>();
  for (const view of changed) {
    const draft = drafts[view.scope];
    if (!draft || draft.status !== 'granted' || draft.method !== 'on-screen-signature') continue;
    const has = (signer: 'person' | 'guardian', guardianId?: number) =>
      view.method === 'on-screen-signature' &&
      view.screenSignatures.some(
        (signature) => signature.signer === signer && (guardianId === undefined || signature.guardianId === guardianId),
      );
    if (!has('person')) needed.set('person', { key: 'person', signer: 'person' });
    for (const guardianId of draft.guardianIds)
      if (!has('guardian', guardianId)) needed.set(`g${guardianId}`, { key: `g${guardianId}`, signer: 'guardian', guardianId });
  }
  // the person first, then the parents in their order on the page
  const order = ['person', ...consent.guardians.map((guardian) => `g${guardian.id}`)];
  return [...needed.values()].sort((a, b) => order.indexOf(a.key) - order.indexOf(b.key));
}
