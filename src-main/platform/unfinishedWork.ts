/**
 * Markers of long writes in progress (a render, a pack), kept in the library's tmp/
 * folder while they run: what they are, the partial files they write (even outside the
 * library, for the command line's destinations) and the ffmpeg they started. After a
 * crash, start-up recovery reads them: it stops an ffmpeg left running, removes the
 * partial files, and reports what was interrupted so the user can start it again.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { resolveInside } from './pathInside';
import { PARTIAL_MARK, writeFileAtomic } from './atomicFile';
import { processStatus, readProcessIdentity, type ProcessIdentity } from './processIdentity';

export interface WorkMarker {
  kind: 'render' | 'pack';
  label: string;
  startedAt: number;
  /** Partial outputs (named with PARTIAL_MARK) and work folders inside tmp/. */
  paths: string[];
  ffmpegPids: number[];
  /** Each encoder's image name and start time, read when it started: a reused pid is never killed. */
  ffmpegProcesses?: ProcessIdentity[];
}

const MARKER_PREFIX = 'work-';

function tmpDir(libraryDir: string): string {
  return resolveInside(libraryDir, 'tmp');
}

export class UnfinishedWork {
  private readonly file: string;
  private marker: WorkMarker;

  constructor(libraryDir: string, kind: WorkMarker['kind'], label: string) {
    fs.mkdirSync(tmpDir(libraryDir), { recursive: true });
    this.file = path.join(tmpDir(libraryDir), `${MARKER_PREFIX}${crypto.randomUUID()}.json`);
    this.marker = { kind, label, startedAt: Date.now(), paths: [], ffmpegPids: [] };
    this.save();
  }

  addPaths(...files: string[]): void {
    this.marker.paths.push(...files);
    this.save();
  }

  addFfmpeg(pid: number): void {
    this.marker.ffmpegPids.push(pid);
    const identity = readProcessIdentity(pid);
    if (identity && identity !== 'unknown') (this.marker.ffmpegProcesses ??= []).push(identity);
    this.save();
  }

  /** The work ended (done, failed or cancelled, its files already handled). */
  finish(): void {
    fs.rmSync(this.file, { force: true });
  }

  private save(): void {
    writeFileAtomic(this.file, JSON.stringify(this.marker));
  }
}

/**
 * A process we started and that still runs ffmpeg (never another program that reused the
 * pid): its image name and start time must be the ones recorded when it started. Markers
 * written before identities were recorded fall back to the older check (Linux: the
 * command line names ffmpeg; elsewhere the pid is left alone rather than risk another program).
 */
function isOurFfmpeg(marker: WorkMarker, pid: number): boolean {
  const recorded = marker.ffmpegProcesses?.find((identity) => identity.pid === pid);
  if (recorded) return /ffmpeg/i.test(recorded.image) && processStatus(recorded) === 'alive';
  if (marker.startedAt < Date.now() - os.uptime() * 1000) return false; // started before this boot: long gone
  if (process.platform !== 'linux') return false;
  try {
    process.kill(pid, 0);
    if (/^State:\s+Z/m.test(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))) return false; // already dead, not yet reaped
    return /ffmpeg/.test(fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8'));
  } catch {
    return false;
  }
}

export interface RecoveredWork {
  interrupted: Array<{ kind: WorkMarker['kind']; label: string }>;
  processesStopped: number;
  pathsRemoved: number;
}

export function recoverUnfinishedWorkMarkers(libraryDir: string): RecoveredWork {
  const result: RecoveredWork = { interrupted: [], processesStopped: 0, pathsRemoved: 0 };
  const dir = tmpDir(libraryDir);
  if (!fs.existsSync(dir)) return result;
  for (const name of fs.readdirSync(dir)) {
    if (!name.startsWith(MARKER_PREFIX)) continue;
    const file = path.join(dir, name);
    let marker: WorkMarker | null = null;
    try {
      marker = JSON.parse(fs.readFileSync(file, 'utf8')) as WorkMarker;
    } catch {
      marker = null; // a marker cut short by the crash: nothing to act on
    }
    if (marker) {
      for (const pid of marker.ffmpegPids ?? []) {
        if (isOurFfmpeg(marker, pid)) {
          process.kill(pid, 'SIGKILL');
          result.processesStopped++;
        }
      }
      for (const target of marker.paths ?? []) {
        const insideTmp = path.resolve(target).startsWith(dir + path.sep);
        if (!insideTmp && !path.basename(target).includes(PARTIAL_MARK)) continue; // only what we named as partial
        if (fs.existsSync(target)) {
          fs.rmSync(target, { recursive: true, force: true });
          result.pathsRemoved++;
        }
      }
      result.interrupted.push({ kind: marker.kind, label: marker.label });
    }
    fs.rmSync(file, { force: true });
  }
  return result;
}
