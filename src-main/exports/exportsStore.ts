/**
 * The one owner of the register of what left the library: every clip, montage and pack
 * exported, for which audience, where it went, and who appears in it, so a later
 * withdrawal of consent can flag it for recall. Rows are written only once the file is
 * complete. No other module writes the `exports` or `export_people` tables.
 */
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../src-shared/appError';
import type { MediaAssetsStore } from '../library/mediaAssetsStore';
import type { SqliteDatabase } from '../library/database';
import type { ExportRecord } from '../../src-shared/contract/schemas/editing';
import type { Audience } from '../../src-shared/contract/vocabulary';
import type { FlaggedExport } from '../../src-shared/contract/schemas';
import { AUDIENCES } from '../../src-shared/contract/vocabulary';

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
  kind: 'clip' | 'montage' | 'pack';
  audience: Audience;
  label: string;
  assetId: number | null;
  outputPath: string | null;
  spec: unknown;
  summary: ExportSummary;
  personIds: readonly number[];
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
      const link = this.db.prepare('INSERT INTO export_people (export_id, person_id) VALUES (?, ?)');
      for (const personId of new Set(input.personIds)) link.run(exportId, personId);
      return exportId;
    })();
    return this.get(id);
  }

  get(id: number, field = 'id'): ExportRecord {
    return toRecord(this.row(id, field));
  }

  row(id: number, field = 'id'): ExportRow {
    const row = this.db.prepare('SELECT * FROM exports WHERE id = ?').get(id) as ExportRow | undefined;
    if (!row) throw new AppError('not-found', `No export with id ${id}.`, { field });
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

  /** Flags the not-yet-flagged exports that showed this person to these audiences; returns their ids. */
  flagShowing(personId: number, audiences: readonly string[], reason: string): number[] {
    if (audiences.length === 0) return [];
    const ids = (
      this.db
        .prepare(
          `SELECT e.id FROM exports e JOIN export_people ep ON ep.export_id = e.id
           WHERE ep.person_id = ? AND e.audience IN (SELECT value FROM json_each(?)) AND e.flagged_at IS NULL ORDER BY e.id`,
        )
        .all(personId, JSON.stringify(audiences)) as Array<{ id: number }>
    ).map((row) => row.id);
    const flag = this.db.prepare('UPDATE exports SET flagged_at = ?, flag_reason = ? WHERE id = ?');
    for (const id of ids) flag.run(this.now(), reason, id);
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
    return this.db.prepare('DELETE FROM export_people WHERE person_id = ?').run(personId).changes;
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
    }));
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
}
