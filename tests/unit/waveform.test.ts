import { describe, expect, it } from 'vitest';
import { peaksFromPcm } from '../../src-main/media/waveform';

function pcm(samples: number[]): Buffer {
  const buffer = Buffer.alloc(samples.length * 2);
  samples.forEach((value, i) => buffer.writeInt16LE(value, i * 2));
  return buffer;
}

describe('peaksFromPcm', () => {
  it('keeps the loudest sample of each bin, scaled 0–1', () => {
    // 8 samples at 4 Hz with 2 bins a second: bins of 2 samples
    const waveform = peaksFromPcm(pcm([0, 16384, -32768, 100, 0, 0, 3276, -3277]), 4, 2);
    expect(waveform).toEqual({ binsPerSecond: 2, peaks: [0.5, 1, 0, 0.1] });
  });

  it('handles a partial last bin and silence', () => {
    expect(peaksFromPcm(pcm([0, 0, 0]), 4, 2).peaks).toEqual([0, 0]);
    expect(peaksFromPcm(Buffer.alloc(0), 8000).peaks).toEqual([]);
  });
});
