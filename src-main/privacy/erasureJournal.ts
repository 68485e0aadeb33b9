/**
 * The erasure journal: each erasure (person or project) as an id and a fingerprint (SHA-256
 * of kind, id and creation time: it recognises the same row, and names no one). It lives in
 * the database (so later backups carry it) and, as `erasure-journal.jsonl`, in every folder
 * that holds this library's backups, so restoring a backup taken before an erasure finds
 * it beside the backup and applies it again before the library opens.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { SqliteDatabase } from '../library/database';

export const JOURNAL_FILE = 'erasure-journal.jsonl';

export interface JournalEntry {
  at: string;
  kind: 'person' | 'project';
  id: number;
  fingerprint: string;
}

export function fingerprintOf(kind: JournalEntry['kind'], id: number, createdAt: string): string {
  return crypto.createHash('sha256').update(`eric-studio-erasure:${kind}:${id}:${createdAt}`).digest('hex');
}

/** The fingerprint of a row still in the library (null when it is not there). */
export function currentFingerprint(db: SqliteDatabase, kind: JournalEntry['kind'], id: number): string | null {
  const table = kind === 'person' ? 'people' : 'projects';
  const row = db.prepare(`SELECT created_at FROM ${table} WHERE id = ?`).get(id) as { created_at: string } | undefined;
  return row ? fingerprintOf(kind, id, row.created_at) : null;
}

export function recordInJournal(db: SqliteDatabase, entry: JournalEntry): void {
  db.prepare('INSERT OR IGNORE INTO erasure_journal (at, kind, entity_id, fingerprint) VALUES (?, ?, ?, ?)').run(
    entry.at,
    entry.kind,
    entry.id,
    entry.fingerprint,
  );
}

export function journalOf(db: SqliteDatabase): JournalEntry[] {
  return (db.prepare('SELECT at, kind, entity_id AS id, fingerprint FROM erasure_journal ORDER BY id').all() as JournalEntry[]).map(
    (row) => ({ at: row.at, kind: row.kind, id: row.id, fingerprint: row.fingerprint }),
  );
}

function isEntry(value: unknown): value is JournalEntry {
  const entry = value as JournalEntry;
  return (
    typeof entry === 'object' &&
    entry !== null &&
    (entry.kind === 'person' || entry.kind === 'project') &&
    Number.isInteger(entry.id) &&
    typeof entry.fingerprint === 'string' &&
    /^[0-9a-f]{64}$/.test(entry.fingerprint) &&
    typeof entry.at === 'string'
  );
}

export function readJournalFile(folder: string): JournalEntry[] {
  const file = path.join(folder, JOURNAL_FILE);
  if (!fs.existsSync(file)) return [];
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => {
      try {
        return JSON.parse(line) as unknown;
      } catch {
        return null;
      }
    })
    .filter(isEntry);
}

/** Merges the entries into the folder's journal file (written whole: temp, fsync, rename). */
export function writeJournalFile(folder: string, entries: readonly JournalEntry[]): void {
  if (!fs.existsSync(folder)) return;
  const merged = new Map<string, JournalEntry>();
  for (const entry of [...readJournalFile(folder), ...entries]) merged.set(`${entry.kind}:${entry.id}:${entry.fingerprint}`, entry);
  const file = path.join(folder, JOURNAL_FILE);
  const temp = `${file}.part`;
  const fd = fs.openSync(temp, 'w');
  try {
    fs.writeSync(fd, [...merged.values()].map((entry) => `${JSON.stringify(entry)}\n`).join(''));
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(temp, file);
}
