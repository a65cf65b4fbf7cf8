import { useState } from 'react';
import { Checkbox, Field, Input, MessageBar, MessageBarBody, Radio, RadioGroup, Text, Textarea } from '@fluentui/react-components';
import type { InvoiceView } from '../../../electron/contract/model/invoicing-views';
import { parseCalendarDate } from '../../../electron/contract/rules/calendar-date';
import { useApiMutation } from '../../app/api';
import { useNotify } from '../../app/notify';
import { DateInput } from '../../components/DateInput';
import { FormDialog } from '../../components/FormDialog';
import { formatKr } from '../../lib/format';
import { sv } from '../../lib/i18n/sv';
import { asRefusal, placeRefusal } from '../../lib/refusal';
import { paymentFormFor, paymentInput, type PaymentForm } from './fakturering.view-model';
import { useFaktureringStyles } from './styles';

const ti = sv.fakturering.invoice;

/** «Kreditera…»: the whole invoice or chosen lines, with a reason; final, and the dialog says so. */
export function CreditDialog({ view, onClose }: { view: InvoiceView; onClose: () => void }) {
  const styles = useFaktureringStyles();
  const notify = useNotify();
  const credit = useApiMutation('invoicing/credit');
  const [all, setAll] = useState(true);
  const [chosen, setChosen] = useState<string[]>([]);
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [general, setGeneral] = useState<string>();
  const number = view.number ?? '';

  const submit = async () => {
    const found: Record<string, string> = {};
    if (!all && chosen.length === 0) found.lines = ti.creditNoLines;
    if (reason.trim() === '') found.reason = ti.creditNoReason;
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    setGeneral(undefined);
    try {
      const note = await credit.mutateAsync({ invoiceId: view.id, reason: reason.trim(), ...(all ? {} : { invoiceLineIds: chosen }) });
      notify(ti.credited(note.number ?? ''));
      onClose();
    } catch (e) {
      const placed = placeRefusal(asRefusal(e), (f): f is 'reason' => f === 'reason');
      if (placed.field) setErrors({ reason: placed.message });
      else setGeneral(placed.message);
    }
  };

  return (
    <FormDialog
      title={ti.creditDialogTitle(number)}
      submitLabel={ti.creditConfirm}
      busy={credit.isPending}
      error={general}
      onSubmit={() => void submit()}
      onClose={onClose}
      surfaceClassName={styles.dialogSurface}
    >
      <MessageBar intent="warning" layout="multiline">
        <MessageBarBody>{ti.creditFinal}</MessageBarBody>
      </MessageBar>
      <RadioGroup value={all ? 'all' : 'chosen'} onChange={(_, d) => setAll(d.value === 'all')} aria-label={ti.creditLines}>
        <Radio value="all" label={`${ti.creditAll} (${formatKr(view.remainingOre)})`} />
        <Radio value="chosen" label={ti.creditChosen} />
      </RadioGroup>
      {!all && (
        <Field label={ti.creditLines} validationMessage={errors.lines}>
          <div className={styles.fieldset}>
            {view.invoice.lines.map((line) => (
              <Checkbox
                key={line.id}
                label={`${line.description}: ${formatKr(line.netOre)}`}
                checked={chosen.includes(line.id)}
                onChange={(_, d) => setChosen((c) => (d.checked === true ? [...c, line.id] : c.filter((id) => id !== line.id)))}
              />
            ))}
          </div>
        </Field>
      )}
      <Field label={ti.creditReason} hint={ti.creditReasonHint} required validationMessage={errors.reason}>
        <Textarea
          value={reason}
          maxLength={500}
          rows={2}
          resize="vertical"
          onChange={(_, d) => {
            setReason(d.value);
            // The reason's error goes as soon as one is written; the core checks it again on saving.
            if (d.value.trim() !== '') setErrors(({ reason: _gone, ...rest }) => rest);
          }}
        />
      </Field>
    </FormDialog>
  );
}

/** «Registrera betalning…»: date and amount, the whole remaining amount by default (less is a part payment). */
export function PaymentDialog({ view, today, onClose }: { view: InvoiceView; today: string; onClose: () => void }) {
  const notify = useNotify();
  const record = useApiMutation('invoicing/payment-record');
  const [form, setForm] = useState<PaymentForm>(() => paymentFormFor(view.remainingOre, today));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [general, setGeneral] = useState<string>();
  const set = (change: Partial<PaymentForm>) => setForm((f) => ({ ...f, ...change }));

  const submit = async () => {
    const built = paymentInput(view.id, form);
    if (!built.ok) {
      setErrors(built.errors);
      return;
    }
    setErrors({});
    setGeneral(undefined);
    try {
      await record.mutateAsync(built.input);
      notify(ti.paid(formatKr(built.input.amountOre)));
      onClose();
    } catch (e) {
      const placed = placeRefusal(asRefusal(e), (f): f is 'date' | 'amountOre' | 'note' => f === 'date' || f === 'amountOre' || f === 'note');
      if (placed.field) setErrors({ [placed.field]: placed.message });
      else setGeneral(placed.message);
    }
  };

  return (
    <FormDialog title={ti.payTitle(view.number ?? '')} submitLabel={ti.payConfirm} busy={record.isPending} error={general} onSubmit={() => void submit()} onClose={onClose}>
      <Field label={ti.payDate} required validationMessage={errors.date}>
        <DateInput value={form.date} onChange={(date) => set({ date })} />
      </Field>
      <Field label={ti.payAmount} hint={ti.payAmountHint(formatKr(view.remainingOre))} required validationMessage={errors.amountOre}>
        <Input value={form.amount} inputMode="decimal" contentAfter="kr" onChange={(_, d) => set({ amount: d.value })} />
      </Field>
      <Field label={ti.payNote} validationMessage={errors.note}>
        <Input value={form.note} maxLength={200} onChange={(_, d) => set({ note: d.value })} />
      </Field>
    </FormDialog>
  );
}

/** «Påminnelse…»: records that a reminder was sent for an overdue invoice. */
export function ReminderDialog({ view, today, onClose }: { view: InvoiceView; today: string; onClose: () => void }) {
  const notify = useNotify();
  const record = useApiMutation('invoicing/reminder-record');
  const [date, setDate] = useState(today);
  const [error, setError] = useState<string>();
  const [general, setGeneral] = useState<string>();

  const submit = async () => {
    const parsed = parseCalendarDate(date);
    if (parsed === undefined) {
      setError(ti.payDateInvalid);
      return;
    }
    setError(undefined);
    try {
      await record.mutateAsync({ invoiceId: view.id, date: parsed });
      notify(ti.reminded);
      onClose();
    } catch (e) {
      setGeneral(asRefusal(e).message);
    }
  };

  return (
    <FormDialog title={ti.reminderTitle(view.number ?? '')} submitLabel={ti.reminderConfirm} busy={record.isPending} error={general} onSubmit={() => void submit()} onClose={onClose}>
      <Text>{ti.reminderBody(view.overdueDays)}</Text>
      <Field label={ti.reminderDate} required validationMessage={error}>
        <DateInput value={date} onChange={setDate} />
      </Field>
    </FormDialog>
  );
}
