/** Backups and search across the library. */
import { backupLibrary, defaultBackupDir } from '../../library/backup';
import type { HandlerTable } from './handlerTable';

export const libraryHandlers = {
  'library.backup': (input, ctx) => {
    return backupLibrary(ctx.library, input.destination ?? defaultBackupDir(ctx.library.dir, ctx.library.now()), ctx.appVersion);
  },
  search: (input, ctx) => ctx.search.search(input.query, input.projectId ?? null, input.limit ?? 30),
} satisfies HandlerTable;
