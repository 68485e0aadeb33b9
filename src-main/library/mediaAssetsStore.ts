/**
 * The registry of files the library owns. Media are served by asset id (custom
 * protocol in Electron, /media route in browser mode); the row's relative path is
 * resolved inside the library folder only.
 */
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../src-shared/appError';
import type { SqliteDatabase } from './database';
import { resolveExistingInside, resolveInside } from '../platform/pathInside';
import { writeFileAtomic } from '../platform/atomicFile';

export interface MediaAsset {
  id: number;
  kind: string;
  relativePath: string;
  mimeType: string;
  sizeBytes: number;
  createdAt: string;
}

interface MediaAssetRow {
  id: number;
  kind: string;
  relative_path: string;
  mime_type: string;
  size_bytes: number;
  created_at: string;
}

export interface ResolvedMedia {
  asset: MediaAsset;
  absolutePath: string;
}

export class MediaAssetsStore {
  constructor(
    private readonly db: SqliteDatabase,
    private readonly libraryDir: string,
    private readonly now: () => string,
  ) {}

  /** Records a file that already sits inside the library. */
  register(input: { kind: string; relativePath: string; mimeType: string }): MediaAsset {
    const absolutePath = resolveInside(this.libraryDir, input.relativePath);
    const size = fs.statSync(absolutePath).size;
    const result = this.db
      .prepare('INSERT INTO media_assets (kind, relative_path, mime_type, size_bytes, created_at) VALUES (?, ?, ?, ?, ?)')
      .run(input.kind, input.relativePath, input.mimeType, size, this.now());
    return this.get(Number(result.lastInsertRowid));
  }

  /** Writes a file into the library (temp name, fsync, rename: never half-written) and registers it. */
  store(input: { kind: string; relativePath: string; mimeType: string; data: Uint8Array }): MediaAsset {
    const absolutePath = resolveInside(this.libraryDir, input.relativePath);
    fs.mkdirSync(path.dirname(absolutePath), { recursive: true });
    writeFileAtomic(absolutePath, input.data);
    try {
      return this.register(input);
    } catch (error) {
      fs.rmSync(absolutePath, { force: true });
      throw error;
    }
  }

  /**
   * Removes asset rows (by id, or every file under a library folder) and returns their
   * absolute paths, for the caller to delete once its transaction has committed.
   */
  forgetRows(ids: readonly number[]): string[] {
    const files: string[] = [];
    for (const id of ids) {
      const row = this.db.prepare('SELECT relative_path FROM media_assets WHERE id = ?').get(id) as { relative_path: string } | undefined;
      if (!row) continue;
      files.push(resolveInside(this.libraryDir, row.relative_path));
      this.db.prepare('DELETE FROM media_assets WHERE id = ?').run(id);
    }
    return files;
  }

  forgetUnder(relativeFolder: string): string[] {
    const ids = (
      this.db.prepare("SELECT id FROM media_assets WHERE relative_path LIKE ? || '/%'").all(relativeFolder) as Array<{ id: number }>
    ).map((row) => row.id);
    return this.forgetRows(ids);
  }

  get(id: number): MediaAsset {
    const row = this.db.prepare('SELECT * FROM media_assets WHERE id = ?').get(id) as MediaAssetRow | undefined;
    if (!row) throw new AppError('not-found', `Aucun média n’a le numéro ${id}.`, { field: 'id' });
    return {
      id: row.id,
      kind: row.kind,
      relativePath: row.relative_path,
      mimeType: row.mime_type,
      sizeBytes: row.size_bytes,
      createdAt: row.created_at,
    };
  }

  /** The file to stream for an asset id, contained in the library and present on disk. */
  resolve(id: number): ResolvedMedia {
    const asset = this.get(id);
    const absolutePath = resolveInside(this.libraryDir, asset.relativePath);
    if (!fs.existsSync(absolutePath)) {
      throw new AppError('not-found', `Le fichier du média n° ${id} n’est plus dans le dossier de la bibliothèque.`, {
        hint: 'Il a peut-être été déplacé ou supprimé à la main : restaurez la bibliothèque depuis une sauvegarde.',
      });
    }
    // checked by real path too: a symlink placed in the library cannot make /media or media:// read outside it
    resolveExistingInside(this.libraryDir, asset.relativePath);
    return { asset, absolutePath };
  }
}
