/**
 * Comments on their way out of the library (CSV, VTT, SRT, the feedback sheet): each text
 * passes the text gate for the workshop, and an author is named only as their own consent
 * allows ("Groupe" otherwise). A comment naming someone who refused is left out, with its
 * replies (they answer it and may repeat the name). Pure.
 */
import type { Comment } from '../../src-shared/contract/schemas';
import { formatTimecode } from '../../src-shared/time';
import type { TextGate } from '../consent/textGate';
import { GROUP_AUTHOR } from './commentsStore';

export function gateComments(comments: readonly Comment[], gate: TextGate, ownerPersonId: number | null = null): Comment[] {
  const dropped = new Set<number>();
  const out: Comment[] = [];
  for (const comment of comments) {
    if (comment.parentId !== null && dropped.has(comment.parentId)) continue;
    const text = gate.text(comment.text, `Commentaire à ${formatTimecode(comment.startSeconds).slice(0, 8)}`);
    const category = comment.category ? gate.text(comment.category, 'Catégorie d’un commentaire') : '';
    if (text === null) {
      dropped.add(comment.id);
      continue;
    }
    const author =
      comment.authorPersonId === null
        ? GROUP_AUTHOR
        : comment.authorPersonId === ownerPersonId
          ? comment.authorName
          : (gate.nameOf(comment.authorPersonId) ?? GROUP_AUTHOR);
    out.push({ ...comment, text, category: category ?? '', authorName: author });
  }
  return out;
}
