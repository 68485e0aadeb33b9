import { describe, expect, it } from 'vitest';
import { frenchCount, frenchLongDate, frenchOrdinal, frenchShortDate, parseFrenchDate } from '../../src-shared/frenchDate';
import { quoted, roleCount, figuresInWords } from '../../src-main/packs/packPage';
import { fileTitle } from '../../src-main/platform/slug';
import { exportFileName } from '../../src-main/exports/exportFileName';
import { categoryAndText } from '../../src-main/review/commentLine';
import { refusalSentence } from '../../src-main/consent/recallReasons';

describe('the one French date formatter', () => {
  it('writes days the French way, with 1er for the first', () => {
    expect(frenchLongDate('2026-11-03')).toBe('3 novembre 2026');
    expect(frenchLongDate('2026-09-01')).toBe('1er septembre 2026');
    expect(frenchLongDate('2026-08-15T10:00:00Z')).toBe('15 août 2026');
    expect(frenchShortDate('2026-11-03')).toBe('03/11/2026');
    expect(frenchShortDate('2027-01-01')).toBe('01/01/2027');
  });

  it('reads JJ/MM/AAAA (and a few ways of typing it), refuses days that do not exist', () => {
    expect(parseFrenchDate('03/11/2026')).toBe('2026-11-03');
    expect(parseFrenchDate(' 3/11/2026 ')).toBe('2026-11-03');
    expect(parseFrenchDate('3.11.2026')).toBe('2026-11-03');
    expect(parseFrenchDate('03-11-2026')).toBe('2026-11-03');
    expect(parseFrenchDate('2026-11-03')).toBe('2026-11-03');
    expect(parseFrenchDate('29/02/2028')).toBe('2028-02-29');
    for (const wrong of ['29/02/2027', '31/04/2026', '00/01/2026', '12/13/2026', '3/11/26', '11/3', 'demain', '', '2026-13-01']) {
      expect(parseFrenchDate(wrong), wrong).toBeNull();
    }
    // a US-style typing of 3 November is not silently read as 11 March... it is read as JJ/MM, always
    expect(parseFrenchDate('11/03/2026')).toBe('2026-03-11');
  });

  it('counts with French plurals and ordinals', () => {
    expect(frenchCount(0, 'vidéo')).toBe('0 vidéo');
    expect(frenchCount(1, 'jeune')).toBe('1 jeune');
    expect(frenchCount(2, 'jeune')).toBe('2 jeunes');
    expect(frenchCount(2, 'travail', 'travaux')).toBe('2 travaux');
    expect(frenchOrdinal(1)).toBe('1er');
    expect(frenchOrdinal(1, true)).toBe('1re');
    expect(frenchOrdinal(2)).toBe('2e');
    expect(roleCount('young-person', 1)).toBe('1 jeune');
    expect(roleCount('young-person', 2)).toBe('2 jeunes');
    expect(roleCount('employer', 3)).toBe('3 employeurs');
    expect(figuresInWords({ sessions: 1, recordings: 2, filmedSeconds: 90, peopleByRole: [{ role: 'employer', count: 1 }] })).toEqual({
      sessions: '1 séance',
      videos: '2 vidéos',
      duration: '2 min',
      people: '1 personne filmée',
    });
  });

  it('quotes once, whatever quotes the text already has', () => {
    expect(quoted('Bonjour')).toBe('« Bonjour »');
    expect(quoted('« Bonjour »')).toBe('« Bonjour »');
    expect(quoted('«Bonjour»')).toBe('« Bonjour »');
    expect(quoted('"Bonjour"')).toBe('« Bonjour »');
    expect(quoted('“Bonjour”')).toBe('« Bonjour »');
  });

  it('names files for people, never with an id', () => {
    expect(fileTitle('Témoignages 2025 — Élus')).toBe('Temoignages-2025-Elus');
    expect(fileTitle('Léa : le métier')).toBe('Lea-le-metier');
    expect(fileTitle('!!!', 'Extrait')).toBe('Extrait');
    expect(exportFileName('pack', 'Témoignages 2025 — Élus')).toBe('Temoignages-2025-Elus.zip');
    expect(exportFileName('clip', 'Léa : le métier')).toBe('Lea-le-metier.mp4');
    expect(exportFileName('montage', 'Le film')).toBe('Le-film.mp4');
    expect(exportFileName('feedback-sheet', 'Fiche de retour — entretien')).toBe('Fiche-de-retour-entretien.pdf');
  });

  it('prints a quick tag once ("Voix", not "Voix : Voix")', () => {
    expect(categoryAndText('Voix', 'Voix')).toBe('Voix');
    expect(categoryAndText('Voix', ' voix ')).toBe('Voix');
    expect(categoryAndText('Voix', 'Bien posée')).toBe('Voix : Bien posée');
    expect(categoryAndText(null, 'Bien posée')).toBe('Bien posée');
  });

  it('says recall reasons in plain French with the name and the French date', () => {
    expect(refusalSentence('Léa Martin', { code: 'withdrawn', scope: 'elected' }, '2026-11-03')).toBe(
      'Léa Martin a retiré son accord pour les élus le 3 novembre 2026',
    );
    expect(refusalSentence('Léa Martin', { code: 'expired', scope: 'public', expiredOn: '2026-09-01' })).toBe(
      "L'accord de Léa Martin pour le public a pris fin le 1er septembre 2026",
    );
  });
});
