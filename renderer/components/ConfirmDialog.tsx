import type { ReactNode } from 'react';
import { FormDialog } from './FormDialog';

/**
 * The one yes/no question before a change: `FormDialog` as an alert with no fields. While the change runs the
 * dialog cannot be closed and shows a spinner; if the core refuses, its message stays in the dialog. `danger`
 * marks a change that cannot simply be taken back (an erasure, a deleted period).
 */
export function ConfirmDialog({
  open,
  title,
  children,
  confirmLabel,
  danger,
  busy = false,
  error,
  onConfirm,
  onClose,
}: {
  open: boolean;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  danger?: boolean;
  busy?: boolean;
  error?: string | undefined;
  onConfirm: () => void;
  onClose: () => void;
}) {
  return (
    <FormDialog
      alert
      open={open}
      title={title}
      submitLabel={confirmLabel}
      danger={danger ?? false}
      busy={busy}
      error={error}
      onSubmit={onConfirm}
      onClose={onClose}
    >
      {children}
    </FormDialog>
  );
}
