import { makeStyles, tokens } from '@fluentui/react-components';

/** Styles the Nätverk screen's parts share: card headings, hints, tables with right-aligned tabular numbers. */
export const useNatverkStyles = makeStyles({
  cardLabel: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold, color: tokens.colorNeutralForeground2 },
  sectionHeading: { margin: 0, fontSize: tokens.fontSizeBase400, lineHeight: tokens.lineHeightBase400, fontWeight: tokens.fontWeightSemibold },
  hint: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200 },
  tableCard: { padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalM}`, overflowX: 'auto' },
  table: { tableLayout: 'fixed', minWidth: '760px' },
  number: { textAlign: 'end', fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' },
  numberHeader: { textAlign: 'end', '& > button, & > div': { justifyContent: 'flex-end' } },
  tabular: { fontVariantNumeric: 'tabular-nums' },
  scroll: { overflowX: 'auto' },
  muted: { color: tokens.colorNeutralForeground3 },
  visuallyHidden: {
    position: 'absolute',
    width: '1px',
    height: '1px',
    overflow: 'hidden',
    clip: 'rect(0 0 0 0)',
    whiteSpace: 'nowrap',
  },
});
