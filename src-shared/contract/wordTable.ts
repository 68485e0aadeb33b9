/**
 * A word list kept as a table (id, UI label key, printed French words): the ids of a
 * table as the non-empty tuple zod's enums want. The one home of that conversion.
 */
export interface WordRow {
  readonly id: string;
  readonly labelKey: string;
  readonly printedFr: string;
}

export type IdsOf<T extends readonly WordRow[]> = readonly [T[number]['id'], ...T[number]['id'][]];

export function idsOf<T extends readonly WordRow[]>(table: T): IdsOf<T> {
  return table.map((row) => row.id) as unknown as IdsOf<T>;
}
