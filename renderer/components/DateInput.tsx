import { useState } from 'react';
import { Input, type InputProps } from '@fluentui/react-components';
import { sv } from '../lib/i18n/sv';
import { normaliseDateInput } from '../features/natverk/network-list.view-model';
import { isCalendarDate } from '../../electron/contract/rules/calendar-date';

type Props = Omit<InputProps, 'value' | 'onChange' | 'type' | 'defaultValue'> & { value: string; onChange: (value: string) => void };

/**
 * The one date field: a date typed as `ÅÅÅÅ-MM-DD`, the form the register uses everywhere. A text field rather
 * than the browser's date input, whose display follows the browser's language (US order on an English
 * system). Spaces are dropped as typed; `20220630` becomes `2022-06-30` when the field is left.
 */
export function DateInput({ value, onChange, onBlur, ...rest }: Props) {
  return (
    <Input
      {...rest}
      value={value}
      placeholder={sv.app.datePlaceholder}
      inputMode="numeric"
      maxLength={10}
      autoComplete="off"
      spellCheck={false}
      size={rest.size ?? 'medium'}
      style={{ width: '150px', maxWidth: '100%', ...rest.style }}
      onChange={(_e, d) => onChange(d.value.trim())}
      onBlur={(e) => {
        const normal = normaliseDateInput(value);
        if (normal !== value) onChange(normal);
        onBlur?.(e);
      }}
    />
  );
}

/**
 * The «Läget den» field over the address: typing keeps the text here; a complete real date (or an empty
 * field, meaning today) is handed on.
 */
export function ViewDateInput({ date, fallback, onDate, ...rest }: Omit<Props, 'value' | 'onChange'> & { date: string | undefined; fallback: string; onDate: (date: string) => void }) {
  const [typed, setTyped] = useState<string>();
  const shown = typed ?? date ?? fallback;
  return (
    <DateInput
      {...rest}
      value={shown}
      onChange={(v) => {
        const normal = normaliseDateInput(v);
        if (v === '' || (isCalendarDate(normal) && v.length >= 8 && normal === v)) {
          setTyped(undefined);
          onDate(v);
        } else setTyped(v);
      }}
    />
  );
}
