import { Button, Dropdown, Field, Input, makeStyles, Option, SearchBox, Switch, ToggleButton, tokens } from '@fluentui/react-components';
import { ArrowReset20Regular } from '@fluentui/react-icons';
import type { UsageMatrixScope } from '../../../electron/contract';
import type { CountyRef, OrganisationKind } from '../../../electron/core/store/schema';
import { formatNumber } from '../../lib/format';
import { sv } from '../../lib/i18n/sv';
import { defaultMatrixFilter, filterIsDefault, type MatrixFilterState, type MatrixQuery, type QuickFilter } from './matrix.view-model';

const t = sv.tjanster.matrix;
const scopes = Object.keys(t.scopes) as UsageMatrixScope[];
const kinds = Object.keys(sv.tjanster.kinds) as OrganisationKind[];

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  row: { display: 'flex', flexWrap: 'wrap', alignItems: 'flex-end', columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalS },
  // Sized so the five fields share one row at 1366 px; a second row would push the grid further down.
  scope: { width: '280px' },
  county: { width: '190px' },
  kind: { width: '190px' },
  count: { width: '140px' },
  search: { width: '240px' },
  dropdown: { minWidth: 0, width: '100%' },
  input: { minWidth: 0, width: '100%' },
});

type Props = {
  filter: MatrixFilterState;
  onChange: (filter: MatrixFilterState) => void;
  errors: MatrixQuery['errors'];
  counties: readonly CountyRef[];
  quickCounts: { exactlyOne: number; none: number } | undefined;
};

export function MatrixFilters({ filter, onChange, errors, counties, quickCounts }: Props) {
  const styles = useStyles();
  const set = (patch: Partial<MatrixFilterState>) => onChange({ ...filter, ...patch });
  const countyName = counties.find((c) => c.code === filter.countyCode)?.name ?? t.allCounties;
  const kindText = filter.kinds.length === 0 ? t.allKinds : filter.kinds.map((k) => sv.tjanster.kinds[k]).join(', ');
  const quickButton = (quick: QuickFilter, label: string, count: number | undefined) => (
    <ToggleButton
      shape="circular"
      checked={filter.quick === quick}
      onClick={() => set({ quick: filter.quick === quick ? undefined : quick })}
      data-testid={`quick-${quick}`}
    >
      {count === undefined ? label : t.quickCount(label, formatNumber(count))}
    </ToggleButton>
  );

  return (
    <div className={styles.root} role="group" aria-label={t.filters}>
      <div className={styles.row}>
        <Field label={t.scope} className={styles.scope}>
          <Dropdown
            className={styles.dropdown}
            value={t.scopes[filter.scope]}
            selectedOptions={[filter.scope]}
            onOptionSelect={(_, d) => d.optionValue && set({ scope: d.optionValue as UsageMatrixScope })}
          >
            {scopes.map((scope) => (
              <Option key={scope} value={scope}>
                {t.scopes[scope]}
              </Option>
            ))}
          </Dropdown>
        </Field>
        <Field label={t.county} className={styles.county}>
          <Dropdown
            className={styles.dropdown}
            value={countyName}
            selectedOptions={[filter.countyCode]}
            onOptionSelect={(_, d) => set({ countyCode: d.optionValue ?? '' })}
          >
            <Option value="">{t.allCounties}</Option>
            {counties.map((c) => (
              <Option key={c.code} value={c.code}>
                {c.name}
              </Option>
            ))}
          </Dropdown>
        </Field>
        <Field label={t.kind} className={styles.kind}>
          <Dropdown
            className={styles.dropdown}
            multiselect
            value={kindText}
            placeholder={t.allKinds}
            selectedOptions={filter.kinds}
            onOptionSelect={(_, d) => set({ kinds: d.selectedOptions as OrganisationKind[] })}
          >
            {kinds.map((kind) => (
              <Option key={kind} value={kind}>
                {sv.tjanster.kinds[kind]}
              </Option>
            ))}
          </Dropdown>
        </Field>
        <Field label={t.minServices} className={styles.count} validationMessage={errors.minServices}>
          <Input
            className={styles.input}
            type="number"
            min={0}
            inputMode="numeric"
            value={filter.minServices}
            disabled={filter.quick !== undefined}
            onChange={(_, d) => set({ minServices: d.value })}
          />
        </Field>
        <Field label={t.maxServices} className={styles.count} validationMessage={errors.maxServices}>
          <Input
            className={styles.input}
            type="number"
            min={0}
            inputMode="numeric"
            value={filter.maxServices}
            disabled={filter.quick !== undefined}
            onChange={(_, d) => set({ maxServices: d.value })}
          />
        </Field>
      </div>
      <div className={styles.row}>
        <Field label={t.search} className={styles.search}>
          <SearchBox
            dismiss={{ 'aria-label': sv.app.clearSearch }} className={styles.input} value={filter.search} onChange={(_, d) => set({ search: d.value })} />
        </Field>
        {quickButton('exactly-one', t.quickExactlyOne, quickCounts?.exactlyOne)}
        {quickButton('none', t.quickNone, quickCounts?.none)}
        <Switch
          label={t.showArchivedServices}
          checked={filter.includeArchivedServices}
          onChange={(_, d) => set({ includeArchivedServices: d.checked })}
        />
        <Button appearance="subtle" icon={<ArrowReset20Regular />} disabled={filterIsDefault(filter)} onClick={() => onChange(defaultMatrixFilter)}>
          {t.clearFilters}
        </Button>
      </div>
    </div>
  );
}
