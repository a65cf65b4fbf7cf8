import { useState } from 'react';
import {
  Button,
  Card,
  Field,
  Link,
  makeStyles,
  MessageBar,
  MessageBarBody,
  ProgressBar,
  Tab,
  TabList,
  Text,
  tokens,
} from '@fluentui/react-components';
import {
  Archive20Regular,
  ArrowLeft16Regular,
  ArrowUndo20Regular,
  Copy20Regular,
  Edit20Regular,
  Mail20Regular,
  Print20Regular,
} from '@fluentui/react-icons';
import type { NetworkDetail } from '../../../electron/contract';
import { useApiMutation, useApiQuery } from '../../app/api';
import { useNotify } from '../../app/notify';
import { hrefTo, navigate } from '../../app/router';
import { PageHeader } from '../../components/PageHeader';
import { QueryState } from '../../components/QueryState';
import { formatDate, formatNumber } from '../../lib/format';
import { sv } from '../../lib/i18n/sv';
import { AttendanceSection } from './AttendanceSection';
import { useCopyEmails } from './EmailCopy';
import { MeetingsSection } from './MeetingsSection';
import { NetworkDialog } from './NetworkDialog';
import { goalCovers, municipalityProgress } from './network-list.view-model';
import { ViewDateInput } from '../../components/DateInput';
import { RosterPrint } from './RosterPrint';
import { RosterSection } from './RosterSection';
import { ReachPanel } from '../kontakter/ReachPanel';
import { useNatverkStyles } from './styles';

const t = sv.natverk;

/** The municipality goal (the plan's 20); the figures channel says it, so the page asks rather than repeats it. */
function useMunicipalityGoal(date: string | undefined): number | undefined {
  const figures = useApiQuery('networks/get-figures', date !== undefined ? { date } : {});
  return figures.data?.municipalityGoal;
}

export type DetailTab = 'deltagare' | 'moten' | 'narvaro';
const tabs: readonly DetailTab[] = ['deltagare', 'moten', 'narvaro'];
export function parseDetailTab(value: string | null): DetailTab {
  return tabs.find((x) => x === value) ?? 'deltagare';
}

const useStyles = makeStyles({
  back: { display: 'inline-flex', alignItems: 'center', columnGap: tokens.spacingHorizontalXS, marginBottom: tokens.spacingVerticalS },
  summary: { padding: tokens.spacingHorizontalL, rowGap: tokens.spacingVerticalM, marginBottom: tokens.spacingVerticalL },
  facts: {
    display: 'flex',
    flexWrap: 'wrap',
    columnGap: tokens.spacingHorizontalXXXL,
    rowGap: tokens.spacingVerticalM,
    margin: 0,
  },
  fact: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXXS },
  factValue: {
    display: 'flex',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalM,
    margin: 0,
    fontSize: tokens.fontSizeBase500,
    lineHeight: tokens.lineHeightBase500,
    fontWeight: tokens.fontWeightSemibold,
    fontVariantNumeric: 'tabular-nums',
  },
  factBar: { width: '140px' },
  descriptionText: { whiteSpace: 'pre-line', color: tokens.colorNeutralForeground2 },
  tabsRow: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'flex-end',
    justifyContent: 'space-between',
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalS,
    marginBottom: tokens.spacingVerticalM,
  },
  banner: { marginBottom: tokens.spacingVerticalL },
});

type Props = { networkId: string; date?: string; tab: DetailTab; attendanceFor?: string | undefined };

export function NetworkDetailView({ networkId, date, tab, attendanceFor }: Props) {
  const detail = useApiQuery('networks/get', { networkId, ...(date !== undefined ? { date } : {}) });
  if (detail.isError && detail.error.code === 'not-found') {
    return (
      <>
        <PageHeader title={t.title} />
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            {t.detail.notFound} <Link href={hrefTo('natverk')}>{t.detail.back}</Link>
          </MessageBarBody>
        </MessageBar>
      </>
    );
  }
  return (
    <QueryState query={detail}>
      {(d) => <Detail detail={d} date={date} tab={tab} attendanceFor={attendanceFor} />}
    </QueryState>
  );
}

function Detail({ detail, date, tab, attendanceFor }: { detail: NetworkDetail; date: string | undefined; tab: DetailTab; attendanceFor: string | undefined }) {
  const styles = useStyles();
  const shared = useNatverkStyles();
  const notify = useNotify();
  const [editing, setEditing] = useState(false);
  const [reaching, setReaching] = useState(false);
  const goal = useMunicipalityGoal(date);
  const emails = useCopyEmails();
  const archive = useApiMutation('networks/archive', {
    onSuccess: (n) => notify(n.archived ? t.list.archivedToast(n.name) : t.list.restoredToast(n.name)),
    onError: (error) => notify(error.message, 'error'),
  });
  const go = (next: { tab?: DetailTab; date?: string }) => {
    const nextTab = next.tab ?? tab;
    const nextDate = next.date ?? date ?? '';
    navigate('natverk', [detail.id], {
      ...(nextTab !== 'deltagare' ? { flik: nextTab } : {}),
      ...(nextDate !== '' ? { datum: nextDate } : {}),
    });
  };
  const progress = goal !== undefined && goalCovers(detail.kind) ? municipalityProgress(detail.participatingMemberMunicipalities, goal) : undefined;
  const period = t.detail.period(
    detail.startDate !== undefined ? formatDate(detail.startDate) : undefined,
    detail.endDate !== undefined ? formatDate(detail.endDate) : undefined,
  );

  return (
    <>
      <Link href={hrefTo('natverk')} className={styles.back}>
        <ArrowLeft16Regular aria-hidden />
        {t.detail.back}
      </Link>
      <PageHeader
        title={detail.name}
        subtitle={t.detail.subtitle(t.kinds[detail.kind], period)}
        actions={
          <>
            <Button icon={<Edit20Regular />} onClick={() => setEditing(true)}>
              {t.detail.edit}
            </Button>
            <Button
              icon={detail.archived ? <ArrowUndo20Regular /> : <Archive20Regular />}
              disabled={archive.isPending}
              onClick={() => archive.mutate({ networkId: detail.id, archived: !detail.archived })}
            >
              {detail.archived ? t.detail.restore : t.detail.archive}
            </Button>
            <Button icon={<Copy20Regular />} disabled={emails.busy} onClick={() => void emails.copy([detail.id], date)}>
              {t.detail.copyEmails}
            </Button>
            <Button icon={<Mail20Regular />} aria-expanded={reaching} onClick={() => setReaching((r) => !r)} data-testid="roster-reach-toggle">
              {sv.kontakter.reach.rosterButton}
            </Button>
            <Button icon={<Print20Regular />} onClick={() => window.print()}>
              {t.detail.print}
            </Button>
          </>
        }
      />
      {detail.archived && (
        <MessageBar intent="warning" className={styles.banner}>
          <MessageBarBody>{t.detail.archivedBanner}</MessageBarBody>
        </MessageBar>
      )}

      {reaching && (
        <Card className={styles.banner} role="region" aria-label={sv.kontakter.reach.rosterButton}>
          <ReachPanel
            source={{ contactIds: detail.roster.flatMap((e) => (e.active && e.contactId !== undefined ? [e.contactId] : [])) }}
            fileName={detail.name}
            {...(date !== undefined ? { date } : {})}
            testId="roster-reach"
          />
        </Card>
      )}
      <Card className={styles.summary} role="region" aria-label={t.detail.summary} data-ready="true">
        <dl className={styles.facts}>
          <div className={styles.fact} data-testid="fact-municipalities">
            <dt className={shared.cardLabel}>{t.detail.municipalities}</dt>
            <dd className={styles.factValue}>
              {!progress && <span data-testid="fact-value">{formatNumber(detail.participatingMemberMunicipalities)}</span>}
              {progress && (
                <>
                  <span data-testid="fact-value">{t.detail.municipalitiesValue(formatNumber(progress.count), formatNumber(progress.goal))}</span>
                  <ProgressBar
                    className={styles.factBar}
                    value={progress.ratio}
                    max={1}
                    thickness="large"
                    color={progress.reached ? 'success' : 'brand'}
                    aria-hidden
                  />
                </>
              )}
            </dd>
          </div>
          <div className={styles.fact}>
            <dt className={shared.cardLabel}>{t.detail.persons}</dt>
            <dd className={styles.factValue}>{formatNumber(detail.activePersons)}</dd>
          </div>
          <div className={styles.fact}>
            <dt className={shared.cardLabel}>{t.detail.meetings}</dt>
            <dd className={styles.factValue}>{formatNumber(detail.meetingCount)}</dd>
          </div>
          {detail.serviceName !== undefined && (
            <div className={styles.fact}>
              <dt className={shared.cardLabel}>{t.detail.service}</dt>
              <dd className={styles.factValue}>{detail.serviceName}</dd>
            </div>
          )}
        </dl>
        {detail.description.trim() !== '' && <Text className={styles.descriptionText}>{detail.description}</Text>}
      </Card>

      <div className={styles.tabsRow}>
        <TabList aria-label={t.detail.tabsLabel} selectedValue={tab} onTabSelect={(_e, d) => go({ tab: d.value as DetailTab })}>
          <Tab value="deltagare">{t.detail.tabs.roster}</Tab>
          <Tab value="moten">{t.detail.tabs.meetings}</Tab>
          <Tab value="narvaro">{t.detail.tabs.attendance}</Tab>
        </TabList>
        <Field label={t.detail.date}>
          <ViewDateInput date={date} fallback={detail.date} onDate={(d) => go({ date: d })} />
        </Field>
      </div>

      {tab === 'deltagare' && <RosterSection detail={detail} />}
      {tab === 'moten' && <MeetingsSection detail={detail} attendanceFor={attendanceFor} />}
      {tab === 'narvaro' && <AttendanceSection detail={detail} />}

      <NetworkDialog open={editing} network={detail} onClose={() => setEditing(false)} />
      {emails.dialog}
      <RosterPrint detail={detail} />
    </>
  );
}
