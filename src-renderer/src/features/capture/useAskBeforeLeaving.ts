/**
 * While a take is being filmed, leaving asks first: closing or reloading the page (the
 * browser's own "Quitter le site ?"; in the desktop app the main side asks in plain words)
 * and moving inside the app (a link, Back: the app's dialog). A take cannot be filmed
 * again. If the page goes anyway, the main side keeps what was filmed.
 */
import { useUnsavedChangesGuard } from '../../app/useUnsavedChangesGuard';
import { useI18n } from '../../i18n/i18n';

export function useAskBeforeLeaving(active: boolean): void {
  const { t } = useI18n();
  useUnsavedChangesGuard(active, t('capture.leaveDuringTake'), { confirmLabel: t('capture.leaveAnyway'), danger: true });
}
