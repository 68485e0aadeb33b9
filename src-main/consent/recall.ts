/**
 * Recall on every narrowing: when what an export shows is no longer allowed — a consent
 * withdrawn, refused or back to pending, a condition added, an end date brought forward or
 * passed, a birth date revealing a minor, a name changed, a person linked to a recording
 * already exported — the exports register flags it with a French reason naming the person
 * and the change. Each method compares before and after for one change; the consent
 * service and the people changes call them inside their transaction.
 */
import type { Person, Recording } from '../../src-shared/contract/schemas';
import { AUDIENCES } from '../../src-shared/contract/vocabulary';
import type { ExportsStore, ShownInExport } from '../exports/exportsStore';
import type { Library } from '../library/library';
import {
  canShow,
  type PersonForPolicy,
  type Audience,
  type ConsentCondition,
  type ConsentRecord,
  type ConsentScope,
  type RefusalReason,
} from './consentPolicy';
import type { ConsentStore } from './consentStore';
import {
  birthDateSentence,
  conditionsAddedSentence,
  conditionsInWords,
  expiryShortenedSentence,
  linkedSentence,
  refusalSentence,
  renamedSentence,
  signatoriesSentence,
  statusChangeSentence,
} from './recallReasons';
import type { FlagChange } from '../exports/exportsStore';
import { shownName } from '../../src-shared/personName';

export interface RecallDeps {
  library: Library;
  store: ConsentStore;
  exports: ExportsStore;
}

const audiencesOf = (scope: ConsentScope): readonly Audience[] => (scope === 'recording' ? AUDIENCES : [scope as Audience]);

function conditionsOf(decision: ReturnType<typeof canShow>): ConsentCondition[] {
  return decision.decision === 'allowed-with' ? decision.conditions : [];
}

/** Conditions demanded now that the export did not apply (unknown for older exports: compared with `previous`). */
function missingConditions(shown: ShownInExport, now: readonly string[], previous: readonly string[]): string[] {
  const applied = shown.conditions ?? previous;
  return now.filter((condition) => !applied.includes(condition));
}

function changeOf(reason: RefusalReason): FlagChange {
  switch (reason.code) {
    case 'guardian-missing':
    case 'second-holder-missing':
    case 'minor-agreement-missing':
      return 'minor';
    case 'ended-at-majority':
      return 'expired';
    case 'before-consent':
      return 'no-consent';
    default:
      return reason.code;
  }
}

export class Recall {
  constructor(private readonly deps: RecallDeps) {}

  /** After a consent decision on one scope: flags what the new decision no longer allows. */
  afterConsentChange(input: {
    person: Person;
    scope: ConsentScope;
    previous: { status: string; conditions: string[]; expiresOn: string | null; records: ConsentRecord[] };
    next: { status: string; conditions: string[]; expiresOn: string | null; records: ConsentRecord[] };
    decidedOn: string;
    on: string;
  }): number[] {
    const { person, scope, previous, next, decidedOn, on } = input;
    const name = person.displayName;
    const flagged: number[] = [];
    for (const audience of audiencesOf(scope)) {
      const before = canShow(person, previous.records, audience, on);
      const after = canShow(person, next.records, audience, on);
      if (previous.status === 'granted' && next.status !== 'granted') {
        const change = next.status as FlagChange;
        flagged.push(...this.flag(person.id, [audience], statusChangeSentence(name, scope, next.status, decidedOn), change));
      } else if (after.decision === 'refused' && before.decision !== 'refused') {
        const reason = after.reasons[0]!;
        flagged.push(...this.flag(person.id, [audience], refusalSentence(name, reason, decidedOn), changeOf(reason)));
      } else if (after.decision !== 'refused') {
        const added = conditionsOf(after).filter((condition) => !conditionsOf(before).includes(condition));
        if (added.length)
          flagged.push(
            ...this.flag(
              person.id,
              [audience],
              conditionsAddedSentence(name, scope, added, decidedOn),
              'conditions',
              (shown) => missingConditions(shown, added, conditionsOf(before)).length > 0,
            ),
          );
      }
      const shortened =
        previous.status === 'granted' &&
        next.status === 'granted' &&
        next.expiresOn !== null &&
        (previous.expiresOn === null || next.expiresOn < previous.expiresOn);
      if (shortened)
        flagged.push(
          ...this.flag(person.id, [audience], expiryShortenedSentence(name, scope, next.expiresOn!, decidedOn), 'expiry-shortened'),
        );
    }
    return [...new Set(flagged)];
  }

  /** After a birth date changed (or was cleared): flags the audiences the new date refuses. */
  afterBirthDateChange(before: Person, after: Person, on: string): number[] {
    const records = this.deps.store.records(after.id);
    const flagged: number[] = [];
    for (const audience of AUDIENCES) {
      const was = canShow(before, records, audience, on);
      const now = canShow(after, records, audience, on);
      if (now.decision === 'refused' && was.decision !== 'refused')
        flagged.push(...this.flag(after.id, [audience], birthDateSentence(after.displayName, on, now.reasons[0]!), 'minor'));
    }
    return flagged;
  }

  /**
   * After what makes a minor's consent valid changed without a new decision — a parent's
   * capacity corrected (parent 2 → parent 1), an emancipation removed —: flags the
   * audiences the consent no longer allows, naming the person and the change (`what`).
   */
  afterSignatoriesChange(input: {
    before: { person: PersonForPolicy; records: readonly ConsentRecord[] };
    after: { person: PersonForPolicy; records: readonly ConsentRecord[] };
    what: string;
    on: string;
  }): number[] {
    const { before, after, what, on } = input;
    const flagged: number[] = [];
    for (const audience of AUDIENCES) {
      const was = canShow(before.person, before.records, audience, on);
      const now = canShow(after.person, after.records, audience, on);
      if (now.decision === 'refused' && was.decision !== 'refused')
        flagged.push(
          ...this.flag(after.person.id, [audience], signatoriesSentence(after.person.displayName, what, on, now.reasons[0]!), 'minor'),
        );
    }
    return flagged;
  }

  /** After a name change: flags the exports that printed the name, when what they would print now differs. */
  afterRename(before: Person, after: Person, on: string): number[] {
    const records = this.deps.store.records(after.id);
    const flagged: number[] = [];
    for (const shown of this.deps.exports.shownIn(after.id)) {
      const conditions = (shown.conditions ?? conditionsOf(canShow(after, records, shown.audience, on))) as ConsentCondition[];
      const printed = shown.shownAs ?? (shown.conditions === null ? shownName(before.displayName, conditions) : null);
      if (printed === null || shownName(after.displayName, conditions) === printed) continue;
      flagged.push(
        ...this.flag(
          after.id,
          [shown.audience],
          renamedSentence(after.displayName, printed, on),
          'renamed',
          (row) => row.exportId === shown.exportId,
        ),
      );
    }
    return flagged;
  }

  /**
   * After a person was linked to a recording: every export already made from it showed
   * them, unchecked. They are recorded as shown there; the export is flagged when their
   * consent refuses its audience or asks for conditions it did not apply.
   */
  afterLink(recording: Recording, person: Person, on: string): number[] {
    const records = this.deps.store.records(person.id);
    const already = new Set(this.deps.exports.shownIn(person.id).map((shown) => shown.exportId));
    const flagged: number[] = [];
    for (const record of this.deps.exports.fromRecording(recording.id, recording.projectId)) {
      if (already.has(record.id)) continue;
      this.deps.exports.addShownPerson(record.id, person.id);
      const decision = canShow(person, records, record.audience, on);
      const problem =
        decision.decision === 'refused'
          ? refusalSentence(person.displayName, decision.reasons[0]!)
          : decision.decision === 'allowed-with'
            ? `${person.displayName} demande : ${conditionsInWords(decision.conditions)}`
            : null;
      if (!problem) continue;
      flagged.push(
        ...this.flag(
          person.id,
          [record.audience],
          linkedSentence(person.displayName, recording.title, on, problem),
          'linked',
          (shown) => shown.exportId === record.id,
        ),
      );
    }
    return flagged;
  }

  /** Consents whose end date has passed on `on` (YYYY-MM-DD): the dashboard runs this each time it is computed. */
  sweepExpired(projectId: number, on: string): number[] {
    const flagged: number[] = [];
    const people = new Map<number, { person: Person; records: ConsentRecord[] }>();
    for (const shown of this.deps.exports.shownInProject(projectId)) {
      let entry = people.get(shown.personId);
      if (!entry) {
        entry = { person: this.deps.library.people.get(shown.personId), records: this.deps.store.records(shown.personId) };
        people.set(shown.personId, entry);
      }
      const decision = canShow(entry.person, entry.records, shown.audience, on);
      const expired = decision.decision === 'refused' ? decision.reasons.find((reason) => reason.code === 'expired') : undefined;
      if (!expired) continue;
      flagged.push(
        ...this.flag(
          shown.personId,
          [shown.audience],
          refusalSentence(entry.person.displayName, expired),
          'expired',
          (row) => row.exportId === shown.exportId,
        ),
      );
    }
    return flagged;
  }

  private flag(
    personId: number,
    audiences: readonly Audience[],
    reason: string,
    change: FlagChange,
    only?: (shown: ShownInExport) => boolean,
  ) {
    return this.deps.exports.flagShowing(personId, audiences, reason, { change, only });
  }
}
