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

/**
 * A file name people read, keeping capitals ("Témoignages 2025 — Élus" → "Temoignages-2025-Elus",
 * "Léa : le métier" → "Lea-le-metier"): accents dropped, anything else than letters and digits
 * becomes one "-". Pass only text that may be shown to the file's audience (names gated first).
 */
export function fileTitle(text: string, fallback = 'export', maxLength = 60): string {
  const title = text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-zA-Z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, maxLength)
    .replace(/-+$/g, '');
  return title || fallback;
}
