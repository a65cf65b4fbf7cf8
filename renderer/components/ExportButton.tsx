import { useRef, useState } from 'react';
import { Button, makeStyles, Spinner, tokens, type ButtonProps } from '@fluentui/react-components';
import { ArrowDownload20Regular, Dismiss20Regular } from '@fluentui/react-icons';
import type { Channel, ChannelInput, ChannelOutput, ExportedFile } from '../../electron/contract';
import { useApiClient } from '../app/api';
import { useNotify } from '../app/notify';
import { formatBytes } from '../lib/format';
import { sv } from '../lib/i18n/sv';
import { downloadFile } from './download-file';

/** The channels that answer a file: `exports/table`, `exports/accountant-workbook`. */
export type ExportChannel = { [C in Channel]: ChannelOutput<C> extends ExportedFile ? C : never }[Channel];

const useStyles = makeStyles({
  root: { display: 'inline-flex', alignItems: 'center', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
});

export type ExportButtonProps<C extends ExportChannel> = {
  channel: C;
  /** The channel's input, or a function giving it at the moment of the click (the rows as shown then). */
  input: ChannelInput<C> | (() => ChannelInput<C>);
  label?: string;
  appearance?: ButtonProps['appearance'];
  disabled?: boolean;
  /** Called after the download has started. */
  onExported?: (file: ExportedFile) => void;
};

/**
 * «Exportera till Excel»: asks the core for the file and saves it as a download (a save dialog in the desktop
 * app). While the core works, a spinner and «Avbryt» show; cancelling throws the answer away when it comes, so
 * no file is saved. A table screen adds one in a line:
 *
 *   <ExportButton channel="exports/table" input={() => ({ title, filtersDescription, columns, rows })} />
 */
export function ExportButton<C extends ExportChannel>({ channel, input, label, appearance, disabled, onExported }: ExportButtonProps<C>) {
  const styles = useStyles();
  const client = useApiClient();
  const notify = useNotify();
  const [busy, setBusy] = useState(false);
  // Each click gets a number; an answer whose number is no longer current was cancelled and is dropped.
  const current = useRef(0);

  async function run() {
    const ticket = ++current.current;
    setBusy(true);
    const value = typeof input === 'function' ? (input as () => ChannelInput<C>)() : input;
    const result = await client.call(channel, value);
    if (ticket !== current.current) return;
    setBusy(false);
    if (!result.ok) {
      notify(sv.excel.exportFailed(result.error.message), 'error');
      return;
    }
    const file = result.data as ExportedFile;
    try {
      downloadFile(file);
    } catch (error) {
      notify(sv.excel.exportFailed(error instanceof Error ? error.message : String(error)), 'error');
      return;
    }
    notify(sv.excel.exported(file.fileName, formatBytes(file.sizeBytes)));
    onExported?.(file);
  }

  function cancel() {
    current.current += 1;
    setBusy(false);
    notify(sv.excel.exportCancelled, 'info');
  }

  return (
    <span className={styles.root}>
      <Button appearance={appearance} icon={<ArrowDownload20Regular />} disabled={disabled || busy} onClick={() => void run()}>
        {label ?? sv.excel.exportButton}
      </Button>
      {busy && (
        <>
          <Spinner size="tiny" label={sv.excel.exporting} labelPosition="after" />
          <Button appearance="subtle" icon={<Dismiss20Regular />} onClick={cancel}>
            {sv.excel.cancelExport}
          </Button>
        </>
      )}
    </span>
  );
}
