// One frame's tracked blur as a static filter (stills of frames at risk, feedback sheet pictures):
// the same places and the same pixelation as the render's sendcmd chain, the outline only when asked,
// the middle frame of a stretch at risk, and no picture where the tracks cannot vouch.
import { describe, expect, it } from 'vitest';
import type { FaceDetection } from '../../src-main/faces/faceTracker';
import type { FrameBlur, PlanFaceTracks } from '../../src-main/faces/faceCoverage';
import { faceBlurChain, facePixelation } from '../../src-main/faces/faceBlurFilter';
import { faceStillFilter, trackedBlurAt, unionOfFrames } from '../../src-main/faces/faceStillFilter';
import { riskFrame, riskStillFilter } from '../../src-main/editing/faceRiskStills';
import type { RenderPlan } from '../../src-main/editing/renderPlan';

const det = (t: number, x: number, y = 0.3, w = 0.1, score = 0.9): FaceDetection => ({ t, x, y, w, h: w, score });

/** The crop rectangles a static filter lays over the frame. */
const cropsOf = (filter: string) =>
  [...filter.matchAll(/crop=w=(\d+):h=(\d+):x=(\d+):y=(\d+)/g)].map((m) => ({ w: +m[1]!, h: +m[2]!, x: +m[3]!, y: +m[4]! }));

describe('face still filter', () => {
  const fitted = { x: 160, y: 0, w: 960, h: 720 };

  it('pixelates each box where the render does, with the render’s blocks', () => {
    const frames: FrameBlur[] = [
      [
        { x: 0.1, y: 0.13, w: 0.21, h: 0.2 },
        { x: 0.55, y: 0.5, w: 0.3, h: 0.33 },
      ],
    ];
    const still = faceStillFilter(frames[0]!, { width: 1280, height: 720, fitted });
    const render = faceBlurChain({ frames, tag: 'fb0', width: 1280, height: 720, frameRate: 25, fitted, commandFile: 'f.cmd' });
    // the render's first (and only) sendcmd line sets each slot's crop: the still's crops are the same
    const slots = [0, 1].map((s) => {
      const value = (key: string) => Number(new RegExp(`crop@fb0_${s} ${key} (\\d+)`).exec(render.commands)![1]);
      return { w: value('w'), h: value('h'), x: value('x'), y: value('y') };
    });
    expect(cropsOf(still)).toEqual(slots);
    expect(still).toContain(facePixelation(1280, 720));
    expect(render.filter).toContain(facePixelation(1280, 720));
    expect(still).not.toContain('drawbox');
    expect(faceStillFilter(frames[0]!, { width: 1280, height: 720, fitted, outline: true }).match(/drawbox=/g)).toHaveLength(2);
  });

  it('covers the whole frame for "frame", and does nothing for no box', () => {
    expect(cropsOf(faceStillFilter('frame', { width: 1281, height: 721, fitted }))).toEqual([{ x: 0, y: 0, w: 1280, h: 720 }]);
    expect(faceStillFilter([], { width: 1280, height: 720, fitted })).toBe('null');
  });

  it('hides the boxes of both frames a still may show', () => {
    const a = { x: 0.1, y: 0.1, w: 0.1, h: 0.1 };
    const b = { x: 0.12, y: 0.1, w: 0.1, h: 0.1 };
    expect(unionOfFrames([a], [b])).toEqual([a, b]);
    expect(unionOfFrames([a], 'frame')).toBe('frame');
  });
});

describe('tracked blur for pictures taken from the master (feedback sheet)', () => {
  const faces = (reviewed: boolean, personId: number | null = 7): PlanFaceTracks => ({
    step: 0.2,
    tracks: [{ trackId: 1, personId, reviewed, boxes: Array.from({ length: 20 }, (_, i) => det(i * 0.2, 0.3)) }],
  });
  const size = { width: 640, height: 360 };

  it('gives the filter hiding the person’s box where the reviewed tracks vouch for the moment', () => {
    const filter = trackedBlurAt(faces(true), [7], size, 25)(1.5);
    expect(filter).not.toBeNull();
    const [crop] = cropsOf(filter!);
    // the box (x 0.3, w 0.1 of 640 px) with its margin
    expect(crop!.x).toBeLessThanOrEqual(0.3 * 640);
    expect(crop!.x + crop!.w).toBeGreaterThanOrEqual(0.4 * 640);
  });

  it('gives no picture when not analysed, not reviewed, or the person has no track', () => {
    expect(trackedBlurAt(null, [7], size, 25)(1.5)).toBeNull();
    expect(trackedBlurAt(faces(false), [7], size, 25)(1.5)).toBeNull();
    expect(trackedBlurAt(faces(true, 8), [7], size, 25)(1.5)).toBeNull();
  });
});

describe('stills of the frames at risk', () => {
  const faceBlur: FrameBlur[] = Array.from({ length: 50 }, (_, i) => (i >= 20 && i < 30 ? 'frame' : [{ x: 0.1, y: 0.1, w: 0.2, h: 0.2 }]));
  const plan = {
    width: 1280,
    height: 720,
    frameRate: 25,
    segments: [
      { kind: 'title', text: 'Titre', seconds: 2, frames: 50 },
      {
        kind: 'clip',
        recordingId: 3,
        masterPath: '/m.mp4',
        source: { durationSeconds: 10, width: 640, height: 360, masterBytes: 1, hasVideo: true },
        hasAudio: true,
        inSeconds: 4,
        outSeconds: 6,
        frames: 50,
        pixelate: null,
        faceBlur,
        alterVoice: false,
        muteVoice: false,
        lowerThird: null,
      },
    ],
  } as unknown as RenderPlan;

  it('takes the middle frame of the stretch, from its segment, with that frame’s blur', () => {
    const frame = riskFrame(plan, { recordingId: 3, personId: 7, fromSeconds: 4.8, toSeconds: 5.2, action: 'whole-frame' });
    expect(frame).toMatchObject({ index: 24, blur: 'frame' });
    expect(frame!.seconds).toBeCloseTo(4.96);
    expect(riskFrame(plan, { recordingId: 4, personId: 7, fromSeconds: 4.8, toSeconds: 5.2, action: 'widened' })).toBeNull();
    expect(riskFrame(plan, { recordingId: 3, personId: 7, fromSeconds: 5.96, toSeconds: 6, action: 'widened' })).toMatchObject({
      index: 49,
    });
  });

  it('draws the frame fitted to the output, pixelated and outlined, 480 pixels wide', () => {
    const segment = plan.segments[1] as Extract<RenderPlan['segments'][number], { kind: 'clip' }>;
    const filter = riskStillFilter(plan, segment, faceBlur[0]!, { width: 640, height: 360 });
    expect(filter).toMatch(/^scale=1280:720:force_original_aspect_ratio=decrease,pad=1280:720/);
    expect(filter).toContain('drawbox=');
    expect(filter).toMatch(/,scale=480:-2$/);
  });
});
