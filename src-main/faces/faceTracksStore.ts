/**
 * Face analyses and tracks of recordings, and whose face each track is. Rows only: the
 * analysis service fills them, the review screen assigns and merges, the render reads
 * them as plan data. A track's thumbnail is a face: it is forgotten with its person.
 */
import { AppError } from '../../src-shared/appError';
import type { SqliteDatabase } from '../library/database';
import type { FaceDetection } from './faceTracker';
import { mergeTracks } from './faceTracker';
import type { PlanFaceTracks } from './faceCoverage';

export type FaceAssignment = 'unreviewed' | 'person' | 'unknown';

export interface FaceTrackRecord {
  id: number;
  recordingId: number;
  firstSeconds: number;
  lastSeconds: number;
  assignment: FaceAssignment;
  personId: number | null;
  boxes: FaceDetection[];
  thumbnailJpeg: Buffer | null;
}

export interface FaceAnalysisRecord {
  recordingId: number;
  analysedAt: string;
  stepSeconds: number;
  analysisWidth: number;
  analysisHeight: number;
  detector: string;
}

interface TrackRow {
  id: number;
  recording_id: number;
  boxes_json: string;
  first_seconds: number;
  last_seconds: number;
  assignment: FaceAssignment;
  person_id: number | null;
  thumbnail_jpeg: Buffer | null;
}

function toRecord(row: TrackRow): FaceTrackRecord {
  // a person's track whose person is gone is looked at again
  const assignment = row.assignment === 'person' && row.person_id === null ? 'unreviewed' : row.assignment;
  return {
    id: row.id,
    recordingId: row.recording_id,
    firstSeconds: row.first_seconds,
    lastSeconds: row.last_seconds,
    assignment,
    personId: assignment === 'person' ? row.person_id : null,
    boxes: JSON.parse(row.boxes_json) as FaceDetection[],
    thumbnailJpeg: row.thumbnail_jpeg,
  };
}

export class FaceTracksStore {
  constructor(private readonly db: SqliteDatabase) {}

  analysis(recordingId: number): FaceAnalysisRecord | null {
    const row = this.db.prepare('SELECT * FROM face_analyses WHERE recording_id = ?').get(recordingId) as
      | {
          recording_id: number;
          analysed_at: string;
          step_seconds: number;
          analysis_width: number;
          analysis_height: number;
          detector: string;
        }
      | undefined;
    return row
      ? {
          recordingId: row.recording_id,
          analysedAt: row.analysed_at,
          stepSeconds: row.step_seconds,
          analysisWidth: row.analysis_width,
          analysisHeight: row.analysis_height,
          detector: row.detector,
        }
      : null;
  }

  /** Replaces a recording's analysis and tracks in one transaction (a new analysis forgets the old assignments). */
  replace(analysis: FaceAnalysisRecord, tracks: ReadonlyArray<{ boxes: FaceDetection[]; thumbnailJpeg: Buffer | null }>): number[] {
    return this.db.transaction(() => {
      this.db.prepare('DELETE FROM face_analyses WHERE recording_id = ?').run(analysis.recordingId);
      this.db
        .prepare(
          'INSERT INTO face_analyses (recording_id, analysed_at, step_seconds, analysis_width, analysis_height, detector) VALUES (?, ?, ?, ?, ?, ?)',
        )
        .run(
          analysis.recordingId,
          analysis.analysedAt,
          analysis.stepSeconds,
          analysis.analysisWidth,
          analysis.analysisHeight,
          analysis.detector,
        );
      const insert = this.db.prepare(
        'INSERT INTO face_tracks (recording_id, boxes_json, first_seconds, last_seconds, thumbnail_jpeg) VALUES (?, ?, ?, ?, ?)',
      );
      return tracks
        .filter((track) => track.boxes.length > 0)
        .map((track) =>
          Number(
            insert.run(
              analysis.recordingId,
              JSON.stringify(track.boxes),
              track.boxes[0]!.t,
              track.boxes[track.boxes.length - 1]!.t,
              track.thumbnailJpeg,
            ).lastInsertRowid,
          ),
        );
    })();
  }

  tracks(recordingId: number): FaceTrackRecord[] {
    return (
      this.db.prepare('SELECT * FROM face_tracks WHERE recording_id = ? ORDER BY first_seconds, id').all(recordingId) as TrackRow[]
    ).map(toRecord);
  }

  track(trackId: number, field = 'trackId'): FaceTrackRecord {
    const row = this.db.prepare('SELECT * FROM face_tracks WHERE id = ?').get(trackId) as TrackRow | undefined;
    if (!row)
      throw new AppError('not-found', `Piste de visage ${trackId} introuvable.`, { field, hint: 'Relancez l’analyse des visages.' });
    return toRecord(row);
  }

  assign(trackId: number, assignment: FaceAssignment, personId: number | null): FaceTrackRecord {
    this.track(trackId);
    this.db
      .prepare('UPDATE face_tracks SET assignment = ?, person_id = ? WHERE id = ?')
      .run(assignment, assignment === 'person' ? personId : null, trackId);
    return this.track(trackId);
  }

  /** Joins tracks of one recording into the first (merged by hand: no recognition); the others go. */
  merge(trackIds: readonly number[]): FaceTrackRecord {
    return this.db.transaction(() => {
      const tracks = trackIds.map((id) => this.track(id, 'trackIds'));
      const into = tracks[0]!;
      if (tracks.some((track) => track.recordingId !== into.recordingId)) {
        throw new AppError('invalid-input', 'Ces pistes viennent de vidéos différentes.', {
          field: 'trackIds',
          hint: 'Réunissez seulement les pistes d’une même vidéo.',
        });
      }
      const merged = mergeTracks(tracks);
      const assigned = tracks.find((track) => track.assignment === 'person') ?? tracks.find((track) => track.assignment === 'unknown');
      this.db
        .prepare('UPDATE face_tracks SET boxes_json = ?, first_seconds = ?, last_seconds = ?, assignment = ?, person_id = ? WHERE id = ?')
        .run(
          JSON.stringify(merged.boxes),
          merged.boxes[0]!.t,
          merged.boxes[merged.boxes.length - 1]!.t,
          assigned?.assignment ?? 'unreviewed',
          assigned?.personId ?? null,
          into.id,
        );
      const drop = this.db.prepare('DELETE FROM face_tracks WHERE id = ?');
      for (const track of tracks.slice(1)) drop.run(track.id);
      return this.track(into.id);
    })();
  }

  /** What the render plan needs: null when the recording was never analysed. */
  forPlan(recordingId: number): PlanFaceTracks | null {
    const analysis = this.analysis(recordingId);
    if (!analysis) return null;
    return {
      step: analysis.stepSeconds,
      tracks: this.tracks(recordingId).map((track) => ({
        trackId: track.id,
        personId: track.personId,
        reviewed: track.assignment !== 'unreviewed',
        boxes: track.boxes,
      })),
    };
  }

  /** Erasure: their tracks lose their owner and their picture, and are looked at again. */
  forgetPerson(personId: number): number {
    return this.db
      .prepare("UPDATE face_tracks SET person_id = NULL, assignment = 'unreviewed', thumbnail_jpeg = NULL WHERE person_id = ?")
      .run(personId).changes;
  }
}
