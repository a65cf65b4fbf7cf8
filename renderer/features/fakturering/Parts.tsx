import { useState } from 'react';
import { Badge, Field, Input, type BadgeProps } from '@fluentui/react-components';
import type { InvoiceState } from '../../../electron/contract/model/invoicing-views';
import { parseYear } from '../../../electron/contract/rules/calendar-date';
import { sv } from '../../lib/i18n/sv';
import { useFaktureringStyles } from './styles';

const colours: Record<InvoiceState, BadgeProps['color']> = {
  draft: 'informative',
  unpaid: 'brand',
  overdue: 'danger',
  paid: 'success',
  credited: 'subtle',
  'credit-note': 'subtle',
};

/** An invoice's state as a badge, in the core's words («Förfallen»). */
export function StateBadge({ state, label }: { state: InvoiceState; label?: string }) {
  return (
    <Badge appearance="tint" color={colours[state]} data-state={state}>
      {label ?? sv.fakturering.states[state]}
    </Badge>
  );
}

/**
 * A year typed in full: the text is kept while it is being typed, and only a complete year is handed on,
 * so the lists behind it never ask for the year 202.
 */
export function YearField({ label, year, onYear }: { label: string; year: number; onYear: (year: number) => void }) {
  const styles = useFaktureringStyles();
  const [typed, setTyped] = useState<string>();
  const shown = typed ?? String(year);
  const invalid = typed !== undefined && parseYear(typed) === undefined;
  return (
    <Field label={label} validationMessage={invalid ? sv.fakturering.list.yearInvalid : undefined}>
      <Input
        className={styles.year}
        inputMode="numeric"
        maxLength={4}
        value={shown}
        onChange={(_, d) => {
          const parsed = parseYear(d.value);
          if (parsed !== undefined) {
            setTyped(undefined);
            onYear(parsed);
          } else setTyped(d.value);
        }}
      />
    </Field>
  );
}
