import { describe, expect, it } from 'vitest';
import {
  CONSENT_FORM_VERSION,
  CONSENT_FORM_WORDING,
  KNOWN_CONSENT_FORMS,
  consentFormCanonicalText,
  consentFormSha256,
} from '../../src-main/consent/consentFormVersion';

describe('the consent form’s version and hash (proof of the wording shown)', () => {
  it('pins the hash of the current wording: a changed word needs a new version', () => {
    expect(KNOWN_CONSENT_FORMS[CONSENT_FORM_VERSION]).toBe(consentFormSha256());
    expect(consentFormSha256()).toMatch(/^[0-9a-f]{64}$/);
  });

  it('hashes every sentence of the form, the version included', () => {
    const text = consentFormCanonicalText();
    expect(text).toContain(`version: ${CONSENT_FORM_VERSION}`);
    for (const sentence of [CONSENT_FORM_WORDING.title, CONSENT_FORM_WORDING.scopes.elected, CONSENT_FORM_WORDING.parent2]) {
      expect(text).toContain(sentence);
    }
    expect(CONSENT_FORM_WORDING.conditions.every((line) => text.includes(line))).toBe(true);
  });
});
