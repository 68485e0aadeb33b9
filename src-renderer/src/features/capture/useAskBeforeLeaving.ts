/**
 * While a take is being filmed, closing or reloading the page asks first (the browser's
 * own "Quitter le site ?" question; in the desktop app the main side asks in plain words).
 * If the page goes anyway, the main side keeps what was filmed.
 */
import { useEffect } from 'react';

export function useAskBeforeLeaving(active: boolean): void {
  useEffect(() => {
    if (!active) return;
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      event.returnValue = ''; // older Chromium needs a value to ask
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [active]);
}
