import { Badge, Dropdown, Field, makeStyles, Option, Text, tokens } from '@fluentui/react-components';
import type { ImportFieldKey, ImportMapping, ImportSheetView } from '../../../electron/contract';
import { sv } from '../../lib/i18n/sv';
import { columnOptions, exampleFor, fieldGroups, NOT_USED } from './import.view-model';

const useStyles = makeStyles({
  groups: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(280px, 1fr))', gap: tokens.spacingHorizontalL },
  group: {
    margin: 0,
    padding: tokens.spacingHorizontalM,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalS,
    minWidth: 0,
  },
  legend: { fontWeight: tokens.fontWeightSemibold, padding: `0 ${tokens.spacingHorizontalXS}` },
  dropdown: { minWidth: 0, width: '100%' },
  label: { display: 'inline-flex', alignItems: 'center', gap: tokens.spacingHorizontalS },
});

/** One choice per field: which column fills it, with an example value from the file's first rows. */
export function ImportMappingStep({
  sheet,
  mapping,
  disabled,
  onChange,
}: {
  sheet: ImportSheetView;
  mapping: ImportMapping;
  disabled: boolean;
  onChange: (field: ImportFieldKey, column: number | undefined) => void;
}) {
  const styles = useStyles();
  const options = columnOptions(sheet.header);
  return (
    <div className={styles.groups}>
      {fieldGroups.map((group) => (
        <fieldset key={group.key} className={styles.group}>
          <legend className={styles.legend}>{sv.excel.fieldGroups[group.key]}</legend>
          {group.fields.map((field) => {
            const column = mapping[field];
            const value = column === undefined ? NOT_USED : String(column);
            const selected = options.find((o) => o.value === value);
            const partial = column !== undefined && sheet.proposal.confidence[field] === 'partial' && sheet.proposal.mapping[field] === column;
            return (
              <Field
                key={field}
                label={
                  <span className={styles.label}>
                    {sv.excel.fields[field]}
                    {partial && (
                      <Badge appearance="tint" color="warning" size="small">
                        {sv.excel.partialMatch}
                      </Badge>
                    )}
                  </span>
                }
                hint={column === undefined ? undefined : <Text size={200}>{exampleFor(sheet, column)}</Text>}
              >
                <Dropdown
                  className={styles.dropdown}
                  disabled={disabled}
                  value={selected?.label ?? ''}
                  selectedOptions={[value]}
                  data-field={field}
                  onOptionSelect={(_, d) => onChange(field, d.optionValue === undefined || d.optionValue === NOT_USED ? undefined : Number(d.optionValue))}
                >
                  {options.map((o) => (
                    <Option key={o.value || 'none'} value={o.value} text={o.label}>
                      {o.label}
                    </Option>
                  ))}
                </Dropdown>
              </Field>
            );
          })}
        </fieldset>
      ))}
    </div>
  );
}
