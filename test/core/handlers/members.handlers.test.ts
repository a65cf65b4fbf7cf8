import { describe, expect, it } from 'vitest';
import { createTestServices } from '../../support/memory-document';
import { feeTable2020, municipality, period, referenceDocument } from '../../fixtures/register/documents';

/** The fee table as the fee-table form sends it: the group rule is set through its own channel. */
const { groupRule: _groupRule, ...feeTableInput2020 } = feeTable2020;
import type { Result } from '../../../electron/contract';

function data<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.data;
}

function setUp() {
  const base = referenceDocument();
  return createTestServices({
    initial: referenceDocument({
      organisations: [municipality(base, '0643')],
      memberships: [period('kommun-0643', '2015-01-01')],
      feeTables: [feeTable2020],
    }),
    now: '2022-06-30T10:00:00.000Z',
  });
}

describe('members channels: organisations', () => {
  it('creates a municipality from its code, logs it, and lists it', async () => {
    const { call, repo } = setUp();
    const org = data(await call('members/create', { kind: 'kommun', municipalityCode: '0684', orgNumber: '16212000-0142' }));
    expect(org).toMatchObject({ name: 'Sävsjö', municipalityCode: '0684', orgNumber: '212000-0142', archived: false, createdAt: '2022-06-30T10:00:00.000Z' });
    const log = repo.get().changeLog.at(-1);
    expect(log).toMatchObject({ entity: 'organisation', entityId: org.id, organisationId: org.id, action: 'create', after: { name: 'Sävsjö' } });
    expect(data(await call('members/list', { query: 'savsjo' })).rows.map((r) => r.name)).toEqual(['Sävsjö']);
  });

  it('refuses duplicates with the existing record named and linked', async () => {
    const { call } = setUp();
    const dup = await call('members/create', { kind: 'kommun', municipalityCode: '0643' });
    expect(dup).toMatchObject({ ok: false, error: { code: 'duplicate', field: 'municipalityCode', details: { existingId: 'kommun-0643' } } });
    if (!dup.ok) expect(dup.error.message).toBe('Kommun: Kommunen finns redan i registret: Habo.');
    const byName = await call('members/create', { kind: 'annan', name: '  HABO ' });
    expect(byName).toMatchObject({ ok: false, error: { code: 'duplicate', details: { existingId: 'kommun-0643' } } });
    // Håbo is another municipality.
    expect((await call('members/create', { kind: 'kommun', municipalityCode: '0305' })).ok).toBe(true);
  });

  it('answers check-duplicate as the form is filled in', async () => {
    const { call } = setUp();
    expect(data(await call('members/check-duplicate', { name: 'håbo' })).duplicate).toBeNull();
    expect(data(await call('members/check-duplicate', { name: 'habo' })).duplicate).toMatchObject({ existingId: 'kommun-0643', field: 'name' });
    expect(data(await call('members/check-duplicate', { name: 'habo', excludeId: 'kommun-0643' })).duplicate).toBeNull();
  });

  it('tells the form how an organisation number would be stored, or why it is refused', async () => {
    const { call } = setUp();
    expect(data(await call('members/check-duplicate', { orgNumber: '16212000-0142' })).orgNumber).toEqual({ ok: true, canonical: '212000-0142' });
    const refused = data(await call('members/check-duplicate', { orgNumber: '212000-0143' })).orgNumber;
    expect(refused).toMatchObject({ ok: false });
    expect(refused?.ok === false && refused.message).toMatch(/kontrollsiffran/);
    expect(data(await call('members/check-duplicate', { orgNumber: '  ' })).orgNumber).toBeUndefined();
    expect(data(await call('members/check-duplicate', { name: 'Habo' })).orgNumber).toBeUndefined();
  });

  it('names the offending field in Swedish on validation errors', async () => {
    const { call } = setUp();
    const cases: [string, unknown, RegExp, string][] = [
      ['members/create', { kind: 'kommun', municipalityCode: '0684', orgNumber: '212000-0143' }, /^Organisationsnummer: .*kontrollsiffran/, 'orgNumber'],
      ['members/create', { kind: 'annan', name: 'x'.repeat(201) }, /^Namn: /, 'name'],
      ['members/create', { kind: 'kommun', municipalityCode: '684' }, /^Kommun: /, 'municipalityCode'],
      ['members/create', { kind: 'bolag', name: 'X' }, /^Typ: /, 'kind'],
      ['memberships/add', { organisationId: 'kommun-0643', joined: '2023-02-29' }, /^Inträdesdatum: /, 'joined'],
      ['contacts/create', { organisationId: 'kommun-0643', name: 'Anna', email: 'anna.kommun.se' }, /^E-post: E-postadressen saknar @/, 'email'],
      ['contacts/create', { organisationId: 'kommun-0643', name: 'Anna', phone: '070-12' }, /^Telefon: Telefonnumret är inte ett giltigt nummer/, 'phone'],
      ['contacts/create', { organisationId: 'kommun-0643', name: 'Anna', businessAreas: ['it'] }, /^Verksamhetsområden: /, 'businessAreas.0'],
      ['fees/save-table', { table: { ...feeTableInput2020, bands: feeTable2020.bands.slice(1) } }, /^Lägsta invånarantal: Den första avgiftsklassen ska börja på 0/, 'table.bands.0.minPopulation'],
      ['register/figures', { year: 1800 }, /^År: /, 'year'],
    ];
    for (const [channel, input, message, field] of cases) {
      const result = await call(channel as 'members/create', input as never);
      expect(result, channel).toMatchObject({ ok: false, error: { code: 'validation', field } });
      if (!result.ok) expect(result.error.message, channel).toMatch(message);
    }
    const extra = await call('members/create', { kind: 'annan', name: 'X', hemlig: 1 } as never);
    expect(extra).toMatchObject({ ok: false, error: { code: 'validation' } });
    if (!extra.ok) expect(extra.error.message).toMatch(/Okänt fält: ”hemlig”/);
  });

  it('updates as a patch, logs before and after, and skips a change that changes nothing', async () => {
    const { call, repo } = setUp();
    const updated = data(await call('members/update', { id: 'kommun-0643', orgNumber: '2120000142', website: 'habo.se', note: 'Anteckning' }));
    expect(updated).toMatchObject({ name: 'Habo', orgNumber: '212000-0142', website: 'https://habo.se', note: 'Anteckning' });
    const entry = repo.get().changeLog.at(-1);
    expect(entry?.summary).toBe('Ändrade organisationsnummer, webbplats, anteckning för Habo');
    expect(entry?.before).toMatchObject({ name: 'Habo' });
    expect((entry?.before as { orgNumber?: string }).orgNumber).toBeUndefined();
    expect(entry?.after).toMatchObject({ orgNumber: '212000-0142' });
    const count = repo.get().changeLog.length;
    data(await call('members/update', { id: 'kommun-0643', note: 'Anteckning' }));
    expect(repo.get().changeLog.length).toBe(count);
    const cleared = data(await call('members/update', { id: 'kommun-0643', orgNumber: null, website: '' }));
    expect(cleared.orgNumber).toBeUndefined();
    expect(cleared.website).toBeUndefined();
  });

  it('refuses to archive a current member, archives after the membership ends, and unarchives', async () => {
    const { call } = setUp();
    const refused = await call('members/archive', { id: 'kommun-0643' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'conflict' } });
    if (!refused.ok) expect(refused.error.message).toMatch(/Habo är medlem \(från och med 2015-01-01\)/);
    const page = data(await call('members/get', { id: 'kommun-0643' }));
    data(await call('memberships/end', { id: page.timeline.periods[0]!.id, left: '2022-06-29', reason: 'Beslut i fullmäktige' }));
    expect(data(await call('members/archive', { id: 'kommun-0643' })).archived).toBe(true);
    expect(data(await call('members/list', {})).rows).toHaveLength(0);
    expect(data(await call('members/unarchive', { id: 'kommun-0643' })).archived).toBe(false);
  });

  it('undoes a creation with the history channel while the change log keeps it', async () => {
    const { call, repo } = setUp();
    const org = data(await call('members/create', { kind: 'annan', name: 'Inera AB' }));
    data(await call('history/undo', {}));
    expect(repo.get().organisations.some((o) => o.id === org.id)).toBe(false);
    expect(repo.get().changeLog.some((e) => e.entityId === org.id && e.action === 'create')).toBe(true);
  });
});

describe('members channels: membership periods', () => {
  it('adds, refuses overlaps in Swedish, re-joins, updates, ends and deletes periods', async () => {
    const { call, repo } = setUp();
    const overlap = await call('memberships/add', { organisationId: 'kommun-0643', joined: '2020-01-01' });
    expect(overlap).toMatchObject({ ok: false, error: { code: 'conflict', field: 'joined' } });
    if (!overlap.ok) expect(overlap.error.message).toMatch(/^Inträdesdatum: Perioden överlappar en annan medlemsperiod/);

    const page = data(await call('members/get', { id: 'kommun-0643' }));
    const firstId = page.timeline.periods[0]!.id;
    const ended = data(await call('memberships/end', { id: firstId, left: '2019-12-31', noticeGiven: '2019-06-30', reason: 'Besparingar' }));
    expect(ended).toMatchObject({ left: '2019-12-31', noticeGiven: '2019-06-30', reason: 'Besparingar' });
    const rejoin = data(await call('memberships/add', { organisationId: 'kommun-0643', joined: '2022-03-01' }));
    expect(repo.get().changeLog.at(-1)?.summary).toBe('Habo: återinträde från och med 2022-03-01');

    const badEnd = await call('memberships/end', { id: firstId, left: '2022-05-01' });
    expect(badEnd).toMatchObject({ ok: false, error: { code: 'conflict' } });
    const badOrder = await call('memberships/update', { id: rejoin.id, left: '2022-01-01' });
    expect(badOrder).toMatchObject({ ok: false, error: { code: 'validation', field: 'left' } });

    const cleared = data(await call('memberships/update', { id: firstId, noticeGiven: null }));
    expect(cleared.noticeGiven).toBeUndefined();
    expect(data(await call('members/get', { id: 'kommun-0643', date: '2021-01-01' })).status.status).toBe('uttradd');

    data(await call('memberships/delete', { id: rejoin.id }));
    expect(repo.get().memberships.map((m) => m.id)).toEqual([firstId]);
    expect(repo.get().changeLog.at(-1)).toMatchObject({ action: 'delete', entity: 'membership', organisationId: 'kommun-0643', before: { joined: '2022-03-01' } });
    expect(await call('memberships/delete', { id: rejoin.id })).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });
});

describe('members channels: contacts', () => {
  it('creates with normalised e-mail and phone, patches, ends and lists', async () => {
    const { call } = setUp();
    const created = data(
      await call('contacts/create', {
        organisationId: 'kommun-0643',
        name: '  Åsa   Öberg ',
        email: 'Åsa.Öberg@Räksmörgås.SE',
        phone: '0046 70 123 45 67',
        businessAreas: ['skola', 'trafik', 'skola'],
        roles: ['it'],
        confirmedAt: '2022-01-15',
      }),
    );
    expect(created).toMatchObject({ name: 'Åsa Öberg', email: 'Åsa.Öberg@räksmörgås.se', phone: '+46701234567', businessAreas: ['skola', 'trafik'], roles: ['it'], legalBasis: 'allmant-intresse' });
    const patched = data(await call('contacts/update', { id: created.id, confirmedAt: null, title: 'IT-chef' }));
    expect(patched.confirmedAt).toBeUndefined();
    expect(patched).toMatchObject({ title: 'IT-chef', email: 'Åsa.Öberg@räksmörgås.se' });
    data(await call('contacts/end', { id: created.id, endedAt: '2022-06-01' }));
    expect(data(await call('contacts/list', { organisationId: 'kommun-0643', includeEnded: false }))).toHaveLength(0);
    const all = data(await call('contacts/list', { organisationId: 'kommun-0643' }));
    expect(all[0]).toMatchObject({ active: false, phoneDisplay: '070-123 45 67', businessAreaLabels: ['Skola', 'Trafik'], organisationName: 'Habo' });
    expect(await call('contacts/create', { organisationId: 'saknas', name: 'X' })).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });
});

describe('members channels: the organisation page, figures, coverage, fees and the log', () => {
  it('builds the organisation page with facts, status, timeline, contacts, fee explanation and changes', async () => {
    const { call } = setUp();
    data(await call('contacts/create', { organisationId: 'kommun-0643', name: 'Bo Berg', businessAreas: ['skola'] }));
    const page = data(await call('members/get', { id: 'kommun-0643', date: '2022-06-30' }));
    expect(page.facts).toMatchObject({ countyName: 'Jönköpings län', kindLabel: 'Kommun', populationSource: 'scb' });
    expect(page.status).toMatchObject({ status: 'medlem', label: 'Medlem' });
    expect(page.timeline.segments).toEqual([{ from: '2015-01-01', status: 'medlem', label: 'Medlem' }]);
    expect(page.contacts.map((c) => c.name)).toEqual(['Bo Berg']);
    // Habo has 13 456 inhabitants in the reference data: 10 000 kr a year.
    expect(page.fee).toMatchObject({ year: 2022, totalOre: 10_000_00, basis: 'band' });
    // 2022's fee is decided by the count of 31 December 2021.
    expect(page.fee?.explanation[0]).toMatch(/^12\s810 invånare \(folkmängd 2021-12-31\)/);
    expect(page.changes.entries[0]).toMatchObject({ entity: 'contact', actionLabel: 'Skapad', entityLabel: 'Kontaktperson', organisationName: 'Habo' });
    const before = data(await call('members/get', { id: 'kommun-0643', year: 2014 }));
    expect(before.fee).toBeNull();
    expect(before.feeMessage).toBe('Det finns ingen avgiftstabell för 2014.');
    expect(await call('members/get', { id: 'saknas' })).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });

  it('lists the networks the organisation takes part in, through its own entry or its persons', async () => {
    const { call } = setUp();
    const person = data(await call('contacts/create', { organisationId: 'kommun-0643', name: 'Bo Berg' }));
    const digidel = data(await call('networks/create', { kind: 'kompetensnatverk', name: 'Digidel' }));
    const iot = data(await call('networks/create', { kind: 'projekt', name: 'IoT' }));
    data(await call('networks/create', { kind: 'kompetensnatverk', name: 'Utan Habo' }));
    data(await call('networks/add-entry', { networkId: digidel.id, contactId: person.id, role: 'sammankallande', from: '2022-01-01' }));
    data(await call('networks/add-entry', { networkId: iot.id, organisationId: 'kommun-0643', from: '2021-01-01', to: '2021-12-31' }));
    const page = data(await call('members/get', { id: 'kommun-0643', date: '2022-06-30' }));
    expect(page.networks.map((n) => [n.name, n.entries.map((e) => [e.displayName, e.role, e.active])])).toEqual([
      ['Digidel', [['Bo Berg', 'sammankallande', true]]],
      ['IoT', [['Habo', 'deltagare', false]]],
    ]);
  });

  it('answers register figures and coverage', async () => {
    const { call } = setUp();
    const figures = data(await call('register/figures', { year: 2022 }));
    expect(figures).toMatchObject({ membersAtStart: 1, membersAtEnd: 1, joinedDuring: 0, leftDuring: 0 });
    const coverage = data(await call('register/coverage', { date: '2022-06-30' }));
    expect(coverage.rows.map((r) => [r.name, r.missingAreas.length])).toEqual([['Habo', 5]]);
  });

  it('saves, lists, gets and applies fee tables', async () => {
    const { call, repo } = setUp();
    const table2023 = { ...feeTableInput2020, year: 2023, otherOrganisations: { entryFeeOre: 6_000_00, yearlyFeeOre: 30_000_00 } };
    const unordered = await call('fees/save-table', { table: { ...table2023, bands: [...feeTable2020.bands].reverse() } });
    expect(unordered).toMatchObject({ ok: false, error: { code: 'validation' } });
    const saved = data(await call('fees/save-table', { table: table2023 }));
    expect(saved).toEqual({ ...table2023, note: '', groupRule: { basis: 'combined-population', status: 'att-bekrafta', decision: '' } });
    expect(repo.get().changeLog.at(-1)).toMatchObject({ entity: 'feeTable', entityId: '2023', action: 'create' });
    expect(data(await call('fees/list-tables', {})).map((t) => t.year)).toEqual([2020, 2023]);
    const got = data(await call('fees/get-table', { year: 2022 }));
    expect(got.table?.year).toBe(2020);
    expect(got.bandLabels[1]).toMatch(/^7\s000–14\s999 invånare$/);
    expect(data(await call('fees/get-table', { year: 2019 })).table).toBeNull();
    data(await call('fees/save-table', { table: { ...table2023, note: 'Ändrad' } }));
    expect(repo.get().feeTables).toHaveLength(2);
    const computed = data(await call('fees/compute', { year: 2022 }));
    expect(computed).toMatchObject({ tableYear: 2020, totalOre: 10_000_00 });
    expect(await call('fees/compute', { year: 2019 })).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });

  it('confirms the group rule with a decision reference, change-logged, and keeps it when the bands are saved again', async () => {
    const { call, repo } = setUp();
    const missing = await call('fees/confirm-group-rule', { tableYear: 2020, basis: 'other-organisations', decision: '  ' });
    expect(missing).toMatchObject({ ok: false, error: { code: 'validation', field: 'decision' } });
    expect(await call('fees/confirm-group-rule', { tableYear: 2015, basis: 'other-organisations', decision: 'Styrelsen § 3' })).toMatchObject({
      ok: false,
      error: { code: 'not-found', message: 'Det finns ingen avgiftstabell från 2015.' },
    });
    const confirmed = data(await call('fees/confirm-group-rule', { tableYear: 2020, basis: 'other-organisations', decision: 'Styrelsen 2022-03-15 § 12' }));
    expect(confirmed.groupRule).toMatchObject({ basis: 'other-organisations', status: 'bekraftad', decision: 'Styrelsen 2022-03-15 § 12' });
    expect(confirmed.groupRule.confirmedAt).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(repo.get().changeLog.at(-1)).toMatchObject({ entity: 'feeTable', entityId: '2020', action: 'update' });
    data(await call('fees/save-table', { table: { ...feeTableInput2020, note: 'Ny not', populationYearOffset: 0 } }));
    expect(repo.get().feeTables[0]).toMatchObject({ note: 'Ny not', populationYearOffset: 0, groupRule: { status: 'bekraftad', decision: 'Styrelsen 2022-03-15 § 12' } });
    const offset = await call('fees/save-table', { table: { ...feeTableInput2020, populationYearOffset: -5 } });
    expect(offset).toMatchObject({ ok: false, error: { code: 'validation', field: 'table.populationYearOffset' } });
  });

  it('lists the change log per organisation, newest first, paged', async () => {
    const { call } = setUp();
    const other = data(await call('members/create', { kind: 'annan', name: 'Inera AB' }));
    data(await call('members/update', { id: 'kommun-0643', note: 'Ett' }));
    data(await call('members/update', { id: 'kommun-0643', note: 'Två' }));
    const habo = data(await call('changes/list', { organisationId: 'kommun-0643' }));
    expect(habo.total).toBe(2);
    expect(habo.entries.map((e) => (e.after as { note: string }).note)).toEqual(['Två', 'Ett']);
    const all = data(await call('changes/list', { limit: 1, offset: 0 }));
    expect(all.total).toBe(3);
    expect(all.entries).toHaveLength(1);
    expect(data(await call('changes/list', { organisationId: other.id })).entries[0]?.summary).toBe('Lade till Inera AB (annan organisation)');
  });
});

describe('members channels over the shipped default data', () => {
  it('lists, computes fees and figures for the 2022 register without refusals', async () => {
    const { call } = createTestServices();
    const list = data(await call('members/list', { date: '2022-01-01' }));
    expect(list.count).toBeGreaterThan(0);
    const fees = data(await call('fees/compute', { year: 2022 }));
    expect(fees.totalOre).toBe(fees.rows.reduce((sum, r) => sum + r.totalOre, 0));
    const figures = data(await call('register/figures', { year: 2022 }));
    const overview = data(await call('overview/get', { date: '2022-01-01' }));
    expect(figures.membersAtStart).toBe(overview.memberCount);
    expect(figures.populationAtStart).toBe(overview.memberPopulation);
  });
});

describe('members channels: preparing the search', () => {
  it('folds the names of every organisation, archived ones too, and a search afterwards answers as before', async () => {
    const { call } = setUp();
    data(await call('members/create', { kind: 'kommun', municipalityCode: '0684' }));
    expect(data(await call('members/prepare-search', {}))).toEqual({ organisations: 2 });
    expect(data(await call('members/list', { query: 'savsjo' })).rows.map((r) => r.name)).toEqual(['Sävsjö']);
    expect(await call('members/prepare-search', { extra: 1 } as never)).toMatchObject({ ok: false });
  });
});
