/** The exports register seen from the UI: list and delete. */

import type { HandlerTable } from './handlerTable';

export const exportHandlers = {
  'exports.list': (input, ctx) => ctx.exports.list(ctx.library.projects.get(input.projectId).id),
  'exports.delete': (input, ctx) => {
    const record = ctx.exports.get(input.id);
    if (record.kind === 'pack') ctx.packs.deletePackFiles(input.id);
    ctx.exports.deleteWithFiles(input.id, ctx.library.mediaAssets);
    ctx.events.emit('data.changed', { entity: 'export', id: input.id, projectId: record.projectId, change: 'deleted' });
    return { deleted: true, id: input.id } as const;
  },
} satisfies HandlerTable;
