/**
 * Every API method, fed random and malformed payloads: wrong types, huge and odd
 * strings, path separators and "..", nulls, arrays, unknown fields. Each call must
 * either be refused with a clear, named error (never "internal") or succeed; a refused
 * call must leave the store byte-for-byte as it was.
 */
import crypto from 'node:crypto';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { closeApiContext, createApiContext, dispatch } from '../../src-main/app';
import { API_METHODS } from '../../src-shared/contract/names';
import { AppError } from '../../src-shared/appError';
import { makeTempDir } from '../helpers/tempDir';

const ctx = createApiContext(path.join(makeTempDir('eric-fuzz-'), 'library'), 'http');
afterAll(() => closeApiContext(ctx));

/** A deterministic generator, so a failure can be replayed. */
function generator(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  const strings = [
    '',
    ' ',
    '../../etc/passwd',
    '..\\..\\windows',
    '/etc/shadow',
    'C:\\Windows',
    '\u0000',
    '\u202e evil',
    '😀'.repeat(50),
    'x'.repeat(100_000),
    "'; DROP TABLE people; --",
    '<script>alert(1)</script>',
    'NaN',
    '2026-02-30',
    '-1',
  ];
  const scalars = [null, undefined, true, false, 0, -1, 1.5, 2 ** 53, Number.NaN, Infinity, -0, 1e308];
  const value = (depth: number): unknown => {
    const kind = next();
    if (kind < 0.35) return pick(strings);
    if (kind < 0.65) return pick(scalars);
    if (depth > 2) return pick(strings);
    if (kind < 0.8) return Array.from({ length: Math.floor(next() * 4) }, () => value(depth + 1));
    return object(depth + 1);
  };
  const keys = [
    'id',
    'projectId',
    'sessionId',
    'recordingId',
    'personId',
    'name',
    'kind',
    'date',
    'path',
    'scope',
    'status',
    'audience',
    'changes',
    'data',
    'seq',
    'text',
    'startSeconds',
    'labels',
    'from',
    'to',
    'limit',
    'ids',
    'bucketSeconds',
    '__proto__',
    'constructor',
  ];
  const object = (depth: number): Record<string, unknown> => {
    const result: Record<string, unknown> = {};
    for (let i = Math.floor(next() * 5); i > 0; i--) result[pick(keys)] = value(depth);
    return result;
  };
  return { value, object, next };
}

function fingerprint(): string {
  const hash = crypto.createHash('sha256');
  const tables = ctx.library.db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as Array<{
    name: string;
  }>;
  for (const { name } of tables) hash.update(name).update(JSON.stringify(ctx.library.db.prepare(`SELECT * FROM "${name}"`).raw().all()));
  return hash.digest('hex');
}

const CLEAR_CODES = new Set(['invalid-input', 'not-found', 'conflict', 'forbidden', 'too-large', 'media-failed']);

describe('API fuzzing', () => {
  it('refuses malformed payloads on every method with a named error, changing nothing', async () => {
    // some real data for ids to hit
    const project = (await dispatch('projects.create', { name: 'Fuzz', kind: 'interview-workshop' }, ctx)) as { id: number };
    await dispatch('people.add', { projectId: project.id, displayName: 'Léa', role: 'job-seeker' }, ctx);
    await dispatch('sessions.create', { projectId: project.id, date: '2026-11-22' }, ctx);

    const random = generator(20261122);
    let refused = 0;
    for (const method of API_METHODS) {
      for (let round = 0; round < 40; round++) {
        const payload = round % 4 === 0 ? random.value(0) : random.object(0);
        const before = fingerprint();
        try {
          await dispatch(method, payload, ctx);
        } catch (error) {
          refused++;
          expect(error, `${method} ${JSON.stringify(payload)?.slice(0, 200)}`).toBeInstanceOf(AppError);
          expect(CLEAR_CODES.has((error as AppError).code), `${method} gave ${(error as AppError).code}: ${(error as Error).message}`).toBe(
            true,
          );
          expect((error as AppError).message.length).toBeGreaterThan(10);
          expect(fingerprint(), `${method} changed the store while refusing ${JSON.stringify(payload)?.slice(0, 200)}`).toBe(before);
        }
      }
    }
    expect(refused).toBeGreaterThan(API_METHODS.length * 35);
    // the library is still healthy
    expect(ctx.library.db.pragma('integrity_check', { simple: true })).toBe('ok');
  }, 180_000); // ~40 payloads × every method: slow on a busy 2-core machine

  it('refuses unknown method names, including path-like ones', async () => {
    for (const method of ['', 'projects', '../projects.list', 'projects.list/../../x', '__proto__', 'constructor', 'toString']) {
      await expect(dispatch(method, {}, ctx)).rejects.toMatchObject({ code: 'not-found' });
    }
  });
});
