// The text gate: names found in free text are held to each person's own decision.
import { describe, expect, it } from 'vitest';
import { gateText, NAME_PLACEHOLDER, type GatePerson } from '../../src-main/consent/textGate';
import type { PolicyDecision } from '../../src-main/consent/consentPolicy';

const person = (id: number, givenName: string, familyName: string, nameNeedsReview = false): GatePerson => ({
  id,
  givenName,
  familyName,
  nameNeedsReview,
});

const lea = person(1, 'Léa', 'Martin');
const karim = person(2, 'Karim', 'Haddad');
const samira = person(3, 'Samira', 'Benali');
const noName = person(4, 'Inès', 'Roux');
const allowed: PolicyDecision = { decision: 'allowed' };
const refused: PolicyDecision = { decision: 'refused', reasons: [{ code: 'withdrawn', scope: 'elected' }] };
const firstOnly: PolicyDecision = { decision: 'allowed-with', conditions: ['first-name-only'] };
const nameless: PolicyDecision = { decision: 'allowed-with', conditions: ['no-name'] };

const people = [lea, karim, samira, noName];
const decisions = new Map<number, PolicyDecision>([
  [1, allowed],
  [2, refused],
  [3, firstOnly],
  [4, nameless],
]);
const gate = (text: string, list = people, map = decisions) => gateText(text, list, map);

describe('text gate: matching', () => {
  it('folds accents and case: "Léa", "LEA" and "lea" are the same name', () => {
    const refusedLea = new Map(decisions).set(1, refused);
    for (const text of ['Bravo Léa !', 'Bravo LEA !', 'bravo lea', 'Bravo LÉA.']) {
      expect(gate(text, people, refusedLea).text).toBeNull();
    }
  });

  it('matches whole words only: "Martin" is not in "Martine", but is in "Saint-Martin"', () => {
    const refusedLea = new Map(decisions).set(1, refused);
    expect(gate('Martine a parlé de son stage.', people, refusedLea).text).toBe('Martine a parlé de son stage.');
    expect(gate('Karima et Karimo', people).text).toBe('Karima et Karimo');
    expect(gate('Au centre Saint-Martin', people, refusedLea).text).toBeNull();
    expect(gate("l'équipe d'Haddad", people).text).toBeNull();
  });

  it('looks for the given name and the family name each on their own, in either order', () => {
    expect(gate('Karim parle').text).toBeNull();
    expect(gate('M. HADDAD parle').text).toBeNull();
    expect(gate('Samira Benali témoigne').text).toBe('Samira témoigne');
    expect(gate('BENALI Samira témoigne').text).toBe('Samira témoigne');
    expect(gate('Mme Benali témoigne').text).toBe(`Mme ${NAME_PLACEHOLDER} témoigne`);
  });

  it('leaves texts without names alone, untouched to the byte', () => {
    const text = '  Deux  espaces, et « guillemets » ';
    expect(gate(text)).toEqual({ text, changes: [], namedPersonIds: [] });
  });

  it('treats names that are also common words as names (documented choice: stricter)', () => {
    const rose = person(9, 'Rose', 'Petit');
    const result = gate('Une rose un peu petite, un petit jardin', [rose], new Map<number, PolicyDecision>([[9, refused]]));
    expect(result.text).toBeNull();
    // but not inside another word
    expect(gate('Des roses, une petite', [rose], new Map<number, PolicyDecision>([[9, refused]])).text).toBe('Des roses, une petite');
  });
});

describe('text gate: decisions', () => {
  it('refused: the whole text is left out, the reason says why without the name', () => {
    const result = gate('Merci Karim pour ton accueil');
    expect(result.text).toBeNull();
    expect(result.changes).toEqual([{ personId: 2, personName: null, change: 'removed', reason: expect.stringContaining('retiré') }]);
    expect(JSON.stringify(result.changes)).not.toMatch(/Karim|Haddad/);
    expect(result.namedPersonIds).toEqual([2]);
  });

  it('first name only: the family name goes, the given name stays', () => {
    const result = gate('Samira Benali, apprentie');
    expect(result.text).toBe('Samira, apprentie');
    expect(result.changes).toEqual([
      { personId: 3, personName: 'Samira', change: 'family-name-removed', reason: expect.stringContaining('prénom seulement') },
    ]);
    expect(gate('Samira parle').changes).toEqual([]);
  });

  it('no name: every part of the name is replaced', () => {
    const result = gate('Inès Roux et Léa Martin');
    expect(result.text).toBe(`${NAME_PLACEHOLDER} et Léa Martin`);
    expect(result.changes).toEqual([
      { personId: 4, personName: null, change: 'name-removed', reason: expect.stringContaining('sans nom') },
    ]);
    expect(gate('Bravo inès').text).toBe(`Bravo ${NAME_PLACEHOLDER}`);
    expect(result.namedPersonIds.sort()).toEqual([1, 4]);
  });

  it('allowed: the name stays and the person counts as shown', () => {
    expect(gate('Léa Martin raconte')).toEqual({ text: 'Léa Martin raconte', changes: [], namedPersonIds: [1] });
  });

  it('a person with no decision for this audience counts as refused', () => {
    expect(gate('Léa', people, new Map()).text).toBeNull();
  });

  it('first name only with a name to review: the whole name goes (the first word may be the family name)', () => {
    const doubtful = person(5, 'BENALI', 'Samira', true);
    const result = gate('BENALI Samira parle', [doubtful], new Map<number, PolicyDecision>([[5, firstOnly]]));
    expect(result.text).toBe(`${NAME_PLACEHOLDER} parle`);
    expect(result.changes[0]).toMatchObject({ personName: null, change: 'name-removed' });
  });

  it('people sharing a name: the strictest decision applies', () => {
    const otherLea = person(6, 'Léa', 'Dubois');
    expect(
      gate(
        'Léa parle',
        [lea, otherLea],
        new Map<number, PolicyDecision>([
          [1, allowed],
          [6, refused],
        ]),
      ).text,
    ).toBeNull();
    expect(
      gate(
        'Léa Martin et Léa',
        [lea, otherLea],
        new Map<number, PolicyDecision>([
          [1, allowed],
          [6, nameless],
        ]),
      ).text,
    ).toBe(`Léa Martin et ${NAME_PLACEHOLDER}`);
    // a full name says who it is: the other Léa's refusal does not reach "Léa Martin"
    expect(
      gate(
        'Léa Martin parle',
        [lea, otherLea],
        new Map<number, PolicyDecision>([
          [1, allowed],
          [6, refused],
        ]),
      ).text,
    ).toBe('Léa Martin parle');
  });

  it('a particle alone is not a name, a family name with a particle is matched whole and by its core', () => {
    const jean = person(7, 'Jean', 'de La Fontaine');
    const map = new Map<number, PolicyDecision>([[7, firstOnly]]);
    expect(gate('Il parle de la fable', [jean], map).text).toBe('Il parle de la fable');
    expect(gate('Jean de La Fontaine écrit', [jean], map).text).toBe('Jean écrit');
    expect(gate('M. Fontaine écrit', [jean], map).text).toBe(`M. ${NAME_PLACEHOLDER} écrit`);
  });

  it('ligatures and apostrophes fold too', () => {
    const coeur = person(8, 'Zoé', 'Cœur');
    expect(gate('Mme COEUR', [coeur], new Map<number, PolicyDecision>([[8, refused]])).text).toBeNull();
    expect(gate('l’avis de Zoe', [coeur], new Map<number, PolicyDecision>([[8, refused]])).text).toBeNull();
  });
});
