// What lies inside the passages kept after a person was cut out: by stored times, and by
// the frames the render takes (a frame starting before a kept passage shows a moment outside it).
import { describe, expect, it } from 'vitest';
import { insideKeptRanges } from '../../src-main/editing/keptRanges';

const kept = [
  { fromSeconds: 10, toSeconds: 20 },
  { fromSeconds: 30.01, toSeconds: 40 },
];

describe('kept passages', () => {
  it('no kept passages: the whole recording', () => {
    expect(insideKeptRanges(undefined, 0, 100)).toBe(true);
    expect(insideKeptRanges([], 0, 100, { fps: 25 })).toBe(true);
  });

  it('by time, to the millisecond', () => {
    expect(insideKeptRanges(kept, 10, 20)).toBe(true);
    expect(insideKeptRanges(kept, 9.999, 15)).toBe(false);
    expect(insideKeptRanges(kept, 15, 25)).toBe(false);
    expect(insideKeptRanges(kept, 30.01, 35)).toBe(true);
  });

  it('by frames: every frame taken starts inside one passage (a frame is the picture taken at its start)', () => {
    const grid = { fps: 25 };
    expect(insideKeptRanges(kept, 10, 20, grid)).toBe(true);
    // a passage ending between two frames: the frame that starts inside it is kept (3.48 s, shown until 3.52 s)
    expect(insideKeptRanges([{ fromSeconds: 2, toSeconds: 3.5 }], 2, 3.5, grid)).toBe(true);
    expect(insideKeptRanges([{ fromSeconds: 2, toSeconds: 3.5 }], 2, 3.53, grid)).toBe(false);
    // a passage kept from 30.01 s: frame 750 starts at 30.00 s and shows 10 ms before it
    expect(insideKeptRanges(kept, 30.01, 35, grid)).toBe(false);
    expect(insideKeptRanges(kept, 30.04, 35, grid)).toBe(true);
    // an out point a hair past the passage's end takes one more frame (frame 500 starts at 20.00 s)
    expect(insideKeptRanges(kept, 15, 20.01, grid)).toBe(false);
    // two passages side by side are not one
    expect(insideKeptRanges(kept, 15, 35, grid)).toBe(false);
  });

  it('at 29.97 fps, times stored to the millisecond still land on their frames', () => {
    const grid = { fps: 30000 / 1001 };
    const at = (frame: number) => Math.round((frame * 1001) / 30) / 1000; // frame start, stored to the ms
    const passage = [{ fromSeconds: at(300), toSeconds: at(600) }];
    expect(insideKeptRanges(passage, at(300), at(600), grid)).toBe(true);
    expect(insideKeptRanges(passage, at(299), at(600), grid)).toBe(false);
    expect(insideKeptRanges(passage, at(300), at(601), grid)).toBe(false);
  });
});
