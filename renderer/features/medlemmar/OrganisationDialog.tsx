import { useDeferredValue, useMemo, useState } from 'react';
import {
  Checkbox,
  Combobox,
  Dropdown,
  Field,
  Input,
  Link,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Option,
  Tag,
  TagGroup,
  Textarea,
  tokens,
} from '@fluentui/react-components';
import { keepPreviousData } from '@tanstack/react-query';
import type { Organisation, OrganisationKind } from '../../../electron/core/store/schema';
import { useApiMutation, useApiQuery } from '../../app/api';
import { useNotify } from '../../app/notify';
import { hrefTo, navigate } from '../../app/router';
import type { ApiCallError } from '../../bridge/api-client';
import { sv } from '../../lib/i18n/sv';
import { FormDialog } from '../../components/FormDialog';
import {
  createInput,
  duplicateCheckInput,
  emptyOrganisationForm,
  fieldRefusal,
  filterByName,
  filterMunicipalities,
  formProblems,
  formSections,
  kindOrder,
  municipalityFacts,
  municipalityText,
  organisationFormFrom,
  updateInput,
  type FieldRefusal,
  type OrganisationForm,
} from './organisation-form.view-model';
import { Facts } from '../../components/Facts';
import { JoinDateFields, type StartKnown } from './MembershipSection';
import { useSharedStyles, useToday } from './shared';

const t = sv.medlemmar.form;

const useStyles = makeStyles({
  surface: { maxWidth: '720px', width: '100%' },
  facts: {
    padding: tokens.spacingHorizontalM,
    backgroundColor: tokens.colorNeutralBackground3,
    borderRadius: tokens.borderRadiusMedium,
  },
  tags: { flexWrap: 'wrap', gap: tokens.spacingHorizontalXS },
  joinRow: { display: 'flex', flexWrap: 'wrap', alignItems: 'flex-start', gap: tokens.spacingHorizontalXL },
});

/** A duplicate: the core's sentence and a link to the record that already exists. */
function DuplicateMessage({
  message,
  existing,
  refused,
  onOpen,
}: {
  message: string;
  existing?: { id: string; name: string };
  /** Refused on saving, rather than found while typing. */
  refused: boolean;
  onOpen: (id: string) => void;
}) {
  return (
    <MessageBar intent="error" layout="multiline" data-testid="duplicate-message" data-refused={refused}>
      <MessageBarBody>
        <MessageBarTitle>{t.duplicateTitle}</MessageBarTitle>
        {message}{' '}
        {existing && (
          <Link
            href={hrefTo('medlemmar', [existing.id])}
            onClick={(e) => {
              e.preventDefault();
              onOpen(existing.id);
            }}
          >
            {t.openExisting(existing.name)}
          </Link>
        )}
      </MessageBarBody>
    </MessageBar>
  );
}

/** Create (no `organisation`) or edit an organisation. The core validates; refusals are shown at their field. */
/** `municipalityCode` prefills a new municipality (the search's «Lägg till Håbo» from the reference list). */
export function OrganisationDialog({ organisation, municipalityCode, onClose }: { organisation?: Organisation; municipalityCode?: string; onClose: () => void }) {
  const styles = useStyles();
  const shared = useSharedStyles();
  const notify = useNotify();
  const today = useToday() ?? '';
  const [form, setForm] = useState<OrganisationForm>(() =>
    organisation ? organisationFormFrom(organisation) : { ...emptyOrganisationForm(), ...(municipalityCode !== undefined ? { kind: 'kommun' as const, municipalityCode } : {}) },
  );
  const [municipalityQuery, setMunicipalityQuery] = useState<string | undefined>(undefined);
  const [groupQuery, setGroupQuery] = useState('');
  const [refusal, setRefusal] = useState<FieldRefusal>();
  const sections = formSections(form.kind);
  // Today until the user types a date of their own (today is known only once the core has answered).
  const [joinedText, setJoinedText] = useState<string>();
  const joined = joinedText ?? today;
  const [startKnown, setStartKnown] = useState<StartKnown>('exact');

  const municipalities = useApiQuery('reference/list-municipalities', {});
  const counties = useApiQuery('reference/list-counties', {});
  const groupCandidates = useApiQuery('members/list', { kinds: ['kommun', 'region'], archived: 'all' }, { enabled: sections.groupMembers });
  const check = useApiQuery('members/check-duplicate', useDeferredValue(duplicateCheckInput(form, organisation?.id)), {
    placeholderData: keepPreviousData,
  });
  const create = useApiMutation('members/create');
  const update = useApiMutation('members/update');
  const busy = create.isPending || update.isPending;

  const chosen = useMemo(() => municipalities.data?.find((m) => m.code === form.municipalityCode), [municipalities.data, form.municipalityCode]);
  const municipalityInput = municipalityQuery ?? (chosen ? municipalityText(chosen) : '');
  const municipalityOptions = useMemo(() => filterMunicipalities(municipalities.data ?? [], municipalityInput), [municipalities.data, municipalityInput]);
  const groupNames = useMemo(() => new Map((groupCandidates.data?.rows ?? []).map((r) => [r.id, r.name])), [groupCandidates.data]);
  const groupOptions = useMemo(
    () => filterByName(groupCandidates.data?.rows ?? [], groupQuery, (r) => r.name, (r) => r.municipalityCode),
    [groupCandidates.data, groupQuery],
  );

  const set = (patch: Partial<OrganisationForm>) => {
    setForm((f) => ({ ...f, ...patch }));
    setRefusal(undefined);
  };

  const problems = formProblems(form);
  const fieldMessage = (field: string): string | undefined => {
    const local = problems.find((p) => p.field === field)?.message;
    if (local) return local;
    if (refusal?.field === field && refusal.code !== 'duplicate') return refusal.message;
    if (field === 'orgNumber' && check.data?.orgNumber && !check.data.orgNumber.ok) return check.data.orgNumber.message;
    return undefined;
  };
  const orgNumberHint =
    check.data?.orgNumber?.ok === true && form.orgNumber.trim() !== '' ? t.orgNumberCanonical(check.data.orgNumber.canonical) : t.orgNumberHint;

  const openExisting = (id: string) => {
    onClose();
    navigate('medlemmar', [id]);
  };

  async function save() {
    if (problems.length > 0) return;
    setRefusal(undefined);
    try {
      if (organisation) {
        const saved = await update.mutateAsync(updateInput(organisation.id, form));
        notify(t.updated(saved.name));
        onClose();
        return;
      }
      // One call: a refused membership leaves no organisation behind, and the dialog stays open at the field.
      const saved = await create.mutateAsync(createInput(form, { joined, startKnown }));
      if (!form.joinAsMember) notify(t.created(saved.name));
      else notify(startKnown === 'before' ? t.createdMemberBefore(saved.name, joined) : t.createdMember(saved.name, joined));
      onClose();
      navigate('medlemmar', [saved.id]);
    } catch (error) {
      setRefusal(fieldRefusal(error as ApiCallError));
    }
  }

  const liveDuplicate = check.data?.duplicate ?? null;
  const duplicate =
    refusal?.code === 'duplicate'
      ? { message: refusal.message, existing: refusal.existing, refused: true }
      : liveDuplicate
        ? { message: liveDuplicate.message, existing: { id: liveDuplicate.existingId, name: liveDuplicate.existingName }, refused: false }
        : undefined;
  const otherRefusal = refusal && refusal.code !== 'duplicate' && (refusal.field === undefined || !knownFields.has(refusal.field)) ? refusal : undefined;

  return (
    <FormDialog
      title={organisation ? t.editTitle(organisation.name) : t.createTitle}
      error={otherRefusal ? otherRefusal.fullMessage : undefined}
      submitLabel={organisation ? sv.medlemmar.common.save : t.submitCreate}
      busyLabel={sv.medlemmar.common.saving}
      cancelLabel={sv.medlemmar.common.cancel}
      busy={busy}
      onSubmit={() => void save()}
      onClose={onClose}
      surfaceClassName={styles.surface}
      contentClassName={shared.form}
    >
      <Field label={t.kind} required>
        <Dropdown
          value={sv.medlemmar.kinds[form.kind]}
          selectedOptions={[form.kind]}
          onOptionSelect={(_, data) => set({ kind: (data.optionValue ?? 'kommun') as OrganisationKind })}
        >
          {kindOrder.map((k) => (
            <Option key={k} value={k}>
              {sv.medlemmar.kinds[k]}
            </Option>
          ))}
        </Dropdown>
      </Field>

      {sections.municipality && (
        <Field
          label={t.municipality}
          required={sections.municipalityRequired}
          hint={t.municipalityHint}
          validationMessage={fieldMessage('municipalityCode')}
        >
          <Combobox
            expandIcon={{ 'aria-label': sv.app.showOptions }}
            freeform
            value={municipalityInput}
            selectedOptions={form.municipalityCode ? [form.municipalityCode] : []}
            placeholder={t.municipalityPlaceholder}
            onChange={(e) => {
              setMunicipalityQuery(e.target.value);
              if (e.target.value === '') set({ municipalityCode: '' });
            }}
            onOptionSelect={(_, data) => {
              setMunicipalityQuery(undefined);
              set({ municipalityCode: data.optionValue ?? '' });
            }}
            data-testid="municipality-combobox"
          >
            {municipalityOptions.map((m) => (
              <Option key={m.code} value={m.code} text={municipalityText(m)}>
                {municipalityText(m)}
              </Option>
            ))}
            {municipalityOptions.length === 0 && (
              <Option disabled value="" text="">
                {t.noMunicipalityMatch}
              </Option>
            )}
          </Combobox>
        </Field>
      )}
      {sections.municipality && chosen && (
        <div className={styles.facts} data-testid="municipality-facts">
          <Facts
            rows={[
              { label: t.code, value: municipalityFacts(chosen).code },
              { label: t.county, value: municipalityFacts(chosen).county },
              { label: t.population, value: municipalityFacts(chosen).population },
            ]}
          />
        </div>
      )}

      <Field
        label={t.name}
        required={!sections.municipalityRequired}
        hint={sections.municipalityRequired && chosen ? t.nameHintMunicipality(chosen.name) : undefined}
        validationMessage={fieldMessage('name')}
      >
        <Input value={form.name} onChange={(_, data) => set({ name: data.value })} placeholder={sections.municipalityRequired ? chosen?.name : undefined} />
      </Field>

      <Field label={t.orgNumber} hint={orgNumberHint} validationMessage={fieldMessage('orgNumber')} validationState={fieldMessage('orgNumber') ? 'error' : 'none'}>
        <Input value={form.orgNumber} onChange={(_, data) => set({ orgNumber: data.value })} inputMode="numeric" />
      </Field>

      <div className={shared.twoColumns}>
        {sections.county && form.municipalityCode === '' && (
          <Field label={t.county} validationMessage={fieldMessage('countyCode')}>
            <Dropdown
              value={counties.data?.find((c) => c.code === form.countyCode)?.name ?? t.noCounty}
              selectedOptions={[form.countyCode]}
              onOptionSelect={(_, data) => set({ countyCode: data.optionValue ?? '' })}
            >
              <Option value="">{t.noCounty}</Option>
              {(counties.data ?? []).map((c) => (
                <Option key={c.code} value={c.code}>
                  {c.name}
                </Option>
              ))}
            </Dropdown>
          </Field>
        )}
        {sections.population && form.municipalityCode === '' && (
          <Field label={t.population} hint={t.populationHint} validationMessage={fieldMessage('population')}>
            <Input value={form.population} onChange={(_, data) => set({ population: data.value })} inputMode="numeric" />
          </Field>
        )}
      </div>

      {sections.groupMembers && (
        <Field label={t.groupMembers} hint={t.groupMembersHint} validationMessage={fieldMessage('groupMemberIds')}>
          <Combobox
            expandIcon={{ 'aria-label': sv.app.showOptions }}
            multiselect
            freeform
            value={groupQuery}
            placeholder={t.groupMembersPlaceholder}
            selectedOptions={form.groupMemberIds}
            onChange={(e) => setGroupQuery(e.target.value)}
            onOptionSelect={(_, data) => {
              setGroupQuery('');
              set({ groupMemberIds: data.selectedOptions });
            }}
          >
            {groupOptions.map((r) => (
              <Option key={r.id} value={r.id} text={r.name}>
                {r.name}
              </Option>
            ))}
          </Combobox>
        </Field>
      )}
      {sections.groupMembers && form.groupMemberIds.length > 0 && (
        <TagGroup
          className={styles.tags}
          aria-label={t.groupMembersSelected(form.groupMemberIds.length)}
          onDismiss={(_, data) => set({ groupMemberIds: form.groupMemberIds.filter((id) => id !== data.value) })}
        >
          {form.groupMemberIds.map((id) => (
            <Tag key={id} value={id} size="small" dismissible dismissIcon={{ 'aria-label': t.removeGroupMember(groupNames.get(id) ?? id) }}>
              {groupNames.get(id) ?? id}
            </Tag>
          ))}
        </TagGroup>
      )}

      <Field label={t.website} validationMessage={fieldMessage('website')}>
        <Input value={form.website} onChange={(_, data) => set({ website: data.value })} type="url" />
      </Field>
      <Field label={t.note} validationMessage={fieldMessage('note')}>
        <Textarea value={form.note} onChange={(_, data) => set({ note: data.value })} resize="vertical" />
      </Field>

      {!organisation && <Checkbox checked={form.joinAsMember} label={t.joinAsMember} onChange={(_, data) => set({ joinAsMember: data.checked === true })} />}
      {!organisation && form.joinAsMember && (
        <div className={styles.joinRow}>
          <JoinDateFields
            startKnown={startKnown}
            joined={joined}
            exactLabel={t.joined}
            message={fieldMessage('membership.joined') ?? fieldMessage('membership.startKnown')}
            onChange={(patch) => {
              if (patch.joined !== undefined) setJoinedText(patch.joined);
              if (patch.startKnown !== undefined) setStartKnown(patch.startKnown);
              setRefusal(undefined);
            }}
          />
        </div>
      )}

      {duplicate && <DuplicateMessage message={duplicate.message} existing={duplicate.existing} refused={duplicate.refused} onOpen={openExisting} />}
    </FormDialog>
  );
}

/** Fields the dialog shows a refusal at; others go in the message under the form. */
const knownFields = new Set(['municipalityCode', 'name', 'orgNumber', 'countyCode', 'population', 'groupMemberIds', 'website', 'note', 'membership.joined', 'membership.startKnown']);
