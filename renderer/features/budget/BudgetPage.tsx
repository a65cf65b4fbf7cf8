import { memo, useState, type Dispatch, type SetStateAction } from 'react';
import {
  Button,
  makeStaticStyles,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Text,
  tokens,
} from '@fluentui/react-components';
import { Add20Regular, Print20Regular } from '@fluentui/react-icons';
import type { BudgetTable } from '../../../electron/contract';
import type { PageProps } from '../../app/page-props';
import { useApiMutation } from '../../app/api';
import { useNotify } from '../../app/notify';
import { PageHeader } from '../../components/PageHeader';
import { QueryState } from '../../components/QueryState';
import { sv } from '../../lib/i18n/sv';
import { BudgetCharts } from './BudgetCharts';
import { AddColumnDialog, LineDialog, RemoveDialog, type LineDialogMode, type RemoveRequest } from './BudgetDialogs';
import { BudgetGrid, type GridAction } from './BudgetGrid';
import { RegisterSection } from './RegisterSection';
import { useBudgetTable } from './useBudgetTable';

const t = sv.budget;

/**
 * Printing the Budget screen: only the page itself (no navigation, header or toasts), the whole height
 * instead of the scrolling pane, controls hidden, charts scaled to the paper and kept whole, and each chart's
 * table printed under it. Scoped with :has() so other screens print as before, even after a visit here.
 */
const usePrintStyles = makeStaticStyles(`
@media print {
  body:has([data-budget-page]) > :not(#root) { display: none !important; }
  body:has([data-budget-page]) #root :not(:has([data-budget-page])):not([data-budget-page]):not([data-budget-page] *) { display: none !important; }
  html:has([data-budget-page]), body:has([data-budget-page]), body:has([data-budget-page]) #root,
  body:has([data-budget-page]) #root :has([data-budget-page]) {
    display: block !important; height: auto !important; overflow: visible !important; padding: 0 !important; background: #ffffff !important;
  }
  [data-budget-page] [data-print="hide"] { display: none !important; }
  [data-budget-page] h2 { break-after: avoid; }
  [data-budget-page] figure, [data-budget-page] [data-register] { break-inside: avoid; box-shadow: none !important; border: 1px solid #8a8a8a; }
  [data-budget-page] [role="grid"] { break-inside: avoid; }
  [data-budget-page] [data-chart-drawing] svg { max-width: 100% !important; height: auto !important; }
  [data-budget-page] [data-chart-drawing] .recharts-wrapper { max-width: 100% !important; height: auto !important; }
  [data-budget-page] [data-chart-table] {
    position: static !important; width: auto !important; height: auto !important; margin: 0 !important;
    overflow: visible !important; clip: auto !important; white-space: normal !important;
  }
  [data-budget-page] [data-chart-grid] { display: block !important; }
  [data-budget-page] [data-chart-grid] > * { margin-bottom: 12pt; }
}
`);

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXXL },
  section: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM },
  heading: { margin: 0, fontSize: tokens.fontSizeBase500, lineHeight: tokens.lineHeightBase500, fontWeight: tokens.fontWeightSemibold },
  hint: { color: tokens.colorNeutralForeground2, maxWidth: '100ch' },
  warnings: { margin: 0, paddingLeft: tokens.spacingHorizontalXL },
});

type Dialogs = { addColumn: boolean; line?: LineDialogMode; remove?: RemoveRequest };

export function BudgetPage(_props: PageProps) {
  usePrintStyles();
  const styles = useStyles();
  const notify = useNotify();
  const budget = useBudgetTable();
  const accept = useApiMutation('budget/accept-difference');
  const acceptDifference = (columnId: string, key: string, label: string) => {
    accept.mutateAsync({ columnId, key }).then(
      () => notify(t.done.accepted(label)),
      (error: unknown) => notify(t.done.failed(error instanceof Error ? error.message : String(error)), 'error'),
    );
  };
  const [dialogs, setDialogs] = useState<Dialogs>({ addColumn: false });

  const onAction = (action: GridAction) => {
    switch (action.type) {
      case 'add-sub-line':
        setDialogs((d) => ({ ...d, line: { type: 'add-sub-line', parentId: action.lineId, parentName: action.name } }));
        break;
      case 'add-line':
        setDialogs((d) => ({ ...d, line: { type: 'add-line', kind: action.kind, section: action.section } }));
        break;
      case 'rename':
        setDialogs((d) => ({ ...d, line: { type: 'rename', lineId: action.lineId, name: action.name } }));
        break;
      case 'remove-line':
      case 'remove-column':
        setDialogs((d) => ({ ...d, remove: action }));
        break;
    }
  };

  return (
    <div data-budget-page="">
      <PageHeader
        title={t.title}
        subtitle={t.subtitle}
        actions={
          <span data-print="hide" style={{ display: 'contents' }}>
            <Button icon={<Add20Regular />} onClick={() => setDialogs((d) => ({ ...d, addColumn: true }))}>
              {t.addColumn}
            </Button>
            <Button icon={<Print20Regular />} onClick={() => window.print()}>
              {t.print}
            </Button>
          </span>
        }
      />
      <QueryState query={budget}>
        {(table) => (
          <div className={styles.page} data-ready="true">
            <section className={styles.section} aria-labelledby="budget-resultatrakning">
              <h2 id="budget-resultatrakning" className={styles.heading}>
                {t.tableHeading}
              </h2>
              <Text id="budget-tabell-hjalp" className={styles.hint} data-print="hide">
                {t.tableHint}
              </Text>
              {table.warnings.length > 0 && (
                <MessageBar intent="warning" layout="multiline" data-testid="budget-warnings">
                  <MessageBarBody>
                    <MessageBarTitle>{t.warningsTitle}</MessageBarTitle>
                    {t.warningsIntro}
                    <ul className={styles.warnings}>
                      {table.warnings.map((w) => {
                        const label = `${w.label}, ${table.columns.find((c) => c.id === w.columnId)?.label ?? ''}`;
                        return (
                          <li key={`${w.kind}-${w.columnId}-${'key' in w ? w.key : w.lineId}`}>
                            <span>{w.message}</span>{' '}
                            {w.kind === 'stated-total' && !w.accepted && (
                              <Button
                                size="small"
                                appearance="secondary"
                                data-print="hide"
                                aria-label={t.acceptDifferenceLabel(label)}
                                disabled={accept.isPending}
                                onClick={() => acceptDifference(w.columnId, w.key, label)}
                              >
                                {t.acceptDifference}
                              </Button>
                            )}
                          </li>
                        );
                      })}
                    </ul>
                  </MessageBarBody>
                </MessageBar>
              )}
              {table.columns.length === 0 ? <Text>{t.empty}</Text> : <BudgetGrid table={table} onAction={onAction} />}
            </section>

            {table.columns.length > 0 && (
              <section className={styles.section} aria-labelledby="budget-diagram">
                <h2 id="budget-diagram" className={styles.heading}>
                  {t.charts.heading}
                </h2>
                <BudgetCharts table={table} />
              </section>
            )}

            <section className={styles.section} aria-labelledby="budget-registret">
              <h2 id="budget-registret" className={styles.heading}>
                {t.register.heading}
              </h2>
              <RegisterSection columns={table.columns} />
            </section>

            <PageDialogs dialogs={dialogs} columns={table.columns} setDialogs={setDialogs} />
          </div>
        )}
      </QueryState>
    </div>
  );
}

/**
 * The screen's dialogs, drawn again only when one opens or closes or the columns change: closed dialogs still
 * run their hooks, and an amount typed in the grid should not redraw them.
 */
const PageDialogs = memo(function PageDialogs({
  dialogs,
  columns,
  setDialogs,
}: {
  dialogs: Dialogs;
  columns: BudgetTable['columns'];
  setDialogs: Dispatch<SetStateAction<Dialogs>>;
}) {
  const notify = useNotify();
  return (
    <>
      <AddColumnDialog
        open={dialogs.addColumn}
        columns={columns}
        onClose={() => setDialogs((d) => ({ ...d, addColumn: false }))}
        onAdded={(label) => notify(t.done.columnAdded(label))}
      />
      <LineDialog mode={dialogs.line} onClose={() => setDialogs((d) => ({ ...d, line: undefined }))} onDone={(text) => notify(text)} />
      <RemoveDialog request={dialogs.remove} onClose={() => setDialogs((d) => ({ ...d, remove: undefined }))} onDone={(text) => notify(text)} />
    </>
  );
});
