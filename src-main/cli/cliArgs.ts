/**
 * Turns command-line text into API inputs: ids, dates, times and repeatable flags,
 * each with an error naming the flag when it is malformed.
 */
import { AppError } from '../../src-shared/appError';

export function parseIdFlag(value: string | undefined, flag: string): number {
  if (value === undefined) throw new AppError('invalid-input', `--${flag} is required.`, { field: flag });
  if (!/^\d{1,15}$/.test(value) || Number(value) === 0) {
    throw new AppError('invalid-input', `--${flag} must be a positive whole number (an id), not "${value}".`, { field: flag });
  }
  return Number(value);
}

export function requireFlag(value: string | undefined, flag: string): string {
  if (value === undefined || value === '') throw new AppError('invalid-input', `--${flag} is required.`, { field: flag });
  return value;
}
