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
  Text,
  tokens,
} from '@fluentui/react-components';
import { hrefTo } from '../../app/router';
import { sv } from '../../lib/i18n/sv';
import { useMemo } from 'react';
import type { GoalResult } from '../../../electron/contract';
import { goalRowSummary, subjectGroups } from './board-pack.view-model';

const s = sv.styrelserapport.subjects;

const useStyles = makeStyles({
  surface: { maxWidth: '640px' },
  content: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM, maxHeight: '60vh', overflowY: 'auto' },
  groupHeading: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  list: {
    margin: 0,
    padding: 0,
    listStyle: 'none',
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 1fr) auto',
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalXS,
  },
  item: { display: 'contents' },
  detail: { color: tokens.colorNeutralForeground3, textAlign: 'end', fontVariantNumeric: 'tabular-nums' },
});

/**
 * The members, networks, services or events behind a goal's figure, each a link to its own page. Following a link
 * closes the dialog, so going back finds the screen as it was and not the dialog over it.
 */
export function SubjectsDialog({ goal, municipalityGoal, onClose }: { goal: GoalResult; municipalityGoal: number; onClose: () => void }) {
  const styles = useStyles();
  // The lists are made when the dialog opens, not for every row the screen draws.
  const row = useMemo(() => ({ ...goalRowSummary(goal), subjectGroups: subjectGroups(goal, municipalityGoal) }), [goal, municipalityGoal]);
  return (
    <Dialog open modalType="modal" onOpenChange={(_, data) => !data.open && onClose()}>
      <DialogSurface className={styles.surface}>
        <DialogBody>
          <DialogTitle>{s.title(row.title)}</DialogTitle>
          <DialogContent className={styles.content}>
            <Text>{s.intro(row.value, row.measuredAt)}</Text>
            {row.subjectGroups.length === 0 && <Text>{s.empty}</Text>}
            {row.subjectGroups.map((group) => (
              <section key={group.key} aria-label={`${group.label} (${group.items.length})`}>
                <h3 className={styles.groupHeading}>
                  {group.label} ({group.items.length})
                </h3>
                <ul className={styles.list} aria-label={s.listLabel(group.label)}>
                  {group.items.map((item) => (
                    <li key={item.key} className={styles.item}>
                      <span>{item.route ? <Link href={hrefTo(item.route.id, item.route.params)} onClick={onClose}>
                          {item.name}
                        </Link> : item.name}</span>
                      <span className={styles.detail}>{item.detail}</span>
                    </li>
                  ))}
                </ul>
              </section>
            ))}
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={onClose}>
              {s.close}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
