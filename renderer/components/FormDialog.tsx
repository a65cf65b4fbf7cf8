import type { FormEvent, ReactNode } from 'react';
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Spinner,
  tokens,
} from '@fluentui/react-components';
import { sv } from '../lib/i18n/sv';

const useStyles = makeStyles({
  content: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM },
  danger: {
    backgroundColor: tokens.colorPaletteRedBackground3,
    color: tokens.colorNeutralForegroundOnBrand,
    ':hover': { backgroundColor: tokens.colorPaletteRedForeground1, color: tokens.colorNeutralForegroundOnBrand },
    ':hover:active': { backgroundColor: tokens.colorPaletteRedForeground1, color: tokens.colorNeutralForegroundOnBrand },
  },
});

/**
 * The one shell for a dialog that edits the register: a title, the fields, a general error in one place (after
 * the fields, next to the buttons the user just pressed) and «Avbryt» before the primary button. The fields sit
 * in a `<form>` so Enter submits. While a save runs the dialog cannot be closed and the primary button shows a
 * spinner, so a half-done change is never abandoned by a stray click or Escape.
 *
 * Button order, Fluent UI's: «Avbryt» (or another secondary button) first, the primary action last, at the right
 * edge where the eye ends (test/renderer/dialog-buttons.test.ts enforces it for every DialogActions).
 *
 * `alert` makes it the yes/no question before a change (`ConfirmDialog`): an alert dialog, which a screen reader
 * announces with its text. `danger` paints the primary button red for a change that cannot simply be taken back.
 */
export function FormDialog({
  open = true,
  title,
  children,
  submitLabel,
  busyLabel,
  busy = false,
  error,
  onSubmit,
  onClose,
  cancelLabel = sv.app.cancel,
  surfaceClassName,
  contentClassName,
  alert = false,
  danger = false,
}: {
  open?: boolean;
  title: string;
  children: ReactNode;
  submitLabel: string;
  /** Shown on the primary button while busy; the submit label stays if none is given. */
  busyLabel?: string;
  busy?: boolean;
  error?: string | undefined;
  onSubmit: () => void;
  onClose: () => void;
  cancelLabel?: string;
  surfaceClassName?: string;
  contentClassName?: string;
  alert?: boolean;
  danger?: boolean;
}) {
  const styles = useStyles();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!busy) onSubmit();
  };
  return (
    <Dialog open={open} modalType={alert ? 'alert' : 'modal'} onOpenChange={(_e, data) => !data.open && !busy && onClose()}>
      {/* A form dialog's fields describe themselves; an alert is described by its text (Fluent's default). */}
      <DialogSurface className={surfaceClassName} {...(alert ? {} : { 'aria-describedby': undefined })}>
        {open && (
          <form onSubmit={submit} noValidate>
            <DialogBody>
              <DialogTitle>{title}</DialogTitle>
              <DialogContent className={contentClassName ?? styles.content}>
                {children}
                {error !== undefined && error !== '' && (
                  <MessageBar intent="error" layout="multiline" role="alert">
                    <MessageBarBody>{error}</MessageBarBody>
                  </MessageBar>
                )}
              </DialogContent>
              <DialogActions>
                <Button appearance="secondary" onClick={onClose} disabled={busy}>
                  {cancelLabel}
                </Button>
                <Button
                  appearance="primary"
                  type="submit"
                  disabled={busy}
                  icon={busy ? <Spinner size="tiny" /> : undefined}
                  className={danger ? styles.danger : undefined}
                >
                  {busy && busyLabel !== undefined ? busyLabel : submitLabel}
                </Button>
              </DialogActions>
            </DialogBody>
          </form>
        )}
      </DialogSurface>
    </Dialog>
  );
}
