/**
 * Watches the camera takes being filmed: a page sends a chunk every second, so a take
 * that has heard nothing for a while was left "en cours" by a page that was closed or
 * reloaded. Such a take is finalised from what was received (the same recovery as at
 * start-up), without waiting for the app to restart.
 */
import type { CaptureService } from './captureService';

/** Long enough for a slow disk or a busy machine, short enough that the take appears soon. */
export const DEFAULT_SILENT_TAKE_SECONDS = 20;

export function watchSilentTakes(
  capture: Pick<CaptureService, 'recoverSilentCaptures'>,
  silentSeconds: number = DEFAULT_SILENT_TAKE_SECONDS,
  log: (line: string) => void = () => {},
): () => void {
  if (!(silentSeconds > 0)) return () => {};
  const everyMs = Math.max(250, Math.min(5000, (silentSeconds * 1000) / 4));
  const timer = setInterval(() => {
    try {
      const recovered = capture.recoverSilentCaptures(silentSeconds * 1000);
      if (recovered.length) log(`capture: ${recovered.length} take(s) silent for ${silentSeconds}s finalised from disk`);
    } catch (error) {
      log(`capture: silent take check failed (${(error as Error).name})`);
    }
  }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
