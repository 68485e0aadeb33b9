/**
 * Which recordings an export was made from. Exports record them in their spec
 * (`recordingIds`); for older ones the ids are worked out from what was asked (a clip, a
 * range, a montage, a pack's clips and montages), erring towards more recordings, since
 * the answer decides which exports a newly linked person may have appeared in.
 */
import type { SqliteDatabase } from '../library/database';

interface StoredSpec {
  recordingIds?: number[];
  recordingId?: number;
  target?: { kind: 'clip'; clipId: number } | { kind: 'range'; recordingId: number } | { kind: 'montage'; montageId: number };
  spec?: { projectId: number; clipIds?: number[]; montageIds?: number[] };
}

export function exportRecordingIds(db: SqliteDatabase, row: { spec: string; project_id: number }): number[] {
  const spec = JSON.parse(row.spec) as StoredSpec;
  if (Array.isArray(spec.recordingIds)) return spec.recordingIds;
  if (typeof spec.recordingId === 'number') return [spec.recordingId];
  const column = (sql: string, ...params: unknown[]) => (db.prepare(sql).all(...params) as Array<{ id: number }>).map((entry) => entry.id);
  const ofMontage = 'SELECT c.recording_id AS id FROM montage_items mi JOIN clips c ON c.id = mi.clip_id WHERE mi.montage_id = ?';
  if (spec.target?.kind === 'range') return [spec.target.recordingId];
  if (spec.target?.kind === 'clip') return column('SELECT recording_id AS id FROM clips WHERE id = ?', spec.target.clipId);
  if (spec.target?.kind === 'montage') return [...new Set(column(ofMontage, spec.target.montageId))];
  if (spec.spec) {
    const clips = spec.spec.clipIds
      ? spec.spec.clipIds.flatMap((id) => column('SELECT recording_id AS id FROM clips WHERE id = ?', id))
      : column(
          'SELECT c.recording_id AS id FROM clips c JOIN recordings r ON r.id = c.recording_id WHERE r.project_id = ?',
          row.project_id,
        );
    const montages = spec.spec.montageIds
      ? spec.spec.montageIds.flatMap((id) => column(ofMontage, id))
      : column(
          'SELECT c.recording_id AS id FROM montage_items mi JOIN clips c ON c.id = mi.clip_id JOIN montages m ON m.id = mi.montage_id WHERE m.project_id = ?',
          row.project_id,
        );
    return [...new Set([...clips, ...montages])];
  }
  return [];
}
