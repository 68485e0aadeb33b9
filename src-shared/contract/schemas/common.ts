/** Building blocks every schema uses: ids, dates as YYYY-MM-DD, bounded free text, roles and kinds. */
import { z } from 'zod';
import { PERSON_ROLES, PROJECT_KINDS } from '../vocabulary';

export const projectKindSchema = z.enum(PROJECT_KINDS);
export const personRoleSchema = z.enum(PERSON_ROLES);
export type ProjectKind = z.infer<typeof projectKindSchema>;
export type PersonRole = z.infer<typeof personRoleSchema>;

/** A calendar date as YYYY-MM-DD that really exists (no 2025-02-30). */
export const calendarDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD')
  .refine((value) => {
    const date = new Date(`${value}T00:00:00Z`);
    return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
  }, 'this date does not exist');

export const idSchema = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);

/** Free text typed by a person: trimmed, no control characters, bounded. */
/** Characters that reorder or hide text on screen (bidi overrides and isolates): removed from names, titles and actors. */
const BIDI_CONTROLS = /[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/g;

export function text(max: number) {
  return z
    .string()
    .transform((value) => value.replace(BIDI_CONTROLS, ''))
    .pipe(
      z
        .string()
        .trim()
        .max(max, `at most ${max} characters`)
        .refine((value) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(value), 'contains control characters'),
    );
}
export const requiredText = (max: number) => text(max).pipe(z.string().min(1, 'must not be empty'));

export const byIdInputSchema = z.strictObject({ id: idSchema });
export const byProjectInputSchema = z.strictObject({ projectId: idSchema });
export const emptyInputSchema = z.strictObject({});
export const deletedSchema = z.object({ deleted: z.literal(true), id: idSchema });
