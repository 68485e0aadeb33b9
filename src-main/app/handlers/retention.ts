/** Retention: a project's periods, what is past them, and the one action that erases it. */
import type { HandlerTable } from './handlerTable';

export const retentionHandlers = {
  'retention.settings': (input, ctx) => ctx.retention.settings(input.projectId),
  'retention.update': (input, ctx) => ctx.retention.update(input),
  'retention.due': (input, ctx) => ctx.retention.due(input),
  'retention.apply': (input, ctx) => ctx.retention.apply(input),
} satisfies HandlerTable;
