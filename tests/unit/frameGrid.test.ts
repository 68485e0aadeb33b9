import { describe, expect, it } from 'vitest';
import { frameAt, frameRange, samplesAt, snapToFrame, stepFrame, wholeFrames } from '../../src-shared/frameGrid';

describe('the frame grid', () => {
  it('frame k covers [k/fps, (k+1)/fps), times kept to the millisecond count as on the grid', () => {
    expect(frameAt(5, 25)).toBe(125);
    expect(frameAt(5.038, 25)).toBe(125);
    expect(frameAt(5.0395, 25)).toBe(126); // within a millisecond of frame 126: on it
    expect(frameAt(5.04, 25)).toBe(126);
    // frame 3 at 29.97 fps starts at 0.1001 s; stored as 0.100 s it is still frame 3
    expect(frameAt(0.1, 29.97)).toBe(3);
    expect(snapToFrame(5.02, 25)).toBe(5);
    expect(frameAt(-1, 25)).toBe(0);
  });

  it('a range holds the frames shown during it: at least one, never past the last frame of the master', () => {
    expect(frameRange(5, 12, 25)).toEqual({ inFrame: 125, outFrame: 300, inSeconds: 5, outSeconds: 12, frames: 175 });
    expect(frameRange(5.02, 9.01, 25)).toMatchObject({ inFrame: 125, outFrame: 226, frames: 101 });
    expect(frameRange(7.3, 7.31, 25)).toMatchObject({ inFrame: 182, frames: 1 });
    expect(frameRange(7.3, 7.3, 25)).toMatchObject({ inFrame: 182, frames: 1 });
    expect(frameRange(36.5, 40.011, 25, 1000)).toMatchObject({ inFrame: 912, outFrame: 1000 });
    expect(frameRange(45, 50, 25, 1000)).toMatchObject({ inFrame: 999, outFrame: 1000, frames: 1 });
  });

  it('steps one frame, rounds lengths to whole frames and frame edges to samples', () => {
    expect(stepFrame(5.02, 25, 1)).toBeCloseTo(5.04, 9);
    expect(stepFrame(5.02, 25, -1)).toBeCloseTo(4.96, 9);
    expect(stepFrame(0.01, 25, -1)).toBe(0);
    expect(wholeFrames(2.01, 25)).toBe(50);
    expect(wholeFrames(0.001, 25)).toBe(1);
    // 29.97 fps: 1601.6 samples a frame; edges from the start never drift
    expect(samplesAt(1001 / 29.97, 48000) - samplesAt(1000 / 29.97, 48000)).toBeGreaterThanOrEqual(1601);
    expect(samplesAt(30000 / 29.97, 48000)).toBe(48048048);
  });
});
