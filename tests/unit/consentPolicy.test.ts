import { describe, expect, it } from 'vitest';
import { ageOn, eighteenthBirthday, lastDayAsMinor } from '../../src-shared/age';
import {
  canBeFilmed,
  canShow,
  canShowRecording,
  majorityLimit,
  missingAuthorisations,
  type ConsentRecord,
  type Signatory,
} from '../../src-main/consent/consentPolicy';

const TODAY = '2026-11-22';
const adult = { id: 1, displayName: 'Karim', birthDate: '1990-04-01' };
const unknownAge = { id: 2, displayName: 'Sam', birthDate: null };
const granted = (scope: ConsentRecord['scope'], extra: Partial<ConsentRecord> = {}): ConsentRecord => ({
  scope,
  status: 'granted',
  conditions: [],
  expiresOn: null,
  decidedOn: null,
  minorAgreed: false,
  signatories: [],
  ...extra,
});

describe('ageOn', () => {
  it('counts whole years, birthdays included', () => {
    expect(ageOn('2011-11-22', '2026-11-22')).toBe(15);
    expect(ageOn('2011-11-23', '2026-11-22')).toBe(14);
    expect(ageOn('2008-02-29', '2026-02-28')).toBe(17);
    expect(ageOn('2008-02-29', '2026-03-01')).toBe(18);
  });
});

describe('canShow for an adult', () => {
  it('needs consent to be filmed and to the audience', () => {
    expect(canShow(adult, [granted('recording'), granted('elected')], 'elected', TODAY)).toEqual({ decision: 'allowed' });
    expect(canShow(adult, [granted('elected')], 'elected', TODAY)).toEqual({
      decision: 'refused',
      reasons: [{ code: 'no-consent', scope: 'recording' }],
    });
    expect(canShow(adult, [granted('recording')], 'public', TODAY)).toEqual({
      decision: 'refused',
      reasons: [{ code: 'no-consent', scope: 'public' }],
    });
    expect(canShow(unknownAge, [granted('recording'), granted('workshop')], 'workshop', TODAY).decision).toBe('allowed');
  });

  it('refuses pending, refused and withdrawn consent, naming the scope', () => {
    for (const status of ['pending', 'refused', 'withdrawn'] as const) {
      expect(canShow(adult, [granted('recording'), granted('partners', { status })], 'partners', TODAY)).toEqual({
        decision: 'refused',
        reasons: [{ code: status, scope: 'partners' }],
      });
    }
  });

  it('treats expired consent as not granted, valid through its last day', () => {
    const consents = [granted('recording'), granted('public', { expiresOn: '2026-11-21' })];
    expect(canShow(adult, consents, 'public', TODAY)).toEqual({
      decision: 'refused',
      reasons: [{ code: 'expired', scope: 'public', expiredOn: '2026-11-21' }],
    });
    expect(canShow(adult, consents, 'public', '2026-11-21').decision).toBe('allowed');
    expect(canShow(adult, [granted('recording', { expiresOn: '2025-01-01' }), granted('workshop')], 'workshop', TODAY).decision).toBe(
      'refused',
    );
  });

  it('merges the conditions of being filmed and of the audience', () => {
    const consents = [
      granted('recording', { conditions: ['voice-altered'] }),
      granted('elected', { conditions: ['first-name-only', 'voice-altered'] }),
    ];
    expect(canShow(adult, consents, 'elected', TODAY)).toEqual({
      decision: 'allowed-with',
      conditions: ['first-name-only', 'voice-altered'],
    });
  });
});

describe('canShow for minors', () => {
  const under15 = { id: 3, displayName: 'Inès', birthDate: '2013-06-01' }; // 13
  const age16 = { id: 4, displayName: 'Yanis', birthDate: '2010-06-01' }; // 16
  const parent1: Signatory = { capacity: 'parent-1', soleHolderReason: null };

  it('under 15: needs both the minor’s agreement and a guardian’s signature, for every scope', () => {
    const both = { minorAgreed: true, signatories: [parent1] };
    expect(canShow(under15, [granted('recording', both), granted('workshop', both)], 'workshop', TODAY).decision).toBe('allowed');
    expect(canShow(under15, [granted('recording', { signatories: [parent1] }), granted('workshop', both)], 'workshop', TODAY)).toEqual({
      decision: 'refused',
      reasons: [{ code: 'minor-agreement-missing', scope: 'recording' }],
    });
    expect(canShow(under15, [granted('recording', both), granted('workshop', { minorAgreed: true })], 'workshop', TODAY)).toEqual({
      decision: 'refused',
      reasons: [{ code: 'guardian-missing', scope: 'workshop' }],
    });
  });

  it('15 to 17: the minor’s own agreement is not enough, even for being filmed and the workshop (no “age of 15” for filming)', () => {
    const own = { minorAgreed: true };
    expect(canShow(age16, [granted('recording', own), granted('workshop', own)], 'workshop', TODAY)).toEqual({
      decision: 'refused',
      reasons: [
        { code: 'guardian-missing', scope: 'recording' },
        { code: 'guardian-missing', scope: 'workshop' },
      ],
    });
    expect(canBeFilmed(age16, [granted('recording', own)], TODAY)).toEqual({
      decision: 'refused',
      reasons: [{ code: 'guardian-missing', scope: 'recording' }],
    });
    const withParent = { ...own, signatories: [parent1] };
    expect(canShow(age16, [granted('recording', withParent), granted('workshop', withParent)], 'workshop', TODAY).decision).toBe('allowed');
  });
});

describe('minors as French law has it: capacity on the day of consent, both parents beyond the workshop', () => {
  // 17 on TODAY (2026-11-22); 18 on 2027-03-15
  const camille = { id: 6, displayName: 'Camille', birthDate: '2009-03-15' };
  const p1: Signatory = { capacity: 'parent-1', soleHolderReason: null };
  const p2: Signatory = { capacity: 'parent-2', soleHolderReason: null };
  const at17 = (scope: ConsentRecord['scope'], signatories: Signatory[], extra: Partial<ConsentRecord> = {}) =>
    granted(scope, { decidedOn: '2026-11-20', minorAgreed: true, signatories, ...extra });

  it('knows the 18th birthday and its eve, 29 February included', () => {
    expect(eighteenthBirthday('2009-03-15')).toBe('2027-03-15');
    expect(lastDayAsMinor('2009-03-15')).toBe('2027-03-14');
    expect(eighteenthBirthday('2008-02-29')).toBe('2026-03-01');
    expect(lastDayAsMinor('2008-02-29')).toBe('2026-02-28');
    expect(ageOn('2008-02-29', lastDayAsMinor('2008-02-29'))).toBe(17);
    expect(ageOn('2008-02-29', eighteenthBirthday('2008-02-29'))).toBe(18);
  });

  it('17 with one parent: workshop yes, elected no (second holder missing)', () => {
    expect(canShow(camille, [at17('recording', [p1]), at17('workshop', [p1])], 'workshop', TODAY).decision).toBe('allowed');
    expect(canShow(camille, [at17('recording', [p1]), at17('elected', [p1])], 'elected', TODAY)).toEqual({
      decision: 'refused',
      reasons: [{ code: 'second-holder-missing', scope: 'elected' }],
    });
    expect(missingAuthorisations(camille, at17('elected', [p1]), '2026-11-20')).toEqual(['second-holder']);
    expect(missingAuthorisations(camille, at17('workshop', [p1]), '2026-11-20')).toEqual([]);
  });

  it('17 with both parents: yes for every audience; the same parent twice is one holder', () => {
    for (const audience of ['partners', 'elected', 'public'] as const) {
      expect(canShow(camille, [at17('recording', [p1]), at17(audience, [p1, p2])], audience, TODAY).decision).toBe('allowed');
    }
    expect(canShow(camille, [at17('recording', [p1]), at17('public', [p1, p1])], 'public', TODAY).decision).toBe('refused');
  });

  it('a sole holder counts as both only with the reason recorded; a legal guardian signs as holder', () => {
    const soleWithReason: Signatory = { capacity: 'sole-holder', soleHolderReason: 'other-parent-deceased' };
    const soleWithout: Signatory = { capacity: 'sole-holder', soleHolderReason: null };
    expect(canShow(camille, [at17('recording', [soleWithReason]), at17('elected', [soleWithReason])], 'elected', TODAY).decision).toBe(
      'allowed',
    );
    expect(canShow(camille, [at17('recording', [soleWithout]), at17('elected', [soleWithout])], 'elected', TODAY)).toEqual({
      decision: 'refused',
      reasons: [{ code: 'second-holder-missing', scope: 'elected' }],
    });
    // without a reason a sole holder is still one holder: enough for the workshop
    expect(canShow(camille, [at17('recording', [soleWithout]), at17('workshop', [soleWithout])], 'workshop', TODAY).decision).toBe(
      'allowed',
    );
    const tutor: Signatory = { capacity: 'legal-guardian', soleHolderReason: null };
    expect(canShow(camille, [at17('recording', [tutor]), at17('public', [tutor])], 'public', TODAY).decision).toBe('allowed');
  });

  it('the minor’s own agreement is needed beside the parents, at any age under 18', () => {
    expect(canShow(camille, [at17('recording', [p1]), at17('elected', [p1, p2], { minorAgreed: false })], 'elected', TODAY)).toEqual({
      decision: 'refused',
      reasons: [{ code: 'minor-agreement-missing', scope: 'elected' }],
    });
  });

  it('an emancipated minor (proof recorded, emancipated by the day of consent) is an adult', () => {
    const emancipated = { ...camille, emancipatedOn: '2026-09-01' };
    const alone = (scope: ConsentRecord['scope']) => granted(scope, { decidedOn: '2026-11-20' });
    expect(canShow(emancipated, [alone('recording'), alone('public')], 'public', TODAY).decision).toBe('allowed');
    expect(majorityLimit(emancipated, '2026-11-20')).toBeNull();
    // emancipated after the consent was given: the consent was a minor's and stays incomplete
    const later = { ...camille, emancipatedOn: '2026-11-21' };
    expect(canShow(later, [alone('recording'), alone('public')], 'public', TODAY).decision).toBe('refused');
  });

  it('a consent given at 17 without parents never becomes valid, not even after the 18th birthday', () => {
    const alone = [
      granted('recording', { decidedOn: '2026-11-20', minorAgreed: true }),
      granted('public', { decidedOn: '2026-11-20', minorAgreed: true }),
    ];
    for (const on of [TODAY, '2027-03-14', '2027-03-15', '2030-01-01']) {
      expect(canShow(camille, alone, 'public', on).decision).toBe('refused');
    }
    expect(canShow(camille, alone, 'public', '2027-03-15')).toEqual({
      decision: 'refused',
      reasons: [
        { code: 'guardian-missing', scope: 'recording' },
        { code: 'guardian-missing', scope: 'public' },
        { code: 'second-holder-missing', scope: 'public' },
      ],
    });
  });

  it('a minor’s consent ends on the eve of the 18th birthday: given at 17, it cannot be used at 18', () => {
    const consents = [at17('recording', [p1]), at17('elected', [p1, p2])];
    expect(canShow(camille, consents, 'elected', '2027-03-14').decision).toBe('allowed'); // the day before 18
    expect(canShow(camille, consents, 'elected', '2027-03-15')).toEqual({
      decision: 'refused',
      reasons: [
        { code: 'ended-at-majority', scope: 'recording', expiredOn: '2027-03-14' },
        { code: 'ended-at-majority', scope: 'elected', expiredOn: '2027-03-14' },
      ],
    });
    expect(majorityLimit(camille, '2026-11-20')).toBe('2027-03-14');
    // the earlier of the written expiry and the majority wins
    const shortExpiry = [at17('recording', [p1], { expiresOn: '2027-01-31' }), at17('workshop', [p1])];
    expect(canShow(camille, shortExpiry, 'workshop', '2027-02-01')).toEqual({
      decision: 'refused',
      reasons: [{ code: 'expired', scope: 'recording', expiredOn: '2027-01-31' }],
    });
  });

  it('a consent given the day of the 18th birthday is an adult’s; the day before, a minor’s', () => {
    const own = (decidedOn: string) => [granted('recording', { decidedOn }), granted('public', { decidedOn })];
    expect(canShow(camille, own('2027-03-15'), 'public', '2027-03-15').decision).toBe('allowed');
    expect(canShow(camille, own('2027-03-14'), 'public', '2027-03-15').decision).toBe('refused');
  });

  it('a consent covers only uses on or after the day it was given', () => {
    const consents = [granted('recording', { decidedOn: '2026-11-20' }), granted('partners', { decidedOn: '2026-11-22' })];
    expect(canShow(adult, consents, 'partners', '2026-11-22').decision).toBe('allowed');
    expect(canShow(adult, consents, 'partners', '2026-11-21')).toEqual({
      decision: 'refused',
      reasons: [{ code: 'before-consent', scope: 'partners', decidedOn: '2026-11-22' }],
    });
  });
});

describe('canShowRecording: the most restrictive person wins', () => {
  const lea = { id: 5, displayName: 'Léa', birthDate: null };
  it('is refused when one person refuses, naming who blocks and why', () => {
    const result = canShowRecording(
      [
        { person: adult, consents: [granted('recording'), granted('elected')] },
        { person: lea, consents: [granted('recording'), granted('elected', { status: 'withdrawn' })] },
      ],
      'elected',
      TODAY,
    );
    expect(result.decision).toBe('refused');
    expect(result.decision === 'refused' && result.blockedBy).toEqual([
      { personId: 5, displayName: 'Léa', decision: { decision: 'refused', reasons: [{ code: 'withdrawn', scope: 'elected' }] } },
    ]);
  });

  it('carries each person’s own conditions when all allow', () => {
    const result = canShowRecording(
      [
        { person: adult, consents: [granted('recording'), granted('partners')] },
        { person: lea, consents: [granted('recording'), granted('partners', { conditions: ['face-blurred'] })] },
      ],
      'partners',
      TODAY,
    );
    expect(result.decision).toBe('allowed-with');
    expect(result.people.map((p) => p.decision)).toEqual([
      { decision: 'allowed' },
      { decision: 'allowed-with', conditions: ['face-blurred'] },
    ]);
  });

  it('refuses a recording nobody is linked to: who appears in it is unknown', () => {
    expect(canShowRecording([], 'public', TODAY)).toEqual({ decision: 'refused', people: [], blockedBy: [], nobodyLinked: true });
  });
});
