/**
 * Clips: named, tagged ranges of a recording (frame-accurate in/out in seconds), with
 * the person speaking (for lower thirds) and the region to pixelate when a consent asks
 * for a blurred face. Checks that a clip lies inside its recording and that the speaker
 * is one of the recording's people. A clip shows everyone linked to its recording, less
 * those a confirmed narrowing leaves out (see editing/clipPeople).
 */
import { AppError } from '../../src-shared/appError';
import { definedOnly } from '../platform/definedOnly';
import type { SqliteDatabase } from '../library/database';
import type { Clip, BlurBox, FaceCheck } from '../../src-shared/contract/schemas/editing';

interface ClipRow {
  id: number;
  recording_id: number;
  project_id: number;
  name: string;
  in_seconds: number;
  out_seconds: number;
  tags: string;
  speaker_person_id: number | null;
  blur_box: string | null;
  created_at: string;
  updated_at: string;
  excluded: string;
  people_confirmed_at: string | null;
  face_check: string | null;
}

export interface ClipFields {
  name: string;
  inSeconds: number;
  outSeconds: number;
  tags: string[];
  speakerPersonId: number | null;
  blurBox: BlurBox | null;
}

const SELECT = `SELECT c.*, r.project_id,
  (SELECT json_group_array(person_id) FROM (SELECT person_id FROM clip_excluded_people WHERE clip_id = c.id ORDER BY person_id)) AS excluded,
  (SELECT max(confirmed_at) FROM clip_excluded_people WHERE clip_id = c.id) AS people_confirmed_at,
    (SELECT json_object('blurBox', json(f.blur_box), 'inSeconds', f.in_seconds, 'outSeconds', f.out_seconds,
       'stillSeconds', json(f.still_seconds), 'confirmedBy', f.confirmed_by, 'confirmedAt', f.confirmed_at)
     FROM clip_face_checks f WHERE f.clip_id = c.id) AS face_check
  FROM clips c JOIN recordings r ON r.id = c.recording_id`;

function toClip(row: ClipRow): Clip {
  return {
    id: row.id,
    recordingId: row.recording_id,
    projectId: row.project_id,
    name: row.name,
    inSeconds: row.in_seconds,
    outSeconds: row.out_seconds,
    tags: JSON.parse(row.tags) as string[],
    speakerPersonId: row.speaker_person_id,
    blurBox: row.blur_box ? (JSON.parse(row.blur_box) as BlurBox) : null,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    excludedPersonIds: JSON.parse(row.excluded) as number[],
    peopleConfirmedAt: row.people_confirmed_at,
    faceCheck: row.face_check ? (JSON.parse(row.face_check) as FaceCheck) : null,
  };
}

export class ClipsStore {
  constructor(
    private readonly db: SqliteDatabase,
    private readonly now: () => string,
  ) {}

  get(id: number, field = 'id'): Clip {
    const row = this.db.prepare(`${SELECT} WHERE c.id = ?`).get(id) as ClipRow | undefined;
    if (!row) throw new AppError('not-found', `Aucun extrait n’a le numéro ${id}.`, { field });
    return toClip(row);
  }

  listByRecording(recordingId: number): Clip[] {
    return (this.db.prepare(`${SELECT} WHERE c.recording_id = ? ORDER BY c.in_seconds, c.id`).all(recordingId) as ClipRow[]).map(toClip);
  }

  listByProject(projectId: number): Clip[] {
    return (
      this.db.prepare(`${SELECT} WHERE r.project_id = ? ORDER BY r.recorded_at, r.id, c.in_seconds, c.id`).all(projectId) as ClipRow[]
    ).map(toClip);
  }

  create(recordingId: number, fields: ClipFields): Clip {
    this.checkFields(recordingId, fields);
    const at = this.now();
    const result = this.db
      .prepare(
        `INSERT INTO clips (recording_id, name, in_seconds, out_seconds, tags, speaker_person_id, blur_box, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        recordingId,
        fields.name,
        fields.inSeconds,
        fields.outSeconds,
        JSON.stringify(fields.tags),
        fields.speakerPersonId,
        fields.blurBox ? JSON.stringify(fields.blurBox) : null,
        at,
        at,
      );
    return this.get(Number(result.lastInsertRowid));
  }

  update(id: number, changes: Partial<ClipFields>): Clip {
    const current = this.get(id);
    const next: ClipFields = { ...current, ...definedOnly(changes) };
    this.checkFields(current.recordingId, next);
    const sameRegion = JSON.stringify(next.blurBox) === JSON.stringify(current.blurBox);
    const sameRange = next.inSeconds === current.inSeconds && next.outSeconds === current.outSeconds;
    // a confirmation holds for the region and range that were looked at, no other
    this.db.transaction(() => {
      if (!sameRegion || !sameRange) this.db.prepare('DELETE FROM clip_face_checks WHERE clip_id = ?').run(id);
      this.db
        .prepare(
          'UPDATE clips SET name = ?, in_seconds = ?, out_seconds = ?, tags = ?, speaker_person_id = ?, blur_box = ?, updated_at = ? WHERE id = ?',
        )
        .run(
          next.name,
          next.inSeconds,
          next.outSeconds,
          JSON.stringify(next.tags),
          next.speakerPersonId,
          next.blurBox ? JSON.stringify(next.blurBox) : null,
          this.now(),
          id,
        );
    })();
    return this.get(id);
  }

  /** Records that the animator saw the region cover the face on these stills of the clip's range. */
  confirmFaceRegion(id: number, check: Omit<FaceCheck, 'confirmedAt'>): Clip {
    this.db
      .prepare(
        `INSERT INTO clip_face_checks (clip_id, blur_box, in_seconds, out_seconds, still_seconds, confirmed_by, confirmed_at)
         VALUES (?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (clip_id) DO UPDATE SET blur_box = excluded.blur_box, in_seconds = excluded.in_seconds,
           out_seconds = excluded.out_seconds, still_seconds = excluded.still_seconds, confirmed_by = excluded.confirmed_by,
           confirmed_at = excluded.confirmed_at`,
      )
      .run(
        id,
        JSON.stringify(check.blurBox),
        check.inSeconds,
        check.outSeconds,
        JSON.stringify(check.stillSeconds),
        check.confirmedBy,
        this.now(),
      );
    return this.get(id);
  }

  /** Erasure: clips where they spoke lose their speaker (no lower third names them). */
  forgetPerson(personId: number): number {
    const speakers = this.db.prepare('UPDATE clips SET speaker_person_id = NULL WHERE speaker_person_id = ?').run(personId).changes;
    // a narrowing that left them out of a clip goes too (they are no longer anyone's to leave out)
    return speakers + this.db.prepare('DELETE FROM clip_excluded_people WHERE person_id = ?').run(personId).changes;
  }

  delete(id: number): Clip {
    const clip = this.get(id);
    this.db.prepare('DELETE FROM clips WHERE id = ?').run(id);
    return clip;
  }

  /** Replaces who a confirmed narrowing leaves out of the clip (empty: everyone linked appears). */
  setExcluded(clipId: number, personIds: readonly number[], confirmedBy: string): void {
    const at = this.now();
    this.db.prepare('DELETE FROM clip_excluded_people WHERE clip_id = ?').run(clipId);
    const insert = this.db.prepare('INSERT INTO clip_excluded_people (clip_id, person_id, confirmed_at, confirmed_by) VALUES (?, ?, ?, ?)');
    for (const personId of personIds) insert.run(clipId, personId, at, confirmedBy);
    this.db.prepare('UPDATE clips SET updated_at = ? WHERE id = ?').run(at, clipId);
  }

  /** A person unlinked from a recording leaves its clips' narrowings: linked again, they appear again. */
  forgetExclusions(recordingId: number, personId: number): void {
    this.db
      .prepare('DELETE FROM clip_excluded_people WHERE person_id = ? AND clip_id IN (SELECT id FROM clips WHERE recording_id = ?)')
      .run(personId, recordingId);
  }

  private checkFields(recordingId: number, fields: ClipFields): void {
    const recording = this.db.prepare('SELECT duration_seconds, status FROM recordings WHERE id = ?').get(recordingId) as
      { duration_seconds: number | null; status: string } | undefined;
    if (!recording) throw new AppError('not-found', `Aucun enregistrement n’a le numéro ${recordingId}.`, { field: 'recordingId' });
    if (recording.status !== 'ready' || recording.duration_seconds === null) {
      throw new AppError('conflict', 'Cet enregistrement n’est pas encore prêt : un extrait se fait sur sa vidéo terminée.', {
        field: 'recordingId',
      });
    }
    if (fields.outSeconds <= fields.inSeconds) {
      throw new AppError('invalid-input', 'L’extrait finit avant de commencer : placez la fin (O) après le début (I).', {
        field: 'outSeconds',
      });
    }
    // a few ms of slack: players report the end as the last frame's time rounded up
    if (fields.outSeconds > recording.duration_seconds + 0.05) {
      throw new AppError(
        'invalid-input',
        `L’extrait finit à ${fields.outSeconds.toFixed(3)} s mais l’enregistrement ne dure que ${recording.duration_seconds.toFixed(3)} s.`,
        { field: 'outSeconds' },
      );
    }
    if (fields.speakerPersonId !== null) {
      const linked = this.db
        .prepare('SELECT 1 FROM recording_people WHERE recording_id = ? AND person_id = ?')
        .get(recordingId, fields.speakerPersonId);
      if (!linked) {
        throw new AppError('invalid-input', 'La personne qui parle doit être une des personnes filmées dans cet enregistrement.', {
          field: 'speakerPersonId',
        });
      }
    }
  }
}
