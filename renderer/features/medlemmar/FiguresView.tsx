import { useMemo, useState } from 'react';
import { Card, Dropdown, Field, Link, makeStyles, Option, Text, tokens } from '@fluentui/react-components';
import { keepPreviousData } from '@tanstack/react-query';
import { useApiQuery } from '../../app/api';
import { hrefTo } from '../../app/router';
import { QueryState } from '../../components/QueryState';
import { sv } from '../../lib/i18n/sv';
import { figureYears, figuresViewModel, type FigureListVm } from './figures.view-model';
import { Section, useSharedStyles, useToday } from './shared';
import { yearOf } from '../../../electron/contract/rules/calendar-date';

const t = sv.medlemmar.figures;

const useStyles = makeStyles({
  head: { display: 'flex', flexWrap: 'wrap', alignItems: 'flex-end', gap: tokens.spacingHorizontalL, marginBottom: tokens.spacingVerticalL },
  year: { width: '140px' },
  yearDropdown: { minWidth: 0, width: '100%' },
  stats: { display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(240px, 1fr))', gap: tokens.spacingHorizontalL, marginBottom: tokens.spacingVerticalL },
  stat: { padding: tokens.spacingHorizontalL, rowGap: tokens.spacingVerticalXS },
  statLabel: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold, color: tokens.colorNeutralForeground3 },
  statValue: { fontSize: tokens.fontSizeHero800, lineHeight: tokens.lineHeightHero800, fontWeight: tokens.fontWeightSemibold, fontVariantNumeric: 'tabular-nums' },
  hint: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200 },
  lists: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(360px, 1fr))', gap: tokens.spacingHorizontalL, alignItems: 'start' },
  memberList: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 1fr) max-content',
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalXS,
    margin: 0,
  },
  date: { margin: 0, fontVariantNumeric: 'tabular-nums', color: tokens.colorNeutralForeground2 },
});

function MemberDates({ members, empty }: { members: FigureListVm[]; empty: string }) {
  const styles = useStyles();
  const shared = useSharedStyles();
  if (members.length === 0) return <Text className={shared.muted}>{empty}</Text>;
  return (
    <dl className={styles.memberList}>
      {members.map((m) => (
        <div key={m.id} style={{ display: 'contents' }}>
          <dt>
            <Link href={hrefTo('medlemmar', [m.id])}>{m.name}</Link>
          </dt>
          <dd className={styles.date}>{m.date}</dd>
        </div>
      ))}
    </dl>
  );
}

export function FiguresView() {
  const styles = useStyles();
  const shared = useSharedStyles();
  const today = useToday();
  const [chosen, setChosen] = useState<number>();
  const year = chosen ?? (today ? yearOf(today) : undefined);
  const figures = useApiQuery('register/figures', { year: year ?? 2000 }, { enabled: year !== undefined, placeholderData: keepPreviousData });
  const vm = useMemo(() => (figures.data ? figuresViewModel(figures.data) : undefined), [figures.data]);
  const years = today ? figureYears(today) : [];

  return (
    <>
      <div className={styles.head}>
        <Field label={t.year} className={styles.year}>
          <Dropdown
            className={styles.yearDropdown}
            value={year !== undefined ? String(year) : ''}
            selectedOptions={year !== undefined ? [String(year)] : []}
            onOptionSelect={(_, d) => setChosen(Number(d.optionValue))}
          >
            {years.map((y) => (
              <Option key={y} value={String(y)}>
                {String(y)}
              </Option>
            ))}
          </Dropdown>
        </Field>
      </div>
      <QueryState query={figures}>
        {() =>
          vm && (
            <>
              <div className={styles.stats} data-ready="true">
                {vm.stats.map((s) => (
                  <Card key={s.id} className={styles.stat} data-stat={s.id}>
                    <h2 className={styles.statLabel}>{s.label}</h2>
                    <Text className={styles.statValue} data-testid="figure-value">
                      {s.value}
                    </Text>
                    {s.hint !== undefined && <Text className={styles.hint}>{s.hint}</Text>}
                  </Card>
                ))}
              </div>
              <div className={styles.lists}>
                <Section title={t.joinedList}>
                  <MemberDates members={vm.joined} empty={t.noneJoined} />
                </Section>
                <Section title={t.leftList}>
                  <MemberDates members={vm.left} empty={t.noneLeft} />
                </Section>
              </div>
              <p className={shared.muted}>{t.edgeNote}</p>
            </>
          )
        }
      </QueryState>
    </>
  );
}
