/**
 * The one home of the frame-rate rule: a rate between 10 and 60 frames a second is
 * kept (rounded to the hundredth), anything else (missing, broken, a variable-rate
 * artefact) falls back to 30. Masters are written with it and renders read it back.
 */
import { FALLBACK_FRAME_RATE } from '../../src-shared/frameGrid';

export { FALLBACK_FRAME_RATE };

export function saneFrameRate(rate: number | null | undefined): number {
  if (!rate || !Number.isFinite(rate) || rate < 10 || rate > 60) return FALLBACK_FRAME_RATE;
  return Math.round(rate * 100) / 100;
}
