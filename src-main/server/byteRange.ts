/**
 * Parses an HTTP `Range: bytes=…` header against a file size, as video players send
 * when seeking. Shared by the browser-mode /media route and Electron's media protocol.
 */
export type ByteRangeResult = { kind: 'full' } | { kind: 'partial'; start: number; end: number } | { kind: 'unsatisfiable' };

export function parseByteRange(header: string | null | undefined, size: number): ByteRangeResult {
  if (!header) return { kind: 'full' };
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  // several ranges or another unit: serving the whole file is allowed by RFC 9110
  if (!match) return header.trim().startsWith('bytes=') && header.includes(',') ? { kind: 'full' } : { kind: 'unsatisfiable' };
  const [, startText, endText] = match;
  if (startText === '' && endText === '') return { kind: 'unsatisfiable' };
  if (size === 0) return { kind: 'unsatisfiable' };
  if (startText === '') {
    const suffix = Number(endText);
    if (suffix === 0) return { kind: 'unsatisfiable' };
    return { kind: 'partial', start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(startText);
  const end = endText === '' ? size - 1 : Math.min(Number(endText), size - 1);
  if (start >= size || end < start) return { kind: 'unsatisfiable' };
  return { kind: 'partial', start, end };
}

export interface FileResponsePlan {
  status: 200 | 206 | 416;
  headers: Record<string, string>;
  /** Inclusive byte span to send, or null when no body is sent. */
  span: { start: number; end: number } | null;
}

/** Status, headers and byte span for answering a (possibly ranged) GET of a file. */
export function planFileResponse(rangeHeader: string | null | undefined, size: number, mimeType: string): FileResponsePlan {
  const range = parseByteRange(rangeHeader, size);
  const headers: Record<string, string> = { 'Content-Type': mimeType, 'Accept-Ranges': 'bytes' };
  if (range.kind === 'unsatisfiable') {
    return { status: 416, headers: { ...headers, 'Content-Range': `bytes */${size}` }, span: null };
  }
  if (size === 0) return { status: 200, headers: { ...headers, 'Content-Length': '0' }, span: null };
  const [start, end] = range.kind === 'partial' ? [range.start, range.end] : [0, size - 1];
  headers['Content-Length'] = String(end - start + 1);
  if (range.kind === 'partial') headers['Content-Range'] = `bytes ${start}-${end}/${size}`;
  return { status: range.kind === 'partial' ? 206 : 200, headers, span: { start, end } };
}
