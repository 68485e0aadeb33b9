/**
 * The browser's own message for a field left empty or out of range is a bubble in the
 * browser's language ("Please fill out this field" in an English Chromium), gone in a few
 * seconds and hard to hear with a screen reader. Every form of the app shows ours instead:
 * in the app's language, naming the field and what to do, written under the field, tied to
 * it (aria-invalid, aria-describedby), the first wrong field focused, and taken away as soon
 * as the field is changed. One listener for the whole page (installed by App), so no form
 * can forget it.
 */
import type { Translate } from '../i18n/translate';

type Control = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

const MESSAGE_CLASS = 'field-error app-field-message';

function isControl(target: EventTarget | null): target is Control {
  return target instanceof HTMLInputElement || target instanceof HTMLSelectElement || target instanceof HTMLTextAreaElement;
}

/** The field's visible name: its label without the required star, else its accessible name. */
export function fieldName(control: Control): string {
  const label = control.labels?.[0];
  const fromLabel = label
    ? [...label.childNodes].filter((node) => !(node instanceof Element && node.matches('.required, select, input, textarea')))
    : [];
  const text = fromLabel.map((node) => node.textContent ?? '').join('');
  return (text || control.getAttribute('aria-label') || control.name || '')
    .replace(/\s*\*\s*$/, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** What is wrong with a field, in the app's language (null when it is fine). */
export function fieldMessage(control: Control, t: Translate): string | null {
  const { validity } = control;
  if (validity.valid) return null;
  const field = fieldName(control);
  if (validity.valueMissing) {
    if (control instanceof HTMLSelectElement) return t('form.missingChoice', { field });
    if (control instanceof HTMLInputElement && (control.type === 'checkbox' || control.type === 'radio'))
      return t('form.missingTick', { field });
    return t('form.missing', { field });
  }
  if (validity.rangeUnderflow) return t('form.tooLow', { field, min: control instanceof HTMLInputElement ? control.min : '' });
  if (validity.rangeOverflow) return t('form.tooHigh', { field, max: control instanceof HTMLInputElement ? control.max : '' });
  if (validity.tooLong) return t('form.tooLong', { field, max: String((control as HTMLInputElement).maxLength) });
  return t('form.notAccepted', { field });
}

function messageElement(control: Control): HTMLElement | null {
  const id = control.getAttribute('data-app-message');
  return id ? control.ownerDocument.getElementById(id) : null;
}

function show(control: Control, text: string): void {
  let message = messageElement(control);
  if (!message) {
    message = control.ownerDocument.createElement('p');
    message.className = MESSAGE_CLASS;
    message.id = `${control.id || 'field'}-message-${Math.random().toString(36).slice(2, 8)}`;
    message.setAttribute('role', 'alert');
    // at the end of the field's block (label, field, help), else after its label, else after the field itself
    const field = control.closest('.field');
    if (field) field.insertAdjacentElement('beforeend', message);
    else (control.closest('label') ?? control).insertAdjacentElement('afterend', message);
    control.setAttribute('data-app-message', message.id);
    const described = control.getAttribute('aria-describedby');
    control.setAttribute('aria-describedby', described ? `${described} ${message.id}` : message.id);
  }
  message.textContent = text;
  control.setAttribute('aria-invalid', 'true');
}

function clear(control: Control): void {
  const message = messageElement(control);
  if (!message) return;
  message.remove();
  control.removeAttribute('data-app-message');
  control.removeAttribute('aria-invalid');
  const rest = (control.getAttribute('aria-describedby') ?? '').split(' ').filter((id) => id && id !== message.id);
  if (rest.length) control.setAttribute('aria-describedby', rest.join(' '));
  else control.removeAttribute('aria-describedby');
}

/** Focuses the field when it is the first wrong one of its form (each wrong field gets its own invalid event). */
export function focusIfFirstInvalid(control: Control): void {
  const first = control.form ? [...control.form.elements].find((element) => isControl(element) && !element.validity.valid) : control;
  if (first === control) control.focus();
}

/** Fields that write their own message (DateField) say so with this attribute, and handle `invalid` themselves. */
export const OWN_MESSAGE_ATTRIBUTE = 'data-own-message';

/** Installs the listeners; returns how to remove them. `translate` is read at each event (the language may change). */
export function installFieldMessages(doc: Document, translate: () => Translate): () => void {
  const onInvalid = (event: Event) => {
    if (!isControl(event.target) || event.target.hasAttribute(OWN_MESSAGE_ATTRIBUTE)) return;
    const control = event.target;
    event.preventDefault(); // no browser bubble
    const text = fieldMessage(control, translate());
    if (text) show(control, text);
    focusIfFirstInvalid(control);
  };
  const onChange = (event: Event) => {
    if (isControl(event.target) && event.target.validity.valid) clear(event.target);
  };
  doc.addEventListener('invalid', onInvalid, true);
  doc.addEventListener('input', onChange, true);
  doc.addEventListener('change', onChange, true);
  return () => {
    doc.removeEventListener('invalid', onInvalid, true);
    doc.removeEventListener('input', onChange, true);
    doc.removeEventListener('change', onChange, true);
  };
}
