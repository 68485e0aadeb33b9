/**
 * One answer per user action: a creation call sent twice with the same idempotency key
 * (a double click, a retried request) gets the first call's result instead of making a
 * second comment, clip or pack. Keys live a few minutes, and a bounded number of them.
 */
const KEEP_MS = 10 * 60 * 1000;
const KEEP_AT_MOST = 500;

/** What a key may look like: a client-made UUID or similar token. */
export const IDEMPOTENCY_KEY = /^[A-Za-z0-9_-]{8,64}$/;

export class IdempotencyCache {
  private readonly entries = new Map<string, { at: number; result: Promise<unknown> }>();

  constructor(private readonly now: () => number = Date.now) {}

  /** Runs `work` once per (method, key); later calls with the same pair share its result. */
  run(method: string, key: string, work: () => Promise<unknown>): Promise<unknown> {
    const id = `${method}\u0000${key}`;
    const now = this.now();
    const known = this.entries.get(id);
    if (known && now - known.at < KEEP_MS) return known.result;
    const result = work();
    this.entries.set(id, { at: now, result });
    // a failed call may be tried again with the same key
    result.catch(() => this.entries.delete(id));
    for (const [oldId, entry] of this.entries) {
      if (this.entries.size <= KEEP_AT_MOST && now - entry.at < KEEP_MS) break;
      this.entries.delete(oldId);
    }
    return result;
  }
}
