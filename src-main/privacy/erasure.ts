/**
 * Erasure (right to be forgotten, RGPD art. 17) as one list: every store that holds
 * personal data forgets the person itself (`forgetPerson`), and this module declares which
 * table columns each store covers, so a test fails when a migration adds a person
 * reference that nobody forgets. Here are decided what the stores cannot see alone: the
 * recordings (deleted when the person is alone in them, to review when mixed), every
 * copy of them in the library (renders, packs, feedback sheets, forms, scans), the copies
 * outside it (listed, deleted on confirmation), free text naming them, the log entry
 * (counts only), and the checkpoint that makes the database file forget too.
 */
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../src-shared/appError';
import { frenchNumber } from '../../src-shared/frenchNumber';
import type { ErasurePlan, Person } from '../../src-shared/contract/schemas';
import type { ApiEventBus } from '../platform/eventBus';
import type { Library } from '../library/library';
import { resolveInside } from '../platform/pathInside';
import type { ConsentStore } from '../consent/consentStore';
import { consentFormFolder } from '../consent/consentForm';
import type { ExportsStore } from '../exports/exportsStore';
import type { ClipsStore } from '../editing/clipsStore';
import type { CommentsStore } from '../review/commentsStore';
import { feedbackSheetFolder } from '../review/feedbackSheet';
import { MANIFEST_FILE } from '../packs/packManifest';
import { findMentions, wordsToRedact, writeRedactions, type Mention } from './mentions';
import { assertSecureDelete, checkpointFully, type CheckpointOptions } from './walCheckpoint';
import { currentFingerprint, fingerprintOf, journalOf, recordInJournal, writeJournalFile, type JournalEntry } from './erasureJournal';
import { BACKUP_FOLDERS_SETTING } from '../library/settingKeys';
import { asStorageError } from '../platform/storageErrors';
import { resolveReview, type ResolveReviewInput, type ReviewResolution } from './reviewResolution';
import { DELETE_LINKED_PERSON_HINT } from '../consent/peopleChanges';
import { FaceTracksStore } from '../faces/faceTracksStore';

/** Which `table.column` holding a person's id each store's `forgetPerson` clears. */
export const PERSON_REFERENCES = {
  people: ['people.id'],
  consent: [
    'consents.person_id',
    'consent_guardian_signatures.person_id',
    'consent_screen_signatures.person_id',
    'guardians.person_id',
    'person_emancipation.person_id',
    'consent_audit.person_id',
    'erasure_guard.person_id',
  ],
  exports: ['export_people.person_id', 'exports.flag_person_id'],
  recordings: ['recording_people.person_id'],
  sessions: ['sessions.animator_person_id'],
  comments: ['comments.author_person_id', 'comments.quoted_person_id'],
  clips: ['clips.speaker_person_id', 'clip_excluded_people.person_id'],
  faces: ['face_tracks.person_id'],
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
  /** Tests shorten the wait for another reader of the database. */
  checkpoint?: CheckpointOptions;
}

export const ERASED_REVIEW_NOTE = 'A person who appeared in this video was erased: cut them out or delete it.';
const ERASED_FLAG_REASON = 'A person shown in it was erased (right to be forgotten)';

export interface EraseOptions {
  actor?: string;
  reason?: string;
  /** Replace the person's name words in other people's free text (default: yes). */
  redactMentions?: boolean;
  /** Delete copies exported outside the library that are still reachable (default: no, they are listed). */
  deleteExternalCopies?: boolean;
}

export interface ErasureResult {
  erased: true;
  recordingsDeleted: number;
  recordingsToReview: number[];
}

interface FullPlan {
  person: Person;
  alone: number[];
  mixed: number[];
  exportIds: number[];
  sheetRecordings: number[];
  mentions: Mention[];
  view: ErasurePlan;
}

/**
 * Outside the library only what an export wrote is ever deleted: its video, subtitles or
 * zip, or a pack folder (it has a manifest). A register row pointing elsewhere is not obeyed.
 */
function isExportArtifact(file: string): boolean {
  try {
    const stat = fs.statSync(file);
    if (stat.isDirectory()) return fs.existsSync(path.join(file, MANIFEST_FILE));
    return stat.isFile() && /\.(mp4|vtt|zip)$/i.test(file);
  } catch {
    return false;
  }
}

export class Erasure {
  constructor(private readonly deps: ErasureDeps) {}

  private get library(): Library {
    return this.deps.library;
  }

  /** What an erasure would do, for the animator to confirm: nothing is changed. */
  plan(personId: number): ErasurePlan {
    return this.fullPlan(personId).view;
  }

  private fullPlan(personId: number): FullPlan {
    const { library } = this;
    const db = library.db;
    const person = library.people.get(personId, 'personId');
    const links = library.recordings.linksOf(personId);
    const alone = links.filter((link) => link.people === 1).map((link) => link.recordingId);
    const mixed = links.filter((link) => link.people > 1).map((link) => link.recordingId);
    const exports = this.deps.exports.showing(personId);
    const mentions = findMentions(db, personId, person.projectId, wordsToRedact(db, personId, person.projectId, person.displayName));

    // feedback sheets quote the recording's people and its comments: every sheet that may name them goes
    const sheetRecordings = new Set<number>(links.map((link) => link.recordingId));
    const commented = db.prepare('SELECT DISTINCT recording_id AS id FROM comments WHERE author_person_id = ?').all(personId) as Array<{
      id: number;
    }>;
    for (const row of commented) sheetRecordings.add(row.id);
    const recordingOf: Record<string, string> = {
      recordings: 'SELECT id FROM recordings WHERE id = ?',
      comments: 'SELECT recording_id AS id FROM comments WHERE id = ?',
      comment_revisions: 'SELECT c.recording_id AS id FROM comment_revisions v JOIN comments c ON c.id = v.comment_id WHERE v.id = ?',
      subtitle_cues: 'SELECT recording_id AS id FROM subtitle_cues WHERE id = ?',
      markers: 'SELECT recording_id AS id FROM markers WHERE id = ?',
      clips: 'SELECT recording_id AS id FROM clips WHERE id = ?',
    };
    for (const mention of mentions) {
      const query = recordingOf[mention.table];
      const row = query ? (db.prepare(query).get(mention.id) as { id: number } | undefined) : undefined;
      if (row) sheetRecordings.add(row.id);
    }
    const sheets = [...sheetRecordings].filter((id) => !alone.includes(id)).sort((a, b) => a - b);
    const feedbackSheets = sheets.reduce((sum, id) => sum + this.assetsUnder(feedbackSheetFolder(id)), 0);

    const view: ErasurePlan = {
      personId,
      recordingsToDelete: alone,
      recordingsToReview: mixed,
      exportsInLibrary: exports
        .filter((record) => record.outputPath === null)
        .map((record) => ({ exportId: record.id, kind: record.kind, label: record.label })),
      externalCopies: exports
        .map((record) => ({ record, paths: this.deps.exports.files(record.id).outsidePaths }))
        .filter(({ paths }) => paths.length > 0)
        .map(({ record, paths }) => ({
          exportId: record.id,
          kind: record.kind,
          audience: record.audience,
          createdAt: record.createdAt,
          paths: paths.filter((file) => fs.existsSync(file) || !file.endsWith('.vtt')),
          reachable: paths.some(isExportArtifact),
        })),
      feedbackSheets,
      mentions: mentions.map(({ table, column, id, excerpt }) => ({ table, column, id, excerpt })),
    };
    return { person, alone, mixed, exportIds: exports.map((record) => record.id), sheetRecordings: sheets, mentions, view };
  }

  private assetsUnder(relativeFolder: string): number {
    const row = this.library.db
      .prepare("SELECT count(*) AS n FROM media_assets WHERE relative_path LIKE ? || '/%'")
      .get(relativeFolder) as { n: number };
    return row.n;
  }

  /**
   * One `forgetPerson` per store, in an order the foreign keys accept (the person's own
   * row last). Returns the rows removed per store and the files to delete once the
   * transaction has committed.
   */
  private forgetInStores(personId: number): { rows: Record<PersonStore, number>; files: string[] } {
    const { library } = this;
    const consent = this.deps.consent.forgetPerson(personId);
    const files = library.mediaAssets.forgetRows(consent.evidenceAssetIds);
    files.push(...library.mediaAssets.forgetUnder(consentFormFolder(personId)));
    const forgetters: Record<PersonStore, () => number> = {
      consent: () => consent.rows,
      exports: () => this.deps.exports.forgetPerson(personId, ERASED_FLAG_REASON),
      recordings: () => library.recordings.forgetPerson(personId),
      sessions: () => library.sessions.forgetPerson(personId),
      comments: () => this.deps.comments.forgetPerson(personId),
      clips: () => this.deps.clips.forgetPerson(personId),
      faces: () => new FaceTracksStore(library.db).forgetPerson(personId),
      people: () => library.people.forgetPerson(personId),
    };
    const rows = {} as Record<PersonStore, number>;
    for (const [store, forget] of Object.entries(forgetters) as Array<[PersonStore, () => number]>) rows[store] = forget();
    return { rows, files };
  }

  private removeFiles(files: readonly string[], folders: readonly string[]): void {
    for (const file of files) fs.rmSync(file, { force: true });
    for (const folder of folders) fs.rmSync(folder, { recursive: true, force: true });
  }

  /**
   * Deletes the recordings where the person appears alone (rows and files), marks mixed
   * ones for an animator's decision, deletes every copy in the library that shows them
   * (renders, packs, feedback sheets, forms, scans) while keeping the register's rows
   * flagged for recall, lists (or, confirmed, deletes) the copies outside the library,
   * redacts their name in free text, has every store forget them, and logs the erasure
   * with counts only. Done only when the database has checkpointed every page.
   */
  async erase(personId: number, options: EraseOptions = {}): Promise<ErasureResult> {
    try {
      return await this.eraseNow(personId, options);
    } catch (error) {
      // a full disk (SQLite cannot grow its log) rolls the erasure back: said plainly, never "done"
      throw asStorageError(error, { folder: this.library.dir, libraryDir: this.library.dir, what: 'l’effacement' });
    }
  }

  private async eraseNow(personId: number, options: EraseOptions): Promise<ErasureResult> {
    const { library } = this;
    const plan = this.fullPlan(personId);
    const { person, alone, mixed } = plan;
    for (const recordingId of alone) this.deps.deleteRecording(recordingId);

    const redact = options.redactMentions ?? true;
    const outside = options.deleteExternalCopies ? plan.view.externalCopies.filter((copy) => copy.reachable) : [];
    const removal = library.db.transaction(() => {
      const files: string[] = [];
      const folders: string[] = [];
      for (const exportId of plan.exportIds) {
        const where = this.deps.exports.files(exportId);
        files.push(...library.mediaAssets.forgetRows(where.assetIds));
        folders.push(...where.libraryFolders.map((folder) => resolveInside(library.dir, folder)));
      }
      for (const recordingId of plan.sheetRecordings) {
        files.push(...library.mediaAssets.forgetUnder(feedbackSheetFolder(recordingId)));
        folders.push(resolveInside(library.dir, feedbackSheetFolder(recordingId)));
      }
      for (const recordingId of mixed) library.recordings.setNeedsReview(recordingId, ERASED_REVIEW_NOTE);
      if (redact) {
        writeRedactions(library.db, plan.mentions, (id, column, text) => this.deps.exports.rewriteText(id, column, text));
      }
      const forgotten = this.forgetInStores(personId);
      folders.push(resolveInside(library.dir, consentFormFolder(personId)));
      this.journal('person', personId, person.createdAt);
      this.deps.consent.audit({
        projectId: person.projectId,
        personId: null,
        action: 'erasure',
        change: {
          recordingsDeleted: alone.length,
          recordingsToReview: mixed.length,
          exportsFlagged: plan.exportIds.length,
          libraryFilesDeleted: files.length,
          feedbackSheetsDeleted: plan.view.feedbackSheets,
          externalCopiesListed: plan.view.externalCopies.length,
          externalCopiesDeleted: outside.length,
          mentionsRedacted: redact ? plan.mentions.length : 0,
          mentionsLeft: redact ? 0 : plan.mentions.length,
          rows: forgotten.rows,
        },
        actor: options.actor,
        reason: options.reason,
      });
      return { files: [...files, ...forgotten.files], folders };
    })();
    this.removeFiles(removal.files, [...removal.folders, ...outside.flatMap((copy) => copy.paths.filter(isExportArtifact))]);
    this.mirrorJournal();
    this.deps.events.emit('data.changed', { entity: 'person', id: personId, projectId: person.projectId, change: 'deleted' });
    await this.finish();
    return { erased: true, recordingsDeleted: alone.length, recordingsToReview: mixed };
  }

  /** Makes the database file forget: secure_delete checked, the WAL checkpointed and emptied. */
  async finish(): Promise<{ done: true; walFrames: number }> {
    assertSecureDelete(this.library.db);
    const result = await checkpointFully(this.library.db, this.deps.checkpoint);
    return { done: true, walFrames: Math.max(result.log, 0) };
  }

  /**
   * A plain delete is for a person who left no trace but their own records (added by
   * mistake, never filmed, in no export, wrote no comment); anyone else needs an erasure.
   */
  async deletePerson(personId: number, actor?: string, reason?: string): Promise<void> {
    const { library } = this;
    const person = library.people.get(personId);
    const recordings = library.recordings.linksOf(personId).length;
    const exports = this.deps.exports.showing(personId).length;
    const comments = (library.db.prepare('SELECT count(*) AS n FROM comments WHERE author_person_id = ?').get(personId) as { n: number }).n;
    if (recordings || exports || comments) {
      const traces = [
        recordings ? `${frenchNumber(recordings)} enregistrement(s)` : null,
        exports ? `${frenchNumber(exports)} export(s)` : null,
        comments ? `${frenchNumber(comments)} commentaire(s)` : null,
      ].filter(Boolean);
      throw new AppError(
        'conflict',
        `${person.displayName} apparaît dans ${traces.join(', ')} : une simple suppression laisserait ses images et ses paroles.`,
        { field: 'id', hint: DELETE_LINKED_PERSON_HINT },
      );
    }
    const removal = library.db.transaction(() => {
      const forgotten = this.forgetInStores(personId);
      this.journal('person', personId, person.createdAt);
      // logged with counts only: the person's id, name and birth date are not kept
      this.deps.consent.audit({
        projectId: person.projectId,
        personId: null,
        action: 'person-deleted',
        change: { from: 'person', to: null, rows: forgotten.rows },
        actor,
        reason,
      });
      return forgotten.files;
    })();
    this.removeFiles(removal, [resolveInside(library.dir, consentFormFolder(personId))]);
    this.mirrorJournal();
    this.deps.events.emit('data.changed', { entity: 'person', id: personId, projectId: person.projectId, change: 'deleted' });
    await this.finish();
  }

  /**
   * Deleting a project removes its files too (recordings, renders and packs inside the
   * library, feedback sheets, forms, scans, their asset rows) and its people's consent log,
   * so nothing of it is left for /media to serve. Copies outside the library stay with
   * whoever received them.
   */
  async deleteProject(projectId: number, actor?: string): Promise<void> {
    const { library } = this;
    const project = library.projects.get(projectId);
    const recordings = library.recordings.list({ projectId }).map((recording) => recording.id);
    for (const recordingId of recordings) this.deps.deleteRecording(recordingId);
    const exports = this.deps.exports.list(projectId).map((record) => record.id);
    const people = library.people.listByProject(projectId).map((person) => person.id);
    const removal = library.db.transaction(() => {
      const files: string[] = [];
      const folders: string[] = [];
      for (const exportId of exports) {
        const where = this.deps.exports.files(exportId);
        files.push(...library.mediaAssets.forgetRows(where.assetIds));
        folders.push(...where.libraryFolders.map((folder) => resolveInside(library.dir, folder)));
      }
      for (const personId of people) {
        files.push(...this.forgetInStores(personId).files);
        folders.push(resolveInside(library.dir, consentFormFolder(personId)));
      }
      library.projects.delete(projectId);
      this.journal('project', projectId, project.createdAt);
      this.deps.consent.audit({
        projectId,
        personId: null,
        action: 'project-deleted',
        change: { recordings: recordings.length, exports: exports.length, people: people.length },
        actor,
      });
      return { files, folders };
    })();
    this.removeFiles(removal.files, removal.folders);
    this.mirrorJournal();
    await this.finish();
  }

  private journal(kind: JournalEntry['kind'], id: number, createdAt: string): void {
    recordInJournal(this.library.db, { at: this.library.now(), kind, id, fingerprint: fingerprintOf(kind, id, createdAt) });
  }

  /** Copies the journal beside every backup of this library; a folder gone (a removed disk) is skipped. */
  mirrorJournal(): void {
    const entries = journalOf(this.library.db);
    for (const folder of JSON.parse(this.library.settings.get(BACKUP_FOLDERS_SETTING) ?? '[]') as string[]) {
      try {
        writeJournalFile(folder, entries);
      } catch {
        // the backup folder is unreachable now; the next erasure or backup writes it again
      }
    }
  }

  /**
   * After a restore: applies again the erasures the backup predates, each only when the
   * row is the same one (same fingerprint). Returns how many were applied.
   */
  async reapply(entries: readonly JournalEntry[]): Promise<number> {
    let applied = 0;
    const restoring = { actor: 'restauration', reason: 'effacement ré-appliqué après la restauration d’une sauvegarde plus ancienne' };
    for (const entry of entries.filter((candidate) => candidate.kind === 'project')) {
      if (currentFingerprint(this.library.db, 'project', entry.id) !== entry.fingerprint) continue;
      await this.deleteProject(entry.id, restoring.actor);
      applied++;
    }
    for (const entry of entries.filter((candidate) => candidate.kind === 'person')) {
      if (currentFingerprint(this.library.db, 'person', entry.id) !== entry.fingerprint) continue;
      await this.erase(entry.id, restoring);
      applied++;
    }
    return applied;
  }

  /**
   * After an erasure, a recording that showed the erased person with others waits for an
   * animator: cut the person out, confirm they are not in it, or delete it (reviewResolution.ts).
   */
  resolveReview(input: ResolveReviewInput): Promise<{ recordingId: number; resolution: ReviewResolution; clipIds?: number[] }> {
    return resolveReview(
      {
        library: this.library,
        consent: this.deps.consent,
        clips: this.deps.clips,
        events: this.deps.events,
        deleteRecording: this.deps.deleteRecording,
        finish: () => this.finish(),
      },
      input,
    );
  }
}
