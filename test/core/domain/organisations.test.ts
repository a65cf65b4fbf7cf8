import { describe, expect, it } from 'vitest';
import { AppError } from '../../../electron/contract/result';
import {
  applyOrganisationPatch,
  assertNotDuplicate,
  findDuplicate,
  organisationFacts,
  prepareOrganisation,
  referenceMaps,
} from '../../../electron/core/domain/organisations';
import { municipality, organisation, referenceDocument } from '../../fixtures/register/documents';

function refusal(run: () => unknown): AppError {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('preparing an organisation', () => {
  const doc = referenceDocument();

  it('takes a municipality name, county and population from the reference data by code', () => {
    const prepared = prepareOrganisation(doc, { kind: 'kommun', municipalityCode: '0684' });
    expect(prepared).toMatchObject({ kind: 'kommun', name: 'Sävsjö', municipalityCode: '0684' });
    expect(prepared.countyCode).toBeUndefined();
    expect(prepared.population).toBeUndefined();
    const org = { ...prepared, id: 'x', archived: false, createdAt: '2022-01-01T00:00:00Z' };
    const figure = (date: string) => doc.reference.populations.find((p) => p.code === '0684' && p.date === date)?.population;
    // Without a date the newest count; with one, the count of that date.
    expect(organisationFacts(referenceMaps(doc), org, new Map())).toMatchObject({
      countyCode: '06',
      countyName: 'Jönköpings län',
      population: figure('2024-12-31'),
      populationSource: 'scb',
      populationDate: '2024-12-31',
    });
    expect(organisationFacts(referenceMaps(doc), org, new Map(), '2019-12-31')).toMatchObject({ population: figure('2019-12-31'), populationDate: '2019-12-31' });
    expect(figure('2019-12-31')).not.toBe(figure('2024-12-31'));
  });

  it('requires a municipality to be one of the 290 official ones', () => {
    expect(refusal(() => prepareOrganisation(doc, { kind: 'kommun' })).message).toMatch(/^Kommun: Välj kommunen/);
    const unknown = refusal(() => prepareOrganisation(doc, { kind: 'kommun', municipalityCode: '9999' }));
    expect(unknown.message).toBe('Kommun: Kommunkoden 9999 finns inte bland Sveriges 290 kommuner.');
    expect(unknown).toMatchObject({ field: 'municipalityCode' });
  });

  it('refuses a municipality code on a kind that has none, and a typed population for a municipality', () => {
    expect(refusal(() => prepareOrganisation(doc, { kind: 'annan', name: 'X', municipalityCode: '0684' }))).toMatchObject({ field: 'municipalityCode' });
    expect(refusal(() => prepareOrganisation(doc, { kind: 'kommun', municipalityCode: '0684', population: 5 }))).toMatchObject({ field: 'population' });
  });

  it('stores organisation numbers canonically and refuses invalid ones naming the field', () => {
    expect(prepareOrganisation(doc, { kind: 'kommun', municipalityCode: '0180', orgNumber: '2120000142' }).orgNumber).toBe('212000-0142');
    const bad = refusal(() => prepareOrganisation(doc, { kind: 'kommun', municipalityCode: '0180', orgNumber: '212000-0143' }));
    expect(bad.code).toBe('validation');
    expect(bad.message).toMatch(/^Organisationsnummer: .*kontrollsiffran/);
  });

  it('lets a group list municipalities, and nothing else list members', () => {
    const withOrgs = referenceDocument({
      organisations: [municipality(doc, '0684'), municipality(doc, '0604'), organisation('annan', 'Annan AB', 'annan')],
    });
    const group = prepareOrganisation(withOrgs, { kind: 'kommunalforbund', name: 'Höglandsförbundet', groupMemberIds: ['kommun-0684', 'kommun-0604', 'kommun-0684'] });
    expect(group.groupMemberIds).toEqual(['kommun-0684', 'kommun-0604']);
    expect(refusal(() => prepareOrganisation(withOrgs, { kind: 'annan', name: 'X', groupMemberIds: ['kommun-0684'] }))).toMatchObject({ field: 'groupMemberIds' });
    expect(refusal(() => prepareOrganisation(withOrgs, { kind: 'gemensam-namnd', name: 'N', groupMemberIds: ['annan'] })).message).toMatch(/Annan AB/);
    expect(refusal(() => prepareOrganisation(withOrgs, { kind: 'gemensam-namnd', name: 'N', groupMemberIds: ['saknas'] })).code).toBe('not-found');
  });

  it('checks the county of a non-municipal organisation and normalises the website', () => {
    expect(prepareOrganisation(doc, { kind: 'region', name: 'Region Jönköpings län', countyCode: '06', website: 'www.rjl.se' })).toMatchObject({
      countyCode: '06',
      website: 'https://www.rjl.se',
    });
    expect(refusal(() => prepareOrganisation(doc, { kind: 'region', name: 'R', countyCode: '02' }))).toMatchObject({ field: 'countyCode' });
    expect(refusal(() => prepareOrganisation(doc, { kind: 'annan', name: 'R', website: 'inte en adress' }))).toMatchObject({ field: 'website' });
  });

  it('lets a patch clear optional fields and follow a new municipality name', () => {
    const refs = referenceMaps(doc);
    const org = { ...municipality(doc, '0684'), orgNumber: '212000-0142' };
    const fields = applyOrganisationPatch(refs, org, { orgNumber: null, municipalityCode: '0643' });
    expect(fields.orgNumber).toBeUndefined();
    expect(prepareOrganisation(doc, fields).name).toBe('Habo');
    const custom = { ...municipality(doc, '1480'), name: 'Göteborgs Stad' };
    expect(prepareOrganisation(doc, applyOrganisationPatch(refs, custom, { note: 'x' })).name).toBe('Göteborgs Stad');
  });
});

describe('duplicates', () => {
  const base = referenceDocument();
  const orgs = [
    municipality(base, '0643', { orgNumber: '212000-0142' }), // Habo (with a number for the test)
    organisation('uv', 'Upplands Väsby Energi', 'annan'),
    organisation('gammal', 'Gamla Förbundet', 'kommunalforbund', { archived: true }),
  ];

  it('finds the same organisation number in any input form', () => {
    const d = findDuplicate(orgs, { orgNumber: '16212000-0142' });
    expect(d).toMatchObject({ field: 'orgNumber', existingId: 'kommun-0643', existingName: 'Habo' });
    expect(d?.message).toMatch(/212000-0142: Habo/);
  });

  it('finds the same municipality', () => {
    expect(findDuplicate(orgs, { municipalityCode: '0643' })).toMatchObject({ field: 'municipalityCode', existingId: 'kommun-0643' });
  });

  it('finds names differing only in case or spacing, archived records too', () => {
    expect(findDuplicate(orgs, { name: 'upplands  väsby  ENERGI' })).toMatchObject({ field: 'name', existingId: 'uv' });
    expect(findDuplicate(orgs, { name: 'UpplandsVäsby Energi' })).toMatchObject({ field: 'name', existingId: 'uv' });
    const archived = findDuplicate(orgs, { name: 'gamla förbundet' });
    expect(archived).toMatchObject({ existingId: 'gammal', existingArchived: true });
    expect(archived?.message).toMatch(/arkiverad/);
  });

  it('does not call Habo and Håbo duplicates, nor names differing in å/ä/ö', () => {
    expect(findDuplicate(orgs, { name: 'Håbo', municipalityCode: '0305' })).toBeUndefined();
    expect(findDuplicate(orgs, { name: 'Upplands Vasby Energi' })).toBeUndefined();
  });

  it('ignores the record being edited', () => {
    expect(findDuplicate(orgs, { name: 'Habo', municipalityCode: '0643' }, 'kommun-0643')).toBeUndefined();
  });

  it('refuses with code duplicate, a Swedish message naming the record, and the existing id', () => {
    const error = refusal(() => assertNotDuplicate(orgs, { name: 'HABO' }));
    expect(error.code).toBe('duplicate');
    expect(error.message).toMatch(/^Namn: Det finns redan en organisation som heter Habo/);
    expect(error).toMatchObject({ field: 'name', details: { existingId: 'kommun-0643' } });
  });
});
