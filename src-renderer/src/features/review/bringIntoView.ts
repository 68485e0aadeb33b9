/**
 * A button that acts elsewhere on the screen ("Voir" on a clip, "En faire un extrait")
 * brings what it acts on into view and puts the keyboard there, so the result is seen.
 */
export function bringIntoView(target: Element | null, focus: HTMLElement | null = null): void {
  // after React has drawn the change the button caused
  requestAnimationFrame(() => {
    target?.scrollIntoView({ block: 'nearest', behavior: 'instant' });
    focus?.focus({ preventScroll: true });
  });
}
