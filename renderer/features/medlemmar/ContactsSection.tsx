import { useDeferredValue, useMemo, useState } from 'react';
import { keepPreviousData } from '@tanstack/react-query';
import {
  Badge,
  Button,
  Checkbox,
  Dropdown,
  Field,
  Input,
  Link,
  makeStyles,
  Menu,
  MenuDivider,
  MenuItem,
  MenuList,
  MenuPopover,
  MenuTrigger,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Option,
  Radio,
  RadioGroup,
  Switch,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  Textarea,
  tokens,
} from '@fluentui/react-components';
import { NavTable } from '../../components/NavTable';
import { Add20Regular, CheckmarkCircle16Regular, MoreHorizontal20Regular, Warning16Filled } from '@fluentui/react-icons';
import type { ContactRow } from '../../../electron/contract';
import { useApiClient, useApiMutation, useApiQuery } from '../../app/api';
import { useNotify } from '../../app/notify';
import { byData, useFocusOnArrival } from '../../app/focus';
import type { ApiCallError } from '../../bridge/api-client';
import { sv } from '../../lib/i18n/sv';
import { FormDialog } from '../../components/FormDialog';
import {
  areaOrder,
  contactCreateInput,
  contactDuplicateInput,
  duplicateLines,
  contactFormFrom,
  contactUpdateInput,
  emptyContactForm,
  erasureGroundOrder,
  exportFileName,
  legalBasisOrder,
  roleOrder,
  toggleIn,
  type ContactForm,
  type ErasureGround,
  type LegalBasis,
} from './contact-form.view-model';
import { fieldRefusal, type FieldRefusal } from './organisation-form.view-model';
import { contactViewModels, type ContactVm } from './organisation-page.view-model';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { downloadJson } from '../../components/download-file';
import { DateInput } from '../../components/DateInput';
import { Section, useSharedStyles } from './shared';

const t = sv.medlemmar.contacts;

const useStyles = makeStyles({
  nameCell: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXXS, minWidth: 0 },
  name: { fontWeight: tokens.fontWeightSemibold },
  stack: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXXS, minWidth: 0, overflowWrap: 'anywhere' },
  chips: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS },
  stale: { display: 'inline-flex', alignItems: 'center', columnGap: tokens.spacingHorizontalXXS, color: tokens.colorPaletteDarkOrangeForeground1, fontWeight: tokens.fontWeightSemibold },
  current: { display: 'inline-flex', alignItems: 'center', columnGap: tokens.spacingHorizontalXXS },
  okIcon: { color: tokens.colorPaletteGreenForeground1 },
  checks: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalM },
  confirmRow: { display: 'flex', alignItems: 'flex-end', gap: tokens.spacingHorizontalS },
  grow: { flexGrow: 1 },
  surface: { maxWidth: '720px', width: '100%' },
  ended: { color: tokens.colorNeutralForeground3 },
});

const contactFields = new Set(['name', 'title', 'email', 'phone', 'businessAreas', 'roles', 'confirmedAt', 'legalBasis', 'endedAt', 'note']);

function ContactDialog({ organisationId, contact, today, onClose }: { organisationId: string; contact?: ContactRow; today: string; onClose: () => void }) {
  const styles = useStyles();
  const shared = useSharedStyles();
  const notify = useNotify();
  const create = useApiMutation('contacts/create');
  const update = useApiMutation('contacts/update');
  const busy = create.isPending || update.isPending;
  const [form, setForm] = useState<ContactForm>(() => (contact ? contactFormFrom(contact) : emptyContactForm()));
  const [refusal, setRefusal] = useState<FieldRefusal>();
  const set = (patch: Partial<ContactForm>) => {
    setForm((f) => ({ ...f, ...patch }));
    setRefusal(undefined);
  };
  const message = (field: string) => (refusal?.field === field ? refusal.message : undefined);
  // Asked as the user types (deferred), so «finns redan» shows before saving; the core still refuses an exact copy.
  const duplicates = useApiQuery('contacts/duplicates', useDeferredValue(contactDuplicateInput(organisationId, form, contact?.id)), {
    placeholderData: keepPreviousData,
  });
  const duplicateText = duplicateLines(duplicates.data ?? []);

  async function save() {
    setRefusal(undefined);
    try {
      if (contact) {
        const saved = await update.mutateAsync(contactUpdateInput(contact.id, form));
        notify(t.updated(saved.name));
      } else {
        const saved = await create.mutateAsync(contactCreateInput(organisationId, form));
        notify(t.created(saved.name));
      }
      onClose();
    } catch (error) {
      setRefusal(fieldRefusal(error as ApiCallError));
    }
  }

  return (
    <FormDialog
      title={contact ? t.editTitle(contact.name) : t.addTitle}
      error={refusal && (refusal.field === undefined || !contactFields.has(refusal.field)) ? refusal.fullMessage : undefined}
      submitLabel={sv.medlemmar.common.save}
      busyLabel={sv.medlemmar.common.saving}
      cancelLabel={sv.medlemmar.common.cancel}
      busy={busy}
      onSubmit={() => void save()}
      onClose={onClose}
      contentClassName={shared.form}
      surfaceClassName={styles.surface}
    >
      <div aria-live="polite">
        {duplicateText.length > 0 && (
          <MessageBar intent="warning" layout="multiline" data-testid="contact-duplicates">
            <MessageBarBody>
              <MessageBarTitle>{t.duplicates.title}</MessageBarTitle>
              {duplicateText.map((line) => (
                <div key={line}>{line}</div>
              ))}
            </MessageBarBody>
          </MessageBar>
        )}
      </div>
      <div className={shared.twoColumns}>
        <Field label={t.name} required validationMessage={message('name')}>
          <Input value={form.name} onChange={(_, data) => set({ name: data.value })} />
        </Field>
        <Field label={t.title} validationMessage={message('title')}>
          <Input value={form.title} onChange={(_, data) => set({ title: data.value })} />
        </Field>
        <Field label={t.email} validationMessage={message('email')}>
          <Input type="text" inputMode="email" value={form.email} onChange={(_, data) => set({ email: data.value })} />
        </Field>
        <Field label={t.phone} hint={t.phoneHint} validationMessage={message('phone')}>
          <Input type="tel" value={form.phone} onChange={(_, data) => set({ phone: data.value })} />
        </Field>
      </div>
      <Field label={t.areas} validationMessage={message('businessAreas')}>
        <div className={styles.checks} role="group" aria-label={t.areas}>
          {areaOrder.map((area) => (
            <Checkbox
              key={area}
              label={sv.medlemmar.areas[area]}
              checked={form.businessAreas.includes(area)}
              onChange={(_, data) => set({ businessAreas: toggleIn(areaOrder, form.businessAreas, area, data.checked === true) })}
            />
          ))}
        </div>
      </Field>
      <Field label={t.roles} validationMessage={message('roles')}>
        <div className={styles.checks} role="group" aria-label={t.roles}>
          {roleOrder.map((role) => (
            <Checkbox
              key={role}
              label={sv.medlemmar.roles[role]}
              checked={form.roles.includes(role)}
              onChange={(_, data) => set({ roles: toggleIn(roleOrder, form.roles, role, data.checked === true) })}
            />
          ))}
        </div>
      </Field>
      <div className={shared.twoColumns}>
        <div className={styles.confirmRow}>
          <Field label={t.confirmedAt} validationMessage={message('confirmedAt')} className={styles.grow}>
            <DateInput value={form.confirmedAt} onChange={(value) => set({ confirmedAt: value })} />
          </Field>
          <Button onClick={() => set({ confirmedAt: today })} disabled={today === ''}>
            {t.confirmToday}
          </Button>
        </div>
        {contact && (
          <Field label={t.endedAt} validationMessage={message('endedAt')}>
            <DateInput value={form.endedAt} onChange={(value) => set({ endedAt: value })} />
          </Field>
        )}
      </div>
      <Field label={t.legalBasis} hint={t.legalBasisHint} validationMessage={message('legalBasis')}>
        <Dropdown
          value={sv.medlemmar.legalBases[form.legalBasis]}
          selectedOptions={[form.legalBasis]}
          onOptionSelect={(_, data) => set({ legalBasis: (data.optionValue ?? 'allmant-intresse') as LegalBasis })}
        >
          {legalBasisOrder.map((basis) => (
            <Option key={basis} value={basis}>
              {sv.medlemmar.legalBases[basis]}
            </Option>
          ))}
        </Dropdown>
      </Field>
      <Field label={t.note} validationMessage={message('note')}>
        <Textarea value={form.note} onChange={(_, data) => set({ note: data.value })} resize="vertical" />
      </Field>
    </FormDialog>
  );
}

function EraseDialog({ contact, onClose }: { contact: ContactVm; onClose: () => void }) {
  const shared = useSharedStyles();
  const notify = useNotify();
  const erase = useApiMutation('contacts/erase');
  const [ground, setGround] = useState<ErasureGround>('begaran');
  return (
    <ConfirmDialog
      open
      title={t.eraseTitle(contact.name)}
      confirmLabel={t.eraseConfirm}
      danger
      busy={erase.isPending}
      error={erase.error?.message}
      onClose={onClose}
      onConfirm={() =>
        erase.mutate(
          { id: contact.id, ground },
          {
            onSuccess: () => {
              notify(t.erased);
              onClose();
            },
          },
        )
      }
    >
      <Text>{t.eraseBody}</Text>
      <MessageBar intent="warning" layout="multiline">
        <MessageBarBody>{t.eraseIrreversible}</MessageBarBody>
      </MessageBar>
      <Field label={t.legalBasis}>
        <Text className={shared.muted}>{sv.medlemmar.legalBases[contact.row.legalBasis]}</Text>
      </Field>
      <Field label={t.eraseGround} required>
        <RadioGroup value={ground} onChange={(_, data) => setGround(data.value as ErasureGround)}>
          {erasureGroundOrder.map((g) => (
            <Radio key={g} value={g} label={sv.medlemmar.erasureGrounds[g]} />
          ))}
        </RadioGroup>
      </Field>
    </ConfirmDialog>
  );
}

function EndDialog({ contact, today, onClose }: { contact: ContactVm; today: string; onClose: () => void }) {
  const notify = useNotify();
  const end = useApiMutation('contacts/end');
  const [date, setDate] = useState(today);
  return (
    <ConfirmDialog
      open
      title={t.endTitle(contact.name)}
      confirmLabel={t.end}
      busy={end.isPending}
      error={end.error?.message}
      onClose={onClose}
      onConfirm={() =>
        end.mutate(
          { id: contact.id, endedAt: date },
          {
            onSuccess: () => {
              notify(t.endedToast(contact.name));
              onClose();
            },
          },
        )
      }
    >
      <Text>{t.endBody}</Text>
      <Field label={t.endDate} required>
        <DateInput value={date} onChange={setDate} />
      </Field>
    </ConfirmDialog>
  );
}

type ContactAction = { kind: 'edit' | 'erase' | 'end'; contact: ContactVm } | { kind: 'add' };

export function ContactsSection({
  organisationId,
  contacts,
  today,
  focusContactId,
}: {
  organisationId: string;
  contacts: readonly ContactRow[];
  today: string;
  /** The contact a link (from Översikt) points at: its row's actions get focus. */
  focusContactId?: string | undefined;
}) {
  const styles = useStyles();
  const shared = useSharedStyles();
  const notify = useNotify();
  const client = useApiClient();
  const confirm = useApiMutation('contacts/update');
  const [showEnded, setShowEnded] = useState(false);
  const [action, setAction] = useState<ContactAction>();
  const rows = useMemo(() => contactViewModels(contacts, showEnded), [contacts, showEnded]);
  const cols = t.columns;
  useFocusOnArrival(focusContactId === undefined ? undefined : `${byData('data-contact-id', focusContactId)} td:last-child button`);

  async function exportPerson(contact: ContactVm) {
    const result = await client.call('contacts/export', { id: contact.id });
    if (!result.ok) {
      notify(sv.medlemmar.common.saveFailed(result.error.message), 'error');
      return;
    }
    const fileName = exportFileName(contact.name, today);
    downloadJson(fileName, result.data);
    notify(t.exported(fileName), 'info');
  }

  function confirmToday(contact: ContactVm) {
    confirm.mutate(
      { id: contact.id, confirmedAt: today },
      {
        onSuccess: () => notify(t.confirmedToday(contact.name)),
        onError: (error) => notify(sv.medlemmar.common.saveFailed(error.message), 'error'),
      },
    );
  }

  return (
    <Section
      title={sv.medlemmar.page.contacts}
      wide
      testId="contacts-section"
      actions={
        <>
          <Switch checked={showEnded} label={t.showEnded} onChange={(_, data) => setShowEnded(data.checked)} />
          <Button icon={<Add20Regular />} onClick={() => setAction({ kind: 'add' })}>
            {t.add}
          </Button>
        </>
      }
    >
      {rows.length === 0 ? (
        <Text className={shared.muted}>{contacts.length === 0 ? t.none : t.noneActive}</Text>
      ) : (
        <NavTable size="small" aria-label={t.tableLabel}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell style={{ width: '22%' }}>{cols.name}</TableHeaderCell>
              <TableHeaderCell style={{ width: '24%' }}>{cols.contact}</TableHeaderCell>
              <TableHeaderCell style={{ width: '22%' }}>{cols.areas}</TableHeaderCell>
              <TableHeaderCell style={{ width: '14%' }}>{cols.confirmed}</TableHeaderCell>
              <TableHeaderCell style={{ width: '14%' }}>{cols.legalBasis}</TableHeaderCell>
              <TableHeaderCell style={{ width: '56px' }}>
                <span className={shared.visuallyHidden}>{sv.medlemmar.common.actions}</span>
              </TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {rows.map((c) => (
              <TableRow key={c.id} data-testid="contact-row" data-contact-id={c.id}>
                <TableCell>
                  <span className={styles.nameCell}>
                    <span className={styles.name}>{c.name}</span>
                    {c.title !== '' && <span>{c.title}</span>}
                    {c.ended !== undefined && (
                      <Badge appearance="outline" color="subtle" size="small">
                        {c.ended}
                      </Badge>
                    )}
                  </span>
                </TableCell>
                <TableCell>
                  <span className={styles.stack}>
                    {c.email !== '' && <Link href={`mailto:${c.email}`}>{c.email}</Link>}
                    {c.phone !== '' && (
                      <Link href={`tel:${c.phoneHref}`} data-testid="contact-phone">
                        {c.phone}
                      </Link>
                    )}
                  </span>
                </TableCell>
                <TableCell>
                  <span className={styles.stack}>
                    {c.areas.length > 0 && <span>{c.areas.join(', ')}</span>}
                    {c.roles.length > 0 && <span className={shared.muted}>{c.roles.join(', ')}</span>}
                  </span>
                </TableCell>
                <TableCell>
                  <span className={styles.stack}>
                    <span>{c.confirmed}</span>
                    {c.stale ? (
                      <span className={styles.stale}>
                        <Warning16Filled aria-hidden />
                        {t.stale}
                      </span>
                    ) : (
                      c.active && <CheckmarkCircle16Regular aria-hidden className={styles.okIcon} />
                    )}
                  </span>
                </TableCell>
                <TableCell title={sv.medlemmar.legalBases[c.row.legalBasis]}>{c.legalBasis}</TableCell>
                <TableCell>
                  <Menu>
                    <MenuTrigger disableButtonEnhancement>
                      <Button appearance="subtle" icon={<MoreHorizontal20Regular />} aria-label={sv.medlemmar.common.moreActions(c.name)} />
                    </MenuTrigger>
                    <MenuPopover>
                      <MenuList>
                        <MenuItem onClick={() => setAction({ kind: 'edit', contact: c })}>{sv.medlemmar.common.edit}</MenuItem>
                        {c.active && <MenuItem onClick={() => confirmToday(c)}>{t.confirmToday}</MenuItem>}
                        {c.active && <MenuItem onClick={() => setAction({ kind: 'end', contact: c })}>{t.end}</MenuItem>}
                        <MenuDivider />
                        <MenuItem onClick={() => void exportPerson(c)}>{t.export}</MenuItem>
                        <MenuItem onClick={() => setAction({ kind: 'erase', contact: c })}>{t.erase}</MenuItem>
                      </MenuList>
                    </MenuPopover>
                  </Menu>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </NavTable>
      )}
      {action?.kind === 'add' && <ContactDialog organisationId={organisationId} today={today} onClose={() => setAction(undefined)} />}
      {action?.kind === 'edit' && <ContactDialog organisationId={organisationId} contact={action.contact.row} today={today} onClose={() => setAction(undefined)} />}
      {action?.kind === 'erase' && <EraseDialog contact={action.contact} onClose={() => setAction(undefined)} />}
      {action?.kind === 'end' && <EndDialog contact={action.contact} today={today} onClose={() => setAction(undefined)} />}
    </Section>
  );
}
