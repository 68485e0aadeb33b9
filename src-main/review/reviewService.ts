/**
 * The review of a take: comments (through CommentsStore), their exports, the
 * per-project vocabulary, and the interview rubric with the candidate's progress.
 */
import { AppError } from '../../src-shared/appError';
import type { ApiEventBus } from '../platform/eventBus';
import type { AddCommentInput, Comment, Recording, Rubric, UpdateCommentInput } from '../../src-shared/contract/schemas';
import type { Library } from '../library/library';
import { CommentsStore } from './commentsStore';
import { CommentWindows } from './commentWindows';
import { commentsToCsv, commentsToSrt, commentsToVtt } from './commentExports';
import { csvLocaleOf } from '../platform/csvFile';
import { LANGUAGE_SETTING } from '../library/settingKeys';
import { ProjectVocabularyStore } from './projectVocabularyStore';
import { reviewDefaults } from './reviewDefaults';
import { gateComments } from './commentGate';
import type { TextGate } from '../consent/textGate';

export interface ReviewDeps {
  library: Library;
  events: ApiEventBus;
}

function average(values: number[]): number | null {
  return values.length ? Math.round((values.reduce((a, b) => a + b, 0) / values.length) * 100) / 100 : null;
}

/** The person interviewed in a take: the one marked candidate, else the first job seeker. */
export function candidateOf(recording: Recording): { personId: number; displayName: string } | null {
  const person = recording.people.find((p) => p.part === 'candidate') ?? recording.people.find((p) => p.role === 'job-seeker');
  return person ? { personId: person.personId, displayName: person.displayName } : null;
}

export class ReviewService {
  readonly comments: CommentsStore;
  readonly vocabulary: ProjectVocabularyStore;
  /** The review screen's reads by window, bucket counts and ids. */
  readonly windows: CommentWindows;

  constructor(private readonly deps: ReviewDeps) {
    this.comments = new CommentsStore(deps.library.db, deps.library.now);
    this.vocabulary = new ProjectVocabularyStore(deps.library.db);
    this.windows = new CommentWindows(deps.library.db);
  }

  private announce(comment: Pick<Comment, 'id' | 'recordingId'>, change: 'created' | 'updated' | 'deleted'): void {
    this.deps.events.emit('data.changed', { entity: 'comment', id: comment.id, projectId: null, recordingId: comment.recordingId, change });
  }

  listComments(recordingId: number): Comment[] {
    this.deps.library.recordings.get(recordingId);
    return this.comments.list(recordingId);
  }

  addComment(input: AddCommentInput): Comment {
    const recording = this.deps.library.recordings.get(input.recordingId);
    const comment = this.comments.add(input, recording.projectId);
    this.announce(comment, 'created');
    return comment;
  }

  updateComment(input: UpdateCommentInput): Comment {
    const comment = this.comments.update(input);
    this.announce(comment, 'updated');
    return comment;
  }

  react(id: number): Comment {
    const comment = this.comments.react(id);
    this.announce(comment, 'updated');
    return comment;
  }

  deleteComment(id: number): void {
    const recordingId = this.comments.delete(id);
    this.announce({ id, recordingId }, 'deleted');
  }

  /** Comments as a file for the workshop: every text through the gate (see commentGate). */
  exportComments(
    recordingId: number,
    format: 'csv' | 'vtt' | 'srt',
    gate: TextGate,
  ): { fileName: string; mimeType: string; content: string } {
    const recording = this.deps.library.recordings.get(recordingId);
    const comments = gateComments(this.comments.list(recordingId), gate);
    const base = `commentaires-${recording.id}`;
    if (format === 'csv')
      return {
        fileName: `${base}.csv`,
        mimeType: 'text/csv; charset=utf-8',
        content: commentsToCsv(comments, csvLocaleOf(this.deps.library.settings.get(LANGUAGE_SETTING))),
      };
    if (format === 'vtt') return { fileName: `${base}.vtt`, mimeType: 'text/vtt; charset=utf-8', content: commentsToVtt(comments) };
    return { fileName: `${base}.srt`, mimeType: 'application/x-subrip; charset=utf-8', content: commentsToSrt(comments) };
  }

  private scoresOf(recordingId: number): { self: Record<string, number>; group: Record<string, number> } {
    const rows = this.deps.library.db
      .prepare('SELECT criterion_id, rater, score FROM rubric_scores WHERE recording_id = ?')
      .all(recordingId) as Array<{
      criterion_id: number;
      rater: 'self' | 'group';
      score: number;
    }>;
    const result = { self: {} as Record<string, number>, group: {} as Record<string, number> };
    for (const row of rows) result[row.rater][String(row.criterion_id)] = row.score;
    return result;
  }

  rubric(recordingId: number): Rubric {
    const recording = this.deps.library.recordings.get(recordingId);
    const criteria = this.vocabulary.criteria(recording.projectId);
    const candidate = candidateOf(recording);
    const takes = candidate
      ? this.deps.library.recordings
          .list({ projectId: recording.projectId })
          .filter((take) => take.kind === 'interview' && take.people.some((p) => p.personId === candidate.personId))
          .sort((a, b) => a.recordedAt.localeCompare(b.recordedAt) || a.id - b.id)
      : [recording];
    return {
      recordingId,
      criteria,
      scale: reviewDefaults().rubricScale,
      ...this.scoresOf(recordingId),
      candidate,
      progress: takes.map((take) => {
        const scores = this.scoresOf(take.id);
        return {
          recordingId: take.id,
          title: take.title,
          recordedAt: take.recordedAt,
          selfAverage: average(Object.values(scores.self)),
          groupAverage: average(Object.values(scores.group)),
        };
      }),
    };
  }

  score(input: { recordingId: number; criterionId: number; rater: 'self' | 'group'; score: number | null }): Rubric {
    const recording = this.deps.library.recordings.get(input.recordingId);
    if (!this.vocabulary.criteria(recording.projectId).some((criterion) => criterion.id === input.criterionId)) {
      throw new AppError(
        'invalid-input',
        `Le critère n° ${input.criterionId} ne fait pas partie de la grille d’observation de ce projet.`,
        { field: 'criterionId' },
      );
    }
    if (input.score === null) {
      this.deps.library.db
        .prepare('DELETE FROM rubric_scores WHERE recording_id = ? AND criterion_id = ? AND rater = ?')
        .run(input.recordingId, input.criterionId, input.rater);
    } else {
      this.deps.library.db
        .prepare(
          `INSERT INTO rubric_scores (recording_id, criterion_id, rater, score, updated_at) VALUES (?, ?, ?, ?, ?)
           ON CONFLICT (recording_id, criterion_id, rater) DO UPDATE SET score = excluded.score, updated_at = excluded.updated_at`,
        )
        .run(input.recordingId, input.criterionId, input.rater, input.score, this.deps.library.now());
    }
    this.deps.events.emit('data.changed', { entity: 'recording', id: recording.id, projectId: recording.projectId, change: 'updated' });
    return this.rubric(input.recordingId);
  }
}
