/**
 * The last step of forgetting: erased rows are zeroed in the pages that replaced them
 * (secure_delete), but the old pages survive in the WAL, and in the database file, until
 * a checkpoint has copied every frame back and truncated the log. Another reader holding
 * an old snapshot (a second window, a backup tool, an SQLite browser) stops that: the
 * checkpoint's result says so (busy, or fewer frames copied than logged). We wait, retry,
 * and otherwise refuse to call the erasure done, naming the cause.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { AppError } from '../../src-shared/appError';
import { frenchNumber } from '../../src-shared/frenchNumber';
import type { SqliteDatabase } from '../library/database';

export interface CheckpointResult {
  busy: number;
  log: number;
  checkpointed: number;
}

export interface CheckpointOptions {
  /** How many times to try; each try waits up to `busyMs` for readers, then `pauseMs` before the next. */
  attempts?: number;
  busyMs?: number;
  pauseMs?: number;
}

/** secure_delete must really be on, or deleted text stays in free pages. */
export function assertSecureDelete(db: SqliteDatabase): void {
  if ((db.pragma('secure_delete', { simple: true }) as number) !== 1) {
    throw new AppError(
      'internal',
      'L’effacement sécurisé (secure_delete) est désactivé : les données effacées resteraient dans le fichier de la base.',
    );
  }
}

function checkpointOnce(db: SqliteDatabase): CheckpointResult {
  const [result] = db.pragma('wal_checkpoint(TRUNCATE)') as CheckpointResult[];
  return result!;
}

function complete(result: CheckpointResult): boolean {
  // TRUNCATE leaves an empty log when it succeeds; anything else means frames stayed behind
  return result.busy === 0 && result.log <= 0 && result.checkpointed <= 0;
}

export async function checkpointFully(db: SqliteDatabase, options: CheckpointOptions = {}): Promise<CheckpointResult> {
  const { attempts = 10, busyMs = 300, pauseMs = 200 } = options;
  const previousTimeout = db.pragma('busy_timeout', { simple: true }) as number;
  let result: CheckpointResult = { busy: 1, log: -1, checkpointed: -1 };
  try {
    db.pragma(`busy_timeout = ${busyMs}`);
    for (let attempt = 1; attempt <= attempts; attempt++) {
      result = checkpointOnce(db);
      if (complete(result)) return result;
      if (attempt < attempts) await sleep(pauseMs);
    }
  } finally {
    db.pragma(`busy_timeout = ${previousTimeout}`);
  }
  throw new AppError(
    'conflict',
    'L’effacement est enregistré, mais un autre programme lit encore la bibliothèque : d’anciennes pages de la base de données ' +
      `(library.sqlite-wal, ${frenchNumber(Math.max(result.log, 0))} page(s) en attente) gardent ces données tant qu’il la garde ouverte.`,
    {
      hint:
        'Fermez l’autre fenêtre d’ERIC Studio ou le programme qui ouvre library.sqlite (sauvegarde, navigateur SQLite), ' +
        'puis terminez l’effacement : bouton « Terminer l’effacement » ou `eric-studio privacy finish-erasure`.',
    },
  );
}
