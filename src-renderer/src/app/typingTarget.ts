/**
 * Screen-wide keyboard shortcuts (J/K/L, M, Ctrl+Z…) stand aside while someone types:
 * a key pressed in a field is text, not a command. One rule for every screen.
 */
export function isTypingIn(target: EventTarget | null): boolean {
  const element = target as HTMLElement | null;
  return !!element && (['INPUT', 'TEXTAREA', 'SELECT'].includes(element.tagName) || element.isContentEditable);
}
