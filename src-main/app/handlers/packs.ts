/** Restitution packs: preview, build, verify, rebuild. */

import type { HandlerTable } from './handlerTable';

export const packHandlers = {
  'packs.preview': (input, ctx) => ctx.packs.preview(input),
  'packs.build': (input, ctx) => {
    return ctx.packs.build(input);
  },
  'packs.verify': (input, ctx) => ctx.packs.verifyExport(input.exportId),
  'packs.rebuild': (input, ctx) => {
    return ctx.packs.rebuild(input.exportId, input);
  },
} satisfies HandlerTable;
