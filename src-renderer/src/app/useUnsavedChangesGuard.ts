/**
 * Asks before leaving a screen with unsaved changes: closing or reloading the window
 * (beforeunload, the browser's own question: nothing else may run then) and moving inside
 * the app (a link, Back, a hash change: the app's ConfirmDialog). Hash routes cannot be
 * cancelled: the change is undone before the router (registered later, without capture)
 * sees it, and made again once the person says to leave.
 */
import { useEffect, useRef } from 'react';
import { useConfirm, type ConfirmOptions } from '../components/ConfirmDialog';

export function useUnsavedChangesGuard(dirty: boolean, message: string, options: ConfirmOptions = {}): { allowLeaving(): void } {
  const confirm = useConfirm();
  const state = useRef({ dirty, message, options, confirm, allowed: false, asking: false });
  state.current.dirty = dirty;
  state.current.message = message;
  state.current.options = options;
  state.current.confirm = confirm;

  useEffect(() => {
    const ownHash = window.location.hash;
    const beforeUnload = (event: BeforeUnloadEvent) => {
      if (!state.current.dirty || state.current.allowed) return;
      event.preventDefault();
      event.returnValue = state.current.message;
    };
    const hashChange = (event: HashChangeEvent) => {
      if (!state.current.dirty || state.current.allowed || window.location.hash === ownHash) return;
      event.stopImmediatePropagation();
      history.replaceState(history.state, '', event.oldURL);
      if (state.current.asking) return;
      state.current.asking = true;
      const wanted = new URL(event.newURL).hash;
      void state.current.confirm(state.current.message, state.current.options).then((leave) => {
        state.current.asking = false;
        if (!leave) return;
        state.current.allowed = true;
        window.location.hash = wanted;
      });
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
