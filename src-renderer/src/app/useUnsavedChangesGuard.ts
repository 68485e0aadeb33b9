/**
 * Asks before leaving a screen with unsaved changes: closing or reloading the window
 * (beforeunload) and moving inside the app (a link, Back, a hash change). Hash routes
 * cannot be cancelled, so when the person stays, the change is undone before the router
 * (registered later, without capture) sees it.
 */
import { useEffect, useRef } from 'react';

export function useUnsavedChangesGuard(dirty: boolean, message: string): { allowLeaving(): void } {
  const state = useRef({ dirty, message, allowed: false });
  state.current.dirty = dirty;
  state.current.message = message;

  useEffect(() => {
    const ownHash = window.location.hash;
    const beforeUnload = (event: BeforeUnloadEvent) => {
      if (!state.current.dirty || state.current.allowed) return;
      event.preventDefault();
      event.returnValue = state.current.message;
    };
    const hashChange = (event: HashChangeEvent) => {
      if (!state.current.dirty || state.current.allowed || window.location.hash === ownHash) return;
      if (window.confirm(state.current.message)) {
        state.current.allowed = true;
        return;
      }
      event.stopImmediatePropagation();
      history.replaceState(history.state, '', event.oldURL);
    };
    window.addEventListener('beforeunload', beforeUnload);
    window.addEventListener('hashchange', hashChange, true);
    return () => {
      window.removeEventListener('beforeunload', beforeUnload);
      window.removeEventListener('hashchange', hashChange, true);
    };
  }, []);

  return {
    allowLeaving() {
      state.current.allowed = true;
    },
  };
}
