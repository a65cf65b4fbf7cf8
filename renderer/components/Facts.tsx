import type { ReactNode } from 'react';
import { makeStyles, tokens } from '@fluentui/react-components';

const useStyles = makeStyles({
  facts: {
    display: 'grid',
    gridTemplateColumns: 'max-content minmax(0, 1fr)',
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalS,
    margin: 0,
  },
  term: { margin: 0, color: tokens.colorNeutralForeground3 },
  value: { margin: 0, overflowWrap: 'anywhere' },
});

type FactRow = {
  label: string;
  value: ReactNode;
  /** `data-testid` of the value, for tests that read one fact. */
  testId?: string | undefined;
  /** `data-fact` of the value (a stable key the screen's tests use). */
  fact?: string | undefined;
};

/** The one facts list: labels and values in two aligned columns, as a description list. */
export function Facts({ rows }: { rows: readonly FactRow[] }) {
  const styles = useStyles();
  return (
    <dl className={styles.facts}>
      {rows.map((row) => (
        <div key={row.fact ?? row.label} style={{ display: 'contents' }}>
          <dt className={styles.term}>{row.label}</dt>
          <dd className={styles.value} data-testid={row.testId} data-fact={row.fact}>
            {row.value}
          </dd>
        </div>
      ))}
    </dl>
  );
}
