import { describe, expect, it } from 'vitest';
import { FfmpegProgressParser, StderrTail } from '../../src-main/media/progressParser';

const block = (outTimeUs: number, speed: string, progress = 'continue') =>
  `frame=10\nfps=25.0\nout_time_us=${outTimeUs}\nout_time_ms=${outTimeUs}\nout_time=00:00:0${outTimeUs / 1e6}\nspeed=${speed}\nprogress=${progress}\n`;

describe('FfmpegProgressParser', () => {
  it('turns each progress block into an update with ratio, speed and time left', () => {
    const parser = new FfmpegProgressParser(10);
    const updates = parser.push(block(2_500_000, '2.5x'));
    expect(updates).toHaveLength(1);
    expect(updates[0]).toMatchObject({ outTimeSeconds: 2.5, ratio: 0.25, speed: 2.5, done: false });
    expect(updates[0]!.secondsLeft).toBeCloseTo(3, 5);
  });

  it('handles chunks cut in the middle of lines', () => {
    const parser = new FfmpegProgressParser(4);
    const text = block(1_000_000, '1x') + block(2_000_000, '1x');
    const updates = [];
    for (let i = 0; i < text.length; i += 7) updates.push(...parser.push(text.slice(i, i + 7)));
    expect(updates.map((u) => u.outTimeSeconds)).toEqual([1, 2]);
    expect(updates.map((u) => u.ratio)).toEqual([0.25, 0.5]);
  });

  it('reports done with ratio 1 on progress=end', () => {
    const parser = new FfmpegProgressParser(10);
    const [update] = parser.push(block(9_960_000, '30x', 'end'));
    expect(update).toMatchObject({ done: true, ratio: 1, secondsLeft: 0 });
  });

  it('leaves ratio unknown without an expected duration, and survives N/A values', () => {
    const parser = new FfmpegProgressParser(null);
    const [update] = parser.push('out_time_us=N/A\nout_time=00:01:02.500000\nspeed=N/A\nprogress=continue\n');
    expect(update).toMatchObject({ outTimeSeconds: 62.5, ratio: null, speed: null, secondsLeft: null });
  });

  it('clamps ratio at 1 and negative times at 0', () => {
    const parser = new FfmpegProgressParser(1);
    expect(parser.push('out_time_us=5000000\nprogress=continue\n')[0]!.ratio).toBe(1);
    expect(parser.push('out_time_us=-23000\nprogress=continue\n')[0]!.outTimeSeconds).toBe(0);
  });
});

describe('StderrTail', () => {
  it('keeps only the last lines, across chunk boundaries', () => {
    const tail = new StderrTail(2);
    tail.push('line one\nline tw');
    tail.push('o\nline three\nline fo');
    expect(tail.text()).toBe('line three\nline fo');
  });
});
