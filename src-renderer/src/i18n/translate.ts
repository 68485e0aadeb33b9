/**
 * The translation function behind useI18n (no React here, so tests and tools can use it):
 * a key's French or English template with its `{name}` placeholders filled; in French a
 * whole quantity groups its thousands through the one French number formatter.
 */
import { frenchNumber } from '../../../src-shared/frenchNumber';
import { en } from './en';
import { fr, type MessageKey } from './fr';

export type Locale = 'fr' | 'en';

export type Translate = (key: MessageKey, values?: Record<string, string | number>) => string;

/** Placeholders that hold a number which is a label, not a quantity ("Vidéo n° {id}"): never grouped. */
const NOT_QUANTITIES = new Set(['id', 'number', 'recording', 'version', 'year']);

/** A placeholder's text: in French a whole quantity groups its thousands ("2 000 commentaires"). */
export function placeholderText(locale: Locale, name: string, value: string | number): string {
  if (locale === 'fr' && typeof value === 'number' && Number.isInteger(value) && !NOT_QUANTITIES.has(name)) return frenchNumber(value);
  return String(value);
}

export function makeTranslate(locale: Locale): Translate {
  return (key, values) => {
    const template: string = locale === 'en' ? en[key] : fr[key];
    return template.replace(/\{(\w+)\}/g, (match, name: string) =>
      values && name in values ? placeholderText(locale, name, values[name]!) : match,
    );
  };
}
