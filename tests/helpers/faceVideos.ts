// Test videos with real faces (the public-domain astronaut photo, see ../shared/fixtures/faces/README.md)
// moving over a textured background, with the true box of each face known for every frame.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { binaries, runFfmpegSync } from './media';

export const ASTRONAUT = path.resolve(__dirname, '../../../shared/fixtures/faces/astronaut.png');
export const FACE_PHOTO = fs.existsSync(ASTRONAUT) ? ASTRONAUT : '/work/shared/fixtures/faces/astronaut.png';

/** The head cut from the photo (square), and where the face sits in it (fractions). */
const HEAD_CROP = 'crop=200:200:130:20';
const FACE_IN_HEAD = { x: 0.15, y: 0.12, w: 0.62, h: 0.75 };

export interface FaceMotion {
  /** ffmpeg expressions of t (seconds): left, top, and side of the head square, in pixels. */
  x: string;
  y: string;
  size: string;
  /** Seconds when the face is in the picture (enable=between). */
  visible?: [number, number];
  /**
   * Half hidden, as by a hand over the mouth and nose: a face the detector does not find
   * (upside down was found once frames were analysed at 640 px), still in the picture at its known place.
   */
  covered?: boolean;
  /** The same motion in JavaScript, to know the true box per frame. */
  at(t: number): { x: number; y: number; size: number } | null;
}

export interface FaceVideo {
  file: string;
  width: number;
  height: number;
  rate: number;
  seconds: number;
  /** How many faces were laid over the background. */
  faces: number;
  /** The true face box of each face at time t, in pixels (null when not in the picture). */
  faceAt(face: number, t: number): { x: number; y: number; w: number; h: number } | null;
}

export function makeFaceVideo(
  dir: string,
  name: string,
  faces: FaceMotion[],
  options: { width?: number; height?: number; rate?: number; seconds?: number } = {},
): FaceVideo {
  const { width = 640, height = 360, rate = 25, seconds = 6 } = options;
  const file = path.join(dir, name);
  const chains = [`[0:v]drawgrid=w=40:h=40:t=2:c=0x80a0c0[bg0]`];
  faces.forEach((face, i) => {
    chains.push(
      `[1:v]${HEAD_CROP}${face.covered ? ',drawbox=x=0:y=90:w=200:h=110:c=black:t=fill' : ''},scale=w='2*trunc((${face.size})/2)':h='2*trunc((${face.size})/2)':eval=frame[f${i}]`,
    );
    const enable = face.visible ? `:enable='between(t,${face.visible[0]},${face.visible[1]})'` : '';
    chains.push(`[bg${i}][f${i}]overlay=x='${face.x}':y='${face.y}':eval=frame:shortest=1${enable}[bg${i + 1}]`);
  });
  chains.push(`[bg${faces.length}]format=yuv420p[v]`);
  runFfmpegSync([
    ...['-f', 'lavfi', '-i', `color=c=0x406080:s=${width}x${height}:r=${rate}:d=${seconds}`],
    ...['-loop', '1', '-framerate', String(rate), '-i', FACE_PHOTO],
    ...['-f', 'lavfi', '-i', `sine=frequency=440:sample_rate=48000:duration=${seconds}`],
    ...['-filter_complex', chains.join(';'), '-map', '[v]', '-map', '2:a', '-t', String(seconds)],
    ...['-c:v', 'libx264', '-preset', 'ultrafast', '-crf', '16', '-g', String(rate), '-c:a', 'aac', file],
  ]);
  return {
    file,
    width,
    height,
    rate,
    seconds,
    faces: faces.length,
    faceAt(index, t) {
      const face = faces[index]!;
      if (face.visible && (t < face.visible[0] || t > face.visible[1])) return null;
      const place = face.at(t);
      if (!place) return null;
      const size = 2 * Math.trunc(place.size / 2);
      const x0 = Math.floor(place.x) + FACE_IN_HEAD.x * size;
      const y0 = Math.floor(place.y) + FACE_IN_HEAD.y * size;
      const x1 = Math.max(0, Math.min(width, x0 + FACE_IN_HEAD.w * size));
      const y1 = Math.max(0, Math.min(height, y0 + FACE_IN_HEAD.h * size));
      const x = Math.max(0, Math.min(width, x0));
      const y = Math.max(0, Math.min(height, y0));
      return x1 - x > 2 && y1 - y > 2 ? { x, y, w: x1 - x, h: y1 - y } : null;
    },
  };
}

/** Which face of the video a track follows: the one its middle box (fractions of the frame) overlaps most. */
export function faceOfTrack(
  video: FaceVideo,
  track: { boxes: ReadonlyArray<{ t: number; x: number; y: number; w: number; h: number }> },
): number {
  const box = track.boxes[Math.floor(track.boxes.length / 2)]!;
  const overlap = (face: number) => {
    const truth = video.faceAt(face, box.t);
    if (!truth) return 0;
    const x0 = Math.max(truth.x, box.x * video.width);
    const x1 = Math.min(truth.x + truth.w, (box.x + box.w) * video.width);
    const y0 = Math.max(truth.y, box.y * video.height);
    const y1 = Math.min(truth.y + truth.h, (box.y + box.h) * video.height);
    return Math.max(0, x1 - x0) * Math.max(0, y1 - y0);
  };
  let best = 0;
  for (let face = 1; face < video.faces; face++) if (overlap(face) > overlap(best)) best = face;
  return best;
}

/** Gray frames of a video at a size, one Uint8Array per frame. */
export function grayFrames(file: string, width: number, height: number): Uint8Array[] {
  const raw = execFileSync(
    binaries.ffmpeg,
    ['-v', 'error', '-i', file, '-vf', `scale=${width}:${height}:flags=area,format=gray`, '-f', 'rawvideo', '-'],
    { maxBuffer: 1 << 30 },
  );
  const frames: Uint8Array[] = [];
  for (let offset = 0; offset + width * height <= raw.length; offset += width * height)
    frames.push(raw.subarray(offset, offset + width * height));
  return frames;
}

export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

const inner = (r: Rect, k: number): Rect => ({
  x: Math.round(r.x + r.w * k),
  y: Math.round(r.y + r.h * k),
  w: Math.round(r.w * (1 - 2 * k)),
  h: Math.round(r.h * (1 - 2 * k)),
});

/** Sum of absolute differences between horizontal and vertical neighbours inside a rectangle (detail). */
export function detailIn(frame: Uint8Array, width: number, r: Rect): number {
  let sum = 0;
  let count = 0;
  for (let y = r.y; y < r.y + r.h - 1; y++) {
    for (let x = r.x; x < r.x + r.w - 1; x++) {
      const p = frame[y * width + x]!;
      sum += Math.abs(p - frame[y * width + x + 1]!) + Math.abs(p - frame[(y + 1) * width + x]!);
      count++;
    }
  }
  return count ? sum / count : 0;
}

/** Mean absolute difference of two frames inside a rectangle. */
export function differenceIn(a: Uint8Array, b: Uint8Array, width: number, r: Rect): number {
  let sum = 0;
  let count = 0;
  for (let y = r.y; y < r.y + r.h; y++) {
    for (let x = r.x; x < r.x + r.w; x++) {
      sum += Math.abs(a[y * width + x]! - b[y * width + x]!);
      count++;
    }
  }
  return count ? sum / count : 0;
}

export { inner as innerRect };
