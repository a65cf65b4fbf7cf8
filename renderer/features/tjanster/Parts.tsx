import { Field } from '@fluentui/react-components';
import { DateInput } from '../../components/DateInput';
import { sv } from '../../lib/i18n/sv';
import { useTjansterStyles } from './styles';

const t = sv.tjanster;

/** The app's date field (`components/DateInput`) with its label and the screen's message for a bad date. */
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
      <DateInput className={styles.fill} value={value} onChange={onChange} data-testid={testId} />
    </Field>
  );
}
