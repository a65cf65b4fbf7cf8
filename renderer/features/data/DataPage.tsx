import { useState } from 'react';
import {
  Button,
  Card,
  MessageBar,
  MessageBarBody,
  Spinner,
  makeStyles,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  tokens,
  useId,
} from '@fluentui/react-components';
import { NavTable } from '../../components/NavTable';
import { ArrowClockwise20Regular, LockOpen20Regular } from '@fluentui/react-icons';
import type { PageProps } from '../../app/page-props';
import { useApiMutation, useApiQuery, useSaveStatus } from '../../app/api';
import { useNotify } from '../../app/notify';
import { loadReportLines } from '../../app/LoadReportBar';
import { Facts } from '../../components/Facts';
import { PageHeader } from '../../components/PageHeader';
import { QueryState } from '../../components/QueryState';
import { SaveStatusText } from '../../components/SaveStatusText';
import { sv } from '../../lib/i18n/sv';
import { backupRows, canMakeWritable, fileFacts, type BackupRowVm } from './data.view-model';
import { RestoreBackupDialog } from './RestoreBackupDialog';
import { AccountantExportCard } from './AccountantExportCard';
import { ImportCard } from './ImportCard';
import { PopulationCard } from './PopulationCard';
import { ServerCard } from './ServerCard';

const useStyles = makeStyles({
  grid: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(380px, 1fr))',
    gap: tokens.spacingHorizontalL,
    alignItems: 'start',
    marginBottom: tokens.spacingVerticalL,
  },
  card: { padding: tokens.spacingHorizontalL, rowGap: tokens.spacingVerticalM },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400, lineHeight: tokens.lineHeightBase400, fontWeight: tokens.fontWeightSemibold },
  muted: { color: tokens.colorNeutralForeground3 },
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalXL, display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXS },
  mono: { fontFamily: tokens.fontFamilyMonospace, overflowWrap: 'anywhere' },
  nowrap: { whiteSpace: 'nowrap' },
  makeWritable: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  visuallyHidden: {
    position: 'absolute',
    width: '1px',
    height: '1px',
    overflow: 'hidden',
    clip: 'rect(0 0 0 0)',
    whiteSpace: 'nowrap',
  },
});

/** «Gör registret skrivbart» for a write-protected register file; the shell asks nothing more, the button is the choice. */
function MakeWritable() {
  const styles = useStyles();
  const notify = useNotify();
  const make = useApiMutation('data/make-writable', { onSuccess: () => notify(sv.data.madeWritable) });
  return (
    <div className={styles.makeWritable}>
      <Text className={styles.muted}>{sv.data.makeWritableHint}</Text>
      <div>
        <Button
          appearance="primary"
          icon={make.isPending ? <Spinner size="tiny" /> : <LockOpen20Regular />}
          disabled={make.isPending}
          onClick={() => make.mutate({})}
        >
          {make.isPending ? sv.data.makingWritable : sv.data.makeWritable}
        </Button>
      </div>
      {make.isError && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>{make.error.message}</MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
}

function Backups({ rows, web, onRestore }: { rows: BackupRowVm[]; web: boolean; onRestore: (row: BackupRowVm) => void }) {
  const styles = useStyles();
  const columns = sv.data.backupColumns;
  if (rows.length === 0) return <Text className={styles.muted}>{web ? sv.data.backupsEmptyWeb : sv.data.backupsEmpty}</Text>;
  return (
    <NavTable size="small">
      <TableHeader>
        <TableRow>
          <TableHeaderCell>{columns.name}</TableHeaderCell>
          <TableHeaderCell>{columns.createdAt}</TableHeaderCell>
          <TableHeaderCell>{columns.kind}</TableHeaderCell>
          <TableHeaderCell>{columns.size}</TableHeaderCell>
          <TableHeaderCell>
            <span className={styles.visuallyHidden}>{columns.actions}</span>
          </TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {rows.map((row) => (
          <TableRow key={row.name}>
            <TableCell className={styles.mono}>{row.name}</TableCell>
            <TableCell className={styles.nowrap}>{row.createdAt}</TableCell>
            <TableCell>{row.kind}</TableCell>
            <TableCell className={styles.nowrap}>{row.size}</TableCell>
            <TableCell>
              <Button size="small" icon={<ArrowClockwise20Regular />} aria-label={sv.data.restoreLabel(row.name)} onClick={() => onRestore(row)}>
                {sv.data.restore}
              </Button>
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </NavTable>
  );
}

export function DataPage(_props: PageProps) {
  const styles = useStyles();
  const info = useApiQuery('app/get-info', {});
  const backups = useApiQuery('data/list-backups', {});
  const status = useSaveStatus();
  const [restoring, setRestoring] = useState<BackupRowVm>();
  const fileId = useId('file');
  const reportId = useId('report');
  const backupsId = useId('backups');

  return (
    <>
      <PageHeader title={sv.data.title} />
      <QueryState query={info}>
        {(appInfo) => (
          <div className={styles.grid} data-ready="true">
            <Card className={styles.card} role="region" aria-labelledby={fileId}>
              <h2 id={fileId} className={styles.heading}>
                {sv.data.fileCard}
              </h2>
              <Facts
                rows={[
                  ...fileFacts(appInfo, status),
                  { label: sv.data.saveState, value: <SaveStatusText status={status} /> },
                ]}
              />
              {canMakeWritable(appInfo) && <MakeWritable />}
            </Card>
            <Card className={styles.card} role="region" aria-labelledby={reportId}>
              <h2 id={reportId} className={styles.heading}>
                {sv.data.loadReportCard}
              </h2>
              <Text weight="semibold">{sv.loadReport.title[appInfo.loadReport.outcome]}</Text>
              {loadReportLines(appInfo.loadReport).length === 0 ? (
                <Text className={styles.muted}>{sv.data.noLoadMessages}</Text>
              ) : (
                <ul className={styles.list}>
                  {loadReportLines(appInfo.loadReport).map((line) => (
                    <li key={line}>{line}</li>
                  ))}
                </ul>
              )}
            </Card>
          </div>
        )}
      </QueryState>
      <ServerCard />
      <AccountantExportCard />
      <ImportCard />
      <PopulationCard />
      <Card className={styles.card} role="region" aria-labelledby={backupsId}>
        <h2 id={backupsId} className={styles.heading}>
          {sv.data.backups}
        </h2>
        <QueryState query={backups}>
          {(list) => <Backups rows={backupRows(list)} web={info.data?.mode === 'web'} onRestore={setRestoring} />}
        </QueryState>
      </Card>
      <RestoreBackupDialog backup={restoring} onClose={() => setRestoring(undefined)} />
    </>
  );
}
