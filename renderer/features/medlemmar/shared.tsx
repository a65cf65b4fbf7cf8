/**
 * Small pieces the Medlemmar screen's parts share: today by the core's clock and the section card. (The
 * confirmation dialog, the facts list, the date field and the downloads are the app's own, in
 * `renderer/components`.)
 */
import type { ReactNode } from 'react';
import { Card, makeStyles, mergeClasses, tokens, useId } from '@fluentui/react-components';
import { useApiQuery } from '../../app/api';

export const useSharedStyles = makeStyles({
  card: { padding: tokens.spacingHorizontalL, rowGap: tokens.spacingVerticalM, minWidth: 0 },
  wide: { gridColumn: '1 / -1' },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400, lineHeight: tokens.lineHeightBase400, fontWeight: tokens.fontWeightSemibold },
  headingRow: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', justifyContent: 'space-between', gap: tokens.spacingHorizontalM },
  actions: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  term: { color: tokens.colorNeutralForeground3 },
  value: { margin: 0, overflowWrap: 'anywhere' },
  muted: { color: tokens.colorNeutralForeground3 },
  number: { textAlign: 'end', fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' },
  numberHeader: { textAlign: 'end', '& > button, & > div': { justifyContent: 'flex-end' } },
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalXL, display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXS },
  form: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM },
  twoColumns: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(220px, 1fr))', gap: tokens.spacingHorizontalM, alignItems: 'start' },
  visuallyHidden: {
    position: 'absolute',
    width: '1px',
    height: '1px',
    overflow: 'hidden',
    clip: 'rect(0 0 0 0)',
    whiteSpace: 'nowrap',
  },
});

/** Today in Sweden by the core's clock (`?clock=` in the web build), or undefined until it has answered. */
export function useToday(): string | undefined {
  return useApiQuery('usage/get-today', {}).data?.date;
}

export function Section({ title, actions, wide, children, testId }: { title: string; actions?: ReactNode; wide?: boolean; children: ReactNode; testId?: string }) {
  const styles = useSharedStyles();
  const id = useId('section');
  return (
    <Card className={mergeClasses(styles.card, wide && styles.wide)} role="region" aria-labelledby={id} data-testid={testId}>
      <div className={styles.headingRow}>
        <h2 id={id} className={styles.heading}>
          {title}
        </h2>
        {actions !== undefined && <div className={styles.actions}>{actions}</div>}
      </div>
      {children}
    </Card>
  );
}

