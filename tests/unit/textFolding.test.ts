// One folding rule for names in free text: what the consent text gate finds, erasure finds too.
import { describe, expect, it } from 'vitest';
import { foldText } from '../../src-shared/textFolding';
import { nameWords, redactWords, REDACTED } from '../../src-main/privacy/mentions';

describe('folding names for matching', () => {
  it('ignores accents and case, spells ligatures out and makes apostrophes one', () => {
    expect(foldText('Lœwy')).toBe('loewy');
    expect(foldText('ÆLIS')).toBe('aelis');
    expect(foldText('Strauß')).toBe('strauss');
    expect(foldText('N’Diaye')).toBe("n'diaye");
    expect(foldText('Zoé ÉLODIE')).toBe('zoe elodie');
  });

  it('erasure finds a name written with or without its ligature, as the consent gate does', () => {
    // the given and family names side by side are one redaction
    const words = new Set(nameWords('Zoé Lœwy'));
    expect(words).toEqual(new Set(['zoe', 'loewy']));
    expect(redactWords('Bravo à Zoe Loewy pour sa posture', words)).toBe(`Bravo à ${REDACTED} pour sa posture`);
    expect(redactWords('Bravo à ZOÉ LŒWY', words)).toBe(`Bravo à ${REDACTED}`);
  });
});
