/**
 * Stills of the frames at risk of an export (issue 18 §4): for each stretch where tracked
 * blur had to widen its box or pixelate the whole frame, the middle frame of the stretch
 * drawn as the render will draw it — fitted to the output, the same pixelation at the same
 * places (faceStillFilter, one home with the render's filter) — with an outline around what
 * is hidden, so the animator sees before rendering what will be done. The still shows the
 * blurred frame only; it is returned as a JPEG data: URL and never kept on disk.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { FfmpegBinaries } from '../media/binaries';
import { frameGrabArgs } from '../media/ffmpegArgs';
import { runFfmpeg } from '../media/runFfmpeg';
import type { FaceRisk, FrameBlur } from '../faces/faceCoverage';
import { faceStillFilter } from '../faces/faceStillFilter';
import { fittedRect, fitToOutput, regionPixelation, type SourceSize } from './renderArgs';
import type { PlannedSegment, RenderPlan } from './renderPlan';

/** At most this many stills (the first stretches in the film's order); the answer says how many were left out. */
export const MAX_RISK_STILLS = 8;
/** Width of a still in pixels: big enough to see a face's box, small enough for the panel. */
export const RISK_STILL_WIDTH = 480;

export interface FaceRiskStill extends FaceRisk {
  recordingId: number;
  /** The frame shown, in seconds of the recording (the middle of the stretch). */
  seconds: number;
  /** A JPEG, as a data: URL. */
  image: string;
  width: number;
  height: number;
}

type ClipSegment = Extract<PlannedSegment, { kind: 'clip' }>;

/** The frame of the plan that shows the middle of a stretch at risk: its segment, its index there, its time. Pure. */
export function riskFrame(
  plan: Pick<RenderPlan, 'segments' | 'frameRate'>,
  risk: FaceRisk & { recordingId: number },
): { segment: ClipSegment; index: number; seconds: number; blur: FrameBlur } | null {
  const fps = plan.frameRate;
  const segment = plan.segments.find(
    (s): s is ClipSegment =>
      s.kind === 'clip' && s.recordingId === risk.recordingId && s.inSeconds - 0.001 <= risk.fromSeconds && risk.fromSeconds < s.outSeconds,
  );
  if (!segment) return null;
  const first = Math.round((risk.fromSeconds - segment.inSeconds) * fps);
  const frames = Math.max(1, Math.round((risk.toSeconds - risk.fromSeconds) * fps));
  const index = Math.max(0, Math.min(segment.frames - 1, first + Math.floor((frames - 1) / 2)));
  return { segment, index, seconds: segment.inSeconds + index / fps, blur: segment.faceBlur?.[index] ?? [] };
}

/** The filter that draws one frame of a segment as the render will, outlined, scaled to the still's width. */
export function riskStillFilter(
  plan: Pick<RenderPlan, 'width' | 'height'>,
  segment: ClipSegment,
  blur: FrameBlur,
  size: SourceSize,
): string {
  const { width: W, height: H } = plan;
  const region = segment.pixelate ? regionPixelation(segment.pixelate, 'still', W, H, size) : '';
  const faces = faceStillFilter(blur, { width: W, height: H, fitted: fittedRect(size.width, size.height, W, H), outline: true });
  return `${fitToOutput(W, H)}${region},${faces},scale=${RISK_STILL_WIDTH}:-2`;
}

/** `sourceSizes`: each source's size, as the render reads them (RenderService.sourceSizes), asked only when there are risks. */
export async function faceRiskStills(
  plan: RenderPlan,
  binaries: FfmpegBinaries,
  workFolder: string,
  sourceSizes: () => Promise<ReadonlyMap<number, SourceSize>>,
): Promise<{ stills: FaceRiskStill[]; leftOut: number }> {
  const risks = plan.faceRisks ?? [];
  if (risks.length === 0) return { stills: [], leftOut: 0 };
  const shown = risks.slice(0, MAX_RISK_STILLS);
  const sizes = await sourceSizes();
  const height = Math.max(2, Math.round((RISK_STILL_WIDTH * plan.height) / plan.width / 2) * 2);
  // named like a render's work folder, so a crash leaves nothing behind (recoverUnfinished)
  const work = path.join(workFolder, `render-face-stills-${crypto.randomUUID()}`);
  fs.mkdirSync(work, { recursive: true });
  try {
    const stills: FaceRiskStill[] = [];
    for (const [n, risk] of shown.entries()) {
      const frame = riskFrame(plan, risk);
      if (!frame) continue;
      const { segment } = frame;
      const size = sizes.get(segment.recordingId) ?? { width: plan.width, height: plan.height };
      const file = path.join(work, `still-${n}.jpg`);
      // a quarter frame early: the decoder starts at the frame the render shows, not the next one
      const seek = Math.max(0, frame.seconds - 0.25 / plan.frameRate);
      await runFfmpeg(binaries, frameGrabArgs(segment.masterPath, seek, file, riskStillFilter(plan, segment, frame.blur, size)), {
        purpose: 'drawing a frame at risk as the export will blur it',
      });
      stills.push({
        ...risk,
        seconds: Math.round(frame.seconds * 1000) / 1000,
        image: `data:image/jpeg;base64,${fs.readFileSync(file).toString('base64')}`,
        width: RISK_STILL_WIDTH,
        height,
      });
    }
    return { stills, leftOut: risks.length - shown.length };
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}
