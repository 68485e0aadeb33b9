/** Keys of the library's settings table, in one place. */
/** What start-up recovery found interrupted, shown on the home screen until dismissed. */
export const RECOVERY_SETTING = 'recovery.lastReport';
