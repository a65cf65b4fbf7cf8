import { useEffect, useId, useRef, useState, type ReactElement, type ReactNode } from 'react';
import { Rectangle, type BarShapeProps, type RectangleProps } from 'recharts';
import { flushSync } from 'react-dom';
import { Button, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { TableSimple20Regular } from '@fluentui/react-icons';
import type { AxisScale, ChartTable } from '../../../electron/core/domain/budget-charts';
import { compactUnits, formatOre } from '../../../electron/core/domain/amounts';
import { useNearView } from '../../components/useNearView';
import { sv } from '../../lib/i18n/sv';
import { fillFor, safeId, wrapLabel, type LineStyle, type SeriesStyle } from './budget-charts.view-model';

const t = sv.budget.charts;

export const CHART_FONT_PX = 12;
export const chartText = { fontSize: CHART_FONT_PX, fill: '#242424' } as const;

const useStyles = makeStyles({
  figure: {
    margin: 0,
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalL,
    backgroundColor: tokens.colorNeutralBackground1,
    borderRadius: tokens.borderRadiusLarge,
    boxShadow: tokens.shadow4,
    minWidth: 0,
    breakInside: 'avoid',
  },
  wide: { gridColumn: '1 / -1' },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400, lineHeight: tokens.lineHeightBase400, fontWeight: tokens.fontWeightSemibold },
  note: { margin: 0, color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200 },
  chart: { width: '100%', minWidth: 0 },
  legend: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalL, rowGap: tokens.spacingVerticalXS, margin: 0, padding: 0, listStyle: 'none' },
  legendItem: { display: 'flex', alignItems: 'center', columnGap: tokens.spacingHorizontalXS, fontSize: tokens.fontSizeBase200 },
  swatch: { flexShrink: 0, display: 'block' },
  toggleRow: { display: 'flex', justifyContent: 'flex-end' },
  tableWrap: { overflowX: 'auto' },
  hidden: {
    position: 'absolute',
    width: '1px',
    height: '1px',
    margin: '-1px',
    padding: 0,
    overflow: 'hidden',
    clip: 'rect(0 0 0 0)',
    whiteSpace: 'nowrap',
    border: 0,
  },
  table: {
    borderCollapse: 'collapse',
    width: '100%',
    fontSize: tokens.fontSizeBase200,
    '& th, & td': { padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`, borderBottom: `1px solid ${tokens.colorNeutralStroke2}` },
    '& thead th': { textAlign: 'end', fontWeight: tokens.fontWeightSemibold },
    '& thead th:first-child': { textAlign: 'start' },
    '& tbody th': { textAlign: 'start', fontWeight: tokens.fontWeightRegular },
    '& td': { textAlign: 'end', fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' },
  },
  caption: { textAlign: 'start', fontWeight: tokens.fontWeightSemibold, paddingBottom: tokens.spacingVerticalXS },
  tooltip: {
    backgroundColor: tokens.colorNeutralBackground1,
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    boxShadow: tokens.shadow8,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    fontSize: tokens.fontSizeBase200,
  },
  tooltipTitle: { fontWeight: tokens.fontWeightSemibold, marginBottom: tokens.spacingVerticalXS },
  tooltipRow: { display: 'flex', justifyContent: 'space-between', columnGap: tokens.spacingHorizontalL },
  tooltipValue: { fontVariantNumeric: 'tabular-nums' },
});

/** The SVG patterns a chart's fills refer to; a separate hidden SVG in the page, so any chart library can use them. */
export function PatternDefs({ prefix, styles }: { prefix: string; styles: readonly SeriesStyle[] }) {
  return (
    <svg width="0" height="0" aria-hidden="true" focusable="false" style={{ position: 'absolute' }}>
      <defs>
        {styles.map((style, i) =>
          style.pattern === 'solid' ? null : (
            <pattern key={i} id={`${prefix}-${i}`} width="8" height="8" patternUnits="userSpaceOnUse">
              <rect width="8" height="8" fill={style.color} />
              {style.pattern === 'diagonal' && <path d="M-2,2 l4,-4 M0,8 l8,-8 M6,10 l4,-4" stroke={style.ink} strokeWidth="1.6" />}
              {style.pattern === 'cross' && <path d="M0,0 l8,8 M8,0 l-8,8" stroke={style.ink} strokeWidth="1.2" />}
              {style.pattern === 'dots' && <circle cx="4" cy="4" r="1.7" fill={style.ink} />}
              {style.pattern === 'horizontal' && <path d="M0,4 h8" stroke={style.ink} strokeWidth="1.6" />}
              {style.pattern === 'vertical' && <path d="M4,0 v8" stroke={style.ink} strokeWidth="1.6" />}
            </pattern>
          ),
        )}
      </defs>
    </svg>
  );
}

/** A pattern prefix unique in the page and valid inside `url(#…)`. */
export function usePatternPrefix(name: string): string {
  return `${name}-${safeId(useId())}`;
}

export type LegendEntry = { key: string; label: string } & ({ bar: SeriesStyle; fill: string } | { line: LineStyle });

export function barLegend(labels: readonly { key: string; label: string }[], styleOf: (i: number) => SeriesStyle, prefix: string): LegendEntry[] {
  return labels.map((l, i) => {
    const style = styleOf(i);
    return { key: l.key, label: l.label, bar: style, fill: fillFor(style, `${prefix}-${i}`) };
  });
}

export function ChartLegend({ entries }: { entries: readonly LegendEntry[] }) {
  const styles = useStyles();
  return (
    <ul className={styles.legend}>
      {entries.map((e) => (
        <li key={e.key} className={styles.legendItem}>
          {'bar' in e ? (
            <svg className={styles.swatch} width="16" height="16" aria-hidden="true">
              <rect x="0.5" y="0.5" width="15" height="15" fill={e.fill} stroke={e.bar.ink} />
            </svg>
          ) : (
            <svg className={styles.swatch} width="32" height="16" aria-hidden="true">
              <line x1="1" y1="8" x2="31" y2="8" stroke={e.line.color} strokeWidth={e.line.width} strokeDasharray={e.line.dash} />
              <Marker kind={e.line.marker} cx={16} cy={8} color={e.line.color} />
            </svg>
          )}
          <span>{e.label}</span>
        </li>
      ))}
    </ul>
  );
}

export function Marker({ kind, cx, cy, color }: { kind: LineStyle['marker']; cx: number; cy: number; color: string }) {
  if (kind === 'square') return <rect x={cx - 4.5} y={cy - 4.5} width="9" height="9" fill="#ffffff" stroke={color} strokeWidth="2" />;
  if (kind === 'triangle') return <path d={`M${cx},${cy - 5.5} L${cx + 5.5},${cy + 4.5} L${cx - 5.5},${cy + 4.5} Z`} fill={color} stroke={color} />;
  return <circle cx={cx} cy={cy} r="4.5" fill={color} stroke={color} />;
}

let measureContext: CanvasRenderingContext2D | null | undefined;
let measureFamily: string | undefined;
/** Widths already measured, by size and text: every tick of an axis measures every name of the axis. */
const measuredWidths = new Map<string, number>();

/**
 * Pixel width of chart text as the browser draws it (the page's font at `fontPx`). The page's font family is
 * read once (reading it forces the browser to lay out the page) and each width is measured once.
 */
function measureChartText(text: string, fontPx = CHART_FONT_PX): number {
  if (measureContext === undefined) {
    measureContext = document.createElement('canvas').getContext('2d');
  }
  if (!measureContext) return [...text].length * fontPx * 0.6;
  const key = `${fontPx}|${text}`;
  const known = measuredWidths.get(key);
  if (known !== undefined) return known;
  measureFamily ??= getComputedStyle(document.querySelector('.fui-FluentProvider') ?? document.body).fontFamily;
  measureContext.font = `${fontPx}px ${measureFamily}`;
  const width = measureContext.measureText(text).width;
  if (measuredWidths.size >= 5_000) measuredWidths.clear();
  measuredWidths.set(key, width);
  return width;
}

/** Smallest size category names may shrink to before a long word is broken instead. */
const MIN_CATEGORY_FONT_PX = 10;

/**
 * A category tick that wraps at spaces instead of clipping or overlapping (`Övriga externa kostnader`),
 * measured against the width of its band. When a single word is wider than the band, every name of the
 * axis (`labels`) shrinks alike, down to 10 px, before a word is broken with a hyphen. `extra` adds a last,
 * bold line.
 */
export function WrappedTick(props: {
  x?: number | string;
  y?: number | string;
  width?: number | string;
  visibleTicksCount?: number;
  index?: number;
  payload?: { value?: unknown };
  labels?: readonly string[];
  extra?: (index: number) => string | undefined;
}) {
  const band = Number(props.width ?? 0) / Math.max(1, props.visibleTicksCount ?? 1);
  const room = Math.max(24, band - 8);
  const widestWord = Math.max(
    0,
    ...(props.labels ?? [String(props.payload?.value ?? '')]).flatMap((l) => l.split(/\s+/)).map((w) => measureChartText(w)),
  );
  const fontPx = widestWord > room ? Math.max(MIN_CATEGORY_FONT_PX, Math.floor((CHART_FONT_PX * room) / widestWord * 10) / 10) : CHART_FONT_PX;
  const lines = wrapLabel(String(props.payload?.value ?? ''), room, (text) => measureChartText(text, fontPx));
  const extra = props.extra?.(props.index ?? 0);
  const x = Number(props.x ?? 0);
  return (
    <text x={x} y={Number(props.y ?? 0)} textAnchor="middle" {...chartText} fontSize={fontPx}>
      {lines.map((line, i) => (
        <tspan key={i} x={x} dy={i === 0 ? '0.9em' : '1.2em'}>
          {line}
        </tspan>
      ))}
      {extra && (
        <tspan x={x} dy="1.3em" fontWeight={600} fontSize={CHART_FONT_PX}>
          {extra}
        </tspan>
      )}
    </text>
  );
}

/** An axis title as recharts takes it: under the X axis, or turned along a Y axis (left or right). */
export function axisTitle(value: string, side: 'bottom' | 'left' | 'right') {
  const style = { ...chartText, fontWeight: 600 };
  // The class names the title in the drawing (recharts draws it apart from its axis), for tests and print CSS.
  const className = `axis-title axis-title-${side === 'bottom' ? 'x' : 'y'}`;
  if (side === 'bottom') return { value, position: 'insideBottom' as const, offset: 0, style, className };
  return {
    value,
    className,
    angle: side === 'left' ? -90 : 90,
    position: side === 'left' ? ('insideLeft' as const) : ('insideRight' as const),
    style: { ...style, textAnchor: 'middle' as const },
  };
}

/**
 * A bar's shape that recharts keeps when the bar is 0: its default shape drops zero-length bars together with
 * their value labels, and a chart of zeros would print as an empty frame.
 */
export function barShape(props: BarShapeProps): ReactElement {
  return <Rectangle {...(props as RectangleProps)} />;
}

const oneDecimal = new Intl.NumberFormat('sv-SE', { maximumFractionDigits: 1 });

/** A bar's amount in its axis's unit without the unit (`17,9` on a `mnkr` axis), short enough to stand over a bar. */
export function amountFigure(axis: Pick<AxisScale, 'unit'>): (ore: number) => string {
  const divisor = compactUnits[axis.unit].divisorKronor;
  return (ore) => oneDecimal.format(ore / 100 / divisor);
}

/** Room an axis needs beside its ticks for a turned title. */
export const AXIS_TITLE_PX = 20;

/**
 * A bar's figure at its end, as recharts' `LabelList` content: above a positive bar and below a negative one
 * (never on the zero line), right of a horizontal bar. Figures on the bars make the chart readable on paper
 * without telling the series apart by colour.
 */
export function BarValueLabel(props: {
  x?: number | string;
  y?: number | string;
  width?: number | string;
  height?: number | string;
  value?: unknown;
  format: (value: number) => string;
  horizontal?: boolean;
  inside?: boolean;
}) {
  const value = typeof props.value === 'number' ? props.value : Number(props.value);
  if (props.value === undefined || props.value === null || !Number.isFinite(value)) return null;
  const x = Number(props.x ?? 0);
  const y = Number(props.y ?? 0);
  const w = Number(props.width ?? 0);
  const h = Number(props.height ?? 0);
  const label = props.format(value);
  if (props.inside) {
    // A segment of a stacked bar: the figure in its middle, on a white halo so it reads on any fill; beside
    // the bar when the segment is too thin to hold it.
    const fits = Math.abs(h) >= CHART_FONT_PX + 2;
    return (
      <text
        x={fits ? x + w / 2 : Math.max(x, x + w) + 4}
        y={y + h / 2}
        textAnchor={fits ? 'middle' : 'start'}
        dominantBaseline="central"
        {...chartText}
        stroke="#ffffff"
        strokeWidth={3}
        paintOrder="stroke"
        data-value-label=""
      >
        {label}
      </text>
    );
  }
  if (props.horizontal) {
    return (
      <text x={Math.max(x, x + w) + 4} y={y + h / 2} dominantBaseline="central" {...chartText} data-value-label="">
        {label}
      </text>
    );
  }
  const top = Math.min(y, y + h);
  const bottom = Math.max(y, y + h);
  return (
    <text x={x + w / 2} y={value >= 0 ? top - 4 : bottom + 4} textAnchor="middle" dominantBaseline={value >= 0 ? 'auto' : 'hanging'} {...chartText} data-value-label="">
      {label}
    </text>
  );
}

/** Chart width on paper: A4 portrait minus the browser's margins and the frame's padding, so print needs no scaling. */
export const PRINT_CHART_WIDTH = 680;

/**
 * True while the page is being printed (or shown as print media). The switch is flushed synchronously in
 * `beforeprint`, so charts and every grid row are drawn, charts at paper width, before the browser lays out
 * the pages (no resize event reaches them in time).
 */
export function usePrinting(): boolean {
  const [printing, setPrinting] = useState(() => typeof window !== 'undefined' && window.matchMedia('print').matches);
  useEffect(() => {
    const media = window.matchMedia('print');
    const before = () => flushSync(() => setPrinting(true));
    const after = () => setPrinting(media.matches);
    const change = (e: MediaQueryListEvent) => setPrinting(e.matches);
    window.addEventListener('beforeprint', before);
    window.addEventListener('afterprint', after);
    media.addEventListener('change', change);
    return () => {
      window.removeEventListener('beforeprint', before);
      window.removeEventListener('afterprint', after);
      media.removeEventListener('change', change);
    };
  }, []);
  return printing;
}

/** Size props for a recharts chart: following its box on screen, a fixed paper width when printing. */
export function chartSize(printing: boolean, height: number) {
  return printing
    ? ({ width: PRINT_CHART_WIDTH, height } as const)
    : ({ responsive: true, height, style: { width: '100%' } } as const);
}

/** The tooltip in Swedish: the category, then each series with its amount as the table shows it. */
export function AmountTooltip(props: {
  active?: boolean;
  label?: unknown;
  payload?: ReadonlyArray<{ dataKey?: unknown; name?: unknown; value?: unknown }>;
  extra?: (label: string) => string | undefined;
}) {
  const styles = useStyles();
  if (!props.active || !props.payload || props.payload.length === 0) return null;
  const label = String(props.label ?? '');
  const extra = props.extra?.(label);
  return (
    <div className={styles.tooltip}>
      <div className={styles.tooltipTitle}>{label}</div>
      {props.payload.map((p) => (
        <div key={String(p.dataKey)} className={styles.tooltipRow}>
          <span>{String(p.name ?? '')}</span>
          <span className={styles.tooltipValue}>{typeof p.value === 'number' ? formatOre(p.value) : '–'}</span>
        </div>
      ))}
      {extra && <div>{extra}</div>}
    </div>
  );
}

/** A chart's figures as a table: visually hidden (screen readers always have it) until «Visa som tabell». */
export function ChartDataTable({ table, visible, id }: { table: ChartTable; visible: boolean; id: string }) {
  const styles = useStyles();
  return (
    <div id={id} className={visible ? styles.tableWrap : styles.hidden} data-chart-table="" data-visible={visible ? 'true' : 'false'}>
      <table className={styles.table}>
        <caption className={styles.caption}>{table.caption}</caption>
        <thead>
          <tr>
            {table.headers.map((h, i) => (
              <th key={i} scope="col">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row, i) => (
            <tr key={i}>
              <th scope="row">{row.header}</th>
              {row.cells.map((c, j) => (
                <td key={j}>{c}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/**
 * One chart: heading, notes, legend, the drawing (an image to assistive technology) and its table. The heading,
 * notes, legend and table are there from the first paint; the drawing itself (`children`) waits until the chart
 * comes near the view, keeping its height meanwhile, and is always drawn for printing.
 */
export function ChartFrame({
  id,
  title,
  notes = [],
  legend,
  table,
  defs,
  height,
  printing,
  children,
  controls,
  wide = false,
}: {
  id: string;
  /** Spans the whole row of a chart grid: charts with many categories need the room for their names. */
  wide?: boolean;
  title: string;
  notes?: readonly string[];
  legend?: readonly LegendEntry[];
  table: ChartTable;
  /** SVG definitions the legend uses too (patterns), drawn with the frame rather than with the chart. */
  defs?: ReactNode;
  /** The drawing's height in pixels, kept while it is not drawn yet. */
  height: number;
  printing: boolean;
  children: ReactNode;
  controls?: ReactNode;
}) {
  const styles = useStyles();
  const [showTable, setShowTable] = useState(false);
  const drawingRef = useRef<HTMLDivElement>(null);
  // A quarter of a screen ahead: every chart drawn is drawn again when an amount it shows is typed, so the
  // charts well below the grid wait until the user scrolls towards them.
  const drawn = useNearView(drawingRef, '25% 0px') || printing;
  const headingId = `${id}-rubrik`;
  const tableId = `${id}-tabell`;
  return (
    <figure className={mergeClasses(styles.figure, wide && styles.wide)} aria-labelledby={headingId} data-chart={id}>
      <h3 id={headingId} className={styles.heading}>
        {title}
      </h3>
      {controls}
      {notes.map((n) => (
        <p key={n} className={styles.note}>
          {n}
        </p>
      ))}
      {legend && legend.length > 0 && <ChartLegend entries={legend} />}
      {defs}
      <div
        ref={drawingRef}
        className={styles.chart}
        role="img"
        aria-label={t.chartLabel(title)}
        data-chart-drawing=""
        data-drawn={drawn ? 'true' : 'false'}
        style={drawn ? undefined : { height }}
      >
        {drawn && children}
      </div>
      <div className={mergeClasses(styles.toggleRow)} data-print="hide">
        <Button
          size="small"
          appearance="subtle"
          icon={<TableSimple20Regular />}
          aria-expanded={showTable}
          aria-controls={tableId}
          onClick={() => setShowTable((v) => !v)}
        >
          {showTable ? t.hideTable : t.showTable}
        </Button>
      </div>
      <ChartDataTable table={table} visible={showTable} id={tableId} />
    </figure>
  );
}
