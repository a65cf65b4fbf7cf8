import { memo, useState } from 'react';
import { Button, Checkbox, Field, makeStyles, tokens } from '@fluentui/react-components';
import { ArrowDownload20Regular, DocumentPdf20Regular, Print20Regular } from '@fluentui/react-icons';
import { useApiClient, useApiMutation, useApiQuery } from '../../app/api';
import { useNotify } from '../../app/notify';
import { navigate } from '../../app/router';
import { DateInput } from '../../components/DateInput';
import { PageHeader } from '../../components/PageHeader';
import { QueryState } from '../../components/QueryState';
import { formatDate } from '../../lib/format';
import { sv } from '../../lib/i18n/sv';
import type { BoardPackContent } from '../../../electron/contract';
import { BudgetChart, CoverageChart, DistributionChart, MembersChart, NetworksChart, PopulationChart, SharesChart } from './BoardPackCharts';
import { memberGoal, printQuery } from './board-pack.view-model';
import { downloadFile } from '../../components/download-file';
import { GoalsSection } from './GoalsSection';
import { PlanFiguresTable } from './PlanFiguresTable';
import { PackList } from './PackList';
import { parseCalendarDate, yearOf } from '../../../electron/contract/rules/calendar-date';

const t = sv.styrelserapport;

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXXL },
  controls: { display: 'flex', flexWrap: 'wrap', alignItems: 'flex-end', columnGap: tokens.spacingHorizontalXL, rowGap: tokens.spacingVerticalS },
  date: { width: '200px' },
  charts: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(min(100%, 440px), 1fr))',
    gap: tokens.spacingHorizontalL,
    alignItems: 'start',
  },
  wide: { gridColumn: '1 / -1' },
  chartsHeading: { margin: 0, fontSize: tokens.fontSizeBase500, lineHeight: tokens.lineHeightBase500, fontWeight: tokens.fontWeightSemibold },
});

/**
 * The parts of the pack the charts draw. A pack answered again after a change keeps the parts that did not
 * change as the same objects (the core reuses them and the query's structural sharing keeps them), so a goal
 * edit or a saved pack does not draw the seven charts again.
 */
function sameCharts(a: { content: BoardPackContent }, b: { content: BoardPackContent }): boolean {
  const x = a.content;
  const y = b.content;
  return (
    x.date === y.date &&
    x.year === y.year &&
    x.members === y.members &&
    x.services === y.services &&
    x.networks === y.networks &&
    x.population === y.population &&
    x.coverage === y.coverage &&
    x.budget === y.budget &&
    memberGoal(x) === memberGoal(y)
  );
}

const PackCharts = memo(function PackCharts({ content }: { content: BoardPackContent }) {
  const styles = useStyles();
  return (
    <div className={styles.charts}>
      <MembersChart content={content} layout={{}} />
      <DistributionChart content={content} layout={{}} />
      <SharesChart content={content} layout={{}} />
      <NetworksChart content={content} layout={{}} />
      <PopulationChart content={content} layout={{}} />
      <CoverageChart content={content} layout={{}} />
      <div className={styles.wide}>
        <BudgetChart content={content} layout={{}} />
      </div>
    </div>
  );
}, sameCharts);

/** The Styrelserapport screen: a meeting date, the goals against it, the figures beside them, and saved packs. */
export function BoardPackScreen({ query }: { query: URLSearchParams }) {
  const styles = useStyles();
  const notify = useNotify();
  const client = useApiClient();
  const [typed, setTyped] = useState<string>(() => parseCalendarDate(query.get('datum')) ?? '');
  const [includePreviousYear, setIncludePreviousYear] = useState(query.get('tidigare') === 'ja');
  const chosen = parseCalendarDate(typed);
  const pack = useApiQuery('packs/compute', chosen ? { date: chosen, includePreviousYear } : { includePreviousYear }, {
    placeholderData: (previous) => previous,
  });
  const save = useApiMutation('packs/save');
  const [exporting, setExporting] = useState(false);
  const content = pack.data;
  const date = content?.date;
  const shownDate = typed === '' ? (date ?? '') : typed;

  const makePack = async () => {
    if (!date) return;
    try {
      const saved = await save.mutateAsync({ date, includePreviousYear });
      notify(t.packSaved(saved.title));
      navigate('styrelserapport', ['utskrift'], { ...printQuery({ packId: saved.id }), skriv: 'ja' });
    } catch (error) {
      notify(t.packFailed(error instanceof Error ? error.message : String(error)), 'error');
    }
  };

  const exportExcel = async () => {
    if (!date) return;
    setExporting(true);
    try {
      const file = await client.request('packs/workbook', { date, includePreviousYear });
      downloadFile(file);
      notify(t.exported(file.fileName));
    } catch (error) {
      notify(t.exportFailed(error instanceof Error ? error.message : String(error)), 'error');
    } finally {
      setExporting(false);
    }
  };

  const year = date ? yearOf(date) : undefined;
  return (
    <div className={styles.page}>
      <div>
        <PageHeader
          title={t.title}
          subtitle={date ? t.subtitle(formatDate(date, 'long')) : undefined}
          actions={
            <>
              <Button
                icon={<Print20Regular />}
                disabled={!date}
                onClick={() => date && navigate('styrelserapport', ['utskrift'], printQuery({ date, includePreviousYear }))}
              >
                {t.preview}
              </Button>
              <Button icon={<ArrowDownload20Regular />} disabled={!date || exporting} onClick={() => void exportExcel()}>
                {exporting ? t.exporting : t.exportExcel}
              </Button>
              <Button appearance="primary" icon={<DocumentPdf20Regular />} disabled={!date || save.isPending} onClick={() => void makePack()}>
                {save.isPending ? t.makingPack : t.makePack}
              </Button>
            </>
          }
        />
        <div className={styles.controls}>
          <Field
            label={t.meetingDate}
            hint={t.meetingDateHint}
            validationMessage={typed !== '' && !chosen ? t.badDate : undefined}
            className={styles.date}
          >
            <DateInput value={shownDate} onChange={setTyped} style={{ width: '100%' }} />
          </Field>
          {year !== undefined && (
            <Checkbox
              checked={includePreviousYear}
              onChange={(_, d) => setIncludePreviousYear(d.checked === true)}
              label={t.includePreviousYear(String(year - 1))}
            />
          )}
        </div>
      </div>
      <QueryState query={pack}>
        {(data) => (
          <>
            <GoalsSection content={data} focusGoalId={query.get('mal') ?? undefined} />
            <PlanFiguresTable content={data} />
            <section aria-labelledby="lage-rubrik" className={styles.page} data-ready="true">
              <h2 id="lage-rubrik" className={styles.chartsHeading}>
                {t.situation(formatDate(data.date, 'long'))}
              </h2>
              <PackCharts content={data} />
            </section>
          </>
        )}
      </QueryState>
      <PackList />
    </div>
  );
}
