import { describe, expect, it } from 'vitest';
import { FRENCH_THOUSANDS_SEPARATOR, frenchCount, frenchNumber } from '../../src-shared/frenchNumber';
import { frenchCount as frenchCountFromDates } from '../../src-shared/frenchDate';
import { makeTranslate } from '../../src-renderer/src/i18n/translate';
import { figuresInWords, roleCount } from '../../src-main/packs/packPage';

const nnbsp = '\u202f';

describe('frenchNumber: thousands grouped with a narrow no-break space', () => {
  it('uses U+202F, the separator French typography and Intl fr-FR use', () => {
    expect(FRENCH_THOUSANDS_SEPARATOR).toBe(nnbsp);
    expect(frenchNumber(2000)).toBe(new Intl.NumberFormat('fr-FR').format(2000));
  });

  it('groups by three from the right, and leaves small numbers alone', () => {
    expect(frenchNumber(0)).toBe('0');
    expect(frenchNumber(7)).toBe('7');
    expect(frenchNumber(999)).toBe('999');
    expect(frenchNumber(1000)).toBe(`1${nnbsp}000`);
    expect(frenchNumber(2000)).toBe(`2${nnbsp}000`);
    expect(frenchNumber(20000)).toBe(`20${nnbsp}000`);
    expect(frenchNumber(200000)).toBe(`200${nnbsp}000`);
    expect(frenchNumber(1234567)).toBe(`1${nnbsp}234${nnbsp}567`);
    expect(frenchNumber(-2500)).toBe(`-2${nnbsp}500`);
  });

  it('writes decimals with a comma and never groups them', () => {
    expect(frenchNumber(1.5)).toBe('1,5');
    expect(frenchNumber(12345.125)).toBe(`12${nnbsp}345,125`);
  });

  it('gives non-finite values back as they are', () => {
    expect(frenchNumber(Number.NaN)).toBe('NaN');
    expect(frenchNumber(Number.POSITIVE_INFINITY)).toBe('Infinity');
  });
});

describe('frenchCount: a count and its noun', () => {
  it('groups thousands, keeps 0 and 1 singular', () => {
    expect(frenchCount(2000, 'commentaire')).toBe(`2${nnbsp}000 commentaires`);
    expect(frenchCount(1, 'vidéo')).toBe('1 vidéo');
    expect(frenchCount(0, 'vidéo')).toBe('0 vidéo');
    expect(frenchCount(12000, 'travail', 'travaux')).toBe(`12${nnbsp}000 travaux`);
  });

  it('is the same function wherever it is imported from (one home)', () => {
    expect(frenchCountFromDates).toBe(frenchCount);
  });
});

describe('the screen’s translations group French counts', () => {
  it('writes "2 000 commentaires" in French and "2000" in English', () => {
    expect(makeTranslate('fr')('review.showingAll', { count: 2000 })).toBe(`2${nnbsp}000 commentaires affichés.`);
    expect(makeTranslate('en')('review.showingAll', { count: 2000 })).not.toContain(nnbsp);
  });

  it('never groups a number that is a label (an id, a title card number)', () => {
    expect(makeTranslate('fr')('recording.untitled', { id: 12345 })).toBe('Vidéo n° 12345');
    expect(makeTranslate('fr')('export.titlePreviewAlt', { number: 1234, text: 'x' })).toBe('Carton titre n° 1234 : x');
  });

  it('leaves text values as they are', () => {
    expect(makeTranslate('fr')('review.showingAll', { count: '2000' })).toBe('2000 commentaires affichés.');
  });
});

describe('main-side French texts group their counts', () => {
  it('the pack page and synthesis figures: "1 200 vidéos", "2 000 personnes filmées"', () => {
    const words = figuresInWords({
      sessions: 1000,
      recordings: 1200,
      filmedSeconds: 60,
      peopleByRole: [{ role: 'young-person', count: 2000 }],
    });
    expect(words.sessions).toBe(`1${nnbsp}000 séances`);
    expect(words.videos).toBe(`1${nnbsp}200 vidéos`);
    expect(words.people).toBe(`2${nnbsp}000 personnes filmées`);
    expect(roleCount('young-person', 2000)).toMatch(new RegExp(`^2${nnbsp}000 `));
  });
});
