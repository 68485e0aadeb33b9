/**
 * The best recording format this browser offers: VP9 then VP8 with Opus in WebM.
 */
const CANDIDATES = ['video/webm;codecs=vp9,opus', 'video/webm;codecs=vp8,opus', 'video/webm'];

export function pickRecorderMimeType(): string {
  return CANDIDATES.find((type) => MediaRecorder.isTypeSupported(type)) ?? 'video/webm';
}

export const RESOLUTIONS = {
  '720p': { width: 1280, height: 720 },
  '1080p': { width: 1920, height: 1080 },
} as const;
export type ResolutionName = keyof typeof RESOLUTIONS;
