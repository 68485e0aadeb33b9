/**
 * One process per library. Two processes writing the same library (the app and browser
 * mode, or a CLI command during a take) would each "recover" the other's live take and
 * race on its files, so whoever writes holds `library.lock` in the library folder:
 * pid, process start time and image name (a reused pid is not mistaken for the owner),
 * hostname (a library on a shared drive), and a heartbeat refreshed every few seconds.
 *
 * The lock is created with an exclusive hard link of a complete temp file (so nobody
 * ever reads it half-written, and two starters cannot both win), refreshed with
 * atomicFile (temp + fsync + rename), and removed on close. A lock is stale, and taken
 * over with a line in the log, when its process is gone or its pid now belongs to
 * another program; when the owner cannot be checked from here (another computer, or a
 * platform where the start time cannot be read), when its heartbeat is older than
 * `staleAfterMs`. A process that is still alive on this computer keeps its lock even if
 * its heartbeat is late (a machine waking from sleep): taking it over would let two
 * processes write one library. Read-only CLI commands do not need the lock: they open
 * SQLite read-only instead (see cli/runCli.ts).
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AppError } from '../../src-shared/appError';
import { writeFileAtomic } from '../platform/atomicFile';
import { ownProcessIdentity, processStatus } from '../platform/processIdentity';
import { asStorageError } from '../platform/storageErrors';

export const LOCK_FILE_NAME = 'library.lock';
export const DEFAULT_HEARTBEAT_MS = 5_000;
export const DEFAULT_STALE_AFTER_MS = 30_000;

export type LockHolderKind = 'desktop' | 'browser' | 'cli';

export interface LockRecord {
  format: 'eric-studio-lock/1';
  token: string;
  pid: number;
  image: string;
  startToken: string;
  hostname: string;
  holder: LockHolderKind;
  /** When the holder took the lock (ISO). */
  since: string;
  /** Last heartbeat (ISO). */
  heartbeatAt: string;
}

export interface LibraryLockOptions {
  holder: LockHolderKind;
  heartbeatMs?: number;
  staleAfterMs?: number;
  /** Where take-overs and a lost lock are reported (no personal data: pids and reasons only). */
  log?: (line: string) => void;
  /** Called if another process took the lock from under us (this process must stop writing). */
  onLost?: () => void;
}

export interface LibraryLock {
  readonly file: string;
  readonly record: LockRecord;
  release(): void;
}

/** Locks held by this process, by lock file: a second context in the same process shares the lock. */
const heldHere = new Map<string, { lock: LibraryLock; count: number; stop: () => void }>();

function lockFileFor(libraryDir: string): string {
  return path.join(path.resolve(libraryDir), LOCK_FILE_NAME);
}

function readRecord(file: string): { text: string; record: LockRecord | null } | null {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  try {
    const record = JSON.parse(text) as LockRecord;
    return { text, record: record && record.format === 'eric-studio-lock/1' && Number.isInteger(record.pid) ? record : null };
  } catch {
    return { text, record: null };
  }
}

/** Why a lock record is stale, or null when its holder is alive. */
export function staleReason(record: LockRecord | null, staleAfterMs: number, now = Date.now()): string | null {
  if (!record) return 'fichier de verrou illisible';
  const heartbeatAge = now - Date.parse(record.heartbeatAt);
  const heartbeatLate = !Number.isFinite(heartbeatAge) || heartbeatAge > staleAfterMs;
  if (record.hostname !== os.hostname()) {
    return heartbeatLate ? `ordinateur distant silencieux depuis ${Math.round(heartbeatAge / 1000)} s` : null;
  }
  const status = processStatus(record);
  if (status === 'gone') return `processus ${record.pid} terminé`;
  if (status === 'reused') return `numéro de processus ${record.pid} repris par un autre programme`;
  if (status === 'unknown' && heartbeatLate) return `processus ${record.pid} silencieux depuis ${Math.round(heartbeatAge / 1000)} s`;
  return null;
}

function clock(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? '?' : `${String(date.getHours()).padStart(2, '0')}:${String(date.getMinutes()).padStart(2, '0')}`;
}

/** The French refusal shown to a second process. */
export function busyError(record: LockRecord): AppError {
  const where = record.hostname === os.hostname() ? '' : ` sur l'ordinateur « ${record.hostname} »`;
  const who = record.holder === 'cli' ? 'une commande ERIC Studio' : 'ERIC Studio';
  return new AppError(
    'conflict',
    `Cette bibliothèque est déjà ouverte par ${who}${where} (processus ${record.pid}, depuis ${clock(record.since)}). ` +
      "Fermez l'autre fenêtre ERIC Studio (ou attendez la fin de l'autre commande), puis réessayez.",
    { hint: 'Les commandes qui ne font que lire (list, show…) fonctionnent pendant ce temps, en lecture seule.' },
  );
}

function newRecord(holder: LockHolderKind): LockRecord {
  const me = ownProcessIdentity();
  const now = new Date().toISOString();
  return {
    format: 'eric-studio-lock/1',
    token: crypto.randomUUID(),
    pid: me.pid,
    image: me.image,
    startToken: me.startToken,
    hostname: os.hostname(),
    holder,
    since: now,
    heartbeatAt: now,
  };
}

/** Creates the lock file only if none exists (complete content, exclusive). False when one exists. */
function createExclusive(file: string, record: LockRecord): boolean {
  const temp = `${file}.new-${crypto.randomBytes(4).toString('hex')}`;
  writeFileAtomic(temp, JSON.stringify(record));
  try {
    fs.linkSync(temp, file);
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return false;
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP') throw error;
    // a file system without hard links (FAT, some network shares): exclusive create, then fill
    try {
      fs.writeFileSync(file, JSON.stringify(record), { flag: 'wx' });
      return true;
    } catch (inner) {
      if ((inner as NodeJS.ErrnoException).code === 'EEXIST') return false;
      throw inner;
    }
  } finally {
    fs.rmSync(temp, { force: true });
  }
}

/** Moves a stale lock aside, only if it is still the very one judged stale. */
function removeStale(file: string, judgedText: string): boolean {
  const aside = `${file}.stale-${crypto.randomBytes(4).toString('hex')}`;
  try {
    fs.renameSync(file, aside);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return true; // someone else removed it
    throw error;
  }
  const moved = fs.readFileSync(aside, 'utf8');
  if (moved !== judgedText) {
    // another process took it over between our read and our rename: give it back
    try {
      fs.linkSync(aside, file);
    } catch {
      // a third process created one meanwhile; theirs stands
    }
    fs.rmSync(aside, { force: true });
    return false;
  }
  fs.rmSync(aside, { force: true });
  return true;
}

/** Takes the library's lock, or throws the French "already open" error. */
export function acquireLibraryLock(libraryDir: string, options: LibraryLockOptions): LibraryLock {
  const file = lockFileFor(libraryDir);
  const mine = heldHere.get(file);
  if (mine) {
    mine.count++;
    return mine.lock;
  }
  const staleAfterMs = options.staleAfterMs ?? DEFAULT_STALE_AFTER_MS;
  // a library on a read-only or full disk cannot hold a lock: say that, not "internal error"
  const storage = (error: unknown) => asStorageError(error, { folder: libraryDir, libraryDir, what: 'ouvrir la bibliothèque' });
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
  } catch (error) {
    throw storage(error);
  }
  let record = newRecord(options.holder);
  for (let attempt = 0; ; attempt++) {
    let created: boolean;
    try {
      created = createExclusive(file, record);
    } catch (error) {
      throw storage(error);
    }
    if (created) break;
    const existing = readRecord(file);
    if (!existing) continue; // released between our two steps: try again
    const reason = staleReason(existing.record, staleAfterMs);
    if (!reason || attempt >= 3) throw busyError(existing.record ?? record);
    if (removeStale(file, existing.text)) {
      options.log?.(`Verrou de bibliothèque repris : ${reason}.`);
    }
    record = { ...record, heartbeatAt: new Date().toISOString() };
  }

  let stopped = false;
  const heartbeat = setInterval(() => {
    if (stopped) return;
    try {
      const current = readRecord(file);
      if (current?.record?.token !== record.token) {
        stopped = true;
        clearInterval(heartbeat);
        options.log?.('Verrou de bibliothèque perdu : un autre processus l’a repris.');
        options.onLost?.();
        return;
      }
      record = { ...record, heartbeatAt: new Date().toISOString() };
      writeFileAtomic(file, JSON.stringify(record));
    } catch {
      // a failed heartbeat (disk busy) is retried at the next tick; a late one is not taken over while we live
    }
  }, options.heartbeatMs ?? DEFAULT_HEARTBEAT_MS);
  heartbeat.unref();

  const stop = () => {
    stopped = true;
    clearInterval(heartbeat);
    try {
      const current = readRecord(file);
      if (current?.record?.token === record.token) fs.rmSync(file, { force: true });
    } catch {
      // the folder went away (a test removed it, a drive unplugged): nothing left to release
    }
  };
  const lock: LibraryLock = {
    file,
    get record() {
      return record;
    },
    release() {
      const held = heldHere.get(file);
      if (!held || --held.count > 0) return;
      heldHere.delete(file);
      held.stop();
    },
  };
  heldHere.set(file, { lock, count: 1, stop });
  return lock;
}

/** Who holds the library now, if anyone alive (for read-only fallbacks and messages). */
export function currentLockHolder(libraryDir: string, staleAfterMs = DEFAULT_STALE_AFTER_MS): LockRecord | null {
  const existing = readRecord(lockFileFor(libraryDir));
  if (!existing?.record) return null;
  return staleReason(existing.record, staleAfterMs) ? null : existing.record;
}
