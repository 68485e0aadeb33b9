/**
 * The ffmpeg filter that pixelates tracked faces: the segment's frames are pixelated
 * whole once, and laid over the original through a mask whose boxes move frame by frame,
 * driven by a `sendcmd` file (one command per change, never a long expression). Pure.
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

const HIDDEN = { x: -4, y: -4, w: 1, h: 1 };

/**
 * The filter to append to a segment's video chain (starting with `,`) and the sendcmd file
 * it reads. `tag` keeps the labels of several segments apart.
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
    const wanted = frame === 'frame' ? [{ x: 0, y: 0, w: W, h: H }] : frame.map((box) => faceBoxInOutput(box, fitted, W, H));
    const changes: string[] = [];
    for (let s = 0; s < slots; s++) {
      const next = wanted[s] ?? HIDDEN;
      const now = current[s]!;
      if (next.x === now.x && next.y === now.y && next.w === now.w && next.h === now.h) continue;
      const name = `drawbox@${tag}_${s}`;
      changes.push(`${name} x ${next.x}`, `${name} y ${next.y}`, `${name} w ${next.w}`, `${name} h ${next.h}`);
      current[s] = next;
    }
    // sent half a frame early, so the box is in place when its frame arrives
    if (changes.length) lines.push(`${Math.max(0, (i - 0.5) / frameRate).toFixed(6)} ${changes.join(', ')};`);
  });
  const block = Math.max(8, Math.round(W / FACE_PIXEL_BLOCKS));
  const seconds = (frames.length + 2) / frameRate;
  const boxes = Array.from(
    { length: slots },
    (_, s) => `drawbox@${tag}_${s}=x=${HIDDEN.x}:y=${HIDDEN.y}:w=${HIDDEN.w}:h=${HIDDEN.h}:color=white:t=fill`,
  ).join(',');
  const filter =
    `,split=2[${tag}b][${tag}p];` +
    `[${tag}p]scale=${Math.max(2, Math.round(W / block))}:${Math.max(2, Math.round(H / block))}:flags=area,scale=${W}:${H}:flags=neighbor,format=yuva420p[${tag}q];` +
    `color=c=black:s=${W}x${H}:r=${frameRate}:d=${seconds.toFixed(6)},format=gray,sendcmd=f=${options.commandFile},${boxes}[${tag}m];` +
    `[${tag}q][${tag}m]alphamerge[${tag}a];` +
    `[${tag}b][${tag}a]overlay=format=yuv420:eof_action=pass`;
  return { filter, commands: lines.length ? `${lines.join('\n')}\n` : '' };
}
