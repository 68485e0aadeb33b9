/**
 * The one home of the frame-rate rule: a rate between 10 and 60 frames a second is
 * kept (rounded to the hundredth), anything else (missing, broken, a variable-rate
 * artefact) falls back to 30. Masters are written with it and renders read it back.
 *
 * A source's real rate: a variable-frame-rate phone video has an average rate
 * (`avg_frame_rate`) that is no rate it was filmed at (frames dropped when the light is
 * low give 21.45 fps); its nominal rate (`r_frame_rate`) or, better, its most common
 * frame duration is the rate it was filmed at. Masters use that, never the average.
 */
import { FALLBACK_FRAME_RATE } from '../../src-shared/frameGrid';

export { FALLBACK_FRAME_RATE };

export function saneFrameRate(rate: number | null | undefined): number {
  if (!rate || !Number.isFinite(rate) || rate < 10 || rate > 60) return FALLBACK_FRAME_RATE;
  return Math.round(rate * 100) / 100;
}

function isSane(rate: number | null | undefined): rate is number {
  return !!rate && Number.isFinite(rate) && rate >= 10 && rate <= 60;
}

/** The rates cameras and phones film at; a measured rate within 1 % of one is that one. */
const COMMON_RATES = [24000 / 1001, 24, 25, 30000 / 1001, 30, 48, 50, 60000 / 1001, 60];

export function snapToCommonRate(rate: number): number {
  const candidates = COMMON_RATES.filter((common) => Math.abs(common - rate) / common <= 0.01);
  if (candidates.length === 0) return rate;
  return candidates.reduce((best, common) => (Math.abs(common - rate) < Math.abs(best - rate) ? common : best));
}

/** Nominal and average rates more than 1 % apart: the source's frames are not evenly spaced. */
export function isVariableFrameRate(nominal: number | null | undefined, average: number | null | undefined): boolean {
  if (!nominal || !average || !Number.isFinite(nominal) || !Number.isFinite(average)) return false;
  return Math.abs(nominal - average) / nominal > 0.01;
}

/**
 * The most common frame duration among presentation times, as a rate: what a
 * variable-rate source was mostly filmed at. A histogram at 1 ms (neighbouring bins
 * counted together, as millisecond time bases alternate 33 and 34 ms), then the mean of
 * the durations in the winning bins. Null when there are too few frames.
 */
export function commonFrameRateOf(presentationTimes: readonly number[]): number | null {
  const times = presentationTimes.filter((t) => Number.isFinite(t)).sort((a, b) => a - b);
  if (times.length < 3) return null;
  const steps: number[] = [];
  for (let i = 1; i < times.length; i++) if (times[i]! > times[i - 1]!) steps.push(times[i]! - times[i - 1]!);
  const counts = new Map<number, number>();
  for (const step of steps) counts.set(Math.round(step * 1000), (counts.get(Math.round(step * 1000)) ?? 0) + 1);
  let bestBin = 0;
  let bestCount = 0;
  for (const bin of counts.keys()) {
    const count = (counts.get(bin - 1) ?? 0) + counts.get(bin)! + (counts.get(bin + 1) ?? 0);
    if (count > bestCount || (count === bestCount && bin < bestBin)) {
      bestBin = bin;
      bestCount = count;
    }
  }
  const inBin = steps.filter((step) => Math.abs(step * 1000 - bestBin) <= 1.5);
  const mean = inBin.reduce((sum, step) => sum + step, 0) / inBin.length;
  return mean > 0 ? 1 / mean : null;
}

/**
 * The rate a source was filmed at. Constant-rate sources: their rate. Variable-rate
 * ones: the most common frame duration if known, else the nominal rate, else the
 * average snapped to a common rate. Always passed through `saneFrameRate` by callers.
 */
export function sourceFrameRate(rates: { nominal?: number | null; average?: number | null; common?: number | null }): number | null {
  const { nominal, average, common } = rates;
  if (!isVariableFrameRate(nominal, average)) return average ?? nominal ?? null;
  if (isSane(common)) return snapToCommonRate(common);
  if (isSane(nominal)) return nominal;
  return average ? snapToCommonRate(average) : null;
}
