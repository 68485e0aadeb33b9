/**
 * Reads the `-progress pipe:1` stream of ffmpeg (key=value lines, one block per
 * update ending with `progress=continue|end`) and turns it into progress updates.
 * Pure and incremental: feed it chunks as they come, possibly cut mid-line.
 */
import { STORAGE_ERROR_LINE } from '../platform/storageErrors';

export interface FfmpegProgress {
  /** Seconds of output written so far. */
  outTimeSeconds: number;
  /** Fraction done (0–1) when the expected duration is known, otherwise null. */
  ratio: number | null;
  /** Encoding speed relative to real time (2 means twice real time), when ffmpeg reports it. */
  speed: number | null;
  /** Estimated seconds left, when both ratio and speed are known. */
  secondsLeft: number | null;
  done: boolean;
}

function parseSpeed(value: string | undefined): number | null {
  if (!value) return null;
  const match = /^([\d.]+)x$/.exec(value.trim());
  return match ? Number(match[1]) : null;
}

function parseOutTime(fields: Map<string, string>): number | null {
  // out_time_us is microseconds; out_time_ms is (despite its name) also microseconds
  for (const key of ['out_time_us', 'out_time_ms']) {
    const raw = fields.get(key);
    if (raw !== undefined && /^-?\d+$/.test(raw)) return Math.max(0, Number(raw) / 1_000_000);
  }
  const clock = fields.get('out_time');
  const match = clock ? /^(-?)(\d+):(\d{2}):(\d{2}(?:\.\d+)?)$/.exec(clock) : null;
  if (match) return match[1] ? 0 : Number(match[2]) * 3600 + Number(match[3]) * 60 + Number(match[4]);
  return null;
}

export class FfmpegProgressParser {
  private buffer = '';
  private fields = new Map<string, string>();

  constructor(private readonly expectedDurationSeconds: number | null = null) {}

  /** Feeds a chunk of ffmpeg's progress output; returns the updates it completed. */
  push(chunk: string): FfmpegProgress[] {
    this.buffer += chunk;
    const updates: FfmpegProgress[] = [];
    let newline: number;
    while ((newline = this.buffer.indexOf('\n')) !== -1) {
      const line = this.buffer.slice(0, newline).trim();
      this.buffer = this.buffer.slice(newline + 1);
      const eq = line.indexOf('=');
      if (eq <= 0) continue;
      const key = line.slice(0, eq).trim();
      const value = line.slice(eq + 1).trim();
      if (key !== 'progress') {
        this.fields.set(key, value);
        continue;
      }
      updates.push(this.toProgress(value === 'end'));
      this.fields = new Map();
    }
    return updates;
  }

  private toProgress(done: boolean): FfmpegProgress {
    const outTimeSeconds = parseOutTime(this.fields) ?? 0;
    const speed = parseSpeed(this.fields.get('speed'));
    const expected = this.expectedDurationSeconds;
    let ratio: number | null = null;
    if (done) ratio = 1;
    else if (expected && expected > 0) ratio = Math.min(1, outTimeSeconds / expected);
    const secondsLeft = done ? 0 : expected && speed && speed > 0 ? Math.max(0, (expected - outTimeSeconds) / speed) : null;
    return { outTimeSeconds, ratio, speed, secondsLeft, done };
  }
}

/** Keeps the last lines ffmpeg wrote on stderr, to quote them when it fails. */
export class StderrTail {
  private lines: string[] = [];
  private partial = '';
  /** The first line saying the disk is full or read-only: kept even when the encoder's statistics push it out of the tail. */
  private storageLine: string | null = null;

  constructor(private readonly maxLines = 12) {}

  push(chunk: string): void {
    const parts = (this.partial + chunk).split(/\r?\n|\r/);
    this.partial = parts.pop() ?? '';
    for (const line of parts) {
      if (!line.trim()) continue;
      this.lines.push(line.trim());
      if (this.storageLine === null && STORAGE_ERROR_LINE.test(line)) this.storageLine = line.trim();
    }
    if (this.lines.length > this.maxLines) this.lines = this.lines.slice(-this.maxLines);
  }

  text(): string {
    const all = this.partial.trim() ? [...this.lines, this.partial.trim()] : this.lines;
    const tail = all.slice(-this.maxLines);
    return (this.storageLine && !tail.includes(this.storageLine) ? [this.storageLine, ...tail] : tail).join('\n');
  }
}
