import { describe, expect, it } from 'vitest';
import { formatClock, formatDuration, formatTimecode, parseTimecode } from '../../src-shared/time';

describe('timecodes', () => {
  it('formats to the millisecond, for WebVTT and SRT', () => {
    expect(formatTimecode(72.5)).toBe('00:01:12.500');
    expect(formatTimecode(3723.0046, ',')).toBe('01:02:03,005');
    expect(formatTimecode(0)).toBe('00:00:00.000');
  });

  it('parses what people type', () => {
    expect(parseTimecode('01:12', 'at')).toBe(72);
    expect(parseTimecode('00:01:12.5', 'at')).toBe(72.5);
    expect(parseTimecode('1:02:03,250', 'at')).toBe(3723.25);
    expect(parseTimecode('95.25', 'at')).toBe(95.25);
    expect(() => parseTimecode('1h12', 'at')).toThrow(/n’est pas un temps/);
    expect(() => parseTimecode('00:75', 'at')).toThrow(/au-delà de 59/);
  });

  it('shows a position as the second it is in, a sum of frame times (6.9999…) included', () => {
    expect(formatClock(6.9999999)).toBe('00:07');
    expect(formatClock(7 - 1e-9)).toBe('00:07');
    expect(formatClock(Array.from({ length: 175 }, () => 0.04).reduce((a, b) => a + b))).toBe('00:07'); // 175 frames at 25 fps, summed
    expect(formatClock(6.9999)).toBe('00:06'); // a real position just before 7 s
    expect(formatClock(7)).toBe('00:07');
    expect(formatClock(7.4)).toBe('00:07');
    expect(formatClock(7.5)).toBe('00:07');
    expect(formatClock(6.98)).toBe('00:06'); // half a frame before 7 s at 25 fps is still 6
    expect(formatClock(59.9999999)).toBe('01:00');
    expect(formatClock(3599.9999999)).toBe('1:00:00');
    expect(formatClock(-3)).toBe('00:00');
  });

  it('shows a length to the nearest second, and a few frames as one second', () => {
    expect(formatDuration(6.9999)).toBe('00:07');
    expect(formatDuration(6.96)).toBe('00:07');
    expect(formatDuration(7)).toBe('00:07');
    expect(formatDuration(7.4)).toBe('00:07');
    expect(formatDuration(7.5)).toBe('00:08');
    expect(formatDuration(59.9999)).toBe('01:00');
    expect(formatDuration(3599.9999)).toBe('1:00:00');
    expect(formatDuration(0.2)).toBe('00:01');
    expect(formatDuration(0)).toBe('00:00');
  });
});
