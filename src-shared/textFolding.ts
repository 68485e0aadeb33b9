/**
 * The one rule for matching names in free text: accents and case ignored, ligatures
 * spelt out (œ → oe), every apostrophe the same. The consent text gate (names in texts
 * that go out) and erasure (texts that name an erased person) both match with it, so a
 * name one of them finds, the other finds too.
 */

/** One character folded for matching (may become two: œ → oe). */
export function foldChar(char: string): string {
  const lower = char.toLowerCase();
  if (lower === 'œ') return 'oe';
  if (lower === 'æ') return 'ae';
  if (lower === 'ß') return 'ss';
  if (char === '’' || char === 'ʼ' || char === '‘') return "'";
  return lower.normalize('NFD').replace(/\p{M}/gu, '');
}

/** A text or a word folded for matching. */
export function foldText(text: string): string {
  let folded = '';
  for (const char of text) folded += foldChar(char);
  return folded;
}
