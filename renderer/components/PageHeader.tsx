import { useEffect, useRef, type ReactNode } from 'react';
import { usePageArrivalFocus } from '../app/focus';
import { makeStyles, Text, tokens } from '@fluentui/react-components';
import { sv } from '../lib/i18n/sv';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'flex-end',
    justifyContent: 'space-between',
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalS,
    marginBottom: tokens.spacingVerticalL,
  },
  titles: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXXS, minWidth: 0 },
  title: { margin: 0, ':focus': { outlineStyle: 'none' }, fontSize: tokens.fontSizeHero700, lineHeight: tokens.lineHeightHero700, fontWeight: tokens.fontWeightSemibold },
  subtitle: { color: tokens.colorNeutralForeground3 },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

/** Every page starts with one: the page's h1 (what tests and screen readers look for) and the window title. */
export function PageHeader({ title, subtitle, actions }: { title: string; subtitle?: ReactNode; actions?: ReactNode }) {
  const styles = useStyles();
  const heading = useRef<HTMLHeadingElement>(null);
  usePageArrivalFocus(heading);
  useEffect(() => {
    document.title = sv.app.pageTitle(title);
  }, [title]);
  return (
    <div className={styles.root}>
      <div className={styles.titles}>
        <h1 ref={heading} tabIndex={-1} className={styles.title}>
          {title}
        </h1>
        {subtitle !== undefined && <Text className={styles.subtitle}>{subtitle}</Text>}
      </div>
      {actions !== undefined && <div className={styles.actions}>{actions}</div>}
    </div>
  );
}
