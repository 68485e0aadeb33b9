import { describe, expect, it } from 'vitest';
import { formatTimecode, parseTimecode } from '../../src-shared/time';

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
});
