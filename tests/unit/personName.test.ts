// Names as two fields: how an old single name is split, and the one rule for showing a name.
import { describe, expect, it } from 'vitest';
import { fullName, shownName, splitDisplayName } from '../../src-shared/personName';

describe('splitting a single typed name', () => {
  it('takes the first word as the given name', () => {
    expect(splitDisplayName('Samira Benali')).toEqual({ givenName: 'Samira', familyName: 'Benali', nameNeedsReview: false });
    expect(splitDisplayName('  Léa  ')).toEqual({ givenName: 'Léa', familyName: '', nameNeedsReview: false });
    expect(splitDisplayName('Jean-Pierre Martin')).toEqual({ givenName: 'Jean-Pierre', familyName: 'Martin', nameNeedsReview: false });
    expect(splitDisplayName('Samira BENALI').nameNeedsReview).toBe(false);
  });

  it('flags the doubtful splits for review', () => {
    expect(splitDisplayName('BENALI Samira')).toEqual({ givenName: 'BENALI', familyName: 'Samira', nameNeedsReview: true });
    expect(splitDisplayName('Jean de La Fontaine').nameNeedsReview).toBe(true);
    expect(splitDisplayName('Anne van Dijk').nameNeedsReview).toBe(true);
    expect(splitDisplayName('Marie Claire Dupont').nameNeedsReview).toBe(true);
    expect(splitDisplayName('Karim le Goff').nameNeedsReview).toBe(true);
    expect(splitDisplayName("Jeanne d'Arc").nameNeedsReview).toBe(true);
  });
});

describe('shownName, the one rule', () => {
  const samira = { givenName: 'Samira', familyName: 'Benali', nameNeedsReview: false };
  it('prints the full name (given first), the given name only, or nothing', () => {
    expect(fullName(samira)).toBe('Samira Benali');
    expect(shownName(samira, [])).toBe('Samira Benali');
    expect(shownName(samira, ['first-name-only'])).toBe('Samira');
    expect(shownName(samira, ['no-name'])).toBeNull();
  });

  it('never shows a family name typed first: a name to review is not shown under "first name only"', () => {
    expect(shownName({ givenName: 'BENALI', familyName: 'Samira', nameNeedsReview: true }, ['first-name-only'])).toBeNull();
    expect(shownName('BENALI Samira', ['first-name-only'])).toBeNull();
    expect(shownName({ givenName: 'BENALI', familyName: 'Samira', nameNeedsReview: true }, [])).toBe('BENALI Samira');
  });
});
