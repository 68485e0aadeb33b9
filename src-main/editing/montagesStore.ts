/**
 * Montages: an ordered list of title cards and clips with the export settings (preset,
 * fades, loudness, lower thirds, burnt-in subtitles). Items are replaced as a whole on
 * each save, in one transaction, so the order is never half-written.
 */
import { AppError } from '../../src-shared/appError';
import { definedOnly } from '../platform/definedOnly';
import type { SqliteDatabase } from '../library/database';
import type { Montage, MontageItem, MontageSettings } from '../../src-shared/contract/schemas/editing';

interface MontageRow {
  id: number;
  project_id: number;
  name: string;
  preset: '720p' | '1080p';
  fade_seconds: number;
  normalise_audio: number;
  lower_thirds: number;
  burn_subtitles: number;
  replace_voices: number;
  created_at: string;
  updated_at: string;
}

interface ItemRow {
  kind: 'title' | 'clip';
  clip_id: number | null;
  title_text: string | null;
  title_seconds: number | null;
}

export class MontagesStore {
  constructor(
    private readonly db: SqliteDatabase,
    private readonly now: () => string,
  ) {}

  get(id: number, field = 'id'): Montage {
    const row = this.db.prepare('SELECT * FROM montages WHERE id = ?').get(id) as MontageRow | undefined;
    if (!row) throw new AppError('not-found', `Aucun film n’a le numéro ${id}.`, { field });
    return this.toMontage(row);
  }

  list(projectId: number): Montage[] {
    return (
      this.db.prepare('SELECT * FROM montages WHERE project_id = ? ORDER BY updated_at DESC, id DESC').all(projectId) as MontageRow[]
    ).map((row) => this.toMontage(row));
  }

  create(projectId: number, name: string): Montage {
    const at = this.now();
    const result = this.db
      .prepare('INSERT INTO montages (project_id, name, created_at, updated_at) VALUES (?, ?, ?, ?)')
      .run(projectId, name, at, at);
    return this.get(Number(result.lastInsertRowid));
  }

  update(id: number, changes: Partial<MontageSettings> & { name?: string; items?: MontageItem[] }): Montage {
    const current = this.get(id);
    const next = { ...current, ...definedOnly(changes) };
    if (changes.items) this.checkItems(current.projectId, changes.items);
    this.db.transaction(() => {
      this.db
        .prepare(
          `UPDATE montages SET name = ?, preset = ?, fade_seconds = ?, normalise_audio = ?, lower_thirds = ?, burn_subtitles = ?,
             replace_voices = ?, updated_at = ? WHERE id = ?`,
        )
        .run(
          next.name,
          next.preset,
          next.fadeSeconds,
          next.normaliseAudio ? 1 : 0,
          next.lowerThirds ? 1 : 0,
          next.burnSubtitles ? 1 : 0,
          next.replaceVoices ? 1 : 0,
          this.now(),
          id,
        );
      if (changes.items) {
        this.db.prepare('DELETE FROM montage_items WHERE montage_id = ?').run(id);
        const insert = this.db.prepare(
          'INSERT INTO montage_items (montage_id, position, kind, clip_id, title_text, title_seconds) VALUES (?, ?, ?, ?, ?, ?)',
        );
        changes.items.forEach((item, position) => {
          if (item.kind === 'clip') insert.run(id, position, 'clip', item.clipId, null, null);
          else insert.run(id, position, 'title', null, item.text, item.seconds);
        });
      }
    })();
    return this.get(id);
  }

  delete(id: number): Montage {
    const montage = this.get(id);
    this.db.prepare('DELETE FROM montages WHERE id = ?').run(id);
    return montage;
  }

  private checkItems(projectId: number, items: MontageItem[]): void {
    const clipProject = this.db.prepare('SELECT r.project_id FROM clips c JOIN recordings r ON r.id = c.recording_id WHERE c.id = ?');
    items.forEach((item, index) => {
      if (item.kind !== 'clip') return;
      const row = clipProject.get(item.clipId) as { project_id: number } | undefined;
      if (!row) throw new AppError('not-found', `Aucun extrait n’a le numéro ${item.clipId}.`, { field: `items.${index}.clipId` });
      if (row.project_id !== projectId) {
        throw new AppError('invalid-input', `L’extrait n° ${item.clipId} appartient à un autre projet.`, {
          field: `items.${index}.clipId`,
        });
      }
    });
  }

  private toMontage(row: MontageRow): Montage {
    const items = (
      this.db
        .prepare('SELECT kind, clip_id, title_text, title_seconds FROM montage_items WHERE montage_id = ? ORDER BY position')
        .all(row.id) as ItemRow[]
    ).map((item): MontageItem =>
      item.kind === 'clip'
        ? { kind: 'clip', clipId: item.clip_id! }
        : { kind: 'title', text: item.title_text!, seconds: item.title_seconds! },
    );
    return {
      id: row.id,
      projectId: row.project_id,
      name: row.name,
      preset: row.preset,
      fadeSeconds: row.fade_seconds,
      normaliseAudio: row.normalise_audio === 1,
      lowerThirds: row.lower_thirds === 1,
      burnSubtitles: row.burn_subtitles === 1,
      replaceVoices: row.replace_voices === 1,
      items,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
    };
  }
}
