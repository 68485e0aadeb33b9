/**
 * The list of the review keys, opened with `?` (or its button): a real dialog from
 * react-aria-components, so focus moves into it, stays there, and Escape closes it.
 */
import { Dialog, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { useI18n } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/fr';

const KEYS: Array<[key: string, what: MessageKey]> = [
  ['Espace / K', 'review.keys.play'],
  ['J', 'review.keys.back'],
  ['L', 'review.keys.forward'],
  [', .', 'review.keys.frame'],
  ['I', 'review.keys.in'],
  ['O', 'review.keys.out'],
  ['1 – 7', 'review.keys.quick'],
  ['Échap', 'review.keys.escape'],
  ['?', 'review.keys.help'],
];

export function ShortcutsDialog({ isOpen, onOpenChange }: { isOpen: boolean; onOpenChange(open: boolean): void }) {
  const { t } = useI18n();
  return (
    <ModalOverlay
      className="dialog-overlay"
      isOpen={isOpen}
      onOpenChange={onOpenChange}
      isDismissable
      // in full screen only the full-screen element is drawn: the dialog must open inside it
      UNSTABLE_portalContainer={(isOpen && document.fullscreenElement) || undefined}
    >
      <Modal className="dialog-modal">
        <Dialog className="dialog shortcuts-dialog">
          {({ close }) => (
            <>
              <Heading slot="title">{t('review.keys.title')}</Heading>
              <table className="shortcuts-table">
                <tbody>
                  {KEYS.map(([key, what]) => (
                    <tr key={key}>
                      <th scope="row">
                        <kbd>{key}</kbd>
                      </th>
                      <td>{t(what)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              <p className="muted small-text">{t('review.keys.note')}</p>
              <button className="primary" onClick={close} autoFocus>
                {t('review.keys.close')}
              </button>
            </>
          )}
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}
