import { useMemo, useState } from 'react';
import {
  Badge,
  Card,
  Checkbox,
  makeStyles,
  Menu,
  MenuButton,
  MenuItem,
  MenuList,
  MenuPopover,
  MenuTrigger,
  mergeClasses,
  Switch,
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
import { MoreHorizontal20Regular } from '@fluentui/react-icons';
import type { NetworkDetail } from '../../../electron/contract';
import { ExportButton } from '../../components/ExportButton';
import { sv } from '../../lib/i18n/sv';
import { AddParticipants } from './AddParticipants';
import { EntryDialogs, type EntryAction } from './EntryDialogs';
import { councilRows, councilSummary, rosterCounts, rosterExport, rosterRows, showsParticipation, type RosterRowVm } from './roster.view-model';
import { useNatverkStyles } from './styles';

const t = sv.natverk;

const useStyles = makeStyles({
  card: { padding: tokens.spacingHorizontalL, rowGap: tokens.spacingVerticalS, marginBottom: tokens.spacingVerticalL },
  exportRow: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalXS },
  head: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', justifyContent: 'space-between', columnGap: tokens.spacingHorizontalL, rowGap: tokens.spacingVerticalS },
  name: { display: 'flex', flexDirection: 'column', rowGap: '2px', paddingBlock: tokens.spacingVerticalXS, minWidth: 0 },
  nameLine: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', columnGap: tokens.spacingHorizontalS, rowGap: '2px' },
  nameText: { fontWeight: tokens.fontWeightSemibold },
  inactive: { color: tokens.colorNeutralForeground3 },
  email: { overflowWrap: 'anywhere' },
  nowrap: { whiteSpace: 'nowrap' },
  actionsCol: { width: '52px' },
  nameCol: { width: '26%' },
  orgCol: { width: '20%' },
  roleCol: { width: '13%' },
  partCol: { width: '12%' },
  periodCol: { width: '14%' },
  emailCol: { width: '20%' },
});

export function RosterSection({ detail }: { detail: NetworkDetail }) {
  const styles = useStyles();
  const shared = useNatverkStyles();
  const [showEnded, setShowEnded] = useState(false);
  const [withPersonal, setWithPersonal] = useState(false);
  const [action, setAction] = useState<EntryAction>();
  const rows = useMemo(() => rosterRows(detail, { showEnded }), [detail, showEnded]);
  const counts = rosterCounts(detail);
  const council = useMemo(() => councilRows(detail), [detail]);
  const participation = showsParticipation(detail.kind);
  const rosterId = useId('roster');
  const councilId = useId('council');

  return (
    <>
      <AddParticipants key={detail.id} detail={detail} />

      {detail.kind === 'forvaltningsrad' && (
        <Card className={styles.card} role="region" aria-labelledby={councilId}>
          <h2 id={councilId} className={shared.sectionHeading}>
            {t.council.heading}
          </h2>
          {detail.serviceName === undefined ? (
            <Text className={shared.hint}>{t.council.noService}</Text>
          ) : (
            <>
              <Text className={shared.hint}>
                {t.council.hint(detail.serviceName, detail.date)} {council.length > 0 && councilSummary(council)}
              </Text>
              {council.length === 0 ? (
                <Text className={shared.hint}>{t.council.empty}</Text>
              ) : (
                <NavTable size="small" aria-label={t.council.tableLabel}>
                  <TableHeader>
                    <TableRow>
                      <TableHeaderCell>{t.council.columns.organisation}</TableHeaderCell>
                      <TableHeaderCell>{t.council.columns.member}</TableHeaderCell>
                      <TableHeaderCell>{t.council.columns.source}</TableHeaderCell>
                      <TableHeaderCell>{t.council.columns.representative}</TableHeaderCell>
                    </TableRow>
                  </TableHeader>
                  <TableBody>
                    {council.map((c) => (
                      <TableRow key={c.organisationId}>
                        <TableCell>{c.name}</TableCell>
                        <TableCell className={c.isMember ? undefined : shared.muted}>{c.memberLabel}</TableCell>
                        <TableCell>{c.sourceLabel}</TableCell>
                        <TableCell className={c.representative === undefined ? shared.muted : undefined}>
                          {c.representative ?? t.council.noRepresentative}
                        </TableCell>
                      </TableRow>
                    ))}
                  </TableBody>
                </NavTable>
              )}
            </>
          )}
        </Card>
      )}

      <Card className={styles.card} role="region" aria-labelledby={rosterId}>
        <div className={styles.head}>
          <div>
            <h2 id={rosterId} className={shared.sectionHeading}>
              {t.roster.heading}
            </h2>
            <Text className={shared.hint} data-testid="roster-counts">
              {counts.text}
            </Text>
          </div>
          <div className={styles.exportRow}>
            <Switch label={t.roster.showEnded} checked={showEnded} onChange={(_e, d) => setShowEnded(d.checked)} />
            <Checkbox
              label={t.roster.exportPersonal}
              title={t.roster.exportPersonalHint}
              checked={withPersonal}
              onChange={(_e, d) => setWithPersonal(d.checked === true)}
            />
            <ExportButton
              channel="exports/table"
              label={t.detail.exportExcel}
              disabled={rows.length === 0}
              input={() => rosterExport(detail, rows, { showEnded, includePersonalDetails: withPersonal })}
            />
          </div>
        </div>
        {rows.length === 0 ? (
          <Text className={shared.hint}>{detail.roster.length === 0 ? t.roster.empty : t.roster.emptyActive}</Text>
        ) : (
          <div className={shared.scroll}>
            <NavTable aria-label={t.roster.tableLabel} className={shared.table} size="small">
              <TableHeader>
                <TableRow>
                  <TableHeaderCell className={styles.nameCol}>{t.roster.columns.name}</TableHeaderCell>
                  <TableHeaderCell className={styles.orgCol}>{t.roster.columns.organisation}</TableHeaderCell>
                  <TableHeaderCell className={styles.roleCol}>{t.roster.columns.role}</TableHeaderCell>
                  {participation && <TableHeaderCell className={styles.partCol}>{t.roster.columns.participation}</TableHeaderCell>}
                  <TableHeaderCell className={styles.periodCol}>{t.roster.columns.period}</TableHeaderCell>
                  <TableHeaderCell className={styles.emailCol}>{t.roster.columns.email}</TableHeaderCell>
                  <TableHeaderCell className={styles.actionsCol}>
                    <span className={shared.visuallyHidden}>{t.roster.columns.actions}</span>
                  </TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {rows.map((row) => (
                  <RosterRow key={row.id} row={row} participation={participation} board={detail.kind === 'styrelse'} onAction={(kind) => setAction({ kind, row })} />
                ))}
              </TableBody>
            </NavTable>
          </div>
        )}
      </Card>

      <EntryDialogs action={action} networkId={detail.id} networkKind={detail.kind} date={detail.date} onClose={() => setAction(undefined)} />
    </>
  );
}

function RosterRow({
  row,
  participation,
  board,
  onAction,
}: {
  row: RosterRowVm;
  participation: boolean;
  /** A board's row also says whether the person works with IT. */
  board: boolean;
  onAction: (kind: EntryAction['kind']) => void;
}) {
  const styles = useStyles();
  const shared = useNatverkStyles();
  const inactive = row.status !== 'active';
  return (
    <TableRow className={inactive ? styles.inactive : undefined} data-entry-id={row.id} data-testid="roster-row">
      <TableCell>
        <div className={styles.name}>
          <div className={styles.nameLine}>
            <span className={styles.nameText}>{row.name}</span>
            {row.statusLabel !== undefined && (
              <Badge appearance="outline" color="informative" size="small">
                {row.statusLabel}
              </Badge>
            )}
          </div>
          <Text className={shared.hint}>
            {row.kindLabel}
            {row.countsAsMemberMunicipality && ` · ${t.roster.memberMunicipality}`}
            {board && row.kind !== 'organisation' && ` · ${row.worksWithItLabel}`}
          </Text>
        </div>
      </TableCell>
      <TableCell>{row.organisationName}</TableCell>
      <TableCell>{row.roleLabel}</TableCell>
      {participation && <TableCell>{row.participationLabel}</TableCell>}
      <TableCell className={mergeClasses(styles.nowrap, shared.tabular)}>{row.periodText}</TableCell>
      <TableCell className={mergeClasses(styles.email, row.emailMissing && shared.muted)}>
        {row.kind === 'person' ? (row.emailMissing ? t.roster.noEmail : row.email) : ''}
      </TableCell>
      <TableCell>
        <Menu>
          <MenuTrigger disableButtonEnhancement>
            <MenuButton appearance="subtle" icon={<MoreHorizontal20Regular />} menuIcon={null} aria-label={t.roster.rowMenu(row.name)} />
          </MenuTrigger>
          <MenuPopover>
            <MenuList>
              <MenuItem onClick={() => onAction('edit')}>{t.roster.edit}</MenuItem>
              {row.status !== 'ended' && <MenuItem onClick={() => onAction('end')}>{t.roster.end}</MenuItem>}
              <MenuItem onClick={() => onAction('remove')}>{t.roster.remove}</MenuItem>
              {row.contactId !== undefined && <MenuItem onClick={() => onAction('end-person')}>{t.roster.endEverywhere}</MenuItem>}
            </MenuList>
          </MenuPopover>
        </Menu>
      </TableCell>
    </TableRow>
  );
}
