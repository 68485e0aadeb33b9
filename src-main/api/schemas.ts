/**
 * Data shapes shared by every side of the app: what a project, a session or a person
 * looks like on the wire, and what each API call accepts. Plain zod, no Node or DOM,
 * so the renderer can import the types and the main side can validate with them.
 */
import { z } from 'zod';

import { PERSON_ROLES, PROJECT_KINDS } from './vocabulary';

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
function text(max: number) {
  return z
    .string()
    .trim()
    .max(max, `at most ${max} characters`)
    .refine((value) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(value), 'contains control characters');
}
const requiredText = (max: number) => text(max).pipe(z.string().min(1, 'must not be empty'));

// ---------- entities (outputs) ----------

export const projectSchema = z.object({
  id: idSchema,
  name: z.string(),
  kind: projectKindSchema,
  place: z.string(),
  startDate: z.string().nullable(),
  endDate: z.string().nullable(),
  description: z.string(),
  sessionCount: z.number().int(),
  peopleCount: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Project = z.infer<typeof projectSchema>;

export const sessionSchema = z.object({
  id: idSchema,
  projectId: idSchema,
  date: z.string(),
  title: z.string(),
  animatorPersonId: idSchema.nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Session = z.infer<typeof sessionSchema>;

export const personSchema = z.object({
  id: idSchema,
  projectId: idSchema,
  displayName: z.string(),
  role: personRoleSchema,
  birthDate: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Person = z.infer<typeof personSchema>;

// ---------- inputs ----------

export const projectFieldsSchema = z.strictObject({
  name: requiredText(200),
  kind: projectKindSchema,
  place: text(200).optional(),
  startDate: calendarDateSchema.nullable().optional(),
  endDate: calendarDateSchema.nullable().optional(),
  description: text(4000).optional(),
});

function datesInOrder(value: { startDate?: string | null; endDate?: string | null }): boolean {
  return !value.startDate || !value.endDate || value.startDate <= value.endDate;
}
const datesInOrderIssue = { message: 'the end date is before the start date', path: ['endDate'] };

export const createProjectInputSchema = projectFieldsSchema.refine(datesInOrder, datesInOrderIssue);
export type CreateProjectInput = z.infer<typeof createProjectInputSchema>;

export const updateProjectInputSchema = z
  .strictObject({ id: idSchema, changes: projectFieldsSchema.partial() })
  .refine((value) => datesInOrder(value.changes), { ...datesInOrderIssue, path: ['changes', 'endDate'] });
export type UpdateProjectInput = z.infer<typeof updateProjectInputSchema>;

export const sessionFieldsSchema = z.strictObject({
  date: calendarDateSchema,
  title: text(200).optional(),
  animatorPersonId: idSchema.nullable().optional(),
});
export const createSessionInputSchema = sessionFieldsSchema.extend({ projectId: idSchema });
export type CreateSessionInput = z.infer<typeof createSessionInputSchema>;
export const updateSessionInputSchema = z.strictObject({ id: idSchema, changes: sessionFieldsSchema.partial() });
export type UpdateSessionInput = z.infer<typeof updateSessionInputSchema>;

export const personFieldsSchema = z.strictObject({
  displayName: requiredText(120),
  role: personRoleSchema,
  birthDate: calendarDateSchema.nullable().optional(),
});
export const addPersonInputSchema = personFieldsSchema.extend({ projectId: idSchema });
export type AddPersonInput = z.infer<typeof addPersonInputSchema>;
export const updatePersonInputSchema = z.strictObject({ id: idSchema, changes: personFieldsSchema.partial() });
export type UpdatePersonInput = z.infer<typeof updatePersonInputSchema>;

export const byIdInputSchema = z.strictObject({ id: idSchema });
export const byProjectInputSchema = z.strictObject({ projectId: idSchema });
export const emptyInputSchema = z.strictObject({});

export const systemInfoSchema = z.object({
  appVersion: z.string(),
  schemaVersion: z.number().int(),
  libraryDir: z.string(),
  transport: z.enum(['electron', 'http']),
  ffmpeg: z.object({ found: z.boolean(), path: z.string().nullable(), source: z.string().nullable() }),
});
export type SystemInfo = z.infer<typeof systemInfoSchema>;

export const deletedSchema = z.object({ deleted: z.literal(true), id: idSchema });
