/**
 * Who a process id really is: its image name and its start time. A pid alone is not an
 * identity (the system hands it to another program once the first one ends), so the
 * library lock and start-up recovery compare both before trusting or killing a pid.
 *
 * Linux: /proc/<pid>/stat field 22 (start time in clock ticks since boot) with the boot
 * id, and /proc/<pid>/comm. macOS: `ps -o lstart=,comm=` (start time to the second).
 * Windows: PowerShell's Get-Process (StartTime as a file time, ProcessName). Only the
 * Linux path is exercised by the tests on the build machines; the macOS and Windows
 * paths are written from the tools' documentation and fall back to "unknown" (never to
 * "the same process") when their command fails.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';

export interface ProcessIdentity {
  pid: number;
  /** The executable's short name (e.g. "ffmpeg", "node", "ERIC Studio"). */
  image: string;
  /** Opaque, compared for equality only: two different processes never share it. */
  startToken: string;
}

/** 'alive': the same process; 'gone': no such pid; 'reused': another program has the pid; 'unknown': cannot tell here. */
export type ProcessStatus = 'alive' | 'gone' | 'reused' | 'unknown';

function readLinux(pid: number): ProcessIdentity | null {
  let stat: string;
  try {
    stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return null;
  }
  // the command name sits in parentheses and may itself hold spaces or ')': fields start after the last ')'
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  if (fields[0] === 'Z' || fields[0] === 'X') return null; // dead, not yet reaped
  const startTicks = fields[19]; // field 22 of the whole line
  let bootId = '';
  try {
    bootId = fs.readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim();
  } catch {
    bootId = 'unknown-boot';
  }
  let image = '';
  try {
    image = fs.readFileSync(`/proc/${pid}/comm`, 'utf8').trim();
  } catch {
    image = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
  }
  return { pid, image, startToken: `linux:${bootId}:${startTicks}` };
}

// macOS: not testable on the build machines. `ps` ships with every macOS.
function readMac(pid: number): ProcessIdentity | null | 'unknown' {
  try {
    const line = execFileSync('ps', ['-o', 'lstart=,comm=', '-p', String(pid)], { encoding: 'utf8', timeout: 5000 }).trim();
    if (!line) return null;
    // lstart is "Mon Nov 23 14:02:11 2026" (5 words), then the command path
    const words = line.split(/\s+/);
    const lstart = words.slice(0, 5).join(' ');
    const command = words.slice(5).join(' ');
    return { pid, image: command.split('/').pop() ?? command, startToken: `darwin:${lstart}` };
  } catch (error) {
    // ps exits 1 when the pid does not exist
    return (error as { status?: number }).status === 1 ? null : 'unknown';
  }
}

// Windows: not testable on the build machines. PowerShell 5 ships with Windows 10 and 11.
function readWindows(pid: number): ProcessIdentity | null | 'unknown' {
  try {
    const out = execFileSync(
      'powershell.exe',
      [
        '-NoProfile',
        '-NonInteractive',
        '-Command',
        `$p = Get-Process -Id ${pid} -ErrorAction SilentlyContinue; if ($p) { "$($p.StartTime.ToFileTimeUtc())|$($p.ProcessName)" }`,
      ],
      { encoding: 'utf8', timeout: 15000, windowsHide: true },
    ).trim();
    if (!out) return null;
    const [start, name] = out.split('|');
    return { pid, image: name ?? '', startToken: `win32:${start}` };
  } catch {
    return 'unknown';
  }
}

/** The identity of a running process, null when no process has that pid, 'unknown' when it cannot be read. */
export function readProcessIdentity(pid: number): ProcessIdentity | null | 'unknown' {
  if (!Number.isInteger(pid) || pid <= 0) return null;
  try {
    process.kill(pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ESRCH') return null;
    // EPERM: it exists but belongs to someone else; read on
  }
  if (process.platform === 'linux') return readLinux(pid);
  if (process.platform === 'darwin') return readMac(pid);
  if (process.platform === 'win32') return readWindows(pid);
  return 'unknown';
}

let own: ProcessIdentity | undefined;

/** This process's identity (read once). */
export function ownProcessIdentity(): ProcessIdentity {
  if (own) return own;
  const read = readProcessIdentity(process.pid);
  own =
    read && read !== 'unknown'
      ? read
      : // cannot read ourselves (unknown platform): the start time in ms is unique enough for our own lock
        { pid: process.pid, image: 'node', startToken: `clock:${Math.round(Date.now() - process.uptime() * 1000)}` };
  return own;
}

/** Is the recorded process still the one running under that pid? */
export function processStatus(recorded: { pid: number; startToken: string; image?: string }): ProcessStatus {
  const current = readProcessIdentity(recorded.pid);
  if (current === null) return 'gone';
  if (current === 'unknown') return 'unknown';
  if (current.startToken !== recorded.startToken) return 'reused';
  if (recorded.image !== undefined && current.image !== recorded.image) return 'reused';
  return 'alive';
}
