import { describe, expect, it } from 'vitest';
import type { MunicipalityOption } from '../../../../electron/contract';
import {
  createInput,
  duplicateCheckInput,
  emptyOrganisationForm,
  fieldRefusal,
  filterByName,
  filterMunicipalities,
  formProblems,
  municipalityFacts,
  municipalityText,
  organisationFormFrom,
  parsePopulation,
  updateInput,
} from '../../../../renderer/features/medlemmar/organisation-form.view-model';
import { formatNumber } from '../../../../renderer/lib/format';
import { loadDefaultDocument } from '../../../support/memory-document';

const doc = loadDefaultDocument();
const counties = new Map(doc.reference.counties.map((c) => [c.code, c.name]));
const latest = (code: string) => doc.reference.populations.filter((p) => p.code === code).sort((a, b) => a.date.localeCompare(b.date)).at(-1);
const options: MunicipalityOption[] = doc.reference.municipalities.map((m) => ({
  ...m,
  countyName: counties.get(m.countyCode) ?? '',
  population: latest(m.code)?.population ?? 0,
  populationDate: latest(m.code)?.date ?? '',
}));
const byName = (name: string) => options.find((o) => o.name === name)!;

describe('the municipality picker', () => {
  it('finds Sävsjö from savsjo, but Habo never from håbo', () => {
    expect(filterMunicipalities(options, 'savsjo').map((m) => m.name)).toEqual(['Sävsjö']);
    expect(filterMunicipalities(options, 'håbo').map((m) => m.name)).toEqual(['Håbo']);
    const habo = filterMunicipalities(options, 'habo').map((m) => m.name);
    expect(habo.slice(0, 2)).toEqual(['Habo', 'Håbo']);
  });

  it('puts the best matches first and finds a municipality by its code', () => {
    expect(filterMunicipalities(options, 'upplands')[0]?.name).toMatch(/^Upplands/);
    expect(filterMunicipalities(options, 'upplands bro').map((m) => m.name)).toEqual(['Upplands-Bro']);
    expect(filterMunicipalities(options, '0684').map((m) => m.name)).toEqual(['Sävsjö']);
  });

  it('lists all while empty or while the input shows the chosen municipality', () => {
    expect(filterMunicipalities(options, '')).toHaveLength(290);
    expect(filterMunicipalities(options, municipalityText(byName('Sävsjö')))).toHaveLength(290);
  });

  it('filters any list by name with the same rule', () => {
    expect(filterByName(['Ale', 'Älvdalen', 'Sala'], 'al', (s) => s)).toEqual(['Ale', 'Älvdalen', 'Sala']);
    expect(filterByName(['Ale', 'Älvdalen', 'Sala'], 'äl', (s) => s)).toEqual(['Älvdalen']);
  });

  it('shows code, county and population of the chosen one', () => {
    const savsjo = byName('Sävsjö');
    expect(municipalityFacts(savsjo)).toEqual({
      code: '0684',
      county: 'Jönköpings län',
      population: `${formatNumber(savsjo.population ?? NaN)} invånare (SCB ${savsjo.populationDate ?? ''})`,
    });
  });

  it('shows a dash when the register has no population for the municipality', () => {
    const { population: _p, populationDate: _d, ...without } = byName('Sävsjö');
    expect(municipalityFacts(without).population).toBe('–');
  });
});

describe('the organisation form as channel input', () => {
  it('creates a municipality from its code, leaving out what it does not use', () => {
    const form = { ...emptyOrganisationForm(), municipalityCode: '0684', countyCode: '01', population: '5', orgNumber: ' ' };
    expect(createInput(form)).toEqual({ kind: 'kommun', municipalityCode: '0684' });
  });

  it('sends the first membership in the same call when «Blir medlem» is ticked, and only then', () => {
    const form = { ...emptyOrganisationForm(), municipalityCode: '0684' };
    expect(createInput(form, { joined: '2022-03-15', startKnown: 'exact' })).toEqual({ kind: 'kommun', municipalityCode: '0684', membership: { joined: '2022-03-15' } });
    expect(createInput(form, { joined: '2022-01-01', startKnown: 'before' })).toMatchObject({ membership: { joined: '2022-01-01', startKnown: 'before' } });
    expect(createInput({ ...form, joinAsMember: false }, { joined: '2022-03-15', startKnown: 'exact' })).not.toHaveProperty('membership');
  });

  it('creates a group with its member municipalities and county', () => {
    const form = { ...emptyOrganisationForm(), kind: 'kommunalforbund' as const, name: 'Höglandsförbundet', countyCode: '06', groupMemberIds: ['a', 'b'], orgNumber: '222000-1234' };
    expect(createInput(form)).toEqual({ kind: 'kommunalforbund', name: 'Höglandsförbundet', countyCode: '06', groupMemberIds: ['a', 'b'], orgNumber: '222000-1234' });
  });

  it('reads a typed population with spaces, refuses anything else before asking the core', () => {
    expect(parsePopulation('250 000')).toBe(250_000);
    expect(parsePopulation('')).toBeUndefined();
    expect(parsePopulation('många')).toBeNull();
    const region = { ...emptyOrganisationForm(), kind: 'region' as const, name: 'Region X', population: '1 234 567' };
    expect(createInput(region)).toMatchObject({ population: 1_234_567 });
    expect(formProblems({ ...region, population: '12,5' })).toEqual([{ field: 'population', message: expect.stringMatching(/heltal/) }]);
    expect(formProblems(region)).toEqual([]);
  });

  it('clears with null what is blank on update, and what the new kind does not use', () => {
    const org = {
      id: 'org-1',
      kind: 'kommun' as const,
      name: 'Sävsjö',
      municipalityCode: '0684',
      orgNumber: '212000-0142',
      groupMemberIds: [],
      note: 'x',
      archived: false,
      createdAt: '2022-01-01T00:00:00.000Z',
    };
    const form = { ...organisationFormFrom(org), orgNumber: '' };
    expect(updateInput('org-1', form)).toEqual({
      id: 'org-1',
      kind: 'kommun',
      name: 'Sävsjö',
      municipalityCode: '0684',
      countyCode: null,
      orgNumber: null,
      population: null,
      groupMemberIds: [],
      website: null,
      note: 'x',
    });
    const nowOther = updateInput('org-1', { ...form, kind: 'annan' });
    expect(nowOther).toMatchObject({ kind: 'annan', municipalityCode: null });
  });

  it('asks the duplicate check about what identifies the organisation so far', () => {
    expect(duplicateCheckInput(emptyOrganisationForm())).toEqual({});
    expect(duplicateCheckInput({ ...emptyOrganisationForm(), municipalityCode: '0643', orgNumber: '2120000142' }, 'org-1')).toEqual({
      municipalityCode: '0643',
      orgNumber: '2120000142',
      excludeId: 'org-1',
    });
  });
});

describe('refusals from the core', () => {
  it('shows the field\'s own sentence at the field, keeping the whole sentence for elsewhere', () => {
    const refusal = fieldRefusal({
      code: 'validation',
      message: 'Organisationsnummer: Organisationsnumret stämmer inte: kontrollsiffran är fel.',
      field: 'orgNumber',
      fieldMessage: 'Organisationsnumret stämmer inte: kontrollsiffran är fel.',
    });
    expect(refusal).toEqual({
      field: 'orgNumber',
      code: 'validation',
      message: 'Organisationsnumret stämmer inte: kontrollsiffran är fel.',
      fullMessage: 'Organisationsnummer: Organisationsnumret stämmer inte: kontrollsiffran är fel.',
    });
  });

  it('names the existing record of a duplicate', () => {
    const refusal = fieldRefusal({
      code: 'duplicate',
      message: 'Kommun: Kommunen finns redan i registret: Habo.',
      field: 'municipalityCode',
      fieldMessage: 'Kommunen finns redan i registret: Habo.',
      details: { existingId: 'kommun-0643', existingName: 'Habo' },
    });
    expect(refusal.existing).toEqual({ id: 'kommun-0643', name: 'Habo' });
    expect(refusal.message).toBe('Kommunen finns redan i registret: Habo.');
  });

  it('keeps a refusal without a field as it is', () => {
    expect(fieldRefusal({ code: 'conflict', message: 'Habo: är medlem.' })).toEqual({ code: 'conflict', message: 'Habo: är medlem.', fullMessage: 'Habo: är medlem.' });
  });
});
