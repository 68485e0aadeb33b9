/**
 * Retention (§10 of the consent issue): each project keeps its videos, comments and
 * feedback sheets for a period per category (defaults per project kind, from the CNIL's
 * guidance, in src-shared/retention.ts; editable per project), and what is past it is
 * listed on the consent dashboard and erased in one action. The erasure goes through the
 * same paths as the right to be forgotten: a video is deleted by the capture service
 * (rows and files), its renders inside the library go (files, and the register row unless
 * the copy was given out: then the row stays so a recall still reaches its recipients),
 * comments are purged for good, and the erasure's own checkpoint makes the database file
 * forget. The log entry holds counts only.
 */
import fs from 'node:fs';
import { AppError } from '../../src-shared/appError';
import { formatClock } from '../../src-shared/time';
import { DEFAULT_RETENTION, dueItemSentenceFr, RETENTION_CATEGORIES, type RetentionCategory } from '../../src-shared/retention';
import type { DueItemView, RetentionCounts, RetentionDue, RetentionView } from '../../src-shared/contract/schemas';
import type { Library } from '../library/library';
import type { ApiEventBus } from '../platform/eventBus';
import { resolveInside } from '../platform/pathInside';
import type { ConsentService } from '../consent/consentService';
import type { ExportsStore } from '../exports/exportsStore';
import type { CommentsStore } from '../review/commentsStore';
import type { Erasure } from './erasure';
import {
  dueForRetention,
  localDayOf,
  type DueItem,
  type RetainedComment,
  type RetainedRecording,
  type RetainedSheet,
} from './retentionDue';

export interface RetentionDeps {
  library: Library;
  events: ApiEventBus;
  consent: ConsentService;
  exports: ExportsStore;
  comments: CommentsStore;
  erasure: Erasure;
  /** Removes a recording's rows and files (the capture service does it). */
  deleteRecording: (recordingId: number) => void;
}

interface ProjectDue {
  projectId: number;
  projectName: string;
  settings: RetentionView['settings'];
  items: DueItem[];
}

/** Videos still being captured or converted are never touched. */
const SETTLED = new Set(['ready', 'failed']);

export class Retention {
  constructor(private readonly deps: RetentionDeps) {}

  private get library(): Library {
    return this.deps.library;
  }

  settings(projectId: number): RetentionView {
    const project = this.library.projects.get(projectId, 'projectId');
    const defaults = DEFAULT_RETENTION[project.kind];
    const settings = { ...defaults };
    const rows = this.library.db.prepare('SELECT category, months FROM project_retention WHERE project_id = ?').all(projectId) as Array<{
      category: RetentionCategory;
      months: number | null;
    }>;
    for (const row of rows) if (RETENTION_CATEGORIES.includes(row.category)) settings[row.category] = row.months;
    return { projectId, kind: project.kind, settings, defaults: { ...defaults } };
  }

  /** Changes one category's period for a project; logged (who, from → to). */
  update(input: { projectId: number; category: RetentionCategory; months: number | null; actor?: string }): RetentionView {
    const before = this.settings(input.projectId);
    this.library.db.transaction(() => {
      this.library.db
        .prepare(
          `INSERT INTO project_retention (project_id, category, months, updated_at) VALUES (?, ?, ?, ?)
           ON CONFLICT (project_id, category) DO UPDATE SET months = excluded.months, updated_at = excluded.updated_at`,
        )
        .run(input.projectId, input.category, input.months, this.library.now());
      this.deps.consent.store.audit({
        projectId: input.projectId,
        personId: null,
        action: 'retention-changed',
        change: { category: input.category, from: before.settings[input.category], to: input.months },
        actor: input.actor,
      });
    })();
    this.deps.events.emit('data.changed', { entity: 'project', id: input.projectId, projectId: input.projectId, change: 'updated' });
    return this.settings(input.projectId);
  }

  private projectDue(projectId: number, on: string): ProjectDue {
    const { library } = this;
    const { consent } = this.deps;
    const project = library.projects.get(projectId, 'projectId');
    const { settings } = this.settings(projectId);
    const grantedProof = new Set(
      (
        library.db
          .prepare(
            `SELECT DISTINCT c.evidence_recording_id AS id FROM consents c JOIN people p ON p.id = c.person_id
             WHERE p.project_id = ? AND c.status = 'granted' AND c.evidence_recording_id IS NOT NULL`,
          )
          .all(projectId) as Array<{ id: number }>
      ).map((row) => row.id),
    );
    const people = new Map<number, RetainedRecording['people'][number]>();
    const personEntry = (personId: number) => {
      let entry = people.get(personId);
      if (!entry) {
        entry = { person: consent.policyPerson(library.people.get(personId)), records: consent.store.records(personId) };
        people.set(personId, entry);
      }
      return entry;
    };
    const recordings: RetainedRecording[] = library.recordings
      .list({ projectId })
      .filter((recording) => SETTLED.has(recording.status))
      .map((recording) => ({
        id: recording.id,
        kind: recording.kind,
        title: recording.title,
        madeOn: localDayOf(recording.recordedAt),
        people: recording.people.map((linked) => personEntry(linked.personId)),
        keptAsProof: grantedProof.has(recording.id),
      }));
    const settled = new Set(recordings.map((recording) => recording.id));
    const comments: RetainedComment[] = (
      library.db
        .prepare(
          `SELECT c.id, c.recording_id, c.start_seconds, c.created_at, c.deleted_at,
             (SELECT count(*) FROM comments r WHERE r.parent_id = c.id) AS replies
           FROM comments c JOIN recordings rec ON rec.id = c.recording_id
           WHERE rec.project_id = ? AND c.parent_id IS NULL ORDER BY c.id`,
        )
        .all(projectId) as Array<{
        id: number;
        recording_id: number;
        start_seconds: number;
        created_at: string;
        deleted_at: string | null;
        replies: number;
      }>
    )
      .filter((row) => settled.has(row.recording_id))
      .map((row) => ({
        id: row.id,
        recordingId: row.recording_id,
        atSeconds: row.start_seconds,
        madeOn: localDayOf(row.created_at),
        replies: row.replies,
        deleted: row.deleted_at !== null,
      }));
    const sheets: RetainedSheet[] = this.deps.exports.list(projectId, 'feedback-sheet').map((record) => {
      const spec = this.deps.exports.spec<{ recordingId?: number }>(record.id);
      return {
        id: record.id,
        recordingId: typeof spec.recordingId === 'number' ? spec.recordingId : null,
        madeOn: localDayOf(record.createdAt),
      };
    });
    const items = dueForRetention({ settings, recordings, comments, sheets, on });
    return { projectId, projectName: project.name, settings, items };
  }

  private projectIds(projectId?: number): number[] {
    if (projectId !== undefined) return [this.library.projects.get(projectId, 'projectId').id];
    return this.library.projects.list().map((project) => project.id);
  }

  /** What is past its retention on `on` (default today), per project. */
  due(input: { projectId?: number; on?: string }): RetentionDue {
    const on = input.on ?? this.deps.consent.localToday();
    return {
      on,
      projects: this.projectIds(input.projectId).map((projectId) => {
        const due = this.projectDue(projectId, on);
        return { ...due, items: due.items.map(toView) };
      }),
    };
  }

  /**
   * Erases what is due today (only the listed items when `items` is given, each still due);
   * a second call finds nothing left and changes nothing. One log entry per project, with
   * counts only: no names, no titles.
   */
  async apply(input: {
    projectId?: number;
    items?: ReadonlyArray<{ kind: DueItem['kind']; id: number }>;
    actor?: string;
    reason?: string;
  }): Promise<{ on: string; erased: RetentionCounts }> {
    const on = this.deps.consent.localToday();
    const wanted = input.items ? new Set(input.items.map((item) => `${item.kind}:${item.id}`)) : null;
    const total: RetentionCounts = { recordings: 0, comments: 0, feedbackSheets: 0, renders: 0, exportFiles: 0 };
    for (const projectId of this.projectIds(input.projectId)) {
      const items = this.projectDue(projectId, on).items.filter((item) => !wanted || wanted.has(`${item.kind}:${item.id}`));
      if (items.length === 0) continue;
      const counts = this.erase(projectId, items, input);
      for (const key of Object.keys(total) as Array<keyof RetentionCounts>) total[key] += counts[key];
    }
    if (total.recordings + total.comments + total.feedbackSheets + total.renders > 0) await this.deps.erasure.finish();
    return { on, erased: total };
  }

  private erase(projectId: number, items: readonly DueItem[], input: { actor?: string; reason?: string }): RetentionCounts {
    const { library } = this;
    const { exports } = this.deps;
    const recordingIds = items.filter((item) => item.kind === 'recording').map((item) => item.id);
    for (const recordingId of recordingIds) {
      if (library.recordings.get(recordingId).status === 'finalising') {
        throw new AppError('conflict', 'Une vidéo à effacer est en cours de conversion : rien n’a été effacé.', {
          field: 'items',
          hint: 'Attendez la fin de la barre de progression, puis effacez à nouveau.',
        });
      }
    }
    // renders of the videos that go (feedback sheets included), and the sheets due on their own
    const renderIds = new Set<number>();
    for (const recordingId of recordingIds)
      for (const record of exports.madeFromRecording(recordingId, projectId)) renderIds.add(record.id);
    const sheetIds = items.filter((item) => item.kind === 'feedback-sheet').map((item) => item.id);
    const sheetsWithVideos = [...renderIds].filter((id) => exports.get(id).kind === 'feedback-sheet').length;
    const commentIds = items.filter((item) => item.kind === 'comment').map((item) => item.id);
    const commentsWithVideos = items.filter((item) => item.kind === 'recording').reduce((sum, item) => sum + item.goesWith.comments, 0);

    const removal = library.db.transaction(() => {
      const files: string[] = [];
      const folders: string[] = [];
      for (const exportId of [...renderIds, ...sheetIds]) {
        const where = exports.files(exportId);
        files.push(...library.mediaAssets.forgetRows(where.assetIds));
        folders.push(...where.libraryFolders.map((folder) => resolveInside(library.dir, folder)));
        const givenOut = where.outsidePaths.length > 0 || exports.recipients(exportId).length > 0;
        if (!givenOut) exports.delete(exportId);
      }
      const comments = this.deps.comments.purge(commentIds);
      return { files, folders, comments };
    })();
    for (const file of removal.files) fs.rmSync(file, { force: true });
    for (const folder of removal.folders) fs.rmSync(folder, { recursive: true, force: true });
    // each video goes through the one deletion path: rows (comments, clips, markers cascade) and its folder
    for (const recordingId of recordingIds) this.deps.deleteRecording(recordingId);

    const counts: RetentionCounts = {
      recordings: recordingIds.length,
      comments: removal.comments + commentsWithVideos,
      feedbackSheets: sheetIds.length + sheetsWithVideos,
      renders: renderIds.size - sheetsWithVideos,
      exportFiles: removal.files.length,
    };
    this.deps.consent.store.audit({
      projectId,
      personId: null,
      action: 'retention-erased',
      change: { ...counts },
      actor: input.actor,
      reason: input.reason,
    });
    this.deps.events.emit('data.changed', { entity: 'project', id: projectId, projectId, change: 'updated' });
    return counts;
  }
}

function toView(item: DueItem): DueItemView {
  const atClock = item.atSeconds === null ? null : formatClock(item.atSeconds);
  return { ...item, sentence: dueItemSentenceFr({ ...item, atClock }) };
}
