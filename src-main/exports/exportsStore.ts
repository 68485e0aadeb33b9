/**
 * The one owner of the register of what left the library: every clip, montage, pack and
 * feedback sheet exported, for which audience, where it went, who appears in it and how
 * (name shown, conditions applied), so a later change of consent can flag it for recall.
 * Rows are written only once the file is complete. No other module writes the `exports`
 * or `export_people` tables; `flagShowing` is the one writer of flags.
 */
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../src-shared/appError';
import type { MediaAssetsStore } from '../library/mediaAssetsStore';
import { exportFileName } from './exportFileName';
import type { SqliteDatabase } from '../library/database';
import type { ExportRecord } from '../../src-shared/contract/schemas/editing';
import type { Audience } from '../../src-shared/contract/vocabulary';
import type { ExportRecipient, FlaggedExport } from '../../src-shared/contract/schemas';
import { AUDIENCES } from '../../src-shared/contract/vocabulary';
import { exportRecordingIds } from './exportRecordingIds';

interface ExportRow {
  id: number;
  project_id: number;
  kind: string;
  audience: Audience;
  label: string;
  created_at: string;
  flagged_at: string | null;
  flag_reason: string | null;
  asset_id: number | null;
  output_path: string | null;
  spec: string;
  summary: string;
  flag_person_id: number | null;
  flag_change: string | null;
}

/** What caused a flag, for the notification letter (which words to use). */
export type FlagChange =
  | 'withdrawn'
  | 'refused'
  | 'pending'
  | 'no-consent'
  | 'expired'
  | 'expiry-shortened'
  | 'conditions'
  | 'minor'
  | 'renamed'
  | 'linked'
  | 'erased';

/** How one person appeared in one export; `conditions` null when not known (older exports). */
export interface ShownInExport {
  exportId: number;
  projectId: number;
  kind: string;
  label: string;
  audience: Audience;
  personId: number;
  shownAs: string | null;
  conditions: string[] | null;
}

export interface ShownPerson {
  personId: number;
  shownAs: string | null;
  conditions: readonly string[];
}

export interface ExportSummary {
  durationSeconds?: number;
  sizeBytes?: number;
  mode?: string;
  subtitleAssetId?: number | null;
  [key: string]: unknown;
}

export interface NewExport {
  projectId: number;
  kind: 'clip' | 'montage' | 'pack' | 'feedback-sheet';
  audience: Audience;
  label: string;
  assetId: number | null;
  outputPath: string | null;
  spec: unknown;
  summary: ExportSummary;
  personIds: readonly number[];
  /** How each person appears (name shown, conditions applied); people left out here count as unknown. */
  shown?: readonly ShownPerson[];
}

interface ShownRow {
  id: number;
  project_id: number;
  kind: string;
  label: string;
  audience: Audience;
  person_id: number;
  shown_as: string | null;
  conditions: string | null;
}

function toShown(row: ShownRow): ShownInExport {
  return {
    exportId: row.id,
    projectId: row.project_id,
    kind: row.kind,
    label: row.label,
    audience: row.audience,
    personId: row.person_id,
    shownAs: row.shown_as,
    conditions: row.conditions === null ? null : (JSON.parse(row.conditions) as string[]),
  };
}

interface RecipientRow {
  id: number;
  export_id: number;
  name: string;
  given_on: string;
  actor: string;
  created_at: string;
}

function toRecipient(row: RecipientRow): ExportRecipient {
  return { id: row.id, exportId: row.export_id, name: row.name, givenOn: row.given_on, createdAt: row.created_at };
}

function toRecord(row: ExportRow): ExportRecord {
  const summary = JSON.parse(row.summary) as ExportSummary;
  return {
    id: row.id,
    projectId: row.project_id,
    kind: row.kind,
    audience: row.audience,
    label: row.label,
    createdAt: row.created_at,
    flaggedAt: row.flagged_at,
    flagReason: row.flag_reason,
    assetId: row.asset_id,
    outputPath: row.output_path,
    durationSeconds: typeof summary.durationSeconds === 'number' ? summary.durationSeconds : null,
    sizeBytes: typeof summary.sizeBytes === 'number' ? summary.sizeBytes : null,
    mode: typeof summary.mode === 'string' ? summary.mode : null,
    fileName: exportFileName(row.kind, row.label),
  };
}

export class ExportsStore {
  constructor(
    private readonly db: SqliteDatabase,
    private readonly now: () => string,
  ) {}

  insert(input: NewExport): ExportRecord {
    const id = this.db.transaction(() => {
      const result = this.db
        .prepare(
          `INSERT INTO exports (project_id, kind, audience, label, created_at, asset_id, output_path, spec, summary)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          input.projectId,
          input.kind,
          input.audience,
          input.label,
          this.now(),
          input.assetId,
          input.outputPath,
          JSON.stringify(input.spec),
          JSON.stringify(input.summary),
        );
      const exportId = Number(result.lastInsertRowid);
      const link = this.db.prepare('INSERT INTO export_people (export_id, person_id, shown_as, conditions) VALUES (?, ?, ?, ?)');
      const how = new Map((input.shown ?? []).map((person) => [person.personId, person]));
      for (const personId of new Set(input.personIds)) {
        const shown = how.get(personId);
        link.run(exportId, personId, shown?.shownAs ?? null, shown ? JSON.stringify([...shown.conditions].sort()) : null);
      }
      return exportId;
    })();
    return this.get(id);
  }

  get(id: number, field = 'id'): ExportRecord {
    return toRecord(this.row(id, field));
  }

  row(id: number, field = 'id'): ExportRow {
    const row = this.db.prepare('SELECT * FROM exports WHERE id = ?').get(id) as ExportRow | undefined;
    if (!row) throw new AppError('not-found', `Aucun export n’a le numéro ${id}.`, { field });
    return row;
  }

  spec<T>(id: number): T {
    return JSON.parse(this.row(id).spec) as T;
  }

  summary(id: number): ExportSummary {
    return JSON.parse(this.row(id).summary) as ExportSummary;
  }

  list(projectId: number, kind?: string): ExportRecord[] {
    const rows = (
      kind
        ? this.db.prepare('SELECT * FROM exports WHERE project_id = ? AND kind = ? ORDER BY id DESC').all(projectId, kind)
        : this.db.prepare('SELECT * FROM exports WHERE project_id = ? ORDER BY id DESC').all(projectId)
    ) as ExportRow[];
    return rows.map(toRecord);
  }

  personIds(id: number): number[] {
    return (
      this.db.prepare('SELECT person_id FROM export_people WHERE export_id = ? ORDER BY person_id').all(id) as Array<{ person_id: number }>
    ).map((row) => row.person_id);
  }

  delete(id: number): void {
    this.db.prepare('DELETE FROM exports WHERE id = ?').run(id);
  }

  /** Every not-yet-flagged export showing this person, with how they appeared. */
  shownIn(personId: number): ShownInExport[] {
    return (
      this.db
        .prepare(
          `SELECT e.id, e.project_id, e.kind, e.label, e.audience, ep.person_id, ep.shown_as, ep.conditions
           FROM exports e JOIN export_people ep ON ep.export_id = e.id
           WHERE ep.person_id = ? AND e.flagged_at IS NULL ORDER BY e.id`,
        )
        .all(personId) as ShownRow[]
    ).map(toShown);
  }

  /** Every not-yet-flagged export of a project with the people in it (the dashboard's expiry sweep). */
  shownInProject(projectId: number): ShownInExport[] {
    return (
      this.db
        .prepare(
          `SELECT e.id, e.project_id, e.kind, e.label, e.audience, ep.person_id, ep.shown_as, ep.conditions
           FROM exports e JOIN export_people ep ON ep.export_id = e.id
           WHERE e.project_id = ? AND e.flagged_at IS NULL ORDER BY e.id, ep.person_id`,
        )
        .all(projectId) as ShownRow[]
    ).map(toShown);
  }

  /**
   * Records someone found in an export after it left (linked to its recording later):
   * shown with no name printed and no condition applied, which is what happened.
   */
  addShownPerson(exportId: number, personId: number): void {
    this.db
      .prepare("INSERT OR IGNORE INTO export_people (export_id, person_id, shown_as, conditions) VALUES (?, ?, NULL, '[]')")
      .run(exportId, personId);
  }

  /** The not-yet-flagged exports made from this recording (their recording ids are in their spec). */
  fromRecording(recordingId: number, projectId: number): ExportRecord[] {
    const rows = this.db
      .prepare('SELECT * FROM exports WHERE project_id = ? AND flagged_at IS NULL ORDER BY id')
      .all(projectId) as ExportRow[];
    return rows.filter((row) => exportRecordingIds(this.db, row).includes(recordingId)).map(toRecord);
  }

  /** Was anything ever exported from this recording (flagged or not)? */
  everExported(recordingId: number, projectId: number): boolean {
    const rows = this.db.prepare('SELECT * FROM exports WHERE project_id = ?').all(projectId) as ExportRow[];
    return rows.some((row) => exportRecordingIds(this.db, row).includes(recordingId));
  }

  /**
   * Flags the not-yet-flagged exports that showed this person to these audiences (and,
   * with `only`, pass its test); returns their ids. The one writer of flags.
   */
  flagShowing(
    personId: number,
    audiences: readonly string[],
    reason: string,
    options: { change?: FlagChange; only?: (shown: ShownInExport) => boolean } = {},
  ): number[] {
    if (audiences.length === 0) return [];
    const ids = this.shownIn(personId)
      .filter((shown) => audiences.includes(shown.audience) && (options.only ? options.only(shown) : true))
      .map((shown) => shown.exportId);
    const flag = this.db.prepare(
      'UPDATE exports SET flagged_at = ?, flag_reason = ?, flag_person_id = ?, flag_change = ? WHERE id = ? AND flagged_at IS NULL',
    );
    for (const id of ids) flag.run(this.now(), reason, personId, options.change ?? null, id);
    return ids;
  }

  /** The exports that show a person, oldest first. */
  showing(personId: number): ExportRecord[] {
    const rows = this.db
      .prepare('SELECT e.* FROM exports e JOIN export_people ep ON ep.export_id = e.id WHERE ep.person_id = ? ORDER BY e.id')
      .all(personId) as ExportRow[];
    return rows.map(toRecord);
  }

  /**
   * Where an export's files are: asset ids inside the library, folders inside the library
   * (relative), and paths outside it (absolute) that belong to whoever received them.
   */
  files(id: number): { assetIds: number[]; libraryFolders: string[]; outsidePaths: string[] } {
    const record = this.get(id);
    const summary = this.summary(id) as ExportSummary & { folder?: string; zipPath?: string | null; external?: boolean };
    const assetIds = [record.assetId, summary.subtitleAssetId].filter((value): value is number => typeof value === 'number');
    const libraryFolders: string[] = [];
    const outsidePaths: string[] = [];
    if (record.kind === 'pack') {
      for (const stored of [summary.folder, summary.zipPath]) {
        if (!stored) continue;
        if (summary.external || path.isAbsolute(stored)) outsidePaths.push(stored);
        else if (stored === summary.folder) libraryFolders.push(stored);
      }
    } else if (record.outputPath) {
      outsidePaths.push(record.outputPath, record.outputPath.replace(/\.mp4$/i, '.vtt'));
    }
    return { assetIds, libraryFolders, outsidePaths: [...new Set(outsidePaths)] };
  }

  /** Replaces a label or an output path (erasure: a name in it is redacted). */
  rewriteText(id: number, column: 'label' | 'output_path', text: string): void {
    this.db.prepare(`UPDATE exports SET ${column === 'label' ? 'label' : 'output_path'} = ? WHERE id = ?`).run(text, id);
  }

  /**
   * Erasure: the exports that showed the person are flagged for recall (every audience),
   * then the register forgets who they showed. Returns how many links were removed.
   */
  forgetPerson(personId: number, reason: string): number {
    this.flagShowing(personId, AUDIENCES, reason);
    // the flag stays (recipients must still be told), not who caused it
    this.db.prepare('UPDATE exports SET flag_person_id = NULL WHERE flag_person_id = ?').run(personId);
    return this.db.prepare('DELETE FROM export_people WHERE person_id = ?').run(personId).changes;
  }

  /** What caused an export's flag: the person (when still known) and the kind of change. */
  flagCause(id: number): { personId: number | null; change: FlagChange | null; shownAs: string | null } {
    const row = this.row(id);
    const shown = row.flag_person_id
      ? (this.db.prepare('SELECT shown_as FROM export_people WHERE export_id = ? AND person_id = ?').get(id, row.flag_person_id) as
          { shown_as: string | null } | undefined)
      : undefined;
    return { personId: row.flag_person_id, change: row.flag_change as FlagChange | null, shownAs: shown?.shown_as ?? null };
  }

  /** The project's exports to recall, newest flag first. */
  flagged(projectId: number): FlaggedExport[] {
    const rows = this.db
      .prepare('SELECT * FROM exports WHERE project_id = ? AND flagged_at IS NOT NULL ORDER BY flagged_at DESC, id DESC')
      .all(projectId) as ExportRow[];
    return rows.map((row) => ({
      id: row.id,
      kind: row.kind,
      audience: row.audience,
      label: row.label,
      createdAt: row.created_at,
      flaggedAt: row.flagged_at!,
      flagReason: row.flag_reason!,
      change: row.flag_change,
      recipients: this.recipients(row.id),
    }));
  }

  /** To whom an export was given, oldest first. */
  recipients(exportId: number): ExportRecipient[] {
    return (
      this.db.prepare('SELECT * FROM export_recipients WHERE export_id = ? ORDER BY given_on, id').all(exportId) as RecipientRow[]
    ).map(toRecipient);
  }

  addRecipient(input: { exportId: number; name: string; givenOn: string; actor: string }): ExportRecipient {
    this.get(input.exportId, 'exportId');
    const result = this.db
      .prepare('INSERT INTO export_recipients (export_id, name, given_on, actor, created_at) VALUES (?, ?, ?, ?, ?)')
      .run(input.exportId, input.name, input.givenOn, input.actor, this.now());
    return toRecipient(this.db.prepare('SELECT * FROM export_recipients WHERE id = ?').get(Number(result.lastInsertRowid)) as RecipientRow);
  }

  recipient(id: number, field = 'recipientId'): ExportRecipient {
    const row = this.db.prepare('SELECT * FROM export_recipients WHERE id = ?').get(id) as RecipientRow | undefined;
    if (!row) throw new AppError('not-found', `Aucun destinataire n° ${id}.`, { field, hint: "Listez les destinataires de l'export." });
    return toRecipient(row);
  }

  /** Removes an export's row and the library files registered for it (video, subtitles). */
  deleteWithFiles(id: number, mediaAssets: MediaAssetsStore): void {
    const record = this.get(id);
    const summary = this.summary(id);
    const assetIds = [record.assetId, summary.subtitleAssetId].filter((value): value is number => typeof value === 'number');
    const files = assetIds.map((assetId) => mediaAssets.resolve(assetId).absolutePath);
    this.db.transaction(() => {
      this.delete(id);
      for (const assetId of assetIds) this.db.prepare('DELETE FROM media_assets WHERE id = ?').run(assetId);
    })();
    for (const file of files) fs.rmSync(file, { force: true });
  }

  /** Every export made from this recording, flagged or not (retention: its library copies go with it). */
  madeFromRecording(recordingId: number, projectId: number): ExportRecord[] {
    const rows = this.db.prepare('SELECT * FROM exports WHERE project_id = ? ORDER BY id').all(projectId) as ExportRow[];
    return rows.filter((row) => exportRecordingIds(this.db, row).includes(recordingId)).map(toRecord);
  }
}
