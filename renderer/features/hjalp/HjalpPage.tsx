/**
 * Hjälp: the user guide. `#/hjalp` shows every section, `#/hjalp/<avsnitt>` scrolls to one and moves focus to
 * its heading (F1 and the Hjälp menus open it so, at the section for the screen the user came from).
 */
import { useEffect, useMemo, useRef, useState, type Ref } from 'react';
import {
  Link,
  makeStyles,
  mergeClasses,
  SearchBox,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  tokens,
} from '@fluentui/react-components';
import { NavTable } from '../../components/NavTable';
import type { PageProps } from '../../app/page-props';
import { hrefTo } from '../../app/router';
import { PageHeader } from '../../components/PageHeader';
import { sv } from '../../lib/i18n/sv';
import { omUppgifternaSv } from '../../lib/i18n/om-uppgifterna.sv';
import type { GuideBlock, GuideSection, GuideShortcut } from '../../lib/i18n/hjalp.sv';
import { searchGuide } from './guide';

const t = sv.hjalp;

const useStyles = makeStyles({
  layout: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 1fr)',
    gap: tokens.spacingHorizontalXXL,
    alignItems: 'start',
    '@media (min-width: 1000px)': { gridTemplateColumns: 'minmax(180px, 240px) minmax(0, 1fr)' },
  },
  aside: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalM,
    '@media (min-width: 1000px)': { position: 'sticky', top: 0 },
  },
  tocHeading: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  toc: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXS },
  tocCurrent: { fontWeight: tokens.fontWeightSemibold },
  status: { color: tokens.colorNeutralForeground3 },
  sections: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXL, maxWidth: '80ch', minWidth: 0 },
  section: {
    paddingInlineStart: tokens.spacingHorizontalL,
    borderLeft: `${tokens.strokeWidthThick} solid transparent`,
    scrollMarginTop: tokens.spacingVerticalL,
  },
  current: { borderLeftColor: tokens.colorBrandStroke1 },
  heading: {
    margin: 0,
    marginBottom: tokens.spacingVerticalS,
    fontSize: tokens.fontSizeBase500,
    fontWeight: tokens.fontWeightSemibold,
    outline: 'none',
    scrollMarginTop: tokens.spacingVerticalXXL,
  },
  text: { margin: 0, marginBottom: tokens.spacingVerticalS, lineHeight: tokens.lineHeightBase400 },
  steps: { margin: 0, marginBottom: tokens.spacingVerticalS, paddingInlineStart: tokens.spacingHorizontalXXL, lineHeight: tokens.lineHeightBase400 },
  tip: {
    margin: 0,
    marginBottom: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground3,
    lineHeight: tokens.lineHeightBase400,
  },
  tipLabel: { fontWeight: tokens.fontWeightSemibold },
  kbd: {
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase200,
    paddingInline: tokens.spacingHorizontalXS,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusSmall,
    backgroundColor: tokens.colorNeutralBackground1,
    whiteSpace: 'nowrap',
  },
  keysCell: { width: '40%' },
  desktopOnly: { color: tokens.colorNeutralForeground3 },
});

function Shortcuts({ items }: { items: readonly GuideShortcut[] }) {
  const styles = useStyles();
  return (
    <NavTable size="small" aria-label={t.shortcutsLabel}>
      <TableHeader>
        <TableRow>
          <TableHeaderCell className={styles.keysCell}>{t.shortcutColumns.keys}</TableHeaderCell>
          <TableHeaderCell>{t.shortcutColumns.action}</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {items.map((s) => (
          <TableRow key={`${s.keys.join('+')} ${s.action}`}>
            <TableCell className={styles.keysCell}>
              {s.keys.map((key, i) => (
                <span key={key}>
                  {i > 0 && ` ${t.or} `}
                  <kbd className={styles.kbd}>{key}</kbd>
                </span>
              ))}
            </TableCell>
            <TableCell>
              {s.action}
              {s.desktopOnly && <span className={styles.desktopOnly}> ({t.desktopOnly})</span>}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </NavTable>
  );
}

function Block({ block }: { block: GuideBlock }) {
  const styles = useStyles();
  switch (block.kind) {
    case 'text':
      return <p className={styles.text}>{block.text}</p>;
    case 'steps':
      return (
        <ol className={styles.steps}>
          {block.items.map((item) => (
            <li key={item}>{item}</li>
          ))}
        </ol>
      );
    case 'tip':
      return (
        <p className={styles.tip}>
          <span className={styles.tipLabel}>{t.tip}: </span>
          {block.text}
        </p>
      );
    case 'shortcuts':
      return <Shortcuts items={block.items} />;
  }
}

function Section({ section, current, headingRef }: { section: GuideSection; current: boolean; headingRef?: Ref<HTMLHeadingElement> }) {
  const styles = useStyles();
  const screen = section.screens[0];
  return (
    <section
      id={`avsnitt-${section.id}`}
      aria-labelledby={`rubrik-${section.id}`}
      data-section={section.id}
      className={mergeClasses(styles.section, current && styles.current)}
    >
      <h2 id={`rubrik-${section.id}`} ref={headingRef} tabIndex={-1} className={styles.heading}>
        {section.title}
      </h2>
      {section.blocks.map((block, i) => (
        <Block key={i} block={block} />
      ))}
      {screen !== undefined && <Link href={hrefTo(screen)}>{t.goTo(screen === 'om-uppgifterna' ? omUppgifternaSv.title : sv.nav[screen])}</Link>}
    </section>
  );
}

export function HjalpPage({ params }: PageProps) {
  const styles = useStyles();
  const [query, setQuery] = useState('');
  const wanted = params[0];
  const selected = t.sections.find((s) => s.id === wanted);
  const shown = useMemo(() => searchGuide(t.sections, query), [query]);
  const headingRef = useRef<HTMLHeadingElement>(null);

  // Opening a section (F1, a link) brings it into view and puts focus on its heading, so a screen reader reads
  // from there; typing in the search box moves nothing.
  useEffect(() => {
    const heading = headingRef.current;
    if (!heading) return;
    heading.scrollIntoView({ block: 'start' });
    heading.focus({ preventScroll: true });
  }, [wanted]);

  const trimmed = query.trim();
  return (
    <>
      <PageHeader title={t.title} subtitle={t.subtitle} />
      <div className={styles.layout} data-ready="true">
        <nav className={styles.aside} aria-label={t.contents}>
          <SearchBox
            dismiss={{ 'aria-label': sv.app.clearSearch }}
            aria-label={t.search}
            placeholder={t.searchPlaceholder}
            value={query}
            onChange={(_e, data) => setQuery(data.value)}
            data-testid="guide-search"
          />
          <Text className={styles.status} role="status" data-testid="guide-status">
            {trimmed === '' ? '' : shown.length === 0 ? t.nothingFound(trimmed) : t.found(shown.length, trimmed)}
          </Text>
          <Link href={hrefTo('om-uppgifterna')} data-testid="guide-about-data">
            {omUppgifternaSv.helpLink}
          </Link>
          <h2 className={styles.tocHeading}>{t.contents}</h2>
          <ul className={styles.toc}>
            {shown.map((s) => (
              <li key={s.id}>
                <Link
                  href={hrefTo('hjalp', [s.id])}
                  className={s.id === selected?.id ? styles.tocCurrent : undefined}
                  aria-current={s.id === selected?.id ? 'location' : undefined}
                >
                  {s.title}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <div className={styles.sections} data-testid="guide-sections">
          {shown.map((s) => (
            <Section key={s.id} section={s} current={s.id === selected?.id} headingRef={s.id === selected?.id ? headingRef : undefined} />
          ))}
        </div>
      </div>
    </>
  );
}
