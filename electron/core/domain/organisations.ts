/**
 * Organisations in the register: municipalities (picked from the 290 official ones by code), regions,
 * groups (kommunalförbund, gemensam nämnd, which list their member municipalities) and other public bodies.
 *
 * What follows from the reference data is never stored: a municipality's county and population come from
 * its code. Identity rules (see `findDuplicate`): one record per organisation number, one per municipality
 * code, and one per name once case and spacing are ignored, but never once å/ä/ö are ignored (Habo ≠ Håbo).
 */
import type { CountyRef, MunicipalityRef, Organisation, OrganisationKind, Reference, SambrukDocument } from '../store/schema';
import { groupKinds } from '../store/schema';
import { fieldError } from './field-errors';
import { parseOrgNumber } from '../../contract/rules/organisation-number';
import { identityKey } from './swedish';
import type { Duplicate, DuplicateField, OrganisationFacts } from '../../contract/model/members';
import { organisationKindLabels } from '../../contract/labels';
import { latestMunicipalityPopulation, municipalityPopulationAt, populationIndex, type PopulationAt, type PopulationIndex } from './population';

export { organisationKindLabels } from '../../contract/labels';

export type { OrganisationFacts, Duplicate } from '../../contract/model/members';

export type PreparedOrganisation = Omit<Organisation, 'id' | 'createdAt' | 'archived'>;

export function isGroupKind(kind: OrganisationKind): boolean {
  return groupKinds.includes(kind);
}

/** Kinds that may be listed as members of a group: the group's municipalities (and a region such as Gotland). */
const GROUP_MEMBER_KINDS: readonly OrganisationKind[] = ['kommun', 'region'];

// ---------------------------------------------------------------- reference look-ups

export type ReferenceMaps = {
  municipalities: ReadonlyMap<string, MunicipalityRef>;
  counties: ReadonlyMap<string, CountyRef>;
  populations: PopulationIndex;
};

const referenceCache = new WeakMap<Reference, ReferenceMaps>();

export function referenceMaps(doc: Pick<SambrukDocument, 'reference'>): ReferenceMaps {
  const cached = referenceCache.get(doc.reference);
  if (cached) return cached;
  const maps: ReferenceMaps = {
    municipalities: new Map(doc.reference.municipalities.map((m) => [m.code, m])),
    counties: new Map(doc.reference.counties.map((c) => [c.code, c])),
    populations: populationIndex(doc.reference),
  };
  referenceCache.set(doc.reference, maps);
  return maps;
}

/**
 * Facts that follow from the organisation and the reference data. `orgsById` is needed for a group's
 * population. Populations are those at `populationDate` (nearest known figure), or the newest known.
 */
export function organisationFacts(
  refs: ReferenceMaps,
  org: Organisation,
  orgsById: ReadonlyMap<string, Organisation>,
  populationDate?: string,
): OrganisationFacts {
  const municipality = org.municipalityCode ? refs.municipalities.get(org.municipalityCode) : undefined;
  const countyCode = municipality?.countyCode ?? org.countyCode;
  const base = {
    kindLabel: organisationKindLabels[org.kind],
    isGroup: isGroupKind(org.kind),
    ...(countyCode ? { countyCode } : {}),
    countyName: countyCode ? (refs.counties.get(countyCode)?.name ?? '') : '',
  };
  if (municipality) {
    const at = municipalityPopulation(refs, municipality.code, populationDate);
    if (!at) return { ...base, population: 0, populationSource: 'saknas' };
    return { ...base, population: at.population, populationSource: 'scb', populationDate: at.date, populationFigure: at };
  }
  if (isGroupKind(org.kind) && org.groupMemberIds.length > 0) {
    return { ...base, population: groupPopulation(refs, org, orgsById, populationDate), populationSource: 'grupp' };
  }
  if (org.population !== undefined) return { ...base, population: org.population, populationSource: 'angiven' };
  return { ...base, population: 0, populationSource: 'saknas' };
}

function municipalityPopulation(refs: ReferenceMaps, code: string, date: string | undefined): PopulationAt | undefined {
  return date === undefined ? latestMunicipalityPopulation(refs.populations, code) : municipalityPopulationAt(refs.populations, code, date);
}

/** Sum of the populations of a group's listed organisations at `date` (or the newest), each municipality once. */
export function groupPopulation(refs: ReferenceMaps, group: Organisation, orgsById: ReadonlyMap<string, Organisation>, date?: string): number {
  const seen = new Set<string>();
  let total = 0;
  for (const memberId of group.groupMemberIds) {
    const member = orgsById.get(memberId);
    if (!member) continue;
    const key = member.municipalityCode ?? `org:${member.id}`;
    if (seen.has(key)) continue;
    seen.add(key);
    total += member.municipalityCode ? (municipalityPopulation(refs, member.municipalityCode, date)?.population ?? 0) : (member.population ?? 0);
  }
  return total;
}

// ---------------------------------------------------------------- editing

/** The fields a user edits. On create, a municipality's name may be left out: the reference name is used. */
export type OrganisationFields = {
  kind: OrganisationKind;
  name?: string;
  municipalityCode?: string;
  countyCode?: string;
  orgNumber?: string;
  population?: number;
  groupMemberIds?: readonly string[];
  website?: string;
  note?: string;
};

/** A patch: `undefined` keeps a field, `null` (or an empty text) clears an optional one. */
export type OrganisationPatch = {
  kind?: OrganisationKind;
  name?: string;
  municipalityCode?: string | null;
  countyCode?: string | null;
  orgNumber?: string | null;
  population?: number | null;
  groupMemberIds?: readonly string[];
  website?: string | null;
  note?: string;
};

export function organisationFieldsOf(org: Organisation): OrganisationFields {
  return {
    kind: org.kind,
    name: org.name,
    ...(org.municipalityCode !== undefined ? { municipalityCode: org.municipalityCode } : {}),
    ...(org.countyCode !== undefined ? { countyCode: org.countyCode } : {}),
    ...(org.orgNumber !== undefined ? { orgNumber: org.orgNumber } : {}),
    ...(org.population !== undefined ? { population: org.population } : {}),
    groupMemberIds: org.groupMemberIds,
    ...(org.website !== undefined ? { website: org.website } : {}),
    note: org.note,
  };
}

/**
 * Applies a patch to a stored organisation. When the municipality changes and no name is given, the name
 * follows the new municipality if it was the old municipality's reference name.
 */
export function applyOrganisationPatch(refs: ReferenceMaps, org: Organisation, patch: OrganisationPatch): OrganisationFields {
  const fields: Record<string, unknown> = { ...organisationFieldsOf(org) };
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined) continue;
    if (value === null || value === '') delete fields[key];
    else fields[key] = value;
  }
  const codeChanged = patch.municipalityCode !== undefined && (patch.municipalityCode ?? undefined) !== org.municipalityCode;
  if (codeChanged && patch.name === undefined) {
    const oldRefName = org.municipalityCode ? refs.municipalities.get(org.municipalityCode)?.name : undefined;
    if (oldRefName === undefined || oldRefName === org.name) delete fields.name;
  }
  return fields as OrganisationFields;
}

const WEBSITE = /^(?:https?:\/\/)?[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+(?::\d{1,5})?(?:[/?#]\S*)?$/u;

/**
 * Field rules for an organisation; returns what to store (normalised) or throws a refusal naming the field.
 * Does not look for duplicates (see `assertNotDuplicate`).
 */
export function prepareOrganisation(
  doc: Pick<SambrukDocument, 'reference' | 'organisations'>,
  fields: OrganisationFields,
  selfId?: string,
): PreparedOrganisation {
  const refs = referenceMaps(doc);
  const kind = fields.kind;
  let municipality: MunicipalityRef | undefined;
  if (fields.municipalityCode !== undefined) {
    if (kind !== 'kommun' && kind !== 'region') {
      throw fieldError('validation', 'municipalityCode', `En ${organisationKindLabels[kind].toLocaleLowerCase('sv-SE')} har ingen kommunkod; bara kommuner (och Region Gotland) har det.`);
    }
    municipality = refs.municipalities.get(fields.municipalityCode);
    if (!municipality) throw fieldError('validation', 'municipalityCode', `Kommunkoden ${fields.municipalityCode} finns inte bland Sveriges 290 kommuner.`);
  } else if (kind === 'kommun') {
    throw fieldError('validation', 'municipalityCode', 'Välj kommunen bland Sveriges 290 kommuner.');
  }

  const name = (fields.name ?? municipality?.name ?? '').normalize('NFC').replace(/\s+/gu, ' ').trim();
  if (name === '') throw fieldError('validation', 'name', 'Skriv organisationens namn.');

  let countyCode: string | undefined;
  if (fields.countyCode !== undefined && !municipality) {
    if (!refs.counties.has(fields.countyCode)) throw fieldError('validation', 'countyCode', `Länskoden ${fields.countyCode} finns inte.`);
    countyCode = fields.countyCode;
  }

  let orgNumber: string | undefined;
  if (fields.orgNumber !== undefined && fields.orgNumber.trim() !== '') {
    const parsed = parseOrgNumber(fields.orgNumber);
    if (!parsed.ok) throw fieldError('validation', 'orgNumber', parsed.message, { reason: parsed.reason });
    orgNumber = parsed.canonical;
  }

  const groupMemberIds = [...new Set(fields.groupMemberIds ?? [])];
  if (groupMemberIds.length > 0) {
    if (!isGroupKind(kind)) {
      throw fieldError('validation', 'groupMemberIds', 'Bara kommunalförbund och gemensamma nämnder kan ha medlemskommuner.');
    }
    const byId = new Map(doc.organisations.map((o) => [o.id, o]));
    for (const memberId of groupMemberIds) {
      const member = byId.get(memberId);
      if (memberId === selfId) throw fieldError('validation', 'groupMemberIds', 'En grupp kan inte vara medlem i sig själv.');
      if (!member) throw fieldError('not-found', 'groupMemberIds', 'En av gruppens medlemmar finns inte i registret.', { missingId: memberId });
      if (!GROUP_MEMBER_KINDS.includes(member.kind)) {
        throw fieldError('validation', 'groupMemberIds', `${member.name} är en ${organisationKindLabels[member.kind].toLocaleLowerCase('sv-SE')}; en grupp består av kommuner (eller regioner).`, {
          memberId,
        });
      }
    }
  }

  let website: string | undefined;
  if (fields.website !== undefined && fields.website.trim() !== '') {
    const text = fields.website.trim();
    if (!WEBSITE.test(text)) throw fieldError('validation', 'website', 'Skriv webbadressen som till exempel https://www.kommun.se.');
    website = /^https?:\/\//i.test(text) ? text : `https://${text}`;
  }

  if (fields.population !== undefined && municipality) {
    // The reference figure is the truth for a municipality; a typed one would silently disagree with it.
    throw fieldError('validation', 'population', 'Folkmängden för en kommun hämtas från SCB:s uppgifter och kan inte anges.');
  }

  return {
    kind,
    name,
    ...(municipality ? { municipalityCode: municipality.code } : {}),
    ...(countyCode ? { countyCode } : {}),
    ...(orgNumber ? { orgNumber } : {}),
    ...(fields.population !== undefined ? { population: fields.population } : {}),
    groupMemberIds,
    ...(website ? { website } : {}),
    note: fields.note ?? '',
  };
}

// ---------------------------------------------------------------- duplicates

/**
 * The first existing organisation (archived ones included: they are still the same organisation) that the
 * candidate would duplicate: same organisation number, same municipality code, or a name equal once case
 * and spacing are ignored. Letters are compared as they are, so Habo and Håbo are not duplicates.
 */
export function findDuplicate(
  organisations: readonly Organisation[],
  candidate: { name?: string | undefined; municipalityCode?: string | undefined; orgNumber?: string | undefined },
  ignoreId?: string,
): Duplicate | undefined {
  const others = organisations.filter((o) => o.id !== ignoreId);
  const describe = (o: Organisation) => `${o.name}${o.archived ? ' (arkiverad)' : ''}`;
  const make = (field: DuplicateField, o: Organisation, message: string): Duplicate => ({
    field,
    existingId: o.id,
    existingName: o.name,
    existingArchived: o.archived,
    message,
  });
  if (candidate.orgNumber) {
    const parsed = parseOrgNumber(candidate.orgNumber);
    const canonical = parsed.ok ? parsed.canonical : undefined;
    const same = canonical ? others.find((o) => o.orgNumber === canonical) : undefined;
    if (same && canonical) {
      return make('orgNumber', same, `Det finns redan en organisation med organisationsnumret ${canonical}: ${describe(same)}.`);
    }
  }
  if (candidate.municipalityCode) {
    const same = others.find((o) => o.municipalityCode === candidate.municipalityCode);
    if (same) return make('municipalityCode', same, `Kommunen finns redan i registret: ${describe(same)}.`);
  }
  if (candidate.name && candidate.name.trim() !== '') {
    const key = identityKey(candidate.name);
    const same = others.find((o) => identityKey(o.name) === key);
    if (same) {
      return make('name', same, `Det finns redan en organisation som heter ${describe(same)} (namnen skiljer sig bara i stora och små bokstäver eller mellanslag).`);
    }
  }
  return undefined;
}

export function assertNotDuplicate(
  organisations: readonly Organisation[],
  candidate: Pick<PreparedOrganisation, 'name' | 'municipalityCode' | 'orgNumber'>,
  ignoreId?: string,
): void {
  const duplicate = findDuplicate(organisations, candidate, ignoreId);
  if (duplicate) {
    throw fieldError('duplicate', duplicate.field, duplicate.message, { existingId: duplicate.existingId, existingName: duplicate.existingName });
  }
}

/** A short description of what changed between two versions, for the change log («namn, organisationsnummer»). */
export function changedOrganisationFields(before: Organisation, after: Organisation): string[] {
  const labels: [keyof Organisation, string][] = [
    ['kind', 'typ'],
    ['name', 'namn'],
    ['municipalityCode', 'kommun'],
    ['countyCode', 'län'],
    ['orgNumber', 'organisationsnummer'],
    ['population', 'folkmängd'],
    ['groupMemberIds', 'gruppens medlemmar'],
    ['website', 'webbplats'],
    ['note', 'anteckning'],
    ['archived', 'arkivering'],
  ];
  return labels.filter(([key]) => JSON.stringify(before[key]) !== JSON.stringify(after[key])).map(([, label]) => label);
}
