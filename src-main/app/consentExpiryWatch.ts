/**
 * Consent that runs out recalls its exports on the day it runs out, not only when
 * someone opens the consent dashboard: the shells that stay open (the desktop app,
 * browser mode) check at start-up and again whenever the local date changes.
 */
import { localToday } from '../../src-shared/age';
import type { ApiContext } from './context';

/** How often the date is looked at (a check costs nothing when the day is the same). */
const LOOK_EVERY_MS = 10 * 60 * 1000;

export interface ConsentExpiryWatch {
  /** Checks now, whatever the date; returns the export ids newly flagged. */
  checkNow(): number[];
  stop(): void;
}

export function watchConsentExpiry(ctx: ApiContext, lookEveryMs = LOOK_EVERY_MS): ConsentExpiryWatch {
  const today = () => localToday(new Date(ctx.library.now()));
  let checkedOn = '';
  const checkNow = () => {
    checkedOn = today();
    return ctx.consent.sweepExpired();
  };
  const timer = setInterval(() => {
    if (ctx.library.db.open && today() !== checkedOn) checkNow();
  }, lookEveryMs);
  timer.unref();
  checkNow();
  return { checkNow, stop: () => clearInterval(timer) };
}
