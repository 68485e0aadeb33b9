/**
 * Erasure (right to be forgotten, RGPD art. 17) as one list: every store that holds
 * personal data forgets the person itself (`forgetPerson`), and this module declares which
 * table columns each store covers, so a test fails when a migration adds a person
 * reference that nobody forgets. The recordings, files and log entry are decided here.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { ApiEventBus } from '../platform/eventBus';
import type { Library } from '../library/library';
import type { ConsentStore } from '../consent/consentStore';
import type { ExportsStore } from '../exports/exportsStore';
import type { ClipsStore } from '../editing/clipsStore';
import type { CommentsStore } from '../review/commentsStore';

/** Which `table.column` holding a person's id each store's `forgetPerson` clears. */
export const PERSON_REFERENCES = {
  people: ['people.id'],
  consent: [
    'consents.person_id',
    'consent_guardian_signatures.person_id',
    'guardians.person_id',
    'consent_audit.person_id',
    'erasure_guard.person_id',
  ],
  exports: ['export_people.person_id'],
  recordings: ['recording_people.person_id'],
  sessions: ['sessions.animator_person_id'],
  comments: ['comments.author_person_id'],
  clips: ['clips.speaker_person_id'],
} as const satisfies Record<string, readonly string[]>;

export type PersonStore = keyof typeof PERSON_REFERENCES;

export interface ErasureDeps {
  library: Library;
  events: ApiEventBus;
  consent: ConsentStore;
  exports: ExportsStore;
  clips: ClipsStore;
  comments: CommentsStore;
  /** Removes a recording's rows and files (the capture service does it). */
  deleteRecording: (recordingId: number) => void;
}

export const ERASED_REVIEW_NOTE = 'A person who appeared in this video was erased: cut them out or delete it.';

export interface ErasureResult {
  erased: true;
  recordingsDeleted: number;
  recordingsToReview: number[];
}

export class Erasure {
  constructor(private readonly deps: ErasureDeps) {}

  private get library(): Library {
    return this.deps.library;
  }

  /**
   * One `forgetPerson` per store, in an order the foreign keys accept (the person's own
   * row last). Returns the files to delete once the transaction has committed.
   */
  private forgetInStores(personId: number): { rows: Record<PersonStore, number>; files: string[] } {
    const { library } = this;
    const consent = this.deps.consent.forgetPerson(personId);
    const files = library.mediaAssets.forgetRows(consent.evidenceAssetIds);
    files.push(...library.mediaAssets.forgetUnder(path.posix.join('exports', 'forms', `person-${personId}`)));
    const forgetters: Record<PersonStore, () => number> = {
      consent: () => consent.rows,
      exports: () => this.deps.exports.forgetPerson(personId, 'A person shown in it was erased (right to be forgotten)'),
      recordings: () => library.recordings.forgetPerson(personId),
      sessions: () => library.sessions.forgetPerson(personId),
      comments: () => this.deps.comments.forgetPerson(personId),
      clips: () => this.deps.clips.forgetPerson(personId),
      people: () => library.people.forgetPerson(personId),
    };
    const rows = {} as Record<PersonStore, number>;
    for (const [store, forget] of Object.entries(forgetters) as Array<[PersonStore, () => number]>) rows[store] = forget();
    return { rows, files };
  }

  /**
   * Deletes the recordings where the person appears alone (rows and files), marks mixed
   * ones for an animator's decision, flags exports that showed them, has every store
   * forget them, and logs the erasure with counts only. The database is checkpointed so
   * nothing lingers in the WAL.
   */
  erase(personId: number, actor?: string): ErasureResult {
    const { library } = this;
    const person = library.people.get(personId, 'personId');
    const links = library.recordings.linksOf(personId);
    const alone = links.filter((link) => link.people === 1).map((link) => link.recordingId);
    const mixed = links.filter((link) => link.people > 1).map((link) => link.recordingId);
    for (const recordingId of alone) this.deps.deleteRecording(recordingId);

    const files = library.db.transaction(() => {
      for (const recordingId of mixed) library.recordings.setNeedsReview(recordingId, ERASED_REVIEW_NOTE);
      const forgotten = this.forgetInStores(personId);
      this.deps.consent.audit({
        projectId: person.projectId,
        personId: null,
        action: 'erasure',
        change: { recordingsDeleted: alone.length, recordingsToReview: mixed.length },
        actor,
      });
      return forgotten.files;
    })();
    for (const file of files) fs.rmSync(file, { force: true });
    fs.rmSync(path.join(library.dir, 'exports', 'forms', `person-${personId}`), { recursive: true, force: true });
    library.db.pragma('wal_checkpoint(TRUNCATE)');
    this.deps.events.emit('data.changed', { entity: 'person', id: personId, projectId: person.projectId, change: 'deleted' });
    return { erased: true, recordingsDeleted: alone.length, recordingsToReview: mixed };
  }
}
