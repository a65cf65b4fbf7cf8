import { useState } from 'react';
import { useReadOnlyRole } from '../../app/write-access';
import {
  Button,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Radio,
  RadioGroup,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  useId,
} from '@fluentui/react-components';
import type { ArticleView } from '../../../electron/contract/model/invoicing-views';
import { vatCategories, type VatCategory } from '../../../electron/contract/model/invoicing';
import { useApiMutation, useApiQuery } from '../../app/api';
import { useNotify } from '../../app/notify';
import { FormDialog } from '../../components/FormDialog';
import { NavTable } from '../../components/NavTable';
import { QueryState } from '../../components/QueryState';
import { sv } from '../../lib/i18n/sv';
import { asRefusal, placeRefusal } from '../../lib/refusal';
import { articleFormKey, articleInput, articleToForm, withCategory, type ArticleForm } from './forms.view-model';
import { useFaktureringStyles } from './styles';

const t = sv.fakturering.articles;

/** «Artiklar»: what the association sells, each with its income account, VAT treatment and cost centre. */
export function ArticlesView() {
  const readOnly = useReadOnlyRole('invoicing') !== undefined;
  const styles = useFaktureringStyles();
  const headingId = useId('articles');
  const articles = useApiQuery('invoicing/articles-list', {});
  const [editing, setEditing] = useState<ArticleView>();

  return (
    <section className={styles.section} aria-labelledby={headingId}>
      <h2 id={headingId} className={styles.heading}>
        {t.heading}
      </h2>
      <MessageBar intent="info" layout="multiline">
        <MessageBarBody>{t.accountantNote}</MessageBarBody>
      </MessageBar>
      <QueryState query={articles}>
        {(rows) => (
          <div className={styles.tableWrap} data-ready="true">
            <NavTable aria-labelledby={headingId} size="small" className={styles.wideTable}>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell className={styles.w22}>{t.columns.name}</TableHeaderCell>
                  <TableHeaderCell className={styles.w16}>{t.columns.kind}</TableHeaderCell>
                  <TableHeaderCell className={styles.w10}>{t.columns.account}</TableHeaderCell>
                  <TableHeaderCell className={styles.w30}>{t.columns.vat}</TableHeaderCell>
                  <TableHeaderCell className={styles.w14}>{t.columns.costCentre}</TableHeaderCell>
                  <TableHeaderCell className={styles.w8}>{t.columns.actions}</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {rows.map((a) => (
                  <TableRow key={a.id} data-article={a.id}>
                    <TableCell>{a.name}</TableCell>
                    <TableCell>
                      {a.kindLabel}
                      {!a.stored && <Text className={styles.hint}> ({t.notStored})</Text>}
                    </TableCell>
                    <TableCell className={styles.nowrap}>{a.incomeAccount}</TableCell>
                    <TableCell>
                      {a.vatLabel}
                      {a.vat.exemptionReason !== undefined && a.vat.category !== 'S' && <Text className={styles.hint}> – {a.vat.exemptionReason}</Text>}
                    </TableCell>
                    <TableCell>{a.costCentre ?? t.none}</TableCell>
                    <TableCell>
                      <Button size="small" aria-label={t.edit(a.name)} disabled={readOnly} onClick={() => setEditing(a)}>
                        {t.editShort}
                      </Button>
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </NavTable>
          </div>
        )}
      </QueryState>
      {editing !== undefined && <ArticleDialog article={editing} onClose={() => setEditing(undefined)} />}
    </section>
  );
}

function ArticleDialog({ article, onClose }: { article: ArticleView; onClose: () => void }) {
  const styles = useFaktureringStyles();
  const notify = useNotify();
  const save = useApiMutation('invoicing/articles-save');
  const [form, setForm] = useState<ArticleForm>(() => articleToForm(article));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [general, setGeneral] = useState<string>();
  const set = (change: Partial<ArticleForm>) => setForm((f) => ({ ...f, ...change }));

  const submit = async () => {
    const built = articleInput(article, form);
    if (!built.ok) {
      setErrors(built.errors);
      setGeneral(t.failed);
      return;
    }
    if (!built.changed) {
      onClose();
      return;
    }
    setErrors({});
    setGeneral(undefined);
    try {
      const saved = await save.mutateAsync(built.input);
      notify(t.saved(saved.name));
      onClose();
    } catch (e) {
      const placed = placeRefusal(asRefusal(e), (f): f is string => articleFormKey(f) !== undefined);
      if (placed.field !== undefined) {
        setErrors({ [articleFormKey(placed.field) as string]: placed.message });
        setGeneral(t.failed);
      } else setGeneral(placed.message);
    }
  };

  return (
    <FormDialog
      title={t.dialogTitle(article.name)}
      submitLabel={t.save}
      busyLabel={t.saving}
      busy={save.isPending}
      error={general}
      onSubmit={() => void submit()}
      onClose={onClose}
      surfaceClassName={styles.dialogSurface}
    >
      <Text className={styles.hint}>{t.accountantNote}</Text>
      <Field label={t.name} validationMessage={errors.name}>
        <Input value={form.name} maxLength={200} onChange={(_, d) => set({ name: d.value })} />
      </Field>
      <div className={styles.formGrid}>
        <Field label={t.incomeAccount} hint={t.accountHint} validationMessage={errors.incomeAccount}>
          <Input value={form.incomeAccount} maxLength={4} inputMode="numeric" onChange={(_, d) => set({ incomeAccount: d.value })} />
        </Field>
        <Field label={t.costCentre} hint={t.costCentreHint} validationMessage={errors.costCentre}>
          <Input value={form.costCentre} maxLength={40} onChange={(_, d) => set({ costCentre: d.value })} />
        </Field>
      </div>
      <Field label={t.vat} validationMessage={errors.category}>
        <RadioGroup value={form.category} onChange={(_, d) => setForm((f) => withCategory(f, d.value as VatCategory))}>
          {vatCategories.map((c) => (
            <Radio key={c} value={c} label={t.vatOptions[c]} />
          ))}
        </RadioGroup>
      </Field>
      {form.category !== 'S' && (
        <Field label={t.exemptionReason} hint={t.exemptionHint} required validationMessage={errors.exemptionReason}>
          <Input value={form.exemptionReason} maxLength={200} onChange={(_, d) => set({ exemptionReason: d.value })} />
        </Field>
      )}
    </FormDialog>
  );
}
