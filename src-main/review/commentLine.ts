/**
 * A comment's category and text on one printed line: "Voix : trop basse". A quick
 * comment from group mode that was never completed holds only its category as text;
 * it prints "Voix", never "Voix : Voix".
 */
export function categoryAndText(category: string | null, text: string): string {
  const tag = (category ?? '').trim();
  const body = text.trim();
  if (!tag) return body;
  if (body.localeCompare(tag, 'fr', { sensitivity: 'base' }) === 0) return tag;
  return `${tag} : ${body}`;
}
