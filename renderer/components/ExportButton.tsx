import { useRef, useState } from 'react';
import { Button, Field, makeStyles, ProgressBar, Spinner, Text, tokens, type ButtonProps } from '@fluentui/react-components';
import { ArrowDownload20Regular, Dismiss20Regular } from '@fluentui/react-icons';
import type { Channel, ChannelInput, ChannelOutput, ExportedFile } from '../../electron/contract';
import { useApiClient } from '../app/api';
import { useNotify } from '../app/notify';
import { useTask } from '../app/useTask';
import { formatBytes } from '../lib/format';
import { sv } from '../lib/i18n/sv';
import { downloadFile } from './download-file';
import { exportProgressView } from './task-progress';

/** The channels that answer a file: `exports/table`, `exports/accountant-workbook`. */
export type ExportChannel = { [C in Channel]: ChannelOutput<C> extends ExportedFile ? C : never }[Channel];
/** The export channels that take a `taskId`, so they report progress and can be cancelled in the core. */
export type TaskExportChannel = { [C in ExportChannel]: 'taskId' extends keyof ChannelInput<C> ? C : never }[ExportChannel];

const useStyles = makeStyles({
  root: { display: 'inline-flex', alignItems: 'center', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  progress: { display: 'inline-flex', alignItems: 'flex-end', gap: tokens.spacingHorizontalS, flexWrap: 'wrap', flexBasis: '26rem', flexGrow: 1 },
  bar: { flexGrow: 1, minWidth: '14rem' },
});

export type ExportButtonProps<C extends ExportChannel> = {
  channel: C;
  /**
   * The channel's input, or a function giving it at the moment of the click (the rows as shown then), which may
   * first ask the core for them (a list that holds only the rows in view).
   */
  input: ChannelInput<C> | (() => ChannelInput<C> | Promise<ChannelInput<C>>);
  label?: string;
  appearance?: ButtonProps['appearance'];
  disabled?: boolean;
  /** Called after the download has started. */
  onExported?: (file: ExportedFile) => void;
  /**
   * For a long export (the accountant's workbook): a progress bar follows the core's reports sheet by sheet,
   * and «Avbryt exporten» stops the core (`tasks/cancel`) as well as dropping the answer; the button then says so.
   */
  withProgress?: C extends TaskExportChannel ? boolean : never;
};

/**
 * «Exportera till Excel»: asks the core for the file and saves it as a download (a save dialog in the desktop
 * app). While the core works, a spinner and «Avbryt» show; cancelling throws the answer away when it comes, so
 * no file is saved. A table screen adds one in a line:
 *
 *   <ExportButton channel="exports/table" input={() => ({ title, filtersDescription, columns, rows })} />
 */
export function ExportButton<C extends ExportChannel>({ channel, input, label, appearance, disabled, onExported, withProgress }: ExportButtonProps<C>) {
  const styles = useStyles();
  const client = useApiClient();
  const notify = useNotify();
  const [busy, setBusy] = useState(false);
  const [cancelled, setCancelled] = useState(false);
  const { task, begin, end, cancel: cancelTask } = useTask();
  // Each click gets a number; an answer whose number is no longer current was cancelled and is dropped.
  const current = useRef(0);

  async function run() {
    const ticket = ++current.current;
    setBusy(true);
    setCancelled(false);
    let given: ChannelInput<C>;
    try {
      given = typeof input === 'function' ? await (input as () => ChannelInput<C> | Promise<ChannelInput<C>>)() : input;
    } catch (error) {
      if (ticket !== current.current) return;
      setBusy(false);
      notify(sv.excel.exportFailed(error instanceof Error ? error.message : String(error)), 'error');
      return;
    }
    if (ticket !== current.current) return;
    const value = withProgress ? ({ ...given, taskId: begin() } as ChannelInput<C>) : given;
    const result = await client.call(channel, value);
    if (ticket !== current.current) return;
    setBusy(false);
    end();
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
    if (task) void cancelTask(task.taskId);
    end();
    if (withProgress) setCancelled(true);
    else notify(sv.excel.exportCancelled, 'info');
  }

  const progress = withProgress && busy ? exportProgressView(task?.progress) : undefined;

  return (
    <span className={styles.root}>
      <Button appearance={appearance} icon={<ArrowDownload20Regular />} disabled={disabled || busy} onClick={() => void run()}>
        {label ?? sv.excel.exportButton}
      </Button>
      {busy && !progress && (
        <>
          <Spinner size="tiny" label={sv.excel.exporting} labelPosition="after" />
          <Button appearance="subtle" icon={<Dismiss20Regular />} onClick={cancel}>
            {sv.excel.cancelExport}
          </Button>
        </>
      )}
      {progress && (
        <span className={styles.progress} role="status" data-testid="export-progress">
          <Field className={styles.bar} validationMessage={progress.text} validationState="none">
            <ProgressBar value={progress.value} thickness="large" aria-label={progress.text} />
          </Field>
          <Button appearance="subtle" icon={<Dismiss20Regular />} onClick={cancel}>
            {sv.excel.cancelExport}
          </Button>
        </span>
      )}
      {cancelled && !busy && (
        <Text role="status" weight="semibold">
          {sv.excel.exportCancelled}
        </Text>
      )}
    </span>
  );
}
