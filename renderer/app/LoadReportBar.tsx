import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, type MessageBarIntent } from '@fluentui/react-components';
import { Dismiss20Regular } from '@fluentui/react-icons';
import type { LoadReport } from '../../electron/contract';
import { sv } from '../lib/i18n/sv';

const intents: Record<LoadReport['outcome'], MessageBarIntent> = {
  opened: 'info',
  'created-default': 'info',
  'restored-backup': 'warning',
  'recovered-empty': 'error',
};

/** Every sentence of a load report, in the order the user should read them. */
export function loadReportLines(report: LoadReport): string[] {
  return [
    ...report.messages,
    ...(report.restoredFrom ? [sv.loadReport.restoredFrom(report.restoredFrom)] : []),
    ...(report.quarantinedFile ? [sv.loadReport.quarantined(report.quarantinedFile)] : []),
  ];
}

/** Shown once, above every page, when the register was created or restored at start. */
export function LoadReportBar({ report, onDismiss }: { report: LoadReport; onDismiss: () => void }) {
  return (
    <MessageBar intent={intents[report.outcome]} layout="multiline" data-testid="load-report">
      <MessageBarBody>
        <MessageBarTitle>{sv.loadReport.title[report.outcome]}</MessageBarTitle>
        {loadReportLines(report).join(' ')}
      </MessageBarBody>
      <MessageBarActions
        containerAction={
          <Button appearance="transparent" icon={<Dismiss20Regular />} aria-label={sv.loadReport.dismiss} onClick={onDismiss} />
        }
      />
    </MessageBar>
  );
}
