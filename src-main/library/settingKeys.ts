/** Keys of the library's settings table, in one place. */
/** What start-up recovery found interrupted, shown on the home screen until dismissed. */
export const RECOVERY_SETTING = 'recovery.lastReport';
/** A chosen ffmpeg and ffprobe (Réglages → Outils vidéo). */
export const FFMPEG_SETTING = 'media.ffmpegPath';
export const FFPROBE_SETTING = 'media.ffprobePath';
/** Default consent duration for new projects, in months. */
export const RETENTION_MONTHS_SETTING = 'defaults.retentionMonths';
export const DEFAULT_RETENTION_MONTHS = 24;
/** The interface language, also used by the desktop menu. */
export const LANGUAGE_SETTING = 'ui.language';
/** Folders that hold this library's backups: each keeps a copy of the erasure journal. */
export const BACKUP_FOLDERS_SETTING = 'backup.folders';
