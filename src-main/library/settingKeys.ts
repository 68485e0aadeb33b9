/** Keys of the library's settings table, in one place. */
/** What start-up recovery found interrupted, shown on the home screen until dismissed. */
export const RECOVERY_SETTING = 'recovery.lastReport';
/** Folders that hold this library's backups: each keeps a copy of the erasure journal. */
export const BACKUP_FOLDERS_SETTING = 'backup.folders';
