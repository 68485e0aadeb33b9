import { describe, expect, it } from 'vitest';
import { boxAt, iou, linkDetections, mergeTracks, predict, type FaceDetection } from '../../src-main/faces/faceTracker';
import {
  extendTrack,
  faceBlurFrames,
  offScreenBetween,
  splitAtGaps,
  tracksCanHide,
  type PlanFaceTracks,
} from '../../src-main/faces/faceCoverage';
import { faceBlurChain, faceBoxInOutput } from '../../src-main/faces/faceBlurFilter';

const step = 0.2;
const det = (t: number, x: number, y = 0.3, w = 0.1, score = 0.9): FaceDetection => ({ t, x, y, w, h: w, score });

describe('face tracker', () => {
  it('measures overlap (IoU)', () => {
    expect(iou({ x: 0, y: 0, w: 1, h: 1 }, { x: 0, y: 0, w: 1, h: 1 })).toBe(1);
    expect(iou({ x: 0, y: 0, w: 0.2, h: 0.2 }, { x: 0.5, y: 0.5, w: 0.2, h: 0.2 })).toBe(0);
    expect(iou({ x: 0, y: 0, w: 0.2, h: 0.2 }, { x: 0.1, y: 0, w: 0.2, h: 0.2 })).toBeCloseTo(1 / 3);
  });

  it('predicts a box along its last motion', () => {
    expect(predict({ boxes: [det(0, 0.1), det(0.2, 0.2)] }, 0.4).x).toBeCloseTo(0.3);
  });

  it('links two faces moving past each other into two tracks, by overlap with the prediction', () => {
    const detections: FaceDetection[] = [];
    for (let i = 0; i < 10; i++) {
      detections.push(det(i * step, 0.1 + i * 0.06, 0.2), det(i * step, 0.7 - i * 0.06, 0.6));
    }
    const tracks = linkDetections(detections, { step });
    expect(tracks).toHaveLength(2);
    for (const track of tracks) {
      expect(track.boxes).toHaveLength(10);
      expect(new Set(track.boxes.map((b) => b.y)).size).toBe(1);
    }
  });

  it('bridges a gap of a few analysed frames, and starts a new track after a longer one', () => {
    const short = [det(0, 0.1), det(0.2, 0.12), det(0.8, 0.18), det(1.0, 0.2)];
    expect(linkDetections(short, { step })).toHaveLength(1);
    const long = [det(0, 0.1), det(0.2, 0.12), det(2.0, 0.3), det(2.2, 0.32)];
    expect(linkDetections(long, { step })).toHaveLength(2);
  });

  it('interpolates between analysed boxes, marks bridged and uncertain stretches, and stops at long gaps', () => {
    const track = { boxes: [det(0, 0.1), det(0.2, 0.2), det(0.8, 0.5, 0.3, 0.1, 0.9), det(1.0, 0.6, 0.3, 0.1, 0.3), det(3.0, 0.1)] };
    expect(boxAt(track, 0.1, step)).toMatchObject({ sure: true });
    expect(boxAt(track, 0.1, step)!.x).toBeCloseTo(0.15);
    expect(boxAt(track, 0.5, step)).toMatchObject({ sure: false }); // bridged gap
    expect(boxAt(track, 0.5, step)!.x).toBeCloseTo(0.35);
    expect(boxAt(track, 0.9, step)).toMatchObject({ sure: false }); // low score
    expect(boxAt(track, 2.0, step)).toBeNull(); // long gap (tracks merged by hand)
    expect(boxAt(track, -0.1, step)).not.toBeNull();
    expect(boxAt(track, -0.3, step)).toBeNull();
    expect(boxAt(track, 3.3, step)).toBeNull();
  });

  it('merges tracks in time order', () => {
    const merged = mergeTracks([{ boxes: [det(1, 0.5)] }, { boxes: [det(0, 0.1), det(2, 0.2)] }]);
    expect(merged.boxes.map((b) => b.t)).toEqual([0, 1, 2]);
  });
});

describe('face coverage', () => {
  const faces = (tracks: PlanFaceTracks['tracks']): PlanFaceTracks => ({ step, tracks });

  it('follows a lost face to the edge along its motion, or holds it in place', () => {
    const leaving = extendTrack({ boxes: [det(0, 0.6), det(0.2, 0.7), det(0.4, 0.8)] }, step);
    expect(leaving.boxes[leaving.boxes.length - 1]!.x).toBeGreaterThanOrEqual(1);
    expect(leaving.boxes.filter((b) => b.score === 0).length).toBeGreaterThan(0);
    const still = extendTrack({ boxes: [det(0, 0.5), det(0.2, 0.5)] }, step);
    expect(still.boxes[still.boxes.length - 1]!.t).toBeCloseTo(0.2 + 0.6);
    expect(splitAtGaps({ boxes: [det(0, 0.1), det(0.2, 0.1), det(3, 0.1)] }, step)).toHaveLength(2);
  });

  it('needs every face in range assigned, and a track for each person to hide', () => {
    const track = { trackId: 1, personId: 7, reviewed: true, boxes: [det(0, 0.1), det(0.2, 0.1)] };
    expect(tracksCanHide(null, [7], 0, 1)).toMatchObject({ can: false, why: 'not-analysed' });
    expect(tracksCanHide(faces([track]), [7], 0, 1)).toEqual({ can: true });
    expect(tracksCanHide(faces([track]), [8], 0, 1)).toMatchObject({ can: false, why: 'no-track' });
    expect(tracksCanHide(faces([track, { ...track, trackId: 2, personId: null, reviewed: false }]), [7], 0, 1)).toMatchObject({
      can: false,
      why: 'not-reviewed',
    });
  });

  it('covers every frame: boxes with a margin, the whole frame between two tracks of a person who did not leave', () => {
    const a = { trackId: 1, personId: 7, reviewed: true, boxes: [det(0, 0.4), det(0.2, 0.4)] };
    const b = { trackId: 2, personId: 7, reviewed: true, boxes: [det(2, 0.4), det(2.2, 0.4)] };
    const other = { trackId: 3, personId: 9, reviewed: true, boxes: [det(0, 0.1), det(2.2, 0.1)] };
    const { frames, risks } = faceBlurFrames(faces([a, b, other]), {
      personIds: new Set([7]),
      blurUnknown: false,
      inSeconds: 0,
      frames: 60,
      frameRate: 25,
    });
    expect(frames[0]).toHaveLength(1);
    const box = (frames[0] as Array<{ x: number; w: number }>)[0]!;
    expect(box.x).toBeLessThan(0.4);
    expect(box.x + box.w).toBeGreaterThan(0.5);
    expect(frames[30]).toBe('frame'); // 1.2 s: between the tracks, held box over, not at an edge
    expect(frames[55]).toHaveLength(1);
    expect(risks.some((risk) => risk.action === 'whole-frame' && risk.personId === 7)).toBe(true);
  });
});

describe('a person to hide, before their first box and after their last', () => {
  const faces = (tracks: PlanFaceTracks['tracks']): PlanFaceTracks => ({ step, tracks });
  const blur = (tracks: PlanFaceTracks['tracks']) =>
    faceBlurFrames(faces(tracks), { personIds: new Set([7]), blurUnknown: false, inSeconds: 0, frames: 125, frameRate: 25 });

  it('first seen in the middle of the picture at 2 s: the frames before were not proved empty, whole frame', () => {
    const { frames, risks } = blur([{ trackId: 1, personId: 7, reviewed: true, boxes: [det(2, 0.45), det(2.2, 0.45), det(2.4, 0.45)] }]);
    expect(frames[0]).toBe('frame');
    expect(frames[25]).toBe('frame'); // 1 s
    expect(Array.isArray(frames[55])).toBe(true); // 2.2 s: the tracked box
    expect(risks).toContainEqual(expect.objectContaining({ personId: 7, action: 'whole-frame', fromSeconds: 0 }));
    // and after the last box (2.4 s, held half a second), in the middle of the picture too
    expect(frames[100]).toBe('frame'); // 4 s
  });

  it('coming in through the edge and leaving through it: nothing is blurred before or after', () => {
    const { frames, risks } = blur([
      {
        trackId: 1,
        personId: 7,
        reviewed: true,
        boxes: [det(2, 0.01), det(2.2, 0.2), det(2.4, 0.4), det(2.6, 0.6), det(2.8, 0.8), det(3, 0.95)],
      },
    ]);
    expect(frames[0]).toEqual([]);
    expect(frames[25]).toEqual([]);
    expect(frames[120]).toEqual([]); // 4.8 s: gone through the right edge
    expect(risks.filter((risk) => risk.action === 'whole-frame')).toEqual([]);
  });

  it('knows when a person is off screen between boxes', () => {
    const edge = { boxes: [det(1, 0.97), det(1.2, 0.97)] };
    const middle = { boxes: [det(3, 0.5), det(3.2, 0.5)] };
    expect(offScreenBetween([edge], 0.5)).toBe(true);
    expect(offScreenBetween([middle], 0.5)).toBe(false);
    expect(offScreenBetween([edge, middle], 2)).toBe(false);
    expect(offScreenBetween([middle], 4)).toBe(false);
    expect(offScreenBetween([edge], 4)).toBe(true);
    expect(offScreenBetween([], 4)).toBe(true);
  });
});

describe('face blur filter', () => {
  it('places boxes in output pixels and drives the mask by sendcmd, one line per change', () => {
    expect(faceBoxInOutput({ x: 0.5, y: 0.5, w: 0.25, h: 0.25 }, { x: 160, y: 0, w: 960, h: 720 }, 1280, 720)).toEqual({
      x: 640,
      y: 360,
      w: 240,
      h: 180,
    });
    const still = { x: 0.1, y: 0.1, w: 0.2, h: 0.2 };
    const { filter, commands } = faceBlurChain({
      frames: [[still], [still], 'frame', []],
      tag: 'fb0',
      width: 640,
      height: 360,
      frameRate: 25,
      fitted: { x: 0, y: 0, w: 640, h: 360 },
      commandFile: 'faces-0.cmd',
    });
    expect(filter).toContain('sendcmd=f=faces-0.cmd');
    expect(filter).toContain('crop@fb0_0=');
    expect(filter).toContain('overlay@fb0_0=');
    const lines = commands.trim().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toBe(
      '0.000000 crop@fb0_0 w 130, crop@fb0_0 h 74, crop@fb0_0 x 64, crop@fb0_0 y 36, overlay@fb0_0 x 64, overlay@fb0_0 y 36;',
    );
    expect(lines[1]).toContain('w 640');
    expect(lines[2]).toContain('overlay@fb0_0 x -8');
  });
});
