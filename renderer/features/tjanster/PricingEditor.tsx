import { Button, Dropdown, Field, Input, makeStyles, Option, Text, tokens } from '@fluentui/react-components';
import { Add20Regular, Delete20Regular } from '@fluentui/react-icons';
import { sv } from '../../lib/i18n/sv';
import { emptyPricingEntry, nextPricingYear, pricingKinds, type PricingEntryForm, type PricingKind } from './pricing.view-model';

const t = sv.tjanster.form;

const useStyles = makeStyles({
  list: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM, margin: 0, padding: 0, listStyle: 'none' },
  entry: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    margin: 0,
  },
  row: { display: 'flex', flexWrap: 'wrap', alignItems: 'flex-start', columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalS },
  year: { width: '120px' },
  kind: { flexGrow: 1, minWidth: '240px' },
  kindDropdown: { width: '100%', minWidth: 0 },
  amount: { width: '220px' },
  band: { display: 'flex', flexWrap: 'wrap', alignItems: 'flex-start', columnGap: tokens.spacingHorizontalM },
  bandField: { width: '170px' },
  remove: { marginTop: '26px' },
  legend: { fontWeight: tokens.fontWeightSemibold, paddingInline: tokens.spacingHorizontalXS },
  error: { color: tokens.colorPaletteRedForeground1 },
  fill: { width: '100%', minWidth: 0 },
});

type Props = {
  entries: PricingEntryForm[];
  onChange: (entries: PricingEntryForm[]) => void;
  errors: Record<string, string>;
  nextKey: () => string;
  defaultYear: number;
};

export function PricingEditor({ entries, onChange, errors, nextKey, defaultYear }: Props) {
  const styles = useStyles();
  const update = (index: number, patch: Partial<PricingEntryForm>) =>
    onChange(entries.map((e, i) => (i === index ? { ...e, ...patch } : e)));

  return (
    <>
      {entries.length === 0 && <Text>{t.noPricing}</Text>}
      <ul className={styles.list}>
        {entries.map((entry, i) => {
          const base = `pricing.${i}`;
          return (
            <li key={entry.key}>
              <fieldset className={styles.entry} data-testid={`pricing-entry-${i}`}>
                <legend className={styles.legend}>{t.entryLegend(entry.year.trim() || '…')}</legend>
                <div className={styles.row}>
                  <Field label={t.year} className={styles.year} validationMessage={errors[`${base}.year`]} required>
                    <Input className={styles.fill} inputMode="numeric" value={entry.year} onChange={(_, d) => update(i, { year: d.value })} />
                  </Field>
                  <Field label={t.model} className={styles.kind}>
                    <Dropdown
                      className={styles.kindDropdown}
                      value={sv.tjanster.pricing.kinds[entry.kind]}
                      selectedOptions={[entry.kind]}
                      onOptionSelect={(_, d) => d.optionValue && update(i, { kind: d.optionValue as PricingKind })}
                    >
                      {pricingKinds.map((kind) => (
                        <Option key={kind} value={kind}>
                          {sv.tjanster.pricing.kinds[kind]}
                        </Option>
                      ))}
                    </Dropdown>
                  </Field>
                  <Button
                    className={styles.remove}
                    appearance="subtle"
                    icon={<Delete20Regular />}
                    aria-label={t.removeYear(entry.year)}
                    title={t.removeYear(entry.year)}
                    onClick={() => onChange(entries.filter((_, j) => j !== i))}
                  />
                </div>
                {entry.kind === 'fixed' && (
                  <Field label={t.fixedFee} className={styles.amount} validationMessage={errors[`${base}.model.yearlyFeeOre`]} required>
                    <Input className={styles.fill} inputMode="decimal" value={entry.fixedKr} onChange={(_, d) => update(i, { fixedKr: d.value })} />
                  </Field>
                )}
                {entry.kind === 'per-inhabitant' && (
                  <Field label={t.perInhabitant} className={styles.amount} validationMessage={errors[`${base}.model.orePerInhabitant`]} required>
                    <Input className={styles.fill} inputMode="decimal" value={entry.perInhabitantKr} onChange={(_, d) => update(i, { perInhabitantKr: d.value })} />
                  </Field>
                )}
                {entry.kind === 'banded' && (
                  <BandsEditor entry={entry} base={`${base}.model`} errors={errors} nextKey={nextKey} onChange={(bands) => update(i, { bands })} />
                )}
              </fieldset>
            </li>
          );
        })}
      </ul>
      <div>
        <Button
          icon={<Add20Regular />}
          onClick={() => onChange([...entries, emptyPricingEntry(nextKey(), nextPricingYear(entries, defaultYear), nextKey)])}
        >
          {t.addYear}
        </Button>
      </div>
    </>
  );
}

function BandsEditor({
  entry,
  base,
  errors,
  nextKey,
  onChange,
}: {
  entry: PricingEntryForm;
  base: string;
  errors: Record<string, string>;
  nextKey: () => string;
  onChange: (bands: PricingEntryForm['bands']) => void;
}) {
  const styles = useStyles();
  const bands = entry.bands;
  const update = (index: number, patch: Partial<PricingEntryForm['bands'][number]>) =>
    onChange(bands.map((b, i) => (i === index ? { ...b, ...patch } : b)));
  return (
    <div role="group" aria-label={t.bands}>
      {errors[`${base}.bands`] && (
        <Text role="alert" className={styles.error}>
          {errors[`${base}.bands`]}
        </Text>
      )}
      {bands.map((band, j) => (
        <div key={band.key} className={styles.band} role="group" aria-label={t.bandLabel(j + 1)}>
          <Field label={t.bandFrom} className={styles.bandField} validationMessage={errors[`${base}.bands.${j}.minPopulation`]} required>
            <Input className={styles.fill} inputMode="numeric" value={band.minPopulation} onChange={(_, d) => update(j, { minPopulation: d.value })} />
          </Field>
          <Field label={t.bandFee} className={styles.bandField} validationMessage={errors[`${base}.bands.${j}.yearlyFeeOre`]} required>
            <Input className={styles.fill} inputMode="decimal" value={band.feeKr} onChange={(_, d) => update(j, { feeKr: d.value })} />
          </Field>
          <Button
            className={styles.remove}
            appearance="subtle"
            icon={<Delete20Regular />}
            aria-label={t.removeBand(j + 1)}
            title={t.removeBand(j + 1)}
            onClick={() => onChange(bands.filter((_, k) => k !== j))}
          />
        </div>
      ))}
      <Button appearance="subtle" icon={<Add20Regular />} onClick={() => onChange([...bands, { key: nextKey(), minPopulation: '', feeKr: '' }])}>
        {t.addBand}
      </Button>
    </div>
  );
}
