/**
 * Backups that remember erasures. Creating one records its folder's parent in the library
 * (so every later erasure copies the journal there) and writes the journal beside it;
 * restoring one reads that journal and applies again, on the restored copy and before it
 * becomes a library, every erasure the backup predates.
 */
import path from 'node:path';
import { backupLibrary, restoreLibrary } from '../library/backup';
import { BACKUP_FOLDERS_SETTING } from '../library/settingKeys';
import { journalOf, readJournalFile, writeJournalFile } from '../privacy/erasureJournal';
import { closeApiContext, createApiContext, type ApiContext } from './context';

export async function createBackup(ctx: ApiContext, destination: string): Promise<{ dir: string; files: number; bytes: number }> {
  const made = await backupLibrary(ctx.library, destination, ctx.appVersion);
  const folder = path.dirname(made.dir);
  const folders = new Set(JSON.parse(ctx.library.settings.get(BACKUP_FOLDERS_SETTING) ?? '[]') as string[]);
  folders.add(folder);
  ctx.library.settings.set(BACKUP_FOLDERS_SETTING, JSON.stringify([...folders].sort()));
  writeJournalFile(folder, journalOf(ctx.library.db));
  return made;
}

export async function restoreBackup(
  backupDir: string,
  targetDir: string,
): Promise<{ dir: string; files: number; erasuresReapplied: number; note: string }> {
  const journal = readJournalFile(path.dirname(path.resolve(backupDir)));
  const restored = await restoreLibrary(backupDir, targetDir, async (restoredDir) => {
    if (journal.length === 0) return 0;
    const ctx = createApiContext(restoredDir, 'http', { trusted: true });
    try {
      return await ctx.erasure.reapply(journal);
    } finally {
      closeApiContext(ctx);
    }
  });
  const note =
    restored.erasuresReapplied === 0
      ? 'Aucun effacement postérieur à cette sauvegarde.'
      : `${restored.erasuresReapplied} effacement(s) faits après cette sauvegarde ont été appliqués de nouveau à la bibliothèque restaurée.`;
  return { ...restored, note };
}
