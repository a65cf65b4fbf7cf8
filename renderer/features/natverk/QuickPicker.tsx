import { useRef, useState, type KeyboardEvent } from 'react';
import { Combobox, Field, makeStyles, Option, Text, tokens } from '@fluentui/react-components';
import { sv } from '../../lib/i18n/sv';

const useStyles = makeStyles({
  option: { display: 'flex', flexDirection: 'column', minWidth: 0 },
  secondary: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200 },
  combobox: { minWidth: '280px', width: '100%' },
});

export type QuickPickerOption = { id: string; text: string; primary: string; secondary: string };

/**
 * A Combobox for adding to a list in a few keystrokes: typing filters (the caller ranks the options),
 * Enter takes the highlighted option, or the first one when none is highlighted, and the field empties
 * for the next one. Picking never leaves a selection behind: each pick is an action.
 */
export function QuickPicker({
  label,
  placeholder,
  hint,
  query,
  onQueryChange,
  options,
  moreText,
  emptyText,
  error,
  disabled,
  onPick,
}: {
  label: string;
  placeholder: string;
  hint?: string;
  query: string;
  onQueryChange: (query: string) => void;
  options: readonly QuickPickerOption[];
  /** A last, inert line saying how many more match. */
  moreText?: string;
  emptyText: string;
  error?: string;
  disabled?: boolean;
  onPick: (id: string) => void;
}) {
  const styles = useStyles();
  const [open, setOpen] = useState(false);
  // Set when the Combobox itself took the highlighted option during this key press, so Enter adds once.
  const picked = useRef(false);

  const pick = (id: string) => {
    picked.current = true;
    onPick(id);
    onQueryChange('');
    setOpen(false);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key !== 'Enter') return;
    const first = options[0];
    if (!picked.current && first && query.trim() !== '') {
      event.preventDefault();
      pick(first.id);
    }
    picked.current = false;
  };

  return (
    <Field label={label} hint={hint} validationState={error !== undefined ? 'error' : 'none'} validationMessage={error}>
      <Combobox
            expandIcon={{ 'aria-label': sv.app.showOptions }}
        className={styles.combobox}
        freeform
        disabled={disabled}
        placeholder={placeholder}
        value={query}
        selectedOptions={[]}
        open={open}
        onOpenChange={(_e, data) => setOpen(data.open)}
        onChange={(event) => {
          onQueryChange(event.target.value);
          setOpen(true);
        }}
        onOptionSelect={(_e, data) => {
          if (data.optionValue !== undefined && data.optionValue !== '') pick(data.optionValue);
        }}
        onKeyDown={onKeyDown}
      >
        {options.map((o) => (
          <Option key={o.id} value={o.id} text={o.text}>
            <span className={styles.option}>
              <Text>{o.primary}</Text>
              {o.secondary !== '' && <Text className={styles.secondary}>{o.secondary}</Text>}
            </span>
          </Option>
        ))}
        {options.length === 0 && (
          <Option value="" text={emptyText} disabled>
            {emptyText}
          </Option>
        )}
        {moreText !== undefined && (
          <Option value="" text={moreText} disabled>
            {moreText}
          </Option>
        )}
      </Combobox>
    </Field>
  );
}
