/** The exports register seen from the UI: list and delete, recipients, recall letters, rebuilds. */
import { writeRecallLetter } from '../../exports/recallLetter';
import { rebuildExport } from '../rebuildExport';
import type { HandlerTable } from './handlerTable';
import { AppError } from '../../../src-shared/appError';
import { frenchLongDate as frenchDate } from '../../../src-shared/frenchDate';

export const exportHandlers = {
  'exports.list': (input, ctx) => ctx.exports.list(ctx.library.projects.get(input.projectId).id),
  'exports.delete': (input, ctx) => {
    const record = ctx.exports.get(input.id);
    if (record.kind === 'pack') ctx.packs.deletePackFiles(input.id);
    ctx.exports.deleteWithFiles(input.id, ctx.library.mediaAssets);
    ctx.events.emit('data.changed', { entity: 'export', id: input.id, projectId: record.projectId, change: 'deleted' });
    return { deleted: true, id: input.id } as const;
  },
  'exports.addRecipient': (input, ctx) => {
    const today = ctx.consent.localToday();
    if (input.givenOn !== undefined && input.givenOn > today) {
      throw new AppError('invalid-input', `La date de remise (givenOn) est dans le futur : ${frenchDate(input.givenOn)}.`, {
        field: 'givenOn',
        hint: `Indiquez le jour où l’export a été remis, au plus tard aujourd’hui (${frenchDate(today)}) ; enregistrez le destinataire une fois l’export remis.`,
      });
    }
    const recipient = ctx.exports.addRecipient({
      exportId: input.exportId,
      name: input.name,
      givenOn: input.givenOn ?? today,
      actor: input.actor ?? '',
    });
    const record = ctx.exports.get(input.exportId);
    ctx.events.emit('data.changed', { entity: 'export', id: record.id, projectId: record.projectId, change: 'updated' });
    return recipient;
  },
  'exports.recipients': (input, ctx) => {
    ctx.exports.get(input.exportId, 'exportId');
    return ctx.exports.recipients(input.exportId);
  },
  'exports.recallLetter': (input, ctx) => writeRecallLetter(ctx.library, ctx.exports, input.exportId, input.recipientId),
  'exports.rebuild': (input, ctx) => rebuildExport(ctx, input),
} satisfies HandlerTable;
