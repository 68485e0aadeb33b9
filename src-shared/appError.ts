/**
 * The one error type services throw on purpose. It carries a stable `code` the
 * transports map to HTTP statuses / CLI exit codes, the offending `field` when an
 * input is to blame, and a `hint` telling the user how to fix it. Anything that is
 * not an AppError is a bug and is reported as `internal` without its details.
 */
export type AppErrorCode =
  | 'invalid-input'
  | 'too-large'
  | 'not-found'
  | 'conflict'
  | 'library-unreadable'
  | 'library-too-new'
  | 'media-tool-missing'
  | 'media-failed'
  | 'cancelled'
  | 'forbidden'
  | 'consent-refused'
  | 'disk-full'
  | 'read-only'
  | 'internal';

export interface AppErrorShape {
  code: AppErrorCode;
  message: string;
  field?: string;
  hint?: string;
}

export class AppError extends Error {
  readonly code: AppErrorCode;
  readonly field?: string;
  readonly hint?: string;

  constructor(code: AppErrorCode, message: string, options: { field?: string; hint?: string; cause?: unknown } = {}) {
    super(message, { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.field = options.field;
    this.hint = options.hint;
  }

  toJSON(): AppErrorShape {
    return {
      code: this.code,
      message: this.message,
      ...(this.field !== undefined ? { field: this.field } : {}),
      ...(this.hint !== undefined ? { hint: this.hint } : {}),
    };
  }
}

/** Turns anything thrown into the shape sent over a transport, hiding internals of real bugs. */
export function toErrorShape(error: unknown): AppErrorShape {
  if (error instanceof AppError) return error.toJSON();
  return { code: 'internal', message: 'Erreur inattendue dans ERIC Studio : le détail est dans le journal de l’application.' };
}

export function isAppErrorShape(value: unknown): value is AppErrorShape {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { code?: unknown }).code === 'string' &&
    typeof (value as { message?: unknown }).message === 'string'
  );
}
