import { useEffect, useRef, useState, type ReactNode } from 'react';
import { Button, Link, makeStyles, MessageBar, MessageBarBody, Portal, Spinner, Text, tokens } from '@fluentui/react-components';
import { ArrowLeft20Regular, DocumentPdf20Regular, Print20Regular } from '@fluentui/react-icons';
import type { BoardPackContent } from '../../../electron/contract';
import { readBoardPackContent } from '../../../electron/core/domain/board-pack';
import { useApiClient, useApiQuery } from '../../app/api';
import { useNotify } from '../../app/notify';
import { hrefTo } from '../../app/router';
import { sv } from '../../lib/i18n/sv';
import { BudgetChart, CoverageChart, DistributionChart, MembersChart, NetworksChart, PopulationChart, SharesChart, type ChartLayout } from './BoardPackCharts';
import { cover, goalGroups, movements, pdfFileName, printCss, statement, subjectLine, type PrintSectionId } from './board-pack.view-model';
import { GoalStatusBadge } from './GoalStatusBadge';
import { PlanFiguresTable } from './PlanFiguresTable';
import { parseCalendarDate } from '../../../electron/contract/rules/calendar-date';

const p = sv.styrelserapport.print;

/** 180 mm at 96 px per inch: the width between the A4 page's margins. */
export const PRINT_CONTENT_PX = 680;
const chartLayout: ChartLayout = { width: PRINT_CONTENT_PX, card: false, headingLevel: 3 };

const useStyles = makeStyles({
  root: {
    position: 'fixed',
    inset: 0,
    zIndex: 100,
    overflowY: 'auto',
    backgroundColor: '#e8e8e8',
    paddingBottom: tokens.spacingVerticalXXXL,
    color: '#1a1a1a',
    fontFamily: tokens.fontFamilyBase,
    ':focus': { outlineStyle: 'none' },
  },
  toolbar: {
    position: 'sticky',
    top: 0,
    zIndex: 1,
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalS,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalXXL}`,
    backgroundColor: tokens.colorNeutralBackground1,
    boxShadow: tokens.shadow4,
  },
  hint: { color: tokens.colorNeutralForeground2 },
  sheet: {
    boxSizing: 'border-box',
    width: '210mm',
    minHeight: '120mm',
    margin: '24px auto 0',
    padding: '16mm 15mm 18mm',
    backgroundColor: '#ffffff',
    boxShadow: tokens.shadow8,
    display: 'flex',
    flexDirection: 'column',
    rowGap: '7mm',
  },
  coverSheet: { minHeight: '297mm', justifyContent: 'flex-start', paddingTop: '60mm' },
  association: { fontSize: '16pt', fontWeight: tokens.fontWeightSemibold, color: '#0f548c', margin: 0 },
  coverTitle: { fontSize: '32pt', lineHeight: 1.15, fontWeight: tokens.fontWeightBold, margin: 0 },
  coverDate: { fontSize: '16pt', margin: 0 },
  coverNote: { fontSize: '10pt', color: '#424242', margin: 0 },
  contents: { marginTop: '18mm' },
  contentsHeading: { fontSize: '13pt', margin: '0 0 3mm', fontWeight: tokens.fontWeightSemibold },
  contentsList: { margin: 0, paddingLeft: '7mm', fontSize: '11pt', lineHeight: 1.8 },
  h2: { fontSize: '17pt', margin: 0, fontWeight: tokens.fontWeightSemibold, color: '#0f548c' },
  h3: { fontSize: '12pt', margin: 0, fontWeight: tokens.fontWeightSemibold },
  table: {
    width: '100%',
    borderCollapse: 'collapse',
    fontSize: '9pt',
    '& th, & td': { padding: '1.6mm 1.8mm', borderBottom: '1px solid #d1d1d1', verticalAlign: 'top', textAlign: 'start' },
    '& thead th': { borderBottom: '1.5px solid #616161', fontWeight: tokens.fontWeightSemibold },
  },
  num: { textAlign: 'end !important' as 'end', fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' },
  date: { fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap', width: '28mm' },
  goalTitle: { fontWeight: tokens.fontWeightSemibold, display: 'block' },
  small: { display: 'block', fontSize: '8pt', color: '#424242', marginTop: '0.6mm' },
  total: { fontWeight: tokens.fontWeightSemibold, '& td, & th': { borderTop: '1.5px solid #616161' } },
  indent: { paddingLeft: '6mm !important' as '6mm' },
  block: { display: 'flex', flexDirection: 'column', rowGap: '2mm' },
  paragraph: { margin: 0, fontSize: '9pt', lineHeight: 1.45 },
  center: { display: 'flex', justifyContent: 'center', paddingTop: tokens.spacingVerticalXXXL },
});

type Source = { kind: 'pack'; packId: string } | { kind: 'live'; date?: string; includePreviousYear: boolean } | { kind: 'embedded' };

function sourceOf(query: URLSearchParams): Source {
  const packId = query.get('paket');
  if (query.get('kalla') === 'inbaddad') return { kind: 'embedded' };
  if (packId) return { kind: 'pack', packId };
  const date = parseCalendarDate(query.get('datum'));
  return { kind: 'live', ...(date ? { date } : {}), includePreviousYear: query.get('tidigare') === 'ja' };
}

/** A pack handed over by the command line (`npm run board-pack`), which computes it from a register file in Node. */
function embeddedContent(): { ok: true; content: BoardPackContent } | { ok: false; message: string } {
  const value = (window as unknown as { __SAMBRUK_BOARD_PACK__?: unknown }).__SAMBRUK_BOARD_PACK__;
  if (value === undefined) return { ok: false, message: p.embeddedMissing };
  return readBoardPackContent(value);
}

function Section({ id, number, children }: { id: PrintSectionId; number: number; children: ReactNode }) {
  const styles = useStyles();
  return (
    <section className={styles.sheet} data-print-sheet="" data-section={id} aria-labelledby={`utskrift-${id}`}>
      <h2 id={`utskrift-${id}`} className={styles.h2}>
        {number} {p.sections[id]}
      </h2>
      {children}
    </section>
  );
}

/** The pack as A4 pages: cover with contents, the goals, the charts, the budget and the underlag. */
export function PrintDocument({ content, createdAt }: { content: BoardPackContent; createdAt?: string }) {
  const styles = useStyles();
  const front = cover(content, createdAt !== undefined ? { createdAt } : undefined);
  const groups = goalGroups(content);
  const rows = groups.flatMap((g) => g.rows);
  const budget = statement(content);
  const moves = movements(content);
  const number = (id: PrintSectionId) => (front.contents.findIndex((c) => c.id === id) + 1);
  const c = p.goalColumns;
  return (
    <article lang="sv" data-board-pack={content.date}>
      <section className={`${styles.sheet} ${styles.coverSheet}`} data-print-sheet="" data-section="cover">
        <p className={styles.association}>{front.association}</p>
        <h1 className={styles.coverTitle}>{front.title}</h1>
        <p className={styles.coverDate}>{front.meetingDate}</p>
        <p className={styles.coverNote}>{front.figuresAt}</p>
        <p className={styles.coverNote}>{front.source}</p>
        <nav className={styles.contents} aria-labelledby="utskrift-innehall">
          <h2 id="utskrift-innehall" className={styles.contentsHeading}>
            {p.contents}
          </h2>
          <ol className={styles.contentsList}>
            {front.contents.map((entry) => (
              <li key={entry.id}>{entry.label}</li>
            ))}
          </ol>
        </nav>
      </section>

      <Section id="goals" number={number('goals')}>
        <table className={styles.table}>
          <thead>
            <tr>
              <th scope="col">{c.goal}</th>
              <th scope="col">{c.year}</th>
              <th scope="col" className={styles.num}>
                {c.value}
              </th>
              <th scope="col" className={styles.num}>
                {c.target}
              </th>
              <th scope="col">{c.status}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.id} data-goal={row.id}>
                <td>
                  <span className={styles.goalTitle}>{row.title}</span>
                  <span className={styles.small}>{row.metricLabel}</span>
                  <span className={styles.small}>{row.explanation}</span>
                </td>
                <td>{row.yearLabel}</td>
                <td className={styles.num}>{row.value}</td>
                <td className={styles.num}>{row.target}</td>
                <td>
                  <GoalStatusBadge status={row.status} label={row.statusLabel} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <div className={styles.block}>
          <PlanFiguresTable content={content} headingLevel={3} />
        </div>
      </Section>

      <Section id="members" number={number('members')}>
        <MembersChart content={content} layout={chartLayout} />
        <div className={styles.block}>
          <h3 className={styles.h3}>{p.movements}</h3>
          {moves.length === 0 ? (
            <p className={styles.paragraph}>{p.noMovements(String(content.year))}</p>
          ) : (
            <table className={styles.table}>
              <thead>
                <tr>
                  <th scope="col">{p.movementColumns.date}</th>
                  <th scope="col">{p.movementColumns.organisation}</th>
                  <th scope="col">{p.movementColumns.event}</th>
                </tr>
              </thead>
              <tbody>
                {moves.map((move) => (
                  <tr key={move.key}>
                    <td className={styles.date}>{move.date}</td>
                    <td>{move.name}</td>
                    <td>{move.event}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
      </Section>

      <Section id="services" number={number('services')}>
        <DistributionChart content={content} layout={chartLayout} />
        <SharesChart content={content} layout={chartLayout} />
      </Section>

      <Section id="networks" number={number('networks')}>
        <NetworksChart content={content} layout={chartLayout} />
      </Section>

      <Section id="population" number={number('population')}>
        <PopulationChart content={content} layout={chartLayout} />
        <CoverageChart content={content} layout={chartLayout} />
      </Section>

      <Section id="budget" number={number('budget')}>
        <BudgetChart content={content} layout={chartLayout} />
        <div className={styles.block} data-keep="">
          <h3 className={styles.h3}>{sv.styrelserapport.budgetTable.heading}</h3>
          {budget ? (
            <table className={styles.table}>
              <thead>
                <tr>
                  {budget.headers.map((h, i) => (
                    <th key={h} scope="col" className={i === 0 ? undefined : styles.num}>
                      {h}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {budget.rows.map((row) => (
                  <tr key={row.key} className={row.total ? styles.total : undefined}>
                    {row.cells.map((cell, i) =>
                      i === 0 ? (
                        <th
                          key={i}
                          scope="row"
                          className={row.depth > 0 ? styles.indent : undefined}
                          style={{ fontWeight: row.total ? 600 : 400, fontStyle: row.stated ? 'italic' : 'normal' }}
                        >
                          {cell}
                        </th>
                      ) : (
                        <td key={i} className={styles.num}>
                          {cell}
                        </td>
                      ),
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          ) : (
            <p className={styles.paragraph}>{sv.styrelserapport.budgetTable.empty}</p>
          )}
          {budget?.notes.map((note) => (
            <p key={note} className={styles.paragraph}>
              {note}
            </p>
          ))}
        </div>
      </Section>

      <Section id="subjects" number={number('subjects')}>
        {rows.map((row) => (
          <div key={row.id} className={styles.block}>
            <h3 className={styles.h3}>{row.title}</h3>
            {row.subjectGroups.length === 0 ? (
              <p className={styles.paragraph}>{sv.styrelserapport.subjects.empty}</p>
            ) : (
              row.subjectGroups.map((group) => (
                <p key={group.key} className={styles.paragraph}>
                  <strong>{p.subjectsCount(group.label, String(group.items.length))}</strong> {subjectLine(group)}
                </p>
              ))
            )}
          </div>
        ))}
      </Section>
    </article>
  );
}

/** `#/styrelserapport/utskrift?paket=<id>` (a saved pack), `?datum=YYYY-MM-DD` (live) or `?kalla=inbaddad` (command line). */
export function BoardPackPrintPage({ query }: { query: URLSearchParams }) {
  const styles = useStyles();
  const notify = useNotify();
  const client = useApiClient();
  const source = sourceOf(query);
  const info = useApiQuery('app/get-info', {});
  const saved = useApiQuery('packs/get', { packId: source.kind === 'pack' ? source.packId : '-' }, { enabled: source.kind === 'pack' });
  const live = useApiQuery(
    'packs/compute',
    source.kind === 'live' ? { ...(source.date ? { date: source.date } : {}), includePreviousYear: source.includePreviousYear } : {},
    { enabled: source.kind === 'live' },
  );
  const [embedded] = useState(() => (source.kind === 'embedded' ? embeddedContent() : undefined));
  const content = source.kind === 'pack' ? saved.data?.content : source.kind === 'live' ? live.data : embedded?.ok ? embedded.content : undefined;
  const error =
    source.kind === 'pack' ? saved.error?.message : source.kind === 'live' ? live.error?.message : embedded && !embedded.ok ? embedded.message : undefined;
  const [ready, setReady] = useState(false);
  const [busy, setBusy] = useState(false);
  const autoPrinted = useRef(false);
  const rootRef = useRef<HTMLDivElement>(null);
  const desktop = info.data?.mode === 'desktop';

  // The layout covers the screen: keyboard focus starts in it, not on the button that opened it (now gone).
  useEffect(() => rootRef.current?.focus(), []);

  useEffect(() => {
    if (!content) return;
    const style = document.createElement('style');
    // @page and its margin boxes cannot be written with makeStyles; this sheet lives only while the layout is open.
    style.dataset.boardPackPrint = '';
    style.textContent = printCss(content);
    document.head.append(style);
    document.title = sv.app.pageTitle(`${p.cover} ${content.date}`);
    let cancelled = false;
    void document.fonts.ready.then(() =>
      requestAnimationFrame(() => {
        if (!cancelled) setReady(true);
      }),
    );
    return () => {
      cancelled = true;
      style.remove();
      setReady(false);
    };
  }, [content]);

  const print = async () => {
    if (!content) return;
    if (!desktop) {
      window.print();
      return;
    }
    setBusy(true);
    try {
      const result = await client.request('packs/print-pdf', { fileName: pdfFileName(content.date) });
      if (result.saved) notify(p.pdfSaved(result.path));
    } catch (e) {
      notify(p.pdfFailed(e instanceof Error ? e.message : String(e)), 'error');
    } finally {
      setBusy(false);
    }
  };

  useEffect(() => {
    if (!ready || !info.data || autoPrinted.current || query.get('skriv') !== 'ja') return;
    autoPrinted.current = true;
    // Once only: drop `skriv=ja` from the address so going back or reloading does not print again.
    const next = new URLSearchParams(query);
    next.delete('skriv');
    window.history.replaceState(null, '', hrefTo('styrelserapport', ['utskrift'], Object.fromEntries(next)));
    void print();
    // print() reads the current content; it is stable once `ready` is true.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [ready, info.data, query]);

  const back = source.kind === 'live' && source.date ? hrefTo('styrelserapport', [], { datum: source.date }) : hrefTo('styrelserapport');
  return (
    <Portal>
      <div
        ref={rootRef}
        tabIndex={-1}
        className={styles.root}
        data-print-root=""
        data-board-pack-ready={ready ? 'true' : 'false'}
        aria-label={p.cover}
        role="region"
      >
        <div className={styles.toolbar} data-print-toolbar="" role="toolbar" aria-label={p.toolbarLabel}>
          <Link href={back}>
            <ArrowLeft20Regular aria-hidden="true" style={{ verticalAlign: 'middle' }} /> {p.back}
          </Link>
          <Button
            appearance="primary"
            icon={desktop ? <DocumentPdf20Regular /> : <Print20Regular />}
            disabled={!ready || busy || !info.data}
            onClick={() => void print()}
          >
            {busy ? p.savingPdf : desktop ? p.savePdf : p.print}
          </Button>
          {!desktop && <Text className={styles.hint}>{p.printHint}</Text>}
        </div>
        {error !== undefined ? (
          <div className={styles.sheet} data-print-sheet="">
            <MessageBar intent="error" layout="multiline">
              <MessageBarBody>{error}</MessageBarBody>
            </MessageBar>
          </div>
        ) : content ? (
          <PrintDocument content={content} {...(source.kind === 'pack' && saved.data ? { createdAt: saved.data.createdAt } : {})} />
        ) : (
          <div className={styles.center}>
            <Spinner label={sv.app.loading} />
          </div>
        )}
      </div>
    </Portal>
  );
}
