import { useCallback, useState } from 'react';
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Textarea,
  tokens,
} from '@fluentui/react-components';
import { useApiClient } from '../../app/api';
import { useNotify } from '../../app/notify';
import { sv } from '../../lib/i18n/sv';
import { emailResultVm, type EmailResultVm } from './email.view-model';

const t = sv.natverk.email;

const useStyles = makeStyles({
  content: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM },
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalXL, maxHeight: '200px', overflowY: 'auto' },
  heading: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  reason: { color: tokens.colorNeutralForeground3 },
});

async function writeClipboard(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

/**
 * «Kopiera e-postadresser»: fetches the core's list for the networks, puts it on the clipboard and opens a
 * dialog saying how many were copied and who lacks a usable address.
 */
export function useCopyEmails() {
  const client = useApiClient();
  const notify = useNotify();
  const [result, setResult] = useState<EmailResultVm>();
  const [busy, setBusy] = useState(false);
  const copy = useCallback(
    async (networkIds: readonly string[], date?: string) => {
      if (networkIds.length === 0) return;
      setBusy(true);
      try {
        const list = await client.request('networks/get-email-list', { networkIds: [...networkIds], ...(date !== undefined ? { date } : {}) });
        const copied = list.text === '' ? false : await writeClipboard(list.text);
        setResult(emailResultVm(list, copied));
      } catch (error) {
        notify(t.failed(error instanceof Error ? error.message : String(error)), 'error');
      } finally {
        setBusy(false);
      }
    },
    [client, notify],
  );
  const dialog = <EmailResultDialog result={result} onClose={() => setResult(undefined)} />;
  return { copy, busy, dialog };
}

function EmailResultDialog({ result, onClose }: { result: EmailResultVm | undefined; onClose: () => void }) {
  const styles = useStyles();
  return (
    <Dialog open={result !== undefined} onOpenChange={(_e, data) => !data.open && onClose()}>
      <DialogSurface aria-describedby={undefined}>
        <DialogBody>
          <DialogTitle>{t.title}</DialogTitle>
          <DialogContent className={styles.content}>
            {result && (
              <>
                <MessageBar intent={result.intent} layout="multiline" data-testid="email-result">
                  <MessageBarBody>{result.message}</MessageBarBody>
                </MessageBar>
                {result.text !== '' && (
                  <Field label={t.textLabel}>
                    <Textarea value={result.text} readOnly resize="vertical" rows={4} onFocus={(e) => e.currentTarget.select()} />
                  </Field>
                )}
                {result.missingHeading !== undefined && (
                  <section aria-label={result.missingHeading} data-testid="email-missing">
                    <h3 className={styles.heading}>{result.missingHeading}</h3>
                    <ul className={styles.list}>
                      {result.missing.map((m) => (
                        <li key={m.contactId}>
                          {m.label} <span className={styles.reason}>({m.reason})</span>
                        </li>
                      ))}
                    </ul>
                  </section>
                )}
              </>
            )}
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={onClose}>
              {sv.app.close}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
