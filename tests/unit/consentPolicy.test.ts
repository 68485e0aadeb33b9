import { describe, expect, it } from 'vitest';
import { ageOn } from '../../src-shared/age';
import { canShow, canShowRecording, type ConsentRecord } from '../../src-main/consent/consentPolicy';

const TODAY = '2026-11-22';
const adult = { id: 1, displayName: 'Karim', birthDate: '1990-04-01' };
const unknownAge = { id: 2, displayName: 'Sam', birthDate: null };
const granted = (scope: ConsentRecord['scope'], extra: Partial<ConsentRecord> = {}): ConsentRecord => ({
  scope,
  status: 'granted',
  conditions: [],
  expiresOn: null,
  minorAgreed: false,
  guardianSignatures: 0,
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

  it('under 15: needs both the minor’s agreement and a guardian’s signature, for every scope', () => {
    const both = { minorAgreed: true, guardianSignatures: 1 };
    expect(canShow(under15, [granted('recording', both), granted('workshop', both)], 'workshop', TODAY).decision).toBe('allowed');
    expect(canShow(under15, [granted('recording', { guardianSignatures: 1 }), granted('workshop', both)], 'workshop', TODAY)).toEqual({
      decision: 'refused',
      reasons: [{ code: 'minor-agreement-missing', scope: 'recording' }],
    });
    expect(canShow(under15, [granted('recording', both), granted('workshop', { minorAgreed: true })], 'workshop', TODAY)).toEqual({
      decision: 'refused',
      reasons: [{ code: 'guardian-missing', scope: 'workshop' }],
    });
  });

  it('15 to 17: own consent covers being filmed and the workshop; beyond it, a guardian must sign', () => {
    const own = { minorAgreed: true };
    expect(canShow(age16, [granted('recording', own), granted('workshop', own)], 'workshop', TODAY).decision).toBe('allowed');
    expect(canShow(age16, [granted('recording', own), granted('elected', own)], 'elected', TODAY)).toEqual({
      decision: 'refused',
      reasons: [{ code: 'guardian-missing', scope: 'elected' }],
    });
    expect(
      canShow(age16, [granted('recording', own), granted('elected', { ...own, guardianSignatures: 1 })], 'elected', TODAY).decision,
    ).toBe('allowed');
  });

  it('judges age on the date of use: a minor at signing becomes an adult later', () => {
    const consents = [granted('recording'), granted('public')];
    expect(canShow(age16, consents, 'public', TODAY).decision).toBe('refused');
    expect(canShow(age16, consents, 'public', '2028-06-01').decision).toBe('allowed');
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
