/**
 * Pure decisions about a render plan: stream copy, smart cut or re-encode (and why, in
 * words the export panel shows), and how much disk the output may take. Everything they
 * need travels in the plan and the master's keyframe index, so they read no database
 * and no file.
 */
import type { RenderModeReason } from '../../src-shared/contract/schemas/editing';
import { saneFrameRate } from '../media/frameRate';
import type { MediaIndex } from '../media/mediaIndex';
import { frameAt } from '../../src-shared/frameGrid';
import { PRESET_SIZES, type RenderPlan } from './renderPlan';
import { encodedSeconds, planCut, type CutParts } from './smartCut';

export type RenderMode = 'copy' | 'smart-cut' | 'encode';

export interface ModeChoice {
  mode: RenderMode;
  reason: RenderModeReason;
  /** For copy and smart cut: which frames are encoded and which copied. */
  cut: CutParts | null;
}

/** Generous bit rates for the space estimate (talking heads need far less). */
const ESTIMATE_BITS_PER_SECOND = { '720p': 6_000_000, '1080p': 12_000_000 } as const;

/** The output frame rate: the first clip's master's (masters are constant frame rate). */
export function outputFrameRate(index: MediaIndex | null): number {
  return saneFrameRate(index?.frameRate);
}

const encode = (code: RenderModeReason['code'], text: string): ModeChoice => ({
  mode: 'encode',
  reason: { code, text: `Réencodage complet : ${text}.` },
  cut: null,
});

/**
 * A lone clip with nothing drawn on it or changed in it is copied where it can be:
 * whole when both cuts fall on keyframes, around a re-encoded head and tail otherwise
 * (smart cut). Anything drawn, faded, changed or assembled is re-encoded.
 */
export function chooseRenderMode(plan: RenderPlan, index: MediaIndex | null): ModeChoice {
  const { settings } = plan;
  const segment = plan.segments[0];
  if (plan.segments.length !== 1 || segment?.kind !== 'clip') return encode('assembled', 'le montage assemble plusieurs éléments');
  if (!segment.source.hasVideo) return encode('no-picture', 'l’enregistrement n’a que du son, une image fixe lui est ajoutée');
  if (segment.pixelate || segment.faceBlur || segment.alterVoice || segment.muteVoice)
    return encode('consent-conditions', 'le flou ou la voix modifiée demandés par le consentement sont appliqués');
  if (segment.lowerThird || settings.fadeSeconds > 0 || settings.normaliseAudio || (settings.burnSubtitles && plan.cues.length)) {
    return encode('drawn', 'un bandeau, des fondus, des sous-titres incrustés ou le volume sont ajoutés');
  }
  if ((segment.source.height ?? Infinity) > PRESET_SIZES[settings.preset].height) {
    return encode('resized', 'la vidéo est plus grande que la qualité choisie');
  }
  if (!index?.keyframes.length) return encode('no-index', 'les images clés de la vidéo sont inconnues');
  const frameRate = saneFrameRate(index.frameRate);
  const cut = planCut(frameAt(segment.inSeconds, frameRate), frameAt(segment.outSeconds, frameRate), frameRate, index);
  if (!cut) return encode('too-short', 'l’extrait est trop court pour une découpe rapide');
  if (!cut.head && !cut.tail) {
    return {
      mode: 'copy',
      reason: { code: 'copy', text: 'Copie exacte : les points de coupe tombent sur des images clés, rien n’est recalculé.' },
      cut,
    };
  }
  const seconds = encodedSeconds(cut);
  const shown = seconds < 1 ? seconds.toFixed(1).replace('.', ',') : String(Math.round(seconds));
  return {
    mode: 'smart-cut',
    reason: {
      code: 'smart-cut',
      text: `Découpe rapide : seules les ${shown} secondes autour des points de coupe sont recalculées, le reste est copié tel quel.`,
      encodedSeconds: Math.round(seconds * 100) / 100,
    },
    cut,
  };
}

/** Bytes the output may take, with margin: a share of the master for what is copied, a bit rate for what is encoded. */
export function estimateRenderBytes(plan: RenderPlan, mode: RenderMode): number {
  const segment = plan.segments[0]!;
  if (mode !== 'encode' && segment.kind === 'clip') {
    const share = (segment.outSeconds - segment.inSeconds) / Math.max(0.1, segment.source.durationSeconds || 1);
    const audio = (plan.totalSeconds * 200_000) / 8;
    return Math.ceil(segment.source.masterBytes * share * 1.2 + audio) + 2 * 1024 * 1024;
  }
  return Math.ceil((plan.totalSeconds * (ESTIMATE_BITS_PER_SECOND[plan.settings.preset] + 200_000)) / 8) + 2 * 1024 * 1024;
}
