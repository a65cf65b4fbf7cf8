import { memo, useCallback, useEffect, useRef, useState } from 'react';
import { installFocusReturn } from './focus';
import { Link, makeStyles, NavDrawer, NavDrawerBody, NavDrawerHeader, NavItem, Text, tokens } from '@fluentui/react-components';
import type { AppCommand } from '../../electron/contract';
import { sv } from '../lib/i18n/sv';
import { PageHeader } from '../components/PageHeader';
import { useApiClient, useApiQuery, useSaveStatus, useStoreChangedRefetch } from './api';
import { AppHeader } from './AppHeader';
import { AboutDialog } from './AboutDialog';
import { LoadReportBar, loadReportNeedsBar } from './LoadReportBar';
import { parseHash } from './hash-route';
import { hrefTo, navigate, useLocationHash } from './router';
import { DEFAULT_ROUTE, routeById, routeIds, routes, type RouteId } from './routes';
import { historyShortcut, isEditableTarget, isHelpShortcut } from './shortcuts';
import { sectionForContext } from '../features/hjalp/guide';
import { useHistoryActions } from './useHistoryActions';
import { readOnlyRoleFor } from './write-access';
import { RoleAccessBar } from './RoleAccessBar';

const NARROW = '@media (max-width: 1100px)';
/** Off screen but still read: the label stays the item's accessible name. */
const hidden = {
  position: 'absolute',
  width: '1px',
  height: '1px',
  margin: '-1px',
  overflow: 'hidden',
  clip: 'rect(0 0 0 0)',
  whiteSpace: 'nowrap',
} as const;

const useStyles = makeStyles({
  root: {
    display: 'grid',
    gridTemplateColumns: 'auto minmax(0, 1fr)',
    height: '100vh',
    backgroundColor: tokens.colorNeutralBackground2,
  },
  // Below this width (a laptop at 150–200 % zoom) the navigation keeps only its icons, so the screen keeps its room.
  nav: { height: '100vh', [NARROW]: { width: '60px', minWidth: '60px' } },
  brand: { fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold, paddingBlock: tokens.spacingVerticalS, [NARROW]: hidden },
  navLabel: { [NARROW]: hidden },
  column: { display: 'flex', flexDirection: 'column', minWidth: 0, height: '100vh' },
  bar: { paddingInline: tokens.spacingHorizontalXXL, paddingTop: tokens.spacingVerticalM },
  main: {
    flexGrow: 1,
    overflowY: 'auto',
    paddingInline: tokens.spacingHorizontalXXXL,
    paddingBlock: tokens.spacingVerticalXXL,
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`, outlineOffset: '-2px' },
  },
  skip: {
    position: 'absolute',
    left: tokens.spacingHorizontalS,
    top: '-100px',
    zIndex: 1000,
    padding: tokens.spacingHorizontalS,
    backgroundColor: tokens.colorNeutralBackground1,
    border: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`,
    borderRadius: tokens.borderRadiusMedium,
    ':focus': { top: tokens.spacingVerticalS },
  },
});

/**
 * Opens the user guide at the section for the screen in view. Reads the hash when called rather than from
 * render, so the menu's command and the key handler never act on a stale screen.
 */
function openGuide(): void {
  const route = parseHash(window.location.hash, routeIds, DEFAULT_ROUTE);
  if (route.found && route.id === 'hjalp') return;
  const section = route.found ? sectionForContext(sv.hjalp.sections, { routeId: route.id, params: route.params, query: route.query }) : undefined;
  navigate('hjalp', section ? [section.id] : []);
}

const navRoutes = routes.filter((r) => !('inNav' in r && r.inNav === false));

function isNavigateCommand(command: AppCommand): command is Extract<AppCommand, `navigate:${string}`> {
  return command.startsWith('navigate:');
}

/**
 * The navigation and the screen in view, drawn again only when the address changes: the shell itself is drawn
 * again on every save status and history change, and drawing the whole screen (and measuring the navigation's
 * scroll state) with it was a large part of every edit's time to the paint.
 */
const Navigation = memo(function Navigation({ currentId }: { currentId: string }) {
  const styles = useStyles();
  return (
    <NavDrawer open type="inline" className={styles.nav} selectedValue={currentId} aria-label={sv.app.navigationLabel}>
      <NavDrawerHeader>
        <Text className={styles.brand}>{sv.app.name}</Text>
      </NavDrawerHeader>
      <NavDrawerBody>
        {navRoutes.map(({ id, label, icon: Icon }) => (
          <NavItem key={id} value={id} href={hrefTo(id)} icon={<Icon />} aria-current={currentId === id ? 'page' : undefined}>
            <span className={styles.navLabel}>{label}</span>
          </NavItem>
        ))}
      </NavDrawerBody>
    </NavDrawer>
  );
});

const Screen = memo(function Screen({ hash }: { hash: string }) {
  const route = parseHash(hash, routeIds, DEFAULT_ROUTE);
  const current = route.found ? routeById(route.id) : undefined;
  return route.found && current ? (
    <current.Page key={current.id} params={route.params} query={route.query} />
  ) : (
    <>
      <PageHeader title={sv.app.notFoundTitle} subtitle={sv.app.notFoundBody} />
      <Link href={hrefTo(DEFAULT_ROUTE)}>{sv.app.notFoundBack}</Link>
    </>
  );
});

export function Shell() {
  const styles = useStyles();
  const client = useApiClient();
  useStoreChangedRefetch();
  const info = useApiQuery('app/get-info', {});
  const saveState = useSaveStatus();
  const { state: history, undo, redo } = useHistoryActions();
  const [aboutOpen, setAboutOpen] = useState(false);
  const [reportDismissed, setReportDismissed] = useState(false);
  const mainRef = useRef<HTMLElement>(null);

  const hash = useLocationHash();
  const route = parseHash(hash, routeIds, DEFAULT_ROUTE);
  const current = route.found ? routeById(route.id) : undefined;

  // Text fields keep their own undo; elsewhere the shortcut undoes the last saved change. preventDefault also
  // keeps a desktop menu accelerator for the same keys from running the command a second time.
  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      if (isHelpShortcut(e)) {
        // Also keeps the desktop menu's F1 from opening the guide a second time.
        e.preventDefault();
        openGuide();
        return;
      }
      const action = historyShortcut(e);
      if (!action || isEditableTarget(e.target)) return;
      e.preventDefault();
      void (action === 'undo' ? undo() : redo());
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [undo, redo]);

  const onCommand = useCallback(
    (command: AppCommand) => {
      if (isNavigateCommand(command)) {
        navigate(command.slice('navigate:'.length) as RouteId);
      } else if (command === 'about') {
        setAboutOpen(true);
      } else if (command === 'help') {
        openGuide();
      } else if (isEditableTarget(document.activeElement)) {
        // The menu's Ångra while typing means "undo my typing", as in any text field.
        document.execCommand(command);
      } else {
        void (command === 'undo' ? undo() : redo());
      }
    },
    [undo, redo],
  );
  useEffect(() => client.on('app/command', ({ command }) => onCommand(command)), [client, onCommand]);
  useEffect(() => installFocusReturn(), []);
  // A new screen (not a new tab or filter of the same one) starts at its top, not at the last screen's scroll.
  const screenPath = route.found ? [route.id, ...route.params].join('/') : '';
  useEffect(() => {
    mainRef.current?.scrollTo({ top: 0 });
  }, [screenPath]);

  const writes = current && 'writes' in current ? current.writes : undefined;
  const readOnlyRole = readOnlyRoleFor(info.data, writes);
  const report = info.data?.loadReport;
  const showReport = report !== undefined && loadReportNeedsBar(report) && !reportDismissed;

  return (
    <div className={styles.root}>
      <button type="button" className={styles.skip} onClick={() => mainRef.current?.focus()}>
        {sv.app.skipToContent}
      </button>
      <Navigation currentId={current?.id ?? ''} />
      <div className={styles.column}>
        <AppHeader
          info={info.data}
          saveState={saveState}
          history={history}
          onUndo={() => void undo()}
          onRedo={() => void redo()}
          onAbout={() => setAboutOpen(true)}
          onGuide={openGuide}
        />
        {showReport && (
          <div className={styles.bar}>
            <LoadReportBar report={report} onDismiss={() => setReportDismissed(true)} />
          </div>
        )}
        {readOnlyRole !== undefined && writes !== undefined && (
          <div className={styles.bar}>
            <RoleAccessBar area={writes} role={readOnlyRole} />
          </div>
        )}
        <main id="innehall" ref={mainRef} tabIndex={-1} className={styles.main}>
          <Screen hash={hash} />
        </main>
      </div>
      <AboutDialog open={aboutOpen} onClose={() => setAboutOpen(false)} info={info.data} />
    </div>
  );
}
