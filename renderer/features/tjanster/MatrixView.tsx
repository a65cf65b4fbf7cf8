import { useDeferredValue, useEffect, useRef, useState } from 'react';
import {
  Link,
  makeStyles,
  mergeClasses,
  MessageBar,
  MessageBarBody,
  Text,
  Toast,
  ToastTitle,
  ToastTrigger,
  tokens,
  useId,
  useToastController,
} from '@fluentui/react-components';
import type { UsageMatrixAnswerColumn, UsageMatrixAnswerRow } from '../../../electron/contract';
import { useApiClient, useApiMutation, useApiQuery } from '../../app/api';
import { TOASTER_ID, useNotify } from '../../app/notify';
import { whenIdle } from '../../lib/idle';
import { useHistoryActions } from '../../app/useHistoryActions';
import { ExportButton } from '../../components/ExportButton';
import { QueryState } from '../../components/QueryState';
import { formatDate } from '../../lib/format';
import { sv } from '../../lib/i18n/sv';
import { effectiveDate } from './dates';
import { MatrixFilters } from './MatrixFilters';
import { MatrixGrid } from './MatrixGrid';
import { NonUsersMenu } from './NonUsersSection';
import { defaultMatrixFilter, matrixExport, matrixQuery, quickFromQuery, shownText, toggleMessage, type MatrixFilterState } from './matrix.view-model';
import { DateField } from './Parts';
import { useTjansterStyles } from './styles';
import { useUsageMatrix } from './useUsageMatrix';
import type { ViewDate } from './dates';
import { addDays } from '../../../electron/contract/rules/calendar-date';

const t = sv.tjanster.matrix;

const useStyles = makeStyles({
  legend: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', columnGap: tokens.spacingHorizontalL, rowGap: tokens.spacingVerticalXS, margin: 0, padding: 0, listStyle: 'none' },
  legendItem: { display: 'inline-flex', alignItems: 'center', columnGap: tokens.spacingHorizontalXS, fontSize: tokens.fontSizeBase200 },
  swatch: { width: '16px', height: '12px', borderRadius: tokens.borderRadiusSmall, border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}` },
  direct: { backgroundColor: tokens.colorPaletteGreenBackground1 },
  group: { backgroundColor: tokens.colorNeutralBackground3, backgroundImage: `repeating-linear-gradient(135deg, transparent 0 3px, ${tokens.colorNeutralBackground4} 3px 5px)` },
  status: { fontWeight: tokens.fontWeightSemibold },
  statusRow: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', justifyContent: 'space-between', columnGap: tokens.spacingHorizontalL, rowGap: tokens.spacingVerticalXS },
});

export function MatrixView({ viewDate, query }: { viewDate: ViewDate; query: URLSearchParams }) {
  const styles = useStyles();
  const shared = useTjansterStyles();
  const headingId = useId('matrix');
  const notify = useNotify();
  const { undo } = useHistoryActions();
  const { dispatchToast, dismissToast } = useToastController(TOASTER_ID);
  const client = useApiClient();
  const history = useApiQuery('history/get-state', {});
  const lastToast = useRef<{ id: string; summary: string } | undefined>(undefined);
  const toastSeq = useRef(0);
  /** The cancel of a toast waiting for the browser to be idle: a newer toggle's toast takes its place. */
  const pendingToast = useRef<(() => void) | undefined>(undefined);

  // A toggle's «Ångra» only makes sense while that toggle is the latest change: once something else is undone
  // or changed, its toast goes.
  useEffect(() => {
    const shown = lastToast.current;
    if (shown && history.data && history.data.undoSummary !== shown.summary) {
      dismissToast(shown.id);
      lastToast.current = undefined;
    }
  }, [history.data, dismissToast]);

  const [filter, setFilter] = useState<MatrixFilterState>(() => {
    const quick = quickFromQuery(query.get('snabb'));
    return quick ? { ...defaultMatrixFilter, quick } : defaultMatrixFilter;
  });
  const [changeTyped, setChangeTyped] = useState<string | null>(null);
  const change = effectiveDate(changeTyped, viewDate.today);
  const search = useDeferredValue(filter.search);
  const { input, errors } = matrixQuery({ ...filter, search }, viewDate.date);
  const matrix = useUsageMatrix(input);
  const counties = useApiQuery('reference/list-counties', {});
  const toggle = useApiMutation('usage/toggle');

  const undoToggle = async (summary: string) => {
    const state = await client.call('history/get-state', {});
    if (state.ok && state.data.undoSummary === summary) await undo();
    else notify(t.undoStale, 'info');
  };

  const showToggled = (text: string, summary: string) => {
    if (lastToast.current) dismissToast(lastToast.current.id);
    toastSeq.current += 1;
    const toastId = `usage-toggle-${toastSeq.current}`;
    lastToast.current = { id: toastId, summary };
    dispatchToast(
      <Toast>
        <ToastTitle
          action={
            <ToastTrigger>
              <Link onClick={() => void undoToggle(summary)} data-testid="toast-undo">
                {t.undo}
              </Link>
            </ToastTrigger>
          }
        >
          {text}
        </ToastTitle>
      </Toast>,
      { toastId, intent: 'success', timeout: 8000 },
    );
  };

  const onToggle = async (row: UsageMatrixAnswerRow, column: UsageMatrixAnswerColumn) => {
    try {
      const result = await toggle.mutateAsync({ organisationId: row.organisationId, serviceId: column.serviceId, date: change.date });
      // The toast once the matrix shows the change: laid out before it, it held the changed cell back.
      pendingToast.current?.();
      pendingToast.current = whenIdle(() => {
        pendingToast.current = undefined;
        showToggled(toggleMessage(result, row.name, column.name, change.date, addDays(change.date, -1)), result.historySummary);
      });
    } catch (error) {
      notify(t.toggleFailed((error as Error).message), 'error');
    }
  };

  const data = matrix.data;
  return (
    <section className={shared.stack} aria-labelledby={headingId}>
      <h2 id={headingId} className={shared.visuallyHidden}>
        {t.heading}
      </h2>
      <div className={shared.toolbar}>
        <DateField label={sv.tjanster.viewDate} value={viewDate.typed ?? viewDate.date} onChange={viewDate.setTyped} error={viewDate.error} testId="view-date" />
        <DateField
          label={t.changeDate}
          value={changeTyped ?? change.date}
          onChange={setChangeTyped}
          error={change.error}
          testId="change-date"
        />
        <Text className={shared.hint}>{t.changeDateHint}</Text>
      </div>
      {change.date !== viewDate.date && (
        <MessageBar intent="info" data-testid="dates-differ">
          <MessageBarBody>{t.datesDiffer(formatDate(viewDate.date, 'long'), formatDate(change.date, 'long'))}</MessageBarBody>
        </MessageBar>
      )}
      <MatrixFilters
        filter={filter}
        onChange={setFilter}
        errors={errors}
        counties={counties.data ?? []}
        quickCounts={data ? { exactlyOne: data.totals.rowsUsingExactlyOne, none: data.totals.rowsUsingNone } : undefined}
      />
      <div className={styles.statusRow}>
        <Text role="status" aria-live="polite" className={styles.status} data-testid="matrix-status">
          {data ? shownText(data.rows.length) : ''}
        </Text>
        <ul className={styles.legend} aria-label={t.legend}>
          <li className={styles.legendItem}>
            <span className={mergeClasses(styles.swatch, styles.direct)} aria-hidden />
            {t.legendDirect}
          </li>
          <li className={styles.legendItem}>
            <span className={mergeClasses(styles.swatch, styles.group)} aria-hidden />
            {t.legendGroup}
          </li>
          <li className={styles.legendItem}>{t.legendKeys}</li>
        </ul>
        <NonUsersMenu services={data?.columns ?? []} />
        <ExportButton
          channel="exports/table"
          disabled={!data}
          input={() => matrixExport(data ?? { date: viewDate.date, columns: [], rows: [] }, { ...filter, search }, counties.data?.find((c) => c.code === filter.countyCode)?.name)}
        />
      </div>
      <QueryState query={matrix}>
        {(m) => (
          <>
            <MatrixGrid matrix={m} onToggle={(row, column) => void onToggle(row, column)} />
            {m.rows.length === 0 && <Text className={shared.hint}>{t.empty}</Text>}
          </>
        )}
      </QueryState>
    </section>
  );
}
