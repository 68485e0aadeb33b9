// The adversary of the face leak tests: the app's own face detector (src-main/faces/faceDetector.ts,
// the tiny face detector on WebAssembly, as the analysis runs it) looks at every frame of an
// exported video, or at a still, and says where it sees faces, in pixels of the size asked.
import { execFileSync } from 'node:child_process';
import { detectFaces, loadFaceDetector } from '../../src-main/faces/faceDetector';
import { readRawFrames } from '../../src-main/media/rawFrames';
import { binaries } from './media';
import type { Rect } from './faceVideos';

export interface SeenFace extends Rect {
  score: number;
}

async function facesIn(rgb: Uint8Array, width: number, height: number): Promise<SeenFace[]> {
  const faceapi = await loadFaceDetector();
  const found = await detectFaces(faceapi, rgb, width, height, 0);
  return found.map((face) => ({ x: face.x * width, y: face.y * height, w: face.w * width, h: face.h * height, score: face.score }));
}

/** The faces the detector sees on every frame of a video, decoded at `rate` frames a second and scaled to width×height. */
export async function facesInVideo(file: string, width: number, height: number, rate: number): Promise<SeenFace[][]> {
  const frames: SeenFace[][] = [];
  await readRawFrames(binaries, file, { width, height, rate }, async (rgb) => {
    frames.push(await facesIn(rgb, width, height));
  });
  return frames;
}

/** The faces the detector sees in a picture (JPEG, PNG…), scaled to width×height. */
export async function facesInImage(file: string, width: number, height: number): Promise<SeenFace[]> {
  return facesIn(rgbImage(file, width, height), width, height);
}

/** A picture as RGB bytes at width×height. */
export function rgbImage(file: string, width: number, height: number): Uint8Array {
  return execFileSync(
    binaries.ffmpeg,
    ['-v', 'error', '-i', file, '-frames:v', '1', '-vf', `scale=${width}:${height}:flags=area,format=rgb24`, '-f', 'rawvideo', '-'],
    { maxBuffer: 1 << 26 },
  );
}

/** A picture as gray bytes at width×height (for detailIn). */
export function grayImage(file: string, width: number, height: number): Uint8Array {
  return execFileSync(
    binaries.ffmpeg,
    ['-v', 'error', '-i', file, '-frames:v', '1', '-vf', `scale=${width}:${height}:flags=area,format=gray`, '-f', 'rawvideo', '-'],
    { maxBuffer: 1 << 26 },
  );
}

/** Share of the smaller box covered by the other: a detection on a face, even a shifted or partial one, scores high. */
export function overlapShare(a: Rect, b: Rect): number {
  const w = Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y);
  if (w <= 0 || h <= 0) return 0;
  return (w * h) / Math.max(1, Math.min(a.w * a.h, b.w * b.h));
}

/** Does the detector see a face on this true box (a detection covering at least a third of it, or it of the detection)? */
export const seesFaceOn = (seen: readonly SeenFace[], truth: Rect) => seen.some((face) => overlapShare(face, truth) >= 1 / 3);
