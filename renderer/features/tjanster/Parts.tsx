import { Field, Input } from '@fluentui/react-components';
import { sv } from '../../lib/i18n/sv';
import { useTjansterStyles } from './styles';

const t = sv.tjanster;

/**
 * A labelled date field written as ÅÅÅÅ-MM-DD. A text field rather than the browser's date input, whose
 * display follows the operating system's language (06/30/2022 on an English system) instead of Swedish.
 */
export function DateField({
  label,
  value,
  onChange,
  error,
  hint,
  testId,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  error: boolean;
  hint?: string;
  testId?: string;
}) {
  const styles = useTjansterStyles();
  return (
    <Field label={label} validationMessage={error ? t.invalidDate : undefined} hint={hint} className={styles.dateField}>
      <Input
        className={styles.fill}
        value={value}
        placeholder={t.datePlaceholder}
        maxLength={10}
        inputMode="numeric"
        autoComplete="off"
        spellCheck={false}
        onChange={(_, d) => onChange(d.value.trim())}
        data-testid={testId}
      />
    </Field>
  );
}
