import { describe, expect, it } from 'vitest';
import { parseByteRange, planFileResponse } from '../../src-main/server/byteRange';

describe('parseByteRange', () => {
  it('reads start-end, open-ended and suffix ranges', () => {
    expect(parseByteRange('bytes=0-99', 1000)).toEqual({ kind: 'partial', start: 0, end: 99 });
    expect(parseByteRange('bytes=900-', 1000)).toEqual({ kind: 'partial', start: 900, end: 999 });
    expect(parseByteRange('bytes=-100', 1000)).toEqual({ kind: 'partial', start: 900, end: 999 });
    expect(parseByteRange('bytes=990-5000', 1000)).toEqual({ kind: 'partial', start: 990, end: 999 });
  });

  it('serves the whole file without a header or for multi-ranges', () => {
    expect(parseByteRange(undefined, 10)).toEqual({ kind: 'full' });
    expect(parseByteRange('bytes=0-1,5-6', 10)).toEqual({ kind: 'full' });
  });

  it('refuses ranges that cannot be satisfied or are malformed', () => {
    expect(parseByteRange('bytes=1000-', 1000).kind).toBe('unsatisfiable');
    expect(parseByteRange('bytes=50-10', 1000).kind).toBe('unsatisfiable');
    expect(parseByteRange('bytes=-', 1000).kind).toBe('unsatisfiable');
    expect(parseByteRange('items=0-1', 1000).kind).toBe('unsatisfiable');
    expect(parseByteRange('bytes=-0', 1000).kind).toBe('unsatisfiable');
  });
});

describe('planFileResponse', () => {
  it('gives 206 with Content-Range for a range and 416 when unsatisfiable', () => {
    expect(planFileResponse('bytes=10-19', 100, 'video/mp4')).toMatchObject({
      status: 206,
      span: { start: 10, end: 19 },
      headers: { 'Content-Range': 'bytes 10-19/100', 'Content-Length': '10', 'Accept-Ranges': 'bytes' },
    });
    expect(planFileResponse('bytes=200-', 100, 'video/mp4')).toMatchObject({
      status: 416,
      span: null,
      headers: { 'Content-Range': 'bytes */100' },
    });
    expect(planFileResponse(null, 0, 'video/mp4')).toMatchObject({ status: 200, span: null });
  });
});
