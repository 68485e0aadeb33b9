/**
 * The app's own "are you sure?" (instead of window.confirm, which the browser styles,
 * words in its own language and which blocks the page): a react-aria alert dialog with
 * the question, what it will do, and two big buttons. `useConfirm()` gives a promise;
 * ConfirmProvider (mounted once in App) shows the dialog.
 */
import { createContext, useCallback, useContext, useRef, useState, type ReactNode } from 'react';
import { Button } from 'react-aria-components';
import { useI18n } from '../i18n/i18n';
import { AppDialog } from './AppDialog';

export interface ConfirmOptions {
  /** The button that does it ("Supprimer"); "Confirmer" unless told. */
  confirmLabel?: string;
  /** Destructive: the button is red. */
  danger?: boolean;
  /** What will happen, under the question. */
  detail?: string;
}

export function ConfirmDialog({
  question,
  options,
  onAnswer,
}: {
  question: string;
  options: ConfirmOptions;
  onAnswer(confirmed: boolean): void;
}) {
  const { t } = useI18n();
  return (
    <AppDialog title={question} role="alertdialog" dismissable={false} onClose={() => onAnswer(false)} className="confirm-dialog">
      {options.detail && <p>{options.detail}</p>}
      <div className="actions">
        <Button className={options.danger ? 'danger' : 'primary'} onPress={() => onAnswer(true)}>
          {options.confirmLabel ?? t('common.confirm')}
        </Button>
        <Button autoFocus onPress={() => onAnswer(false)}>
          {t('common.cancel')}
        </Button>
      </div>
    </AppDialog>
  );
}

const ConfirmContext = createContext<(question: string, options?: ConfirmOptions) => Promise<boolean>>(() => Promise.resolve(false));

/** Mounted once around the app: one confirmation dialog for every screen. */
export function ConfirmProvider({ children }: { children: ReactNode }) {
  const [asked, setAsked] = useState<{ question: string; options: ConfirmOptions } | null>(null);
  const resolver = useRef<((value: boolean) => void) | null>(null);
  const confirm = useCallback((question: string, options: ConfirmOptions = {}) => {
    resolver.current?.(false);
    setAsked({ question, options });
    return new Promise<boolean>((resolve) => {
      resolver.current = resolve;
    });
  }, []);
  return (
    <ConfirmContext.Provider value={confirm}>
      {children}
      {asked && (
        <ConfirmDialog
          question={asked.question}
          options={asked.options}
          onAnswer={(confirmed) => {
            resolver.current?.(confirmed);
            resolver.current = null;
            setAsked(null);
          }}
        />
      )}
    </ConfirmContext.Provider>
  );
}

/** `const confirm = useConfirm();` then `if (await confirm('Supprimer « X » ?', { danger: true })) …` */
export function useConfirm(): (question: string, options?: ConfirmOptions) => Promise<boolean> {
  return useContext(ConfirmContext);
}
