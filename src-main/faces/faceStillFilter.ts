/**
 * One frame's tracked blur as a static ffmpeg filter, placed and pixelated exactly as the
 * render does it (faceBlurRects and facePixelation, shared with faceBlurFilter): for the
 * stills of frames at risk in the export panel (with an outline around what is hidden, so
 * the animator sees it) and for the feedback sheet's pictures (no outline). The still shows
 * the frame after the blur only, so it never shows a face the export hides. Pure.
 */
import { faceBlurFrames, tracksCanHide, type FrameBlur, type PlanFaceTracks } from './faceCoverage';
import { faceBlurRects, facePixelation, type OutputRect } from './faceBlurFilter';

/** The outline drawn around each pixelated area of a still (the yellow of the blur-region stills). */
export const HIDDEN_OUTLINE_COLOR = '0xFFD166';

/** The outline's thickness in pixels of a frame this wide (about 3 px once the still is 480 px wide). */
export const outlineThickness = (width: number) => Math.max(2, Math.round(width / 160));

/**
 * Filters (joined by `,` and `;`, one unlabelled input and output) that take a frame of
 * `width`×`height` — the source fitted at `fitted` — and pixelate the boxes of `frame`
 * (or the whole frame), then outline them when asked. `null` filter when nothing is hidden.
 * `tag` keeps its link names apart from the rest of the graph.
 */
export function faceStillFilter(
  frame: FrameBlur,
  options: { width: number; height: number; fitted: OutputRect; outline?: boolean; tag?: string },
): string {
  const { width: W, height: H, fitted } = options;
  const rects = faceBlurRects(frame, fitted, W, H);
  if (rects.length === 0) return 'null';
  const t = options.tag ?? 'fs';
  const n = rects.length;
  const pixelated = n > 1 ? `,split=${n}${rects.map((_, s) => `[${t}p${s}]`).join('')}` : `[${t}p0]`;
  const crops = rects.map((r, s) => `[${t}p${s}]crop=w=${r.w}:h=${r.h}:x=${r.x}:y=${r.y}:exact=1[${t}c${s}]`).join(';');
  const overlays = rects
    .map((r, s) => `${s === 0 ? `[${t}b]` : `[${t}o${s - 1}]`}[${t}c${s}]overlay=x=${r.x}:y=${r.y}${s === n - 1 ? '' : `[${t}o${s}]`}`)
    .join(';');
  // drawn inside each area (drawbox draws inward): the outline covers, it never uncovers
  const outline = options.outline
    ? rects.map((r) => `,drawbox=x=${r.x}:y=${r.y}:w=${r.w}:h=${r.h}:color=${HIDDEN_OUTLINE_COLOR}@1:t=${outlineThickness(W)}`).join('')
    : '';
  return `split=2[${t}b][${t}p];[${t}p]${facePixelation(W, H)}${pixelated};${crops};${overlays}${outline}`;
}

/** The blur of two neighbouring frames at once (a still whose frame may be either): every box of both, or the whole frame. */
export function unionOfFrames(...frames: FrameBlur[]): FrameBlur {
  if (frames.some((frame) => frame === 'frame')) return 'frame';
  return frames.flatMap((frame) => (frame === 'frame' ? [] : frame));
}

/**
 * For pictures taken straight from a master (the feedback sheet): the filter that pixelates
 * these people's faces at a moment, as tracked blur would, or null when the tracks cannot
 * vouch for that moment (not analysed, a face there not reviewed, a person without a track).
 * The picture may be the frame at the moment or the next one: both frames' boxes are hidden.
 */
export function trackedBlurAt(
  faces: PlanFaceTracks | null,
  personIds: readonly number[],
  size: { width: number; height: number },
  frameRate: number,
): (seconds: number) => string | null {
  return (seconds) => {
    if (!faces || !tracksCanHide(faces, personIds, seconds, seconds + 1 / frameRate).can) return null;
    const { frames } = faceBlurFrames(faces, {
      personIds: new Set(personIds),
      blurUnknown: false,
      inSeconds: seconds,
      frames: 2,
      frameRate,
    });
    return faceStillFilter(unionOfFrames(...frames), {
      width: size.width,
      height: size.height,
      fitted: { x: 0, y: 0, w: size.width, h: size.height },
    });
  };
}
