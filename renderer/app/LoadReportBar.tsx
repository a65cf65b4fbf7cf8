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
    ...(report.readOnlyReason ? [report.readOnlyReason] : []),
    ...report.messages,
    ...(report.restoredFrom ? [sv.loadReport.restoredFrom(report.restoredFrom)] : []),
    ...(report.quarantinedFile ? [sv.loadReport.quarantined(report.quarantinedFile)] : []),
  ];
}

/** Whether the report is worth a bar above every page: something happened at start, or it opened read-only on its own. */
export function loadReportNeedsBar(report: LoadReport): boolean {
  return report.outcome !== 'opened' || report.readOnlyReason !== undefined;
}

/** Shown once, above every page, when the register was created or restored at start, or opened read-only by itself. */
export function LoadReportBar({ report, onDismiss }: { report: LoadReport; onDismiss: () => void }) {
  const readOnlyOnly = report.outcome === 'opened' && report.readOnlyReason !== undefined;
  return (
    <MessageBar intent={readOnlyOnly ? 'warning' : intents[report.outcome]} layout="multiline" data-testid="load-report">
      <MessageBarBody>
        <MessageBarTitle>{readOnlyOnly ? sv.loadReport.readOnlyTitle : sv.loadReport.title[report.outcome]}</MessageBarTitle>
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
