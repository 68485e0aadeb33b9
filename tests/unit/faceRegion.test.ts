// When a drawn region may stand for a blurred face: big enough, and confirmed on stills across the range.
import { describe, expect, it } from 'vitest';
import { confirmationStillTimes, faceRegionHolds, stillsCoverRange } from '../../src-main/editing/faceRegion';

const box = { x: 0.3, y: 0.2, w: 0.3, h: 0.4 };
const check = (extra = {}) => ({
  blurBox: box,
  inSeconds: 2,
  outSeconds: 10,
  stillSeconds: [3, 6, 9],
  confirmedBy: 'Animatrice',
  confirmedAt: '2026-11-23T10:00:00Z',
  ...extra,
});

describe('face region', () => {
  it('spreads 3 to 5 stills across the range', () => {
    expect(confirmationStillTimes(0, 8, 4)).toEqual([1, 3, 5, 7]);
    expect(confirmationStillTimes(0, 9, 1)).toHaveLength(3);
    expect(confirmationStillTimes(0, 9, 9)).toHaveLength(5);
    expect(stillsCoverRange(confirmationStillTimes(2, 10), 2, 10)).toBe(true);
    expect(stillsCoverRange([2.5, 3, 3.5], 2, 10)).toBe(false); // all at the start
    expect(stillsCoverRange([3, 9], 2, 10)).toBe(false); // too few
  });

  it('holds only for a confirmed region that can hold a face, over the whole range', () => {
    expect(faceRegionHolds(box, check(), 2, 10)).toEqual({ holds: true });
    expect(faceRegionHolds(null, check(), 2, 10)).toEqual({ holds: false, why: 'no-region' });
    expect(faceRegionHolds({ x: 0.1, y: 0.1, w: 0.15, h: 0.2 }, check(), 2, 10)).toEqual({ holds: false, why: 'region-too-small' });
    expect(faceRegionHolds(box, null, 2, 10)).toEqual({ holds: false, why: 'not-confirmed' });
    expect(faceRegionHolds({ ...box, x: 0.31 }, check(), 2, 10)).toEqual({ holds: false, why: 'not-confirmed' });
    expect(faceRegionHolds(box, check(), 1, 10)).toEqual({ holds: false, why: 'not-confirmed' }); // range grew
  });
});
