/**
 * The single entry every transport calls: checks the method exists, validates the
 * input against the contract (naming the faulty field), runs the handler, and checks
 * the output too, so a service bug never leaks malformed data to a UI.
 */
import type { z } from 'zod';
import { AppError } from '../../src-shared/appError';
import { asStorageError } from '../platform/storageErrors';
import { apiContract, SAMPLED_OUTPUT_METHODS, type ApiOutput } from '../../src-shared/contract/contract';
import type { ApiContext } from './context';
import { IDEMPOTENCY_KEY, IdempotencyCache } from './idempotency';
import { apiHandlers } from './handlers';
import { isApiMethodName, TRUSTED_ONLY_FIELDS, TRUSTED_ONLY_METHODS, type ApiMethodName } from '../../src-shared/contract/names';

function describeIssue(issue: z.core.$ZodIssue): { field: string; message: string } {
  const field = issue.path.length ? issue.path.map(String).join('.') : '(input)';
  if (issue.code === 'unrecognized_keys') {
    const keys = (issue as { keys?: string[] }).keys ?? [];
    return { field: keys[0] ?? field, message: `unknown field(s): ${keys.join(', ')}` };
  }
  return { field, message: issue.message };
}

export function validateInput<M extends ApiMethodName>(method: M, rawInput: unknown): z.output<(typeof apiContract)[M]['input']> {
  const parsed = apiContract[method].input.safeParse(rawInput ?? {});
  if (!parsed.success) {
    const first = describeIssue(parsed.error.issues[0]!);
    const all = parsed.error.issues.map((issue) => {
      const described = describeIssue(issue);
      return `${described.field}: ${described.message}`;
    });
    throw new AppError('invalid-input', `Invalid input for ${method}: ${all.join('; ')}.`, {
      field: first.field,
      hint: 'Correct the named field and try again; nothing was changed.',
    });
  }
  return parsed.data as z.output<(typeof apiContract)[M]['input']>;
}

export interface DispatchOptions {
  /** The same key twice (double click, retried request) returns the first call's result. */
  idempotencyKey?: string;
}

const idempotencyCaches = new WeakMap<ApiContext, IdempotencyCache>();

export function dispatch(method: string, rawInput: unknown, ctx: ApiContext, options: DispatchOptions = {}): Promise<unknown> {
  const key = options.idempotencyKey;
  if (key === undefined) return dispatchOnce(method, rawInput, ctx);
  if (!IDEMPOTENCY_KEY.test(key)) {
    return Promise.reject(
      new AppError('invalid-input', 'The idempotency key must be 8 to 64 letters, digits, dashes or underscores.', {
        field: 'idempotencyKey',
      }),
    );
  }
  let cache = idempotencyCaches.get(ctx);
  if (!cache) idempotencyCaches.set(ctx, (cache = new IdempotencyCache()));
  return cache.run(method, key, () => dispatchOnce(method, rawInput, ctx));
}

async function dispatchOnce(method: string, rawInput: unknown, ctx: ApiContext): Promise<unknown> {
  if (!isApiMethodName(method)) {
    throw new AppError('not-found', `Unknown API method "${method.slice(0, 80)}".`, { field: 'method' });
  }
  if (TRUSTED_ONLY_METHODS.includes(method) && !ctx.trusted) {
    throw new AppError('forbidden', `${method} reads files by path and is only available from the command line.`, {
      hint: 'From the app, drop the file on the recordings list instead.',
    });
  }
  const input = validateInput(method, rawInput);
  const pathField = TRUSTED_ONLY_FIELDS[method];
  if (pathField && !ctx.trusted && (input as Record<string, unknown>)[pathField] !== undefined) {
    throw new AppError('forbidden', `Only the command line may choose where ${method} writes (${pathField}).`, {
      field: pathField,
      hint: 'From the app, the file goes into the library; download it from there.',
    });
  }
  const handler = apiHandlers[method] as (input: unknown, ctx: ApiContext) => unknown;
  const output = await Promise.resolve()
    .then(() => handler(input, ctx))
    .catch((error: unknown) => {
      // a full disk or a read-only library that no service mapped itself still reads as such
      throw asStorageError(error, { folder: ctx.library.dir, libraryDir: ctx.library.dir }, true);
    });
  const sampled = SAMPLED_OUTPUT_METHODS.includes(method) && Array.isArray(output) && output.length > 2;
  const checked = apiContract[method].output.safeParse(sampled ? [output[0], output[output.length - 1]] : output);
  if (!checked.success) {
    throw new AppError('internal', `The ${method} result did not match the contract.`);
  }
  return (sampled ? output : checked.data) as ApiOutput<typeof method>;
}
