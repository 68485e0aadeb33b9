/**
 * The app's modal dialog, built on react-aria-components: focus moves into it and comes
 * back to the button that opened it, Escape and a click outside close it, the page behind
 * is hidden from screen readers, and it always sits in view (fixed, scrolling inside).
 */
import type { ReactNode } from 'react';
import { Dialog, Heading, Modal, ModalOverlay } from 'react-aria-components';

export function AppDialog({
  title,
  onClose,
  children,
  className,
  role = 'dialog',
  dismissable = true,
}: {
  title: string;
  onClose(): void;
  children: ReactNode;
  className?: string;
  role?: 'dialog' | 'alertdialog';
  /** A click outside closes it (not for a question that needs an answer). */
  dismissable?: boolean;
}) {
  return (
    <ModalOverlay
      className="app-dialog-overlay"
      isOpen
      isDismissable={dismissable}
      isKeyboardDismissDisabled={false}
      onOpenChange={(open) => {
        if (!open) onClose();
      }}
    >
      <Modal className="app-dialog-modal">
        <Dialog className={`app-dialog ${className ?? ''}`} role={role} aria-label={title}>
          <Heading slot="title">{title}</Heading>
          {children}
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}
