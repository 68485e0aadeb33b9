/** Comments, categories, the interview grid and the feedback sheet. */
import { makeFeedbackSheet } from '../../review/feedbackSheetExport';
import type { HandlerTable } from './handlerTable';

export const reviewHandlers = {
  'comments.list': (input, ctx) => ctx.review.listComments(input.recordingId),
  'comments.add': (input, ctx) => ctx.review.addComment(input),
  'comments.update': (input, ctx) => ctx.review.updateComment(input),
  'comments.react': (input, ctx) => ctx.review.react(input.id),
  'comments.delete': (input, ctx) => {
    ctx.review.deleteComment(input.id);
    return { deleted: true, id: input.id } as const;
  },
  'comments.history': (input, ctx) => ctx.review.comments.revisions(input.id),
  'comments.export': (input, ctx) => {
    const recording = ctx.library.recordings.get(input.recordingId);
    return ctx.review.exportComments(input.recordingId, input.format, ctx.consent.textGateFor(recording.projectId, 'workshop'));
  },
  'categories.list': (input, ctx) => ctx.review.vocabulary.categories(ctx.library.projects.get(input.projectId).id),
  'categories.set': (input, ctx) => ctx.review.vocabulary.setCategories(ctx.library.projects.get(input.projectId).id, input.labels),
  'rubric.get': (input, ctx) => ctx.review.rubric(input.recordingId),
  'rubric.score': (input, ctx) => ctx.review.score(input),
  'rubric.setCriteria': (input, ctx) => ctx.review.vocabulary.setCriteria(ctx.library.projects.get(input.projectId).id, input.labels),
  'rubric.criteria': (input, ctx) => ctx.review.vocabulary.criteria(ctx.library.projects.get(input.projectId).id),
  'feedback.sheet': async (input, ctx) => {
    const made = await makeFeedbackSheet(ctx, input.recordingId);
    return { assetId: made.assetId, fileName: made.fileName, sizeBytes: made.sizeBytes, exportId: made.exportId };
  },
  'comments.window': (input, ctx) => {
    ctx.library.recordings.get(input.recordingId);
    return ctx.review.windows.window(input.recordingId, input.from, input.to, input.limit);
  },
  'comments.counts': (input, ctx) => {
    ctx.library.recordings.get(input.recordingId);
    return ctx.review.windows.counts(input.recordingId, input.bucketSeconds);
  },
  'comments.toComplete': (input, ctx) => {
    ctx.library.recordings.get(input.recordingId);
    return ctx.review.windows.toComplete(input.recordingId);
  },
  'comments.byIds': (input, ctx) => {
    ctx.library.recordings.get(input.recordingId);
    return ctx.review.windows.byIds(input.recordingId, input.ids);
  },
} satisfies HandlerTable;
