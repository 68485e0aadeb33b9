/** To whom an export was given (its own file: the consent dashboard and the recall both use it). */
import { z } from 'zod';
import { idSchema } from './common';

export const exportRecipientSchema = z.object({
  id: idSchema,
  exportId: idSchema,
  /** A service or a person: "Conseil régional — service Jeunesse", "Mme Le Goff (élue)". */
  name: z.string(),
  givenOn: z.string(),
  createdAt: z.string(),
});
export type ExportRecipient = z.infer<typeof exportRecipientSchema>;
