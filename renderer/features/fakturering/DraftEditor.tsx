import { useState } from 'react';
import {
  Button,
  Dropdown,
  Field,
  Input,
  mergeClasses,
  MessageBar,
  MessageBarBody,
  Option,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  Textarea,
} from '@fluentui/react-components';
import { Add20Regular, Delete20Regular } from '@fluentui/react-icons';
import type { InvoiceView } from '../../../electron/contract/model/invoicing-views';
import { useApiMutation, useApiQuery } from '../../app/api';
import { useNotify } from '../../app/notify';
import { formatKr } from '../../lib/format';
import { sv } from '../../lib/i18n/sv';
import { asRefusal, placeRefusal } from '../../lib/refusal';
import { draftToForm, draftUpdateInput, formKeyOfField, lineAmountOre, lineErrorKey, type DraftForm, type LineForm } from './fakturering.view-model';
import { useFaktureringStyles } from './styles';

const ti = sv.fakturering.invoice;

let keySeq = 0;
const nextKey = () => `l${(keySeq += 1)}`;

/**
 * A draft's lines as a form: each line's description, quantity and whole-kronor price can change, a line can be
 * removed and one added; the note and «Er referens» beside. Saved as the draft's whole new list of lines.
 */
export function DraftEditor({ view, onDone }: { view: InvoiceView; onDone: () => void }) {
  const styles = useFaktureringStyles();
  const notify = useNotify();
  const articles = useApiQuery('invoicing/articles-list', {});
  const update = useApiMutation('invoicing/draft-update');
  const [form, setForm] = useState<DraftForm>(() => draftToForm(view.invoice, nextKey));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [general, setGeneral] = useState<string>();
  const articleName = (id: string) => articles.data?.find((a) => a.id === id)?.name ?? '';

  const setLine = (key: string, change: Partial<LineForm>) => setForm((f) => ({ ...f, lines: f.lines.map((l) => (l.key === key ? { ...l, ...change } : l)) }));
  const removeLine = (key: string) => setForm((f) => ({ ...f, lines: f.lines.filter((l) => l.key !== key) }));
  const addLine = () =>
    setForm((f) => ({ ...f, lines: [...f.lines, { key: nextKey(), articleId: f.lines[0]?.articleId ?? articles.data?.[0]?.id ?? '', description: '', quantity: '1', unitPrice: '' }] }));

  const save = async () => {
    setGeneral(undefined);
    const built = draftUpdateInput(view.id, form);
    if (!built.ok) {
      setErrors(built.errors);
      setGeneral(built.errors.lines ?? ti.fixErrors);
      return;
    }
    setErrors({});
    try {
      await update.mutateAsync(built.input);
      notify(ti.draftSaved);
      onDone();
    } catch (e) {
      const placed = placeRefusal(asRefusal(e), (field): field is string => formKeyOfField(field) !== undefined);
      if (placed.field !== undefined) {
        setErrors({ [formKeyOfField(placed.field) as string]: placed.message });
        setGeneral(ti.fixErrors);
      } else setGeneral(placed.message);
    }
  };

  const total = form.lines.reduce<number | undefined>((sum, l) => {
    const amount = lineAmountOre(l);
    return sum === undefined || amount === undefined ? undefined : sum + amount;
  }, 0);

  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        if (!update.isPending) void save();
      }}
      className={styles.stack}
    >
      <div className={styles.tableWrap}>
        <Table size="small" className={styles.wideTable} aria-label={ti.lines}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell className={styles.w36}>{ti.columns.description}</TableHeaderCell>
              <TableHeaderCell className={styles.w18}>{ti.article}</TableHeaderCell>
              <TableHeaderCell className={styles.w10}>{ti.columns.quantity}</TableHeaderCell>
              <TableHeaderCell className={styles.w14}>{ti.columns.unitPrice}</TableHeaderCell>
              <TableHeaderCell className={mergeClasses(styles.numberHeader, styles.w14)}>{ti.columns.net}</TableHeaderCell>
              <TableHeaderCell className={styles.w8}>{ti.columns.remove}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {form.lines.map((line, i) => {
              const n = i + 1;
              const amount = lineAmountOre(line);
              return (
                <TableRow key={line.key} data-line-index={i}>
                  <TableCell>
                    <Field validationMessage={errors[lineErrorKey(i, 'description')]}>
                      <Input
                        className={styles.lineInput}
                        aria-label={ti.lineLabel(ti.columns.description, n)}
                        value={line.description}
                        maxLength={500}
                        onChange={(_, d) => setLine(line.key, { description: d.value })}
                      />
                    </Field>
                  </TableCell>
                  <TableCell>
                    {line.invoiceLineId !== undefined ? (
                      <Text className={styles.hint}>{articleName(line.articleId)}</Text>
                    ) : (
                      <Field validationMessage={errors[lineErrorKey(i, 'articleId')]}>
                        <Dropdown
                          aria-label={ti.lineLabel(ti.article, n)}
                          className={styles.lineInput}
                          value={articleName(line.articleId)}
                          selectedOptions={[line.articleId]}
                          onOptionSelect={(_, d) => setLine(line.key, { articleId: d.optionValue ?? '' })}
                        >
                          {(articles.data ?? []).map((a) => (
                            <Option key={a.id} value={a.id}>
                              {a.name}
                            </Option>
                          ))}
                        </Dropdown>
                      </Field>
                    )}
                  </TableCell>
                  <TableCell>
                    <Field validationMessage={errors[lineErrorKey(i, 'quantity')]}>
                      <Input
                        className={styles.lineInput}
                        aria-label={ti.lineLabel(ti.columns.quantity, n)}
                        inputMode="decimal"
                        value={line.quantity}
                        onChange={(_, d) => setLine(line.key, { quantity: d.value })}
                      />
                    </Field>
                  </TableCell>
                  <TableCell>
                    <Field validationMessage={errors[lineErrorKey(i, 'unitPrice')]}>
                      <Input
                        className={styles.lineInput}
                        aria-label={ti.lineLabel(ti.columns.unitPrice, n)}
                        inputMode="numeric"
                        value={line.unitPrice}
                        contentAfter="kr"
                        onChange={(_, d) => setLine(line.key, { unitPrice: d.value })}
                      />
                    </Field>
                  </TableCell>
                  <TableCell className={styles.number}>{amount === undefined ? '–' : formatKr(amount)}</TableCell>
                  <TableCell>
                    <Button
                      appearance="subtle"
                      icon={<Delete20Regular />}
                      aria-label={ti.removeLine(n)}
                      title={ti.removeLine(n)}
                      disabled={form.lines.length === 1}
                      onClick={() => removeLine(line.key)}
                    />
                  </TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      </div>
      <div className={styles.actions}>
        <Button icon={<Add20Regular />} onClick={addLine}>
          {ti.addLine}
        </Button>
        {total !== undefined && <Text className={styles.strong}>{`${ti.totals.net}: ${formatKr(total)}`}</Text>}
      </div>
      <div className={styles.formGrid}>
        <Field label={sv.fakturering.invoice.facts.buyerReference} validationMessage={errors.buyerReference}>
          <Input value={form.buyerReference} maxLength={200} onChange={(_, d) => setForm((f) => ({ ...f, buyerReference: d.value }))} />
        </Field>
        <Field label={ti.note} validationMessage={errors.note}>
          <Textarea value={form.note} maxLength={2000} rows={2} resize="vertical" onChange={(_, d) => setForm((f) => ({ ...f, note: d.value }))} />
        </Field>
      </div>
      {general !== undefined && (
        <MessageBar intent="error" layout="multiline" role="alert">
          <MessageBarBody>{general}</MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.actions}>
        <Button onClick={onDone} disabled={update.isPending}>
          {ti.cancelEdit}
        </Button>
        <Button appearance="primary" type="submit" disabled={update.isPending}>
          {update.isPending ? ti.savingDraft : ti.saveDraft}
        </Button>
      </div>
    </form>
  );
}
