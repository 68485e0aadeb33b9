/**
 * The consent gate for free text (titles, clip and montage names, quotes, subtitles,
 * comments, project texts): a person named in a text is a person shown, so each name of
 * the project's people found in a text is held to that person's own decision for the
 * audience. Pure: it takes the text, the people and their decisions, and returns the text
 * as it may go out (or null: it must be left out) with the list of what changed and why.
 *
 * Matching: accents, case and ligatures are folded ("Léa" = "LEA" = "lea"); the given
 * name and the family name are each looked for on their own, and each of their words
 * (particles such as "de" apart), always as whole words ("Martin" does not match
 * "Martine"; it does match "Saint-Martin", a hyphen being a word boundary).
 *
 * Names that are also common words ("Rose", "Pierre", "Blanc", "Petit") are matched like
 * any name: a word removed by mistake (and listed in the preview) is better than a name
 * left in an output. Several people sharing a name: the strictest decision applies.
 *
 * - refused (withdrawn, expired, pending, no consent, minor without authorisation):
 *   the whole text is left out (`text: null`); the caller drops the cue or quote,
 *   uses a neutral title, or refuses the export when the text is essential;
 * - first name only: the family name is removed ("Samira Benali" → "Samira",
 *   a family name alone → "…"); while the name's split needs review, the whole name goes;
 * - no name: every part of the name is replaced by "…".
 */
import { fullName, NAME_PARTICLES, shownName, type PersonName } from '../../src-shared/personName';
import type { ConsentCondition, PolicyDecision, RefusalReason } from './consentPolicy';
import { foldChar, foldText } from '../../src-shared/textFolding';

export interface GatePerson extends PersonName {
  id: number;
}

export type TextChangeKind = 'removed' | 'family-name-removed' | 'name-removed';

export interface TextChange {
  personId: number;
  /** The person's name as this audience may see it (null: not at all). Never the hidden name. */
  personName: string | null;
  change: TextChangeKind;
  /** In French, for the preview and the export panel. */
  reason: string;
}

export interface GatedText {
  /** The text as it may go out, or null when it must be left out. */
  text: string | null;
  changes: TextChange[];
  /** Everyone named in the text (kept, changed or refused): a named person is a shown person. */
  namedPersonIds: number[];
}

/** What replaces a name that may not be shown. */
export const NAME_PLACEHOLDER = '…';

/** The folded text, and where each folded character came from in the original. */
function foldWithMap(text: string): { folded: string; from: number[]; to: number[] } {
  let folded = '';
  const from: number[] = [];
  const to: number[] = [];
  let index = 0;
  for (const char of text) {
    const part = foldChar(char);
    for (let i = 0; i < part.length; i++) {
      from.push(index);
      to.push(index + char.length);
    }
    folded += part;
    index += char.length;
  }
  return { folded, from, to };
}

/** Text folded for matching (the one rule, src-shared/textFolding). */
export const foldForMatch = foldText;

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function wordsOf(name: string): string[] {
  return foldForMatch(name).trim().split(/\s+/).filter(Boolean);
}

function isParticle(word: string): boolean {
  return (NAME_PARTICLES as readonly string[]).includes(word) || /^d'$/.test(word);
}

type PatternKind = 'full' | 'given' | 'family';

interface Pattern {
  personId: number;
  kind: PatternKind;
  regex: RegExp;
  /** The phrase's longest word: every match holds it as a whole word. */
  key: string;
}

function phrase(words: readonly string[]): string {
  return words.map(escapeRegExp).join('[\\s\\u00a0]+');
}

function patternsOf(person: GatePerson): Pattern[] {
  const given = wordsOf(person.givenName);
  const family = wordsOf(person.familyName);
  const phrases: Array<{ kind: PatternKind; words: string[] }> = [];
  if (given.length && family.length) {
    phrases.push({ kind: 'full', words: [...given, ...family] }, { kind: 'full', words: [...family, ...given] });
  }
  const add = (kind: PatternKind, words: string[]) => {
    if (words.length) phrases.push({ kind, words });
    if (words.length > 1) {
      for (const word of words)
        if (!isParticle(word) && word.replace(/[^\p{L}\p{N}]/gu, '').length >= 2) phrases.push({ kind, words: [word] });
    }
  };
  add('given', given);
  add('family', family);
  // a name that is one short particle-like word alone ("Le") is still a name: whole-word match keeps it exact
  return phrases.map(({ kind, words }) => ({
    personId: person.id,
    kind,
    regex: new RegExp(`(?<![\\p{L}\\p{N}])${phrase(words)}(?![\\p{L}\\p{N}])`, 'gu'),
    key: words.reduce((longest, word) => (word.length > longest.length ? word : longest), ''),
  }));
}

type Action = 'keep' | 'family-removed' | 'name-removed' | 'refused';
const STRICTNESS: Record<Action, number> = { keep: 0, 'family-removed': 1, 'name-removed': 2, refused: 3 };

const REFUSAL_FR: Record<RefusalReason['code'], string> = {
  'no-consent': 'aucun accord enregistré pour ce public',
  pending: 'accord en attente',
  refused: 'a refusé ce public',
  withdrawn: 'accord retiré',
  expired: 'accord expiré',
  'ended-at-majority': 'accord terminé à 18 ans, à renouveler',
  'before-consent': 'accord pas encore donné à cette date',
  'guardian-missing': 'autorisation du représentant légal manquante',
  'second-holder-missing': 'signature du second parent manquante',
  'minor-agreement-missing': 'accord du mineur manquant',
};

/** Why a refused person's text is left out, in French, without their name. */
export function refusalReasonFr(reasons: readonly RefusalReason[]): string {
  const words = [
    ...new Set(
      reasons.map((reason) =>
        reason.code === 'expired' && reason.expiredOn ? `accord expiré le ${reason.expiredOn}` : (REFUSAL_FR[reason.code] ?? reason.code),
      ),
    ),
  ];
  return `personne nommée : ${words.join(', ') || 'pas d’accord pour ce public'}`;
}

function conditionsOf(decision: PolicyDecision | undefined): ConsentCondition[] {
  return decision?.decision === 'allowed-with' ? decision.conditions : [];
}

function actionFor(person: GatePerson, decision: PolicyDecision | undefined, kind: PatternKind): Action {
  if (!decision || decision.decision === 'refused') return 'refused';
  const conditions = conditionsOf(decision);
  if (conditions.includes('no-name')) return 'name-removed';
  if (conditions.includes('first-name-only')) {
    if (person.nameNeedsReview) return 'name-removed';
    return kind === 'given' ? 'keep' : 'family-removed';
  }
  return 'keep';
}

interface Match {
  start: number;
  end: number;
  personId: number;
  kind: PatternKind;
  action: Action;
}

/** Removes the doubled spaces and stray spaces a removal leaves, only around what changed. */
function tidy(text: string): string {
  return text
    .replace(/[ \t\u00a0]{2,}/g, ' ')
    .replace(/ +([,.])/g, '$1')
    .replace(new RegExp(`${escapeRegExp(NAME_PLACEHOLDER)}(\\s*${escapeRegExp(NAME_PLACEHOLDER)})+`, 'g'), NAME_PLACEHOLDER)
    .replace(/^[ \t]+|[ \t]+$/gm, '');
}

interface CompiledPeople {
  patterns: Pattern[];
  /** One test for "any name word at all", so texts naming nobody (most of them) cost one match. */
  anyName: RegExp | null;
}

/** Patterns are compiled once per people list (an export gates thousands of texts with the same list). */
const compiled = new WeakMap<readonly GatePerson[], CompiledPeople>();

function compile(people: readonly GatePerson[]): CompiledPeople {
  const cached = compiled.get(people);
  if (cached) return cached;
  const patterns = people.flatMap(patternsOf);
  const words = [...new Set(patterns.map((pattern) => pattern.key))];
  const anyName = words.length ? new RegExp(`(?<![\\p{L}\\p{N}])(?:${words.map(escapeRegExp).join('|')})(?![\\p{L}\\p{N}])`, 'u') : null;
  const result = { patterns, anyName };
  compiled.set(people, result);
  return result;
}

/**
 * The text as this audience may read it. `decisions` holds each person's decision for the
 * audience; a person without one counts as refused.
 */
export function gateText(text: string, people: readonly GatePerson[], decisions: ReadonlyMap<number, PolicyDecision>): GatedText {
  if (!text || people.length === 0) return { text, changes: [], namedPersonIds: [] };
  const { patterns, anyName } = compile(people);
  const { folded, from, to } = foldWithMap(text);
  if (!anyName || !anyName.test(folded)) return { text, changes: [], namedPersonIds: [] };
  const byId = new Map(people.map((person) => [person.id, person]));
  const found: Match[] = [];
  for (const pattern of patterns) {
    const person = byId.get(pattern.personId)!;
    for (const hit of folded.matchAll(pattern.regex)) {
      const start = hit.index!;
      const end = start + hit[0].length;
      found.push({
        start,
        end,
        personId: person.id,
        kind: pattern.kind,
        action: actionFor(person, decisions.get(person.id), pattern.kind),
      });
    }
  }
  // a full name ("Léa Martin") says who it is: another person's given name inside it ("Léa") does not count
  const matches = found.filter(
    (m) =>
      !found.some(
        (full) =>
          full.kind === 'full' &&
          full.personId !== m.personId &&
          full.start <= m.start &&
          m.end <= full.end &&
          full.end - full.start > m.end - m.start,
      ),
  );
  if (matches.length === 0) return { text, changes: [], namedPersonIds: [] };
  const namedPersonIds = [...new Set(matches.map((match) => match.personId))];

  const changes = new Map<string, TextChange>();
  const note = (personId: number, change: TextChangeKind) => {
    const person = byId.get(personId)!;
    const decision = decisions.get(personId);
    const key = `${personId}:${change}`;
    if (changes.has(key)) return;
    const conditions = conditionsOf(decision);
    changes.set(key, {
      personId,
      personName: decision && decision.decision !== 'refused' ? shownName(person, conditions) : null,
      change,
      reason:
        change === 'removed'
          ? refusalReasonFr(decision?.decision === 'refused' ? decision.reasons : [])
          : change === 'family-name-removed'
            ? 'accord « prénom seulement » : nom de famille retiré'
            : person.nameNeedsReview && !conditions.includes('no-name')
              ? 'accord « prénom seulement », mais prénom et nom à vérifier : nom retiré'
              : 'accord « sans nom » : nom retiré',
    });
  };

  const refused = matches.filter((match) => match.action === 'refused');
  if (refused.length) {
    for (const match of refused) note(match.personId, 'removed');
    return { text: null, changes: [...changes.values()], namedPersonIds };
  }

  // longest first at each place; every match overlapping a kept span adds its strictness
  const ordered = [...matches].sort((a, b) => a.start - b.start || b.end - a.end);
  const spans: Array<{ start: number; end: number; lead: Match; action: Action; personIds: Set<number> }> = [];
  for (const match of ordered) {
    const last = spans[spans.length - 1];
    if (last && match.start < last.end) {
      if (STRICTNESS[match.action] > STRICTNESS[last.action]) last.action = match.action;
      last.personIds.add(match.personId);
      continue;
    }
    spans.push({ start: match.start, end: match.end, lead: match, action: match.action, personIds: new Set([match.personId]) });
  }

  const strictestIn = (span: { start: number; end: number }, personId: number): Action =>
    matches
      .filter((m) => m.personId === personId && m.start < span.end && m.end > span.start)
      .reduce<Action>((worst, m) => (STRICTNESS[m.action] > STRICTNESS[worst] ? m.action : worst), 'keep');

  let out = '';
  let cursor = 0;
  for (const span of spans) {
    const originalStart = from[span.start]!;
    const originalEnd = to[span.end - 1]!;
    out += text.slice(cursor, originalStart);
    const original = text.slice(originalStart, originalEnd);
    let replacement = original;
    if (span.action === 'name-removed') {
      replacement = NAME_PLACEHOLDER;
      for (const personId of span.personIds) {
        const action = strictestIn(span, personId);
        if (action !== 'keep') note(personId, action === 'family-removed' ? 'family-name-removed' : 'name-removed');
      }
    } else if (span.action === 'family-removed') {
      const person = byId.get(span.lead.personId)!;
      replacement = span.lead.kind === 'full' ? person.givenName.trim() : NAME_PLACEHOLDER;
      for (const personId of span.personIds) if (strictestIn(span, personId) !== 'keep') note(personId, 'family-name-removed');
    }
    out += replacement;
    cursor = originalEnd;
  }
  out += text.slice(cursor);
  return { text: changes.size ? tidy(out) : text, changes: [...changes.values()], namedPersonIds };
}

export interface TextChangeEntry extends TextChange {
  /** Where the text was, in French, without the text itself (it may hold the hidden name). */
  where: string;
  /** The text was essential (a montage's or project's name): the export is refused. */
  blocksExport: boolean;
}

export interface TextGate {
  /** The text as it may go out, or null; what changed is recorded under `where`. */
  text(text: string, where: string, options?: { essential?: boolean }): string | null;
  /** May this person's words go out (a quote's author or speaker)? A refusal is recorded. */
  personAllows(personId: number, where: string, role: string): boolean;
  /** How this person may be named, if at all (their own conditions). */
  nameOf(personId: number): string | null;
  decisionOf(personId: number): PolicyDecision | undefined;
  /** The full name, for the animator's own lists (never for outputs). */
  fullNameOf(personId: number): string;
  changes(): TextChangeEntry[];
  /** People named in texts that went out, and authors whose words went out. */
  shownPersonIds(): number[];
}

/** One export's gate: every text of the export passes here, and the changes add up. */
export function createTextGate(people: readonly GatePerson[], decisions: ReadonlyMap<number, PolicyDecision>): TextGate {
  const changes = new Map<string, TextChangeEntry>();
  const shown = new Set<number>();
  const byId = new Map(people.map((person) => [person.id, person]));
  const record = (entry: TextChangeEntry) => {
    const key = `${entry.where}|${entry.personId}|${entry.change}`;
    const previous = changes.get(key);
    changes.set(key, previous ? { ...previous, blocksExport: previous.blocksExport || entry.blocksExport } : entry);
  };
  return {
    text(text, where, options = {}) {
      const result = gateText(text, people, decisions);
      for (const change of result.changes) record({ ...change, where, blocksExport: Boolean(options.essential) && result.text === null });
      if (result.text !== null) result.namedPersonIds.forEach((id) => shown.add(id));
      return result.text;
    },
    personAllows(personId, where, role) {
      const decision = decisions.get(personId);
      if (decision && decision.decision !== 'refused') {
        shown.add(personId);
        return true;
      }
      record({
        personId,
        personName: null,
        change: 'removed',
        reason: `${role} : ${refusalReasonFr(decision?.decision === 'refused' ? decision.reasons : []).replace(/^personne nommée : /, '')}`,
        where,
        blocksExport: false,
      });
      return false;
    },
    nameOf(personId) {
      const person = byId.get(personId);
      const decision = decisions.get(personId);
      if (!person || !decision || decision.decision === 'refused') return null;
      return shownName(person, conditionsOf(decision));
    },
    decisionOf: (personId) => decisions.get(personId),
    fullNameOf: (personId) => {
      const person = byId.get(personId);
      return person ? fullName(person) : '';
    },
    changes: () => [...changes.values()],
    shownPersonIds: () => [...shown],
  };
}
