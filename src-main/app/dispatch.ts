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
import { frenchFieldHint, frenchIssueMessage } from './validationMessages';
import { apiHandlers } from './handlers';
import { isApiMethodName, TRUSTED_ONLY_FIELDS, TRUSTED_ONLY_METHODS, type ApiMethodName } from '../../src-shared/contract/names';

function fieldOf(issue: z.core.$ZodIssue): string {
  const field = issue.path.length ? issue.path.map(String).join('.') : '(input)';
  if (issue.code === 'unrecognized_keys') return (issue as { keys?: string[] }).keys?.[0] ?? field;
  return field;
}

/** Refuses an input in French, naming the field as the screen does (validationMessages.ts). */
export function validateInput<M extends ApiMethodName>(method: M, rawInput: unknown): z.output<(typeof apiContract)[M]['input']> {
  const parsed = apiContract[method].input.safeParse(rawInput ?? {});
  if (!parsed.success) {
    const [first, ...others] = parsed.error.issues;
    // one sentence per field: a misshapen date is not also "a date that does not exist"
    const byField = new Map<string, string>();
    for (const issue of [first!, ...others]) {
      if (!byField.has(fieldOf(issue))) byField.set(fieldOf(issue), frenchIssueMessage(issue, rawInput ?? {}));
    }
    throw new AppError('invalid-input', [...new Set(byField.values())].join(' '), {
      field: fieldOf(first!),
      hint: frenchFieldHint(first!.path),
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
      new AppError('invalid-input', 'La clé de requête doit faire 8 à 64 lettres, chiffres, tirets ou soulignés.', {
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
    throw new AppError('not-found', `La fonction « ${method.slice(0, 80)} » n’existe pas dans ERIC Studio.`, {
      field: 'method',
      hint: 'Vérifiez le nom de la fonction demandée ; l’application et ERIC Studio sont peut-être de versions différentes.',
    });
  }
  if (TRUSTED_ONLY_METHODS.includes(method) && !ctx.trusted) {
    throw new AppError('forbidden', `« ${method} » lit un fichier par son chemin : ce n’est possible qu’en ligne de commande.`, {
      hint: 'Dans l’application, déposez plutôt le fichier sur la liste des enregistrements.',
    });
  }
  const input = validateInput(method, rawInput);
  const pathField = TRUSTED_ONLY_FIELDS[method];
  if (pathField && !ctx.trusted && (input as Record<string, unknown>)[pathField] !== undefined) {
    throw new AppError('forbidden', `Seule la ligne de commande peut choisir où « ${method} » écrit (champ ${pathField}).`, {
      field: pathField,
      hint: 'Dans l’application, le fichier est rangé dans la bibliothèque : téléchargez-le depuis là.',
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
    throw new AppError('internal', `La réponse de « ${method} » n’a pas la forme prévue : c’est une erreur d’ERIC Studio.`, {
      hint: 'Signalez ce problème en joignant le journal de l’application.',
    });
  }
  return (sampled ? output : checked.data) as ApiOutput<typeof method>;
}
