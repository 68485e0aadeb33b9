/**
 * Drops keys whose value is undefined, so `{ ...defaults, ...definedOnly(changes) }`
 * keeps the defaults where a caller passed `key: undefined` (the CLI does, for flags
 * left out).
 */
export function definedOnly<T extends object>(value: T | undefined): Partial<T> {
  if (!value) return {};
  return Object.fromEntries(Object.entries(value).filter(([, entry]) => entry !== undefined)) as Partial<T>;
}
