/**
 * "Reconstruire": makes the corrected version of a recalled export from what was asked
 * the first time, with consent asked again — a pack through the pack service, a clip or a
 * montage through the render service, a feedback sheet made anew. Here because it spans
 * features (the composition root may import them all).
 */
import { makeFeedbackSheet } from '../review/feedbackSheetExport';
import type { ApiContext } from './context';

export async function rebuildExport(
  ctx: ApiContext,
  input: { exportId: number; destination?: string; wait?: boolean; overwrite?: boolean },
): Promise<{ jobId: string | null; export: import('../../src-shared/contract/schemas/editing').ExportRecord | null }> {
  const record = ctx.exports.get(input.exportId, 'exportId');
  if (record.kind === 'pack') return ctx.packs.rebuild(record.id, input);
  if (record.kind === 'feedback-sheet') {
    const { recordingId } = ctx.exports.spec<{ recordingId: number }>(record.id);
    const made = await makeFeedbackSheet(ctx, recordingId);
    return { jobId: null, export: made.export };
  }
  return ctx.render.rebuild(record.id, input);
}
