/** Projects, sessions and people on the wire; system information and backups. */
import { z } from 'zod';
import { calendarDateSchema, idSchema, personRoleSchema, projectKindSchema, requiredText, text } from './common';

export const projectSchema = z.object({
  id: idSchema,
  name: z.string(),
  kind: projectKindSchema,
  place: z.string(),
  startDate: z.string().nullable(),
  endDate: z.string().nullable(),
  description: z.string(),
  /** Default consent duration for this project, in months. */
  retentionMonths: z.number().int(),
  /** Who to contact to withdraw consent (printed on the consent forms). */
  withdrawalContact: z.string(),
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

export const projectFieldsSchema = z.strictObject({
  name: requiredText(200),
  kind: projectKindSchema,
  place: text(200).optional(),
  startDate: calendarDateSchema.nullable().optional(),
  endDate: calendarDateSchema.nullable().optional(),
  description: text(4000).optional(),
  retentionMonths: z.number().int().min(1).max(120).optional(),
  withdrawalContact: text(300).optional(),
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
export const updatePersonInputSchema = z.strictObject({
  id: idSchema,
  changes: personFieldsSchema.partial(),
  /** Who changes a name or a birth date, and why: logged with the consent history. */
  actor: text(120).optional(),
  reason: text(500).optional(),
});
export type UpdatePersonInput = z.infer<typeof updatePersonInputSchema>;
export const systemInfoSchema = z.object({
  appVersion: z.string(),
  schemaVersion: z.number().int(),
  libraryDir: z.string(),
  transport: z.enum(['electron', 'http']),
  ffmpeg: z.object({ found: z.boolean(), path: z.string().nullable(), source: z.string().nullable() }),
  /** Exports and packs a crash interrupted (cleaned at start-up), until the user dismisses the notice. */
  interrupted: z.array(z.object({ kind: z.enum(['render', 'pack']), label: z.string() })),
});
export type SystemInfo = z.infer<typeof systemInfoSchema>;
export const backupInputSchema = z.strictObject({ destination: z.string().min(1).max(4096).optional() });
export const backupOutputSchema = z.object({ dir: z.string(), files: z.number().int(), bytes: z.number().int() });
