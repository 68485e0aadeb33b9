/**
 * Pure decisions about a render plan: the output frame rate, stream copy or re-encode,
 * and how much disk the output may take. Everything they need travels in the plan, so
 * they read no database and no file.
 */
import { hasKeyframeAt, type MediaIndex } from '../media/mediaIndex';
import { saneFrameRate } from '../media/frameRate';
import { PRESET_SIZES, type RenderPlan } from './renderPlan';

export type RenderMode = 'copy' | 'encode';

/** Generous bit rates for the space estimate (talking heads need far less). */
const ESTIMATE_BITS_PER_SECOND = { '720p': 6_000_000, '1080p': 12_000_000 } as const;

/** The output frame rate: the first clip's master's (masters are constant frame rate). */
export function outputFrameRate(index: MediaIndex | null): number {
  return saneFrameRate(index?.frameRate);
}

/** Stream copy only for a lone clip cut on keyframes, with nothing drawn, faded or changed. */
export function chooseRenderMode(plan: RenderPlan, frameRate: number, index: MediaIndex | null): RenderMode {
  const { settings } = plan;
  const segment = plan.segments[0];
  if (plan.segments.length !== 1 || segment?.kind !== 'clip') return 'encode';
  if (segment.pixelate || segment.alterVoice || segment.muteVoice || segment.lowerThird) return 'encode';
  if (settings.fadeSeconds > 0 || settings.normaliseAudio || (settings.burnSubtitles && plan.cues.length)) return 'encode';
  const { source } = segment;
  if ((source.height ?? Infinity) > PRESET_SIZES[settings.preset].height || !source.hasVideo || !index) return 'encode';
  const tolerance = 0.25 / frameRate;
  const outAtEnd = segment.outSeconds >= source.durationSeconds - tolerance;
  const onKeyframes =
    hasKeyframeAt(index, segment.inSeconds, tolerance) && (outAtEnd || hasKeyframeAt(index, segment.outSeconds, tolerance));
  return onKeyframes ? 'copy' : 'encode';
}

/** Bytes the output may take, with margin: a share of the master for a copy, a bit rate for an encode. */
export function estimateRenderBytes(plan: RenderPlan, mode: RenderMode): number {
  if (mode === 'copy') {
    const segment = plan.segments[0]!;
    if (segment.kind === 'clip') {
      const share = (segment.outSeconds - segment.inSeconds) / Math.max(0.1, segment.source.durationSeconds || 1);
      return Math.ceil(segment.source.masterBytes * share * 1.2) + 1024 * 1024;
    }
  }
  return Math.ceil((plan.totalSeconds * (ESTIMATE_BITS_PER_SECOND[plan.settings.preset] + 200_000)) / 8) + 2 * 1024 * 1024;
}
