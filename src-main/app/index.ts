/**
 * The composition root's public surface: the shells (Electron, browser mode, CLI,
 * launcher) and the tests open a context, dispatch methods and recover unfinished work
 * through this file only; the handlers and the wiring inside stay private to app/.
 */
export { APP_VERSION, closeApiContext, createApiContext, recoverUnfinishedWork, type ApiContext, type DesktopHooks } from './context';
export { dispatch, validateInput, type DispatchOptions } from './dispatch';
export { restoreBackup } from './backups';
export { watchConsentExpiry, type ConsentExpiryWatch } from './consentExpiryWatch';
export { watchSilentTakes, DEFAULT_SILENT_TAKE_SECONDS } from '../capture/silentTakeWatch';
