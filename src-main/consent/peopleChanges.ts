/**
 * Who is in a recording, and who a person is, as audited facts: linking and unlinking
 * people, changing a name or a birth date, deleting a person. Each can widen what an
 * output may show, so each goes into the consent log (actor, reason, from → to) and
 * through the recall in the same transaction; the risky ones need an actor and a reason,
 * and deleting someone who appears in a recording or an export is refused (erasure is the
 * way: it recalls what they appear in). The people a recording starts with (chosen before
 * filming or at import) are its first state, kept in recording_people; the log records
 * every change after that.
 */
import { AppError } from '../../src-shared/appError';
import type { LinkPersonInput, Person, Recording, UnlinkPersonInput, UpdatePersonInput } from '../../src-shared/contract/schemas';
import { ageOn, isMinorOn } from '../../src-shared/age';
import type { ApiEventBus } from '../platform/eventBus';
import { definedOnly } from '../platform/definedOnly';
import type { ExportsStore } from '../exports/exportsStore';
import type { Library } from '../library/library';
import type { ConsentService } from './consentService';

export interface PeopleChangesDeps {
  library: Library;
  consent: ConsentService;
  exports: ExportsStore;
  /** The clips (editing): a person unlinked from a recording is no longer left out of its clips. */
  clips: { forgetExclusions(recordingId: number, personId: number): void };
  events: ApiEventBus;
}

export const DELETE_LINKED_PERSON_HINT =
  "Cette personne apparaît dans un enregistrement ou un export : utilisez « Effacer ses données » (droit à l'effacement).";

function requireActorAndReason(input: { actor?: string; reason?: string }, why: string): void {
  if (!input.actor)
    throw new AppError('invalid-input', `${why} : indiquez qui fait ce changement.`, {
      field: 'actor',
      hint: 'Donnez votre nom (--actor).',
    });
  if (!input.reason)
    throw new AppError('invalid-input', `${why} : indiquez pourquoi.`, { field: 'reason', hint: 'Expliquez en quelques mots (--reason).' });
}

export class PeopleChanges {
  constructor(private readonly deps: PeopleChangesDeps) {}

  private get library(): Library {
    return this.deps.library;
  }

  private audit(
    person: Pick<Person, 'id' | 'projectId'>,
    action: string,
    change: Record<string, unknown>,
    input: { actor?: string; reason?: string },
  ) {
    this.deps.consent.store.audit({
      projectId: person.projectId,
      personId: person.id,
      action,
      change,
      actor: input.actor,
      reason: input.reason,
    });
  }

  private announce(recording: Recording): void {
    this.deps.events.emit('data.changed', { entity: 'recording', id: recording.id, projectId: recording.projectId, change: 'updated' });
  }

  /** Puts a person in a recording (or changes their part); flags exports already made from it that they now block. */
  link(input: LinkPersonInput): { recording: Recording; flaggedExports: number[] } {
    const result = this.library.db.transaction(() => {
      const recording = this.library.recordings.get(input.recordingId, 'recordingId');
      const person = this.library.people.get(input.personId, 'personId');
      if (person.projectId !== recording.projectId) {
        throw new AppError('invalid-input', `${person.displayName} ne fait pas partie du projet de cet enregistrement.`, {
          field: 'personId',
          hint: 'Ajoutez la personne aux personnes du projet, puis reliez-la.',
        });
      }
      const previous = recording.people.find((entry) => entry.personId === person.id);
      const part = input.part ?? previous?.part ?? '';
      this.library.recordings.link(recording.id, person.id, part);
      if (previous && previous.part === part) return { recording, flagged: [] };
      this.audit(
        person,
        previous ? 'recording-part-changed' : 'recording-linked',
        { recordingId: recording.id, from: previous ? previous.part : null, to: part },
        input,
      );
      const flagged = previous ? [] : this.deps.consent.recall.afterLink(recording, person, this.deps.consent.localToday());
      return { recording: this.library.recordings.get(recording.id), flagged };
    })();
    this.announce(result.recording);
    return { recording: result.recording, flaggedExports: result.flagged };
  }

  /**
   * Takes a person out of a recording. Allowed (someone linked by mistake), always logged;
   * when the recording was already exported or the person refused or withdrew a consent,
   * leaving them out could show them unchecked, so an actor and a reason are required.
   */
  unlink(input: UnlinkPersonInput): Recording {
    const recording = this.library.db.transaction(() => {
      const recording = this.library.recordings.get(input.recordingId, 'recordingId');
      const person = this.library.people.get(input.personId, 'personId');
      const linked = recording.people.find((entry) => entry.personId === person.id);
      if (!linked) {
        throw new AppError('not-found', `${person.displayName} n'est pas dans les personnes filmées de cet enregistrement.`, {
          field: 'personId',
          hint: 'Regardez la liste « Personnes filmées » de l’enregistrement.',
        });
      }
      const refusing = this.deps.consent.store
        .views(person.id)
        .some((view) => view.recorded && (view.status === 'refused' || view.status === 'withdrawn'));
      const exported = this.deps.exports.everExported(recording.id, recording.projectId);
      if (refusing || exported) {
        requireActorAndReason(
          input,
          `Retirer ${person.displayName} de « ${recording.title || 'cet enregistrement'} » ${
            exported ? 'change ce que ses exports montrent' : 'lève un refus de consentement'
          }`,
        );
      }
      this.library.recordings.unlink(recording.id, person.id);
      this.deps.clips.forgetExclusions(recording.id, person.id);
      this.audit(person, 'recording-unlinked', { recordingId: recording.id, from: linked.part, to: null, exported, refusing }, input);
      return this.library.recordings.get(recording.id);
    })();
    this.announce(recording);
    return recording;
  }

  /** `recordings.update` with a whole list: the same links and unlinks, one by one, in one transaction. */
  replace(recordingId: number, people: Array<{ personId: number; part?: string }>, input: { actor?: string; reason?: string } = {}): void {
    this.library.db.transaction(() => {
      const recording = this.library.recordings.get(recordingId);
      for (const linked of recording.people) {
        if (!people.some((entry) => entry.personId === linked.personId)) this.unlink({ recordingId, personId: linked.personId, ...input });
      }
      for (const entry of people) this.link({ recordingId, personId: entry.personId, part: entry.part, ...input });
    })();
  }

  /**
   * A name or a birth date change is logged (from → to) and recalls what it no longer
   * allows. A birth date change that makes a minor an adult (or clears a minor's date)
   * lifts the guardian rule, so it needs an actor and a reason.
   */
  updatePerson(input: UpdatePersonInput): Person {
    const result = this.library.db.transaction(() => {
      const before = this.library.people.get(input.id);
      const today = this.deps.consent.localToday();
      const birthChanges = input.changes.birthDate !== undefined && (input.changes.birthDate ?? null) !== before.birthDate;
      const nameChanges = input.changes.displayName !== undefined && input.changes.displayName !== before.displayName;
      if (birthChanges) {
        const next = input.changes.birthDate ?? null;
        const under15 = (date: string | null) => date !== null && ageOn(date, today) < 15;
        const lifts = (isMinorOn(before.birthDate, today) && !isMinorOn(next, today)) || (under15(before.birthDate) && !under15(next));
        if (lifts)
          requireActorAndReason(
            input,
            `Cette date de naissance fait de ${before.displayName} une personne majeure ou plus âgée pour le consentement`,
          );
      }
      // a flag left out is not a change (the command line sends undefined for it)
      const after = this.library.updatePerson({ id: input.id, changes: definedOnly(input.changes) });
      const flagged: number[] = [];
      if (birthChanges) {
        this.audit(after, 'birth-date-changed', { from: before.birthDate, to: after.birthDate }, input);
        flagged.push(...this.deps.consent.recall.afterBirthDateChange(before, after, today));
      }
      if (nameChanges) {
        this.audit(after, 'renamed', { from: before.displayName, to: after.displayName }, input);
        flagged.push(...this.deps.consent.recall.afterRename(before, after, today));
      }
      return after;
    })();
    this.deps.events.emit('data.changed', { entity: 'person', id: result.id, projectId: result.projectId, change: 'updated' });
    return result;
  }
}
