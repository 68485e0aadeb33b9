/** A file-name-safe, accent-free, lower-case form of a title ("Été 2026 !" → "ete-2026"). */
export function slug(text: string, fallback = 'export'): string {
  return (
    text
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[^a-zA-Z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .toLowerCase()
      .slice(0, 40) || fallback
  );
}
