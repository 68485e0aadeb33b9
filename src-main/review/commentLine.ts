/**
 * A comment's category and text on one printed line: "Voix : trop basse". A quick
 * comment from group mode that was never completed holds only its category as text;
 * it prints "Voix", never "Voix : Voix".
 */
import { textIsOnlyCategory } from '../../src-shared/quickComment';

export function categoryAndText(category: string | null, text: string): string {
  const tag = (category ?? '').trim();
  const body = text.trim();
  if (!tag) return body;
  if (textIsOnlyCategory(tag, body)) return tag;
  return `${tag} : ${body}`;
}
