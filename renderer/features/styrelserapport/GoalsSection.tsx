import { memo, useState } from 'react';
import { byData, useFocusOnArrival } from '../../app/focus';
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Link,
  makeStyles,
  Menu,
  MenuItem,
  MenuList,
  MenuPopover,
  MenuTrigger,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  tokens,
} from '@fluentui/react-components';
import { NavTable } from '../../components/NavTable';
import { Add20Regular, Delete20Regular, Edit20Regular, MoreHorizontal20Regular } from '@fluentui/react-icons';
import type { BoardPackContent, GoalResult } from '../../../electron/contract';
import type { Goal } from '../../../electron/core/store/schema';
import { useApiMutation, useApiQuery } from '../../app/api';
import { useNotify } from '../../app/notify';
import { formatNumber } from '../../lib/format';
import { sv } from '../../lib/i18n/sv';
import { goalRowSummary, goalsByYear, type GoalRowSummaryVm } from './board-pack.view-model';
import { GoalDialog } from './GoalDialog';
import { GoalStatusBadge } from './GoalStatusBadge';
import { SubjectsDialog } from './SubjectsDialog';

const g = sv.styrelserapport.goals;
/** `editingId` of a goal not yet made (no goal id is empty). */
const NEW = '';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM },
  head: { display: 'flex', alignItems: 'center', justifyContent: 'space-between', flexWrap: 'wrap', gap: tokens.spacingHorizontalM },
  heading: { margin: 0, fontSize: tokens.fontSizeBase500, lineHeight: tokens.lineHeightBase500, fontWeight: tokens.fontWeightSemibold },
  yearHeading: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  card: {
    backgroundColor: tokens.colorNeutralBackground1,
    borderRadius: tokens.borderRadiusLarge,
    boxShadow: tokens.shadow4,
    padding: tokens.spacingHorizontalM,
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalS,
    overflowX: 'auto',
  },
  table: { minWidth: '600px', tableLayout: 'auto' },
  titleCell: { paddingBlock: tokens.spacingVerticalS },
  goalTitle: { fontWeight: tokens.fontWeightSemibold, display: 'block' },
  metric: { display: 'block', color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  explanation: { display: 'block', color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200, marginTop: tokens.spacingVerticalXXS },
  number: { textAlign: 'end', fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap', width: '100px' },
  numberHeader: { textAlign: 'end', width: '100px', '& > div, & > button': { justifyContent: 'flex-end' } },
  statusCell: { width: '130px', paddingInlineStart: tokens.spacingHorizontalL },
  actionsCell: { width: '48px' },
  behind: { display: 'block', marginTop: tokens.spacingVerticalXXS },
  behindButton: { fontSize: tokens.fontSizeBase200 },
  value: { fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  nothing: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  srOnly: {
    position: 'absolute',
    width: '1px',
    height: '1px',
    margin: '-1px',
    overflow: 'hidden',
    clip: 'rect(0 0 0 0)',
    whiteSpace: 'nowrap',
  },
});

type RowActions = {
  onShow: (goal: GoalResult) => void;
  onEdit: (id: string) => void;
  onRemove: (row: GoalRowSummaryVm) => void;
};

/**
 * One goal's row. The core hands out an unchanged goal as the same object after a change (and the query keeps
 * it so), so after a goal is edited only that goal's row is drawn again.
 */
const GoalRow = memo(function GoalRow({ goal, onShow, onEdit, onRemove }: { goal: GoalResult } & RowActions) {
  const styles = useStyles();
  const row = goalRowSummary(goal);
  return (
    <TableRow data-goal={row.id}>
      <TableCell className={styles.titleCell}>
        <span className={styles.goalTitle}>{row.title}</span>
        <span className={styles.metric}>
          {row.metricLabel} · {g.measuredAt(row.measuredAt)}
        </span>
        <span className={styles.explanation}>{row.explanation}</span>
        <span className={styles.behind}>
          {row.behindCount === 0 ? (
            <Text className={styles.nothing}>{g.nothingBehind}</Text>
          ) : (
            <Link as="button" className={styles.behindButton} onClick={() => onShow(goal)} aria-label={g.showBehindLabel(row.title)}>
              {g.showBehind(formatNumber(row.behindCount))}
            </Link>
          )}
        </span>
      </TableCell>
      <TableCell className={styles.number}>
        <span className={styles.value} data-testid="goal-value">
          {row.value}
        </span>
      </TableCell>
      <TableCell className={styles.number}>{row.target}</TableCell>
      <TableCell className={styles.statusCell}>
        <GoalStatusBadge status={row.status} label={row.statusLabel} />
      </TableCell>
      <TableCell className={styles.actionsCell}>
        <Menu>
          <MenuTrigger disableButtonEnhancement>
            <Button appearance="subtle" icon={<MoreHorizontal20Regular />} aria-label={g.actionsLabel(row.title)} />
          </MenuTrigger>
          <MenuPopover>
            <MenuList>
              <MenuItem icon={<Edit20Regular />} onClick={() => onEdit(row.id)}>
                {g.edit}
              </MenuItem>
              <MenuItem icon={<Delete20Regular />} onClick={() => onRemove(row)}>
                {g.remove}
              </MenuItem>
            </MenuList>
          </MenuPopover>
        </Menu>
      </TableCell>
    </TableRow>
  );
});

function GoalsTable({ goals, ...actions }: { goals: GoalResult[] } & RowActions) {
  const styles = useStyles();
  const c = g.columns;
  return (
    <NavTable className={styles.table} aria-label={g.tableLabel} size="medium">
      <TableHeader>
        <TableRow>
          <TableHeaderCell>{c.goal}</TableHeaderCell>
          <TableHeaderCell className={styles.numberHeader}>{c.value}</TableHeaderCell>
          <TableHeaderCell className={styles.numberHeader}>{c.target}</TableHeaderCell>
          <TableHeaderCell className={styles.statusCell}>{c.status}</TableHeaderCell>
          <TableHeaderCell className={styles.actionsCell}>
            <span className={styles.srOnly}>{c.actions}</span>
          </TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {goals.map((goal) => (
          <GoalRow key={goal.goalId} goal={goal} {...actions} />
        ))}
      </TableBody>
    </NavTable>
  );
}

/** The goals of the pack with their figures; goals are edited here too. */
/** `focusGoalId`: the goal a link (from Översikt) points at; its row's actions get focus. */
export function GoalsSection({ content, focusGoalId }: { content: BoardPackContent; focusGoalId?: string | undefined }) {
  const styles = useStyles();
  useFocusOnArrival(focusGoalId === undefined ? undefined : `${byData('data-goal', focusGoalId)} td:last-child button`);
  const notify = useNotify();
  const goals = useApiQuery('goals/list', {});
  const remove = useApiMutation('goals/delete');
  const [shown, setShown] = useState<GoalResult>();
  // The goal being edited by id (a handler that stays the same, so an unchanged row is not drawn again).
  const [editingId, setEditingId] = useState<string>();
  const [removing, setRemoving] = useState<GoalRowSummaryVm>();
  const groups = goalsByYear(content);
  const editing: Goal | 'new' | undefined = editingId === NEW ? 'new' : goals.data?.find((goal) => goal.id === editingId);
  const setEditing = (value: 'new' | undefined) => setEditingId(value === 'new' ? NEW : undefined);

  const confirmRemove = async () => {
    if (!removing) return;
    try {
      await remove.mutateAsync({ goalId: removing.id });
      notify(g.removed(removing.title));
    } catch (error) {
      notify(g.removeFailed(error instanceof Error ? error.message : String(error)), 'error');
    }
    setRemoving(undefined);
  };

  return (
    <section className={styles.section} aria-labelledby="mal-rubrik">
      <div className={styles.head}>
        <h2 id="mal-rubrik" className={styles.heading}>
          {g.heading}
        </h2>
        <Button icon={<Add20Regular />} onClick={() => setEditing('new')}>
          {g.newGoal}
        </Button>
      </div>
      {groups.length === 0 && <Text>{g.empty}</Text>}
      {groups.map((group) => (
        <div key={group.year} className={styles.card} role="region" aria-label={group.heading}>
          <h3 className={styles.yearHeading}>{group.heading}</h3>
          <GoalsTable goals={group.goals} onShow={setShown} onEdit={setEditingId} onRemove={setRemoving} />
        </div>
      ))}
      {shown && <SubjectsDialog goal={shown} municipalityGoal={content.networks.municipalityGoal} onClose={() => setShown(undefined)} />}
      {editing && <GoalDialog goal={editing === 'new' ? undefined : editing} year={content.year} onClose={() => setEditing(undefined)} />}
      {removing && (
        <Dialog open modalType="alert" onOpenChange={(_, data) => !data.open && setRemoving(undefined)}>
          <DialogSurface>
            <DialogBody>
              <DialogTitle>{g.removeTitle}</DialogTitle>
              <DialogContent>{g.removeBody(removing.title)}</DialogContent>
              <DialogActions>
                <Button appearance="secondary" onClick={() => setRemoving(undefined)}>
                  {sv.app.cancel}
                </Button>
                <Button appearance="primary" onClick={() => void confirmRemove()} disabled={remove.isPending}>
                  {g.remove}
                </Button>
              </DialogActions>
            </DialogBody>
          </DialogSurface>
        </Dialog>
      )}
    </section>
  );
}
