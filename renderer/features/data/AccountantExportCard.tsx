import { useState } from 'react';
import { Card, Checkbox, Field, Input, makeStyles, Text, tokens, useId } from '@fluentui/react-components';
import { useApiQuery } from '../../app/api';
import { ExportButton } from '../../components/ExportButton';
import { sv } from '../../lib/i18n/sv';
import { parseYear, yearOf } from '../../../electron/contract/rules/calendar-date';

const useStyles = makeStyles({
  card: { padding: tokens.spacingHorizontalL, rowGap: tokens.spacingVerticalM, marginBottom: tokens.spacingVerticalL },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400, lineHeight: tokens.lineHeightBase400, fontWeight: tokens.fontWeightSemibold },
  muted: { color: tokens.colorNeutralForeground3 },
  form: { display: 'flex', flexWrap: 'wrap', alignItems: 'flex-end', gap: tokens.spacingHorizontalL },
  year: { width: '9rem' },
});

/** «Exportera ekonomiunderlag»: the accountant's workbook for a year, through the shared export button. */
export function AccountantExportCard() {
  const styles = useStyles();
  const headingId = useId('accountant');
  // Only the core's today is needed here; Översikt's figures (overview/get) would compute the whole overview for it.
  const today = useApiQuery('usage/get-today', {});
  const [yearText, setYearText] = useState<string>();
  const [personal, setPersonal] = useState(false);
  // The core's today (which `?clock=` fixes in tests) gives the default year.
  const shownYear = yearText ?? (today.data ? String(yearOf(today.data.date)) : '');
  const year = parseYear(shownYear);

  return (
    <Card className={styles.card} role="region" aria-labelledby={headingId}>
      <h2 id={headingId} className={styles.heading}>
        {sv.excel.accountantCard}
      </h2>
      <Text>{sv.excel.accountantIntro}</Text>
      <div className={styles.form}>
        <Field
          label={sv.excel.year}
          validationState={year === undefined && shownYear !== '' ? 'error' : 'none'}
          validationMessage={year === undefined && shownYear !== '' ? sv.excel.yearInvalid : undefined}
        >
          <Input className={styles.year} inputMode="numeric" value={shownYear} onChange={(_, d) => setYearText(d.value)} />
        </Field>
        <Checkbox checked={personal} onChange={(_, d) => setPersonal(d.checked === true)} label={sv.excel.includePersonalDetails} />
        <ExportButton
          channel="exports/accountant-workbook"
          appearance="primary"
          label={sv.excel.exportAccountant}
          disabled={year === undefined}
          input={() => ({ year: year ?? 0, includePersonalDetails: personal })}
          withProgress
        />
      </div>
      <Text size={200} className={styles.muted}>
        {sv.excel.accountantSaveHint}
      </Text>
    </Card>
  );
}
