/** Backups and search across the library. */
import { defaultBackupDir } from '../../library/backup';
import { createBackup } from '../backups';
import type { HandlerTable } from './handlerTable';

export const libraryHandlers = {
  'library.backup': (input, ctx) => {
    return createBackup(ctx, input.destination ?? defaultBackupDir(ctx.library.dir, ctx.library.now()));
  },
  search: (input, ctx) => ctx.search.search(input.query, input.projectId ?? null, input.limit ?? 30),
} satisfies HandlerTable;
