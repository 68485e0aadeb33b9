/**
 * After an erasure, a recording that showed the erased person with others is "à revoir":
 * nothing of it may leave the library until an animator decides. Three ways out, each
 * logged in the consent audit with ids and counts only (the erased person's name is gone):
 * - cut-out: the animator gives the ranges where the person is not on screen; each becomes
 *   a clip, and these ranges are the only parts any export may take (the render plan
 *   refuses everything else). A second erasure can only narrow them.
 * - confirmed-absent: the person is not in it after all; needs who confirms and why.
 * - deleted: the recording goes, files and rows, through the usual deletion.
 */
import { AppError } from '../../src-shared/appError';
import type { Recording } from '../../src-shared/contract/schemas';
import type { Library } from '../library/library';
import type { ConsentStore } from '../consent/consentStore';
import type { ClipsStore } from '../editing/clipsStore';
import type { ApiEventBus } from '../platform/eventBus';
import { formatTimecode } from '../../src-shared/time';
import { insideKeptRanges, KEPT_RANGE_TOLERANCE, type KeptRange } from '../editing/keptRanges';

export type ReviewResolution = 'confirmed-absent' | 'deleted' | 'cut-out';

export interface ResolveReviewInput {
  recordingId: number;
  resolution: ReviewResolution;
  actor?: string;
  reason?: string;
  keep?: readonly KeptRange[];
}

export interface ReviewResolutionDeps {
  library: Library;
  consent: ConsentStore;
  clips: ClipsStore;
  events: ApiEventBus;
  deleteRecording: (recordingId: number) => void;
  /** Makes the database file forget what the deletion removed (the erasure's checkpoint). */
  finish: () => Promise<unknown>;
}

/** A clip range sits inside a kept range (to the millisecond: clip times are stored as given). */

/** The kept ranges sorted; refuses overlaps and ranges past the end of the recording. */
function checkedRanges(keep: readonly KeptRange[] | undefined, recording: Recording, earlier: readonly KeptRange[]): KeptRange[] {
  if (!keep || keep.length === 0) {
    throw new AppError('invalid-input', 'Indiquez au moins un passage où la personne effacée n’apparaît pas.', {
      field: 'keep',
      hint: 'Donnez le début et la fin de chaque passage à garder (CLI : --keep 00:00:05-00:00:40).',
    });
  }
  const sorted = [...keep].sort((a, b) => a.fromSeconds - b.fromSeconds);
  const duration = recording.durationSeconds ?? Infinity;
  sorted.forEach((range, index) => {
    if (range.toSeconds > duration + KEPT_RANGE_TOLERANCE) {
      throw new AppError('invalid-input', `Le passage n° ${index + 1} finit après la fin de la vidéo (${formatTimecode(duration)}).`, {
        field: `keep.${index}`,
      });
    }
    const next = sorted[index + 1];
    if (next && next.fromSeconds < range.toSeconds - KEPT_RANGE_TOLERANCE) {
      throw new AppError('invalid-input', 'Deux passages à garder se chevauchent : réunissez-les en un seul.', {
        field: `keep.${index + 1}`,
      });
    }
    // after a second erasure, what was cut out before stays out
    if (!insideKeptRanges(earlier, range.fromSeconds, range.toSeconds)) {
      throw new AppError('invalid-input', `Le passage n° ${index + 1} reprend une partie déjà coupée lors d’un effacement précédent.`, {
        field: `keep.${index}`,
        hint: 'Choisissez des passages à l’intérieur des parties déjà gardées.',
      });
    }
  });
  return sorted;
}

export async function resolveReview(
  deps: ReviewResolutionDeps,
  input: ResolveReviewInput,
): Promise<{ recordingId: number; resolution: ReviewResolution; clipIds?: number[] }> {
  const { library } = deps;
  const { recordingId, resolution, actor, reason } = input;
  const recording = library.recordings.get(recordingId, 'recordingId');
  if (recording.needsReview === null) {
    throw new AppError('conflict', `L’enregistrement « ${recording.title} » n’attend aucune décision après un effacement.`, {
      field: 'recordingId',
    });
  }
  if (recording.status === 'finalising') {
    throw new AppError('conflict', 'Cet enregistrement est encore en préparation : la décision attendra.', {
      hint: 'Attendez la fin de la barre de progression (ou annulez-la), puis décidez.',
    });
  }
  if (input.keep && resolution !== 'cut-out') {
    throw new AppError('invalid-input', 'Les passages à garder ne servent que pour « couper la personne ».', { field: 'keep' });
  }
  const log = (change: Record<string, unknown>) =>
    deps.consent.audit({ projectId: recording.projectId, personId: null, action: 'review-resolved', change, actor, reason });
  const changed = () =>
    deps.events.emit('data.changed', { entity: 'recording', id: recordingId, projectId: recording.projectId, change: 'updated' });

  if (resolution === 'deleted') {
    deps.deleteRecording(recordingId);
    log({ recordingId, resolution });
    await deps.finish();
    return { recordingId, resolution };
  }

  if (resolution === 'confirmed-absent') {
    if (!actor?.trim() || !reason?.trim()) {
      throw new AppError('invalid-input', 'Dites qui confirme que la personne effacée n’apparaît pas, et pourquoi.', {
        field: actor?.trim() ? 'reason' : 'actor',
        hint: 'Par exemple : « Vérifié image par image : elle n’est que dans la liste des participants ». Sans nommer la personne.',
      });
    }
    library.db.transaction(() => {
      library.recordings.setNeedsReview(recordingId, null);
      // a recording cut out before keeps its kept ranges: the earlier erased person stays out
      if (recording.reviewResolution !== 'cut-out') {
        library.db.prepare("UPDATE recordings SET review_resolution = 'confirmed-absent' WHERE id = ?").run(recordingId);
      }
      log({ recordingId, resolution });
    })();
    changed();
    return { recordingId, resolution };
  }

  const ranges = checkedRanges(input.keep, recording, recording.reviewResolution === 'cut-out' ? (recording.keptRanges ?? []) : []);
  const clipIds = library.db.transaction(() => {
    library.db.prepare('DELETE FROM recording_kept_ranges WHERE recording_id = ?').run(recordingId);
    const insert = library.db.prepare(
      'INSERT INTO recording_kept_ranges (recording_id, in_seconds, out_seconds, clip_id, created_at) VALUES (?, ?, ?, ?, ?)',
    );
    const ids = ranges.map((range, index) => {
      const clip = deps.clips.create(recordingId, {
        name: `Partie gardée n° ${index + 1}`,
        inSeconds: range.fromSeconds,
        outSeconds: range.toSeconds,
        tags: [],
        speakerPersonId: null,
        blurBox: null,
      });
      insert.run(recordingId, range.fromSeconds, range.toSeconds, clip.id, library.now());
      return clip.id;
    });
    library.recordings.setNeedsReview(recordingId, null);
    library.db.prepare("UPDATE recordings SET review_resolution = 'cut-out' WHERE id = ?").run(recordingId);
    log({
      recordingId,
      resolution,
      keptRanges: ranges.length,
      keptSeconds: Math.round(ranges.reduce((sum, range) => sum + range.toSeconds - range.fromSeconds, 0) * 1000) / 1000,
      clipIds: ids,
    });
    return ids;
  })();
  changed();
  for (const clipId of clipIds) {
    deps.events.emit('data.changed', { entity: 'clip', id: clipId, projectId: recording.projectId, recordingId, change: 'created' });
  }
  return { recordingId, resolution, clipIds };
}
