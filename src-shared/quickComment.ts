/**
 * A quick comment dropped in group mode holds only its category as text ("Voix") until
 * someone completes it after the session. The one home of that rule: the review screen's
 * "À compléter" list, its server query and the printed lines ("Voix", never "Voix : Voix")
 * all ask here. Case and accents do not count ("voix" is still "Voix").
 */
export function textIsOnlyCategory(category: string | null, text: string): boolean {
  const tag = (category ?? '').trim();
  return tag !== '' && text.trim().localeCompare(tag, 'fr', { sensitivity: 'base' }) === 0;
}

/** A thread (not a reply) whose text is still only its category. */
export function isQuickCommentToComplete(comment: { parentId: number | null; category: string | null; text: string }): boolean {
  return comment.parentId === null && textIsOnlyCategory(comment.category, comment.text);
}
