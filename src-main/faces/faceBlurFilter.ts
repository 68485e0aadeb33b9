/**
 * The ffmpeg filter that pixelates tracked faces: the segment's frames are pixelated
 * whole once, and for each box a crop of that is laid over the original, the crop and its
 * place changed frame by frame by a `sendcmd` file (one command per change, never a long
 * expression). Costs about what a static region costs. Pure.
 */
import type { FrameBlur } from './faceCoverage';

/** Pixel blocks across the frame for tracked faces (finer than the whole-frame fallback). */
export const FACE_PIXEL_BLOCKS = 40;

export interface OutputRect {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** A box in fractions of the source frame, in output pixels (the source fitted into the output), rounded outwards. */
export function faceBoxInOutput(box: { x: number; y: number; w: number; h: number }, fitted: OutputRect, width: number, height: number) {
  const x0 = Math.max(0, Math.floor(fitted.x + box.x * fitted.w));
  const y0 = Math.max(0, Math.floor(fitted.y + box.y * fitted.h));
  const x1 = Math.min(width, Math.ceil(fitted.x + (box.x + box.w) * fitted.w));
  const y1 = Math.min(height, Math.ceil(fitted.y + (box.y + box.h) * fitted.h));
  return { x: x0, y: y0, w: Math.max(1, x1 - x0), h: Math.max(1, y1 - y0) };
}

const evenDown = (value: number) => Math.floor(value / 2) * 2;

/**
 * Where one frame's blur lands, in output pixels: each box rounded outwards to even
 * edges (4:2:0 chroma) and kept inside the frame, or the whole frame. The render and the
 * stills (faceStillFilter) both place their pixelation with it.
 */
export function faceBlurRects(frame: FrameBlur, fitted: OutputRect, W: number, H: number): OutputRect[] {
  if (frame === 'frame') return [{ x: 0, y: 0, w: evenDown(W), h: evenDown(H) }];
  return frame.map((box) => {
    const r = faceBoxInOutput(box, fitted, W, H);
    const x = evenDown(r.x);
    const y = evenDown(r.y);
    return {
      x,
      y,
      w: Math.max(2, Math.min(evenDown(W) - x, Math.ceil((r.x + r.w - x) / 2) * 2)),
      h: Math.max(2, Math.min(evenDown(H) - y, Math.ceil((r.y + r.h - y) / 2) * 2)),
    };
  });
}

/** The pixelation of tracked faces: a W×H frame scaled down to blocks and back, edges kept sharp. */
export function facePixelation(W: number, H: number): string {
  const block = Math.max(8, Math.round(W / FACE_PIXEL_BLOCKS));
  return `scale=${Math.max(2, Math.round(W / block))}:${Math.max(2, Math.round(H / block))}:flags=area,scale=${W}:${H}:flags=neighbor`;
}

/** An unused slot: a 2×2 crop laid outside the picture. */
const HIDDEN = { x: -8, y: -8, w: 2, h: 2 };

/**
 * The filter to append to a segment's video chain (starting with `,`) and the sendcmd file
 * it reads. The frame is pixelated once; per box slot, a crop of it is laid over the
 * original, both moved (and the crop resized) by sendcmd whenever the box changes.
 * `tag` keeps the names of several segments apart.
 */
export function faceBlurChain(options: {
  frames: readonly FrameBlur[];
  tag: string;
  width: number;
  height: number;
  frameRate: number;
  fitted: OutputRect;
  commandFile: string;
}): { filter: string; commands: string } {
  const { frames, tag, width: W, height: H, frameRate, fitted } = options;
  const slots = Math.max(1, ...frames.map((frame) => (frame === 'frame' ? 1 : frame.length)));
  const current: Array<typeof HIDDEN> = Array.from({ length: slots }, () => HIDDEN);
  const lines: string[] = [];
  frames.forEach((frame, i) => {
    const wanted = faceBlurRects(frame, fitted, W, H);
    const changes: string[] = [];
    for (let s = 0; s < slots; s++) {
      const next = wanted[s] ?? HIDDEN;
      const now = current[s]!;
      if (next.x === now.x && next.y === now.y && next.w === now.w && next.h === now.h) continue;
      const crop = `crop@${tag}_${s}`;
      const over = `overlay@${tag}_${s}`;
      const cropX = Math.max(0, next.x);
      const cropY = Math.max(0, next.y);
      changes.push(
        `${crop} w ${next.w}`,
        `${crop} h ${next.h}`,
        `${crop} x ${cropX}`,
        `${crop} y ${cropY}`,
        `${over} x ${next.x}`,
        `${over} y ${next.y}`,
      );
      current[s] = next;
    }
    // sent half a frame early, so the box is in place when its frame arrives
    if (changes.length) lines.push(`${Math.max(0, (i - 0.5) / frameRate).toFixed(6)} ${changes.join(', ')};`);
  });
  const pixelated = Array.from({ length: slots }, (_, s) => `[${tag}p${s}]`).join('');
  const crops = Array.from(
    { length: slots },
    (_, s) => `[${tag}p${s}]crop@${tag}_${s}=w=${HIDDEN.w}:h=${HIDDEN.h}:x=0:y=0:exact=1[${tag}c${s}]`,
  ).join(';');
  const overlays = Array.from({ length: slots }, (_, s) => {
    const base = s === 0 ? `[${tag}b]` : `[${tag}o${s - 1}]`;
    const out = s === slots - 1 ? '' : `[${tag}o${s}]`;
    return `${base}[${tag}c${s}]overlay@${tag}_${s}=x=${HIDDEN.x}:y=${HIDDEN.y}:eval=frame${out}`;
  }).join(';');
  const filter =
    `,sendcmd=f=${options.commandFile},split=2[${tag}b][${tag}p];` +
    `[${tag}p]${facePixelation(W, H)}` +
    `${slots > 1 ? `,split=${slots}${pixelated}` : `[${tag}p0]`};` +
    `${crops};${overlays}`;
  return { filter, commands: lines.length ? `${lines.join('\n')}\n` : '' };
}
