/**
 * Asks before leaving a screen with unsaved changes: closing or reloading the window
 * (beforeunload, the browser's own question: nothing else may run then) and moving inside
 * the app (a link, Back, a hash change: the app's ConfirmDialog, asked by the router
 * before it changes screen; the move is made again once the person says to leave).
 */
import { useEffect, useRef } from 'react';
import { useConfirm, type ConfirmOptions } from '../components/ConfirmDialog';
import { addLeaveGuard } from './router';

export function useUnsavedChangesGuard(
  dirty: boolean,
  message: string,
  options: ConfirmOptions = {},
): { allowLeaving(allowed?: boolean): void } {
  const confirm = useConfirm();
  const state = useRef({ dirty, message, options, confirm, allowed: false, asking: false });
  state.current.dirty = dirty;
  state.current.message = message;
  state.current.options = options;
  state.current.confirm = confirm;

  useEffect(() => {
    const beforeUnload = (event: BeforeUnloadEvent) => {
      if (!state.current.dirty || state.current.allowed) return;
      event.preventDefault();
      event.returnValue = state.current.message;
    };
    const stopLeaving = addLeaveGuard((toHash) => {
      if (!state.current.dirty || state.current.allowed) return false;
      if (!state.current.asking) {
        state.current.asking = true;
        void state.current.confirm(state.current.message, state.current.options).then((leave) => {
          state.current.asking = false;
          if (!leave) return;
          state.current.allowed = true;
          window.location.hash = toHash;
        });
      }
      return true;
    });
    window.addEventListener('beforeunload', beforeUnload);
    return () => {
      stopLeaving();
      window.removeEventListener('beforeunload', beforeUnload);
    };
  }, []);

  return {
    /** Leaving is fine now (a save that moves on); `false` when that save failed and the work is still to lose. */
    allowLeaving(allowed = true) {
      state.current.allowed = allowed;
    },
  };
}
