/**
 * Recordings (camera takes and imported videos), the people who appear in them, and
 * the markers dropped while filming. Rows only: files are handled by the capture service.
 */
import { AppError } from '../../src-shared/appError';
import type { Marker, PersonRecording, Recording, RecordingKind } from '../../src-shared/contract/schemas';
import type { SqliteDatabase } from './database';

interface RecordingRow {
  id: number;
  project_id: number;
  session_id: number | null;
  kind: RecordingKind;
  title: string;
  source: Recording['source'];
  status: Recording['status'];
  folder: string;
  capture_mime_type: string;
  capture_bytes: number;
  capture_next_seq: number;
  duration_seconds: number | null;
  width: number | null;
  height: number | null;
  has_video: number;
  has_audio: number;
  master_asset_id: number | null;
  poster_asset_id: number | null;
  filmstrip_asset_id: number | null;
  filmstrip_frames: number;
  waveform_asset_id: number | null;
  recovered: number;
  failure: string | null;
  needs_review: string | null;
  recorded_at: string;
  import_warning: string | null;
  review_resolution?: 'confirmed-absent' | 'cut-out' | null;
}

/** What the capture service needs beyond the public shape. */
export interface RecordingInternals {
  folder: string;
  captureMimeType: string;
  captureNextSeq: number;
}

export interface NewRecording {
  projectId: number;
  sessionId: number | null;
  kind: RecordingKind;
  title: string;
  source: Recording['source'];
  status: Recording['status'];
  folder: string;
  captureMimeType: string;
  people: Array<{ personId: number; part?: string }>;
}

export interface FinalisedMedia {
  durationSeconds: number | null;
  width: number | null;
  height: number | null;
  hasVideo: boolean;
  hasAudio: boolean;
  masterAssetId: number;
  posterAssetId: number | null;
  filmstripAssetId: number | null;
  filmstripFrames: number;
  waveformAssetId: number | null;
  /** French sentences saying what the import could not keep as it was; null when all was kept. */
  importWarning?: string | null;
}

export class RecordingsStore {
  constructor(
    private readonly db: SqliteDatabase,
    private readonly now: () => string,
  ) {}

  private peopleOf(ids: number[]): Map<number, Recording['people']> {
    const byRecording = new Map<number, Recording['people']>();
    if (ids.length === 0) return byRecording;
    const rows = this.db
      .prepare(
        `SELECT rp.recording_id, rp.person_id, rp.part, p.display_name, p.role
         FROM recording_people rp JOIN people p ON p.id = rp.person_id
         WHERE rp.recording_id IN (SELECT value FROM json_each(?)) ORDER BY p.display_name COLLATE NOCASE`,
      )
      .all(JSON.stringify(ids)) as Array<{
      recording_id: number;
      person_id: number;
      part: string;
      display_name: string;
      role: Recording['people'][number]['role'];
    }>;
    for (const row of rows) {
      const list = byRecording.get(row.recording_id) ?? [];
      list.push({ personId: row.person_id, displayName: row.display_name, role: row.role, part: row.part });
      byRecording.set(row.recording_id, list);
    }
    return byRecording;
  }

  private markersOf(ids: number[]): Map<number, Marker[]> {
    const byRecording = new Map<number, Marker[]>();
    if (ids.length === 0) return byRecording;
    const rows = this.db
      .prepare('SELECT * FROM markers WHERE recording_id IN (SELECT value FROM json_each(?)) ORDER BY at_seconds, id')
      .all(JSON.stringify(ids)) as Array<{ id: number; recording_id: number; at_seconds: number; tag: string; created_at: string }>;
    for (const row of rows) {
      const list = byRecording.get(row.recording_id) ?? [];
      list.push({ id: row.id, recordingId: row.recording_id, atSeconds: row.at_seconds, tag: row.tag, createdAt: row.created_at });
      byRecording.set(row.recording_id, list);
    }
    return byRecording;
  }

  private toRecordings(rows: RecordingRow[]): Recording[] {
    const ids = rows.map((row) => row.id);
    const people = this.peopleOf(ids);
    const markers = this.markersOf(ids);
    const kept = this.keptRangesOf(rows.filter((row) => row.review_resolution === 'cut-out').map((row) => row.id));
    return rows.map((row) => ({
      id: row.id,
      projectId: row.project_id,
      sessionId: row.session_id,
      kind: row.kind,
      title: row.title,
      source: row.source,
      status: row.status,
      durationSeconds: row.duration_seconds,
      width: row.width,
      height: row.height,
      hasVideo: row.has_video === 1,
      hasAudio: row.has_audio === 1,
      captureBytes: row.capture_bytes,
      masterAssetId: row.master_asset_id,
      posterAssetId: row.poster_asset_id,
      filmstripAssetId: row.filmstrip_asset_id,
      filmstripFrames: row.filmstrip_frames,
      waveformAssetId: row.waveform_asset_id,
      recovered: row.recovered === 1,
      failure: row.failure,
      needsReview: row.needs_review,
      recordedAt: row.recorded_at,
      people: people.get(row.id) ?? [],
      markers: markers.get(row.id) ?? [],
      importWarning: row.import_warning ?? null,
      // only on recordings resolved after an erasure, so every other recording keeps its shape
      ...(row.review_resolution ? { reviewResolution: row.review_resolution, keptRanges: kept.get(row.id) ?? [] } : {}),
    }));
  }

  /** After "cut out" (schema 18): the ranges of each recording that may still leave the library. */
  private keptRangesOf(ids: number[]): Map<number, Array<{ fromSeconds: number; toSeconds: number; clipId: number | null }>> {
    const byRecording = new Map<number, Array<{ fromSeconds: number; toSeconds: number; clipId: number | null }>>();
    if (ids.length === 0) return byRecording;
    const rows = this.db
      .prepare(
        'SELECT recording_id, in_seconds, out_seconds, clip_id FROM recording_kept_ranges WHERE recording_id IN (SELECT value FROM json_each(?)) ORDER BY in_seconds, id',
      )
      .all(JSON.stringify(ids)) as Array<{ recording_id: number; in_seconds: number; out_seconds: number; clip_id: number | null }>;
    for (const row of rows) {
      const list = byRecording.get(row.recording_id) ?? [];
      list.push({ fromSeconds: row.in_seconds, toSeconds: row.out_seconds, clipId: row.clip_id });
      byRecording.set(row.recording_id, list);
    }
    return byRecording;
  }

  private row(id: number, field = 'recordingId'): RecordingRow {
    const row = this.db.prepare('SELECT * FROM recordings WHERE id = ?').get(id) as RecordingRow | undefined;
    if (!row)
      throw new AppError('not-found', `Aucun enregistrement n’a le numéro ${id}.`, {
        field,
        hint: 'Listez les enregistrements pour voir les numéros existants.',
      });
    return row;
  }

  get(id: number, field?: string): Recording {
    return this.toRecordings([this.row(id, field)])[0]!;
  }

  internals(id: number): RecordingInternals & { status: Recording['status']; source: Recording['source'] } {
    const row = this.row(id);
    return {
      folder: row.folder,
      captureMimeType: row.capture_mime_type,
      captureNextSeq: row.capture_next_seq,
      status: row.status,
      source: row.source,
    };
  }

  list(filter: { projectId?: number; sessionId?: number }): Recording[] {
    const where: string[] = [];
    const params: number[] = [];
    if (filter.projectId !== undefined) {
      where.push('project_id = ?');
      params.push(filter.projectId);
    }
    if (filter.sessionId !== undefined) {
      where.push('session_id = ?');
      params.push(filter.sessionId);
    }
    const sql = `SELECT * FROM recordings ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY recorded_at DESC, id DESC`;
    return this.toRecordings(this.db.prepare(sql).all(...params) as RecordingRow[]);
  }

  /** Recordings interrupted by a crash: still capturing or finalising. */
  listUnfinished(): Array<{ id: number; folder: string; source: Recording['source']; status: Recording['status'] }> {
    return this.db
      .prepare("SELECT id, folder, source, status FROM recordings WHERE status IN ('capturing', 'finalising') ORDER BY id")
      .all() as Array<{
      id: number;
      folder: string;
      source: Recording['source'];
      status: Recording['status'];
    }>;
  }

  private assertPeopleBelong(projectId: number, people: Array<{ personId: number }>): void {
    for (const { personId } of people) {
      const row = this.db.prepare('SELECT project_id FROM people WHERE id = ?').get(personId) as { project_id: number } | undefined;
      if (!row || row.project_id !== projectId) {
        throw new AppError('invalid-input', `La personne n° ${personId} ne fait pas partie du projet de cet enregistrement.`, {
          field: 'people',
          hint: 'Ajoutez-la d’abord aux personnes du projet.',
        });
      }
    }
  }

  private replacePeople(recordingId: number, people: Array<{ personId: number; part?: string }>): void {
    this.db.prepare('DELETE FROM recording_people WHERE recording_id = ?').run(recordingId);
    const insert = this.db.prepare('INSERT INTO recording_people (recording_id, person_id, part) VALUES (?, ?, ?)');
    for (const person of people) insert.run(recordingId, person.personId, person.part ?? '');
  }

  create(input: NewRecording): Recording {
    return this.db.transaction(() => {
      this.assertPeopleBelong(input.projectId, input.people);
      const at = this.now();
      const result = this.db
        .prepare(
          `INSERT INTO recordings (project_id, session_id, kind, title, source, status, folder, capture_mime_type, recorded_at, created_at, updated_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          input.projectId,
          input.sessionId,
          input.kind,
          input.title,
          input.source,
          input.status,
          input.folder,
          input.captureMimeType,
          at,
          at,
          at,
        );
      const id = Number(result.lastInsertRowid);
      this.replacePeople(id, input.people);
      return this.get(id);
    })();
  }

  update(id: number, changes: { title?: string; kind?: RecordingKind; people?: Array<{ personId: number; part?: string }> }): Recording {
    return this.db.transaction(() => {
      const row = this.row(id);
      if (changes.people) {
        this.assertPeopleBelong(row.project_id, changes.people);
        this.replacePeople(id, changes.people);
      }
      this.db
        .prepare('UPDATE recordings SET title = ?, kind = ?, updated_at = ? WHERE id = ?')
        .run(changes.title ?? row.title, changes.kind ?? row.kind, this.now(), id);
      return this.get(id);
    })();
  }

  /** Links one person (or changes their part); the consent side audits it (consent/peopleChanges). */
  link(recordingId: number, personId: number, part: string): void {
    const row = this.row(recordingId);
    this.assertPeopleBelong(row.project_id, [{ personId }]);
    this.db
      .prepare(
        `INSERT INTO recording_people (recording_id, person_id, part) VALUES (?, ?, ?)
         ON CONFLICT (recording_id, person_id) DO UPDATE SET part = excluded.part`,
      )
      .run(recordingId, personId, part);
    this.db.prepare('UPDATE recordings SET updated_at = ? WHERE id = ?').run(this.now(), recordingId);
  }

  unlink(recordingId: number, personId: number): boolean {
    const result = this.db.prepare('DELETE FROM recording_people WHERE recording_id = ? AND person_id = ?').run(recordingId, personId);
    if (result.changes) this.db.prepare('UPDATE recordings SET updated_at = ? WHERE id = ?').run(this.now(), recordingId);
    return result.changes > 0;
  }

  /** The recordings a person is linked to, with their session's day and their part, by day then id. */
  appearancesOf(personId: number): PersonRecording[] {
    const rows = this.db
      .prepare(
        `SELECT r.id AS recordingId, r.title, r.kind, r.status, r.duration_seconds AS durationSeconds,
                r.session_id AS sessionId, s.date AS sessionDate, rp.part
         FROM recording_people rp JOIN recordings r ON r.id = rp.recording_id LEFT JOIN sessions s ON s.id = r.session_id
         WHERE rp.person_id = ? ORDER BY s.date IS NULL, s.date, r.id`,
      )
      .all(personId) as PersonRecording[];
    return rows;
  }

  /** The recordings a person is linked to. */
  linkedTo(personId: number): number[] {
    return (
      this.db.prepare('SELECT recording_id FROM recording_people WHERE person_id = ? ORDER BY recording_id').all(personId) as Array<{
        recording_id: number;
      }>
    ).map((row) => row.recording_id);
  }

  recordChunk(id: number, bytes: number, nextSeq: number): void {
    this.db.prepare('UPDATE recordings SET capture_bytes = ?, capture_next_seq = ? WHERE id = ?').run(bytes, nextSeq, id);
  }

  setStatus(id: number, status: Recording['status'], failure: string | null = null): void {
    this.db.prepare('UPDATE recordings SET status = ?, failure = ?, updated_at = ? WHERE id = ?').run(status, failure, this.now(), id);
  }

  markRecovered(id: number): void {
    this.db.prepare('UPDATE recordings SET recovered = 1 WHERE id = ?').run(id);
  }

  setFinalised(id: number, media: FinalisedMedia): void {
    this.db
      .prepare(
        `UPDATE recordings SET status = 'ready', failure = NULL, duration_seconds = ?, width = ?, height = ?, has_video = ?, has_audio = ?,
           master_asset_id = ?, poster_asset_id = ?, filmstrip_asset_id = ?, filmstrip_frames = ?, waveform_asset_id = ?, import_warning = ?,
           updated_at = ?
         WHERE id = ?`,
      )
      .run(
        media.durationSeconds,
        media.width,
        media.height,
        media.hasVideo ? 1 : 0,
        media.hasAudio ? 1 : 0,
        media.masterAssetId,
        media.posterAssetId,
        media.filmstripAssetId,
        media.filmstripFrames,
        media.waveformAssetId,
        media.importWarning ?? null,
        this.now(),
        id,
      );
  }

  /** Deletes the row and its media asset rows; returns the folder to remove from disk. */
  delete(id: number): string {
    return this.db.transaction(() => {
      const row = this.row(id);
      this.db.prepare('DELETE FROM recordings WHERE id = ?').run(id);
      this.db.prepare("DELETE FROM media_assets WHERE relative_path LIKE ? || '/%'").run(row.folder);
      return row.folder;
    })();
  }

  /** The recordings a person is linked to, with how many people each has. */
  linksOf(personId: number): Array<{ recordingId: number; people: number }> {
    return this.db
      .prepare(
        `SELECT rp.recording_id AS recordingId, (SELECT count(*) FROM recording_people other WHERE other.recording_id = rp.recording_id) AS people
         FROM recording_people rp WHERE rp.person_id = ? ORDER BY rp.recording_id`,
      )
      .all(personId) as Array<{ recordingId: number; people: number }>;
  }

  /** Sets (or clears, with null) the note asking an animator to decide about a recording. */
  setNeedsReview(id: number, note: string | null): void {
    this.db.prepare('UPDATE recordings SET needs_review = ?, updated_at = ? WHERE id = ?').run(note, this.now(), id);
  }

  /** Erasure: the person's links to recordings (the recordings themselves are decided by the erasure). */
  forgetPerson(personId: number): number {
    return this.db.prepare('DELETE FROM recording_people WHERE person_id = ?').run(personId).changes;
  }

  addMarker(recordingId: number, atSeconds: number, tag: string): Marker {
    this.row(recordingId);
    const result = this.db
      .prepare('INSERT INTO markers (recording_id, at_seconds, tag, created_at) VALUES (?, ?, ?, ?)')
      .run(recordingId, atSeconds, tag, this.now());
    const row = this.db.prepare('SELECT * FROM markers WHERE id = ?').get(Number(result.lastInsertRowid)) as {
      id: number;
      recording_id: number;
      at_seconds: number;
      tag: string;
      created_at: string;
    };
    return { id: row.id, recordingId: row.recording_id, atSeconds: row.at_seconds, tag: row.tag, createdAt: row.created_at };
  }

  deleteMarker(id: number): number {
    const row = this.db.prepare('SELECT recording_id FROM markers WHERE id = ?').get(id) as { recording_id: number } | undefined;
    if (!row) throw new AppError('not-found', `Aucun repère n’a le numéro ${id}.`, { field: 'id' });
    this.db.prepare('DELETE FROM markers WHERE id = ?').run(id);
    return row.recording_id;
  }
}
