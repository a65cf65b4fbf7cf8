/**
 * The organisation dialog: form state -> `members/create` / `members/update` input, the municipality picker's
 * filtering (the core's Swedish search rule), and refusals -> the field they belong to. The core validates;
 * this only shapes what is sent and where an answer is shown.
 */
import type { ApiError, ChannelInput, MunicipalityOption } from '../../../electron/contract';
import type { Organisation, OrganisationKind } from '../../../electron/core/store/schema';
import { rankMatch, searchText } from '../../../electron/core/domain/swedish';
import { formatDate, formatNumber } from '../../lib/format';
import { sv } from '../../lib/i18n/sv';

const t = sv.medlemmar.form;

export const kindOrder: readonly OrganisationKind[] = ['kommun', 'region', 'kommunalforbund', 'gemensam-namnd', 'annan'];
export const isGroupKind = (kind: OrganisationKind) => kind === 'kommunalforbund' || kind === 'gemensam-namnd';

export type OrganisationForm = {
  kind: OrganisationKind;
  name: string;
  municipalityCode: string;
  countyCode: string;
  orgNumber: string;
  population: string;
  groupMemberIds: string[];
  website: string;
  note: string;
  /** Create only: also add a membership period (from the date the dialog holds). */
  joinAsMember: boolean;
};

export function emptyOrganisationForm(): OrganisationForm {
  return {
    kind: 'kommun',
    name: '',
    municipalityCode: '',
    countyCode: '',
    orgNumber: '',
    population: '',
    groupMemberIds: [],
    website: '',
    note: '',
    joinAsMember: true,
  };
}

export function organisationFormFrom(org: Organisation): OrganisationForm {
  return {
    kind: org.kind,
    name: org.name,
    municipalityCode: org.municipalityCode ?? '',
    countyCode: org.countyCode ?? '',
    orgNumber: org.orgNumber ?? '',
    population: org.population !== undefined ? String(org.population) : '',
    groupMemberIds: [...org.groupMemberIds],
    website: org.website ?? '',
    note: org.note,
    joinAsMember: false,
  };
}

/** Which parts of the form a kind uses. A region may name a municipality code (Gotland). */
export function formSections(kind: OrganisationKind) {
  return {
    municipality: kind === 'kommun' || kind === 'region',
    municipalityRequired: kind === 'kommun',
    county: kind !== 'kommun',
    population: kind === 'region' || kind === 'annan',
    groupMembers: isGroupKind(kind),
  };
}

/** A whole number of inhabitants as typed (`250 000`, `250000`); `undefined` for blank, `null` when unreadable. */
export function parsePopulation(text: string): number | undefined | null {
  const compact = text.replace(/[\s\u00a0\u202f]/gu, '');
  if (compact === '') return undefined;
  if (!/^\d{1,8}$/.test(compact)) return null;
  return Number(compact);
}

export type FormProblem = { field: 'population'; message: string };

/** What the form itself can tell before asking the core: only what the core cannot read at all. */
export function formProblems(form: OrganisationForm): FormProblem[] {
  const sections = formSections(form.kind);
  if (sections.population && parsePopulation(form.population) === null) return [{ field: 'population', message: t.populationInvalid }];
  return [];
}

/**
 * The input for `members/create`; with `membership` (the «Blir medlem» box ticked), the first period goes in the
 * same call, so the organisation and its membership are saved together or not at all.
 */
export function createInput(form: OrganisationForm, membership?: { joined: string; startKnown: 'exact' | 'before' }): ChannelInput<'members/create'> {
  const s = formSections(form.kind);
  const population = s.population ? parsePopulation(form.population) : undefined;
  return {
    kind: form.kind,
    ...(form.name.trim() !== '' ? { name: form.name } : {}),
    ...(s.municipality && form.municipalityCode !== '' ? { municipalityCode: form.municipalityCode } : {}),
    ...(s.county && form.municipalityCode === '' && form.countyCode !== '' ? { countyCode: form.countyCode } : {}),
    ...(form.orgNumber.trim() !== '' ? { orgNumber: form.orgNumber } : {}),
    ...(typeof population === 'number' ? { population } : {}),
    ...(s.groupMembers && form.groupMemberIds.length > 0 ? { groupMemberIds: form.groupMemberIds } : {}),
    ...(form.website.trim() !== '' ? { website: form.website } : {}),
    ...(form.note.trim() !== '' ? { note: form.note } : {}),
    ...(form.joinAsMember && membership
      ? { membership: { joined: membership.joined, ...(membership.startKnown === 'before' ? { startKnown: 'before' as const } : {}) } }
      : {}),
  };
}

/**
 * A patch for `members/update`: every field the kind uses is sent (blank clears it with `null`), fields the
 * new kind does not use are cleared, so changing the kind never leaves a stale municipality or county behind.
 */
export function updateInput(id: string, form: OrganisationForm): ChannelInput<'members/update'> {
  const s = formSections(form.kind);
  const population = s.population ? parsePopulation(form.population) : undefined;
  const blankToNull = (value: string) => (value.trim() === '' ? null : value);
  return {
    id,
    kind: form.kind,
    ...(form.name.trim() !== '' ? { name: form.name } : {}),
    municipalityCode: s.municipality ? blankToNull(form.municipalityCode) : null,
    countyCode: s.county && form.municipalityCode === '' ? blankToNull(form.countyCode) : null,
    orgNumber: blankToNull(form.orgNumber),
    population: typeof population === 'number' ? population : null,
    groupMemberIds: s.groupMembers ? form.groupMemberIds : [],
    website: blankToNull(form.website),
    note: form.note,
  };
}

// ---------------------------------------------------------------- municipality picker

/** The option text of a municipality, as the list shows and the input keeps once chosen. */
export function municipalityText(m: MunicipalityOption): string {
  return t.municipalityOption(m.name, m.code, m.countyName);
}

/**
 * Items whose name matches what is typed, by the core's Swedish rule (`savsjo` finds Sävsjö, `håbo` not
 * Habo), best matches first, then in the given order. `code` (a municipality code) matches typed digits.
 */
export function filterByName<T>(items: readonly T[], text: string, nameOf: (item: T) => string, codeOf?: (item: T) => string | undefined): T[] {
  const typed = text.trim();
  if (typed === '') return [...items];
  const query = searchText(typed);
  const ranked: { item: T; rank: number; index: number }[] = [];
  items.forEach((item, index) => {
    const rank = rankMatch(searchText(nameOf(item)), query);
    if (rank !== undefined) ranked.push({ item, rank, index });
    else if (/^\d+$/.test(typed) && codeOf?.(item)?.startsWith(typed)) ranked.push({ item, rank: 5, index });
  });
  return ranked.sort((a, b) => a.rank - b.rank || a.index - b.index).map((r) => r.item);
}

/** Municipalities for the picker: all while the input is empty or shows the chosen one, else the matches. */
export function filterMunicipalities(options: readonly MunicipalityOption[], text: string): MunicipalityOption[] {
  if (options.some((o) => municipalityText(o) === text.trim())) return [...options];
  return filterByName(options, text, (m) => m.name, (m) => m.code);
}

export type MunicipalityFacts = { code: string; county: string; population: string };

export function municipalityFacts(m: MunicipalityOption): MunicipalityFacts {
  const population = m.population !== undefined && m.populationDate !== undefined ? t.populationOf(formatNumber(m.population), formatDate(m.populationDate)) : '–';
  return { code: m.code, county: m.countyName, population };
}

// ---------------------------------------------------------------- refusals

export type FieldRefusal = {
  /** The input field the core named (`orgNumber`, `municipalityCode`, …), if any. */
  field?: string;
  /** The core's sentence for beside the field (`fieldMessage`: the field shows its own label). */
  message: string;
  /** The whole sentence, for a message outside the field. */
  fullMessage: string;
  code: ApiError['code'];
  existing?: { id: string; name: string };
};

/** A refusal from the core: the field it names (its typed `field`) and the sentence to show there. */
export function fieldRefusal(error: Pick<ApiError, 'code' | 'message' | 'field' | 'fieldMessage' | 'details'>): FieldRefusal {
  const field = error.field !== undefined && error.field !== '' ? error.field : undefined;
  const details = error.details ?? {};
  const existingId = typeof details.existingId === 'string' ? details.existingId : undefined;
  const existingName = typeof details.existingName === 'string' ? details.existingName : undefined;
  return {
    ...(field !== undefined ? { field } : {}),
    message: field !== undefined ? (error.fieldMessage ?? error.message) : error.message,
    fullMessage: error.message,
    code: error.code,
    ...(existingId !== undefined ? { existing: { id: existingId, name: existingName ?? existingId } } : {}),
  };
}

/** Input for the live duplicate check: what identifies the organisation so far. */
export function duplicateCheckInput(form: OrganisationForm, excludeId?: string): ChannelInput<'members/check-duplicate'> {
  const s = formSections(form.kind);
  return {
    ...(form.name.trim() !== '' ? { name: form.name.slice(0, 200) } : {}),
    ...(s.municipality && form.municipalityCode !== '' ? { municipalityCode: form.municipalityCode } : {}),
    ...(form.orgNumber.trim() !== '' ? { orgNumber: form.orgNumber.slice(0, 30) } : {}),
    ...(excludeId !== undefined ? { excludeId } : {}),
  };
}
