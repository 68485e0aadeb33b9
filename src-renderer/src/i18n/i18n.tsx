/**
 * Tiny i18n: French first, English second, `{name}` placeholders, the choice kept in
 * localStorage. Also formats dates the French way and names form fields in errors.
 */
import { createContext, useContext, useMemo, useState, type ReactNode } from 'react';
import { frenchLongDate } from '../../../src-shared/frenchDate';
import { makeTranslate, type Locale, type Translate } from './translate';

export { makeTranslate, placeholderText, type Locale, type Translate } from './translate';

const STORAGE_KEY = 'eric-studio.locale';

interface I18nValue {
  locale: Locale;
  setLocale(locale: Locale): void;
  t: Translate;
  formatDate(isoDate: string | null): string;
}

const I18nContext = createContext<I18nValue | null>(null);

function initialLocale(): Locale {
  const stored = globalThis.localStorage?.getItem(STORAGE_KEY);
  return stored === 'en' ? 'en' : 'fr';
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(initialLocale);
  const value = useMemo<I18nValue>(() => {
    // French days come from the one French formatter (src-shared/frenchDate); English keeps the browser's words
    const english = new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone: 'UTC' });
    return {
      locale,
      setLocale(next) {
        localStorage.setItem(STORAGE_KEY, next);
        document.documentElement.lang = next;
        setLocaleState(next);
      },
      t: makeTranslate(locale),
      formatDate: (isoDate) =>
        !isoDate ? '' : locale === 'fr' ? frenchLongDate(isoDate) : english.format(new Date(`${isoDate.slice(0, 10)}T00:00:00Z`)),
    };
  }, [locale]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18nValue {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n outside I18nProvider');
  return value;
}
