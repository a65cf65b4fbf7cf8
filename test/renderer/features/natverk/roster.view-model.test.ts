import { describe, expect, it } from 'vitest';
import {
  councilRows,
  councilSummary,
  defaultRole,
  entryStatus,
  organisationCandidates,
  personCandidates,
  rosterCounts,
  rosterRows,
  showsParticipation,
} from '../../../../renderer/features/natverk/roster.view-model';
import { sv } from '../../../../renderer/lib/i18n/sv';
import { DATE, read } from './fixture';

const t = sv.natverk;

describe('the roster', () => {
  it('lists entries in force first, by role (ordförande first), then by name', async () => {
    const detail = await read('networks/get', { networkId: 'n1' });
    const rows = rosterRows(detail, { showEnded: false });
    expect(rows.map((r) => r.name)).toEqual(['Bo Lind', 'Anna Ek', 'Cecilia Åberg', 'Håbo', 'Högskolan i Skövde', 'Läromedia']);
    expect(rows.every((r) => r.status === 'active')).toBe(true);
    const all = rosterRows(detail, { showEnded: true });
    expect(all.map((r) => `${r.name}:${r.status}`).slice(-2)).toEqual(['Alingsås:future', 'Habo:ended']);
    expect(all.find((r) => r.name === 'Habo')).toMatchObject({ statusLabel: t.roster.statusEnded, periodText: '2021-01-01 – 2022-03-31' });
    expect(all.find((r) => r.name === 'Alingsås')).toMatchObject({ statusLabel: t.roster.statusFuture, periodText: 'från 2022-09-01' });
  });

  it('says what each entry is, whom it counts for, and whether an address is missing', async () => {
    const detail = await read('networks/get', { networkId: 'n1' });
    const rows = rosterRows(detail, { showEnded: false });
    const byName = (name: string) => rows.find((r) => r.name === name);
    expect(byName('Anna Ek')).toMatchObject({
      kind: 'person',
      contactId: 'c-anna',
      organisationName: 'Borås',
      roleLabel: 'Ledamot',
      email: 'anna.ek@boras.se',
      emailMissing: false,
      countsAsMemberMunicipality: true,
    });
    expect(byName('Bo Lind')).toMatchObject({ roleLabel: 'Ordförande', emailMissing: true });
    // Håbo takes part but is not a member; Läromedia is no municipality; the college is external.
    expect(byName('Håbo')).toMatchObject({ kind: 'organisation', organisationName: '', countsAsMemberMunicipality: false });
    expect(byName('Läromedia')?.countsAsMemberMunicipality).toBe(false);
    expect(byName('Högskolan i Skövde')).toMatchObject({ kind: 'external', kindLabel: t.roster.externalKind, emailMissing: false });
  });

  it('counts entries and persons in force', async () => {
    const counts = rosterCounts(await read('networks/get', { networkId: 'n1' }));
    expect(counts).toMatchObject({ active: 6, persons: 3, ended: 2 });
    expect(counts.text).toBe('6 i listan, varav 3 personer');
  });

  it('reads an entry\'s status at the date, the end day included', () => {
    expect(entryStatus({ from: '2022-01-01', to: DATE }, DATE)).toBe('active');
    expect(entryStatus({ from: '2022-01-01', to: '2022-06-29' }, DATE)).toBe('ended');
    expect(entryStatus({ from: '2022-07-01' }, DATE)).toBe('future');
  });

  it('asks for participation in projects and partnerships only, and seats a council\'s people as members', () => {
    expect(showsParticipation('projekt')).toBe(true);
    expect(showsParticipation('partnerskap')).toBe(true);
    expect(showsParticipation('kompetensnatverk')).toBe(false);
    expect(defaultRole('forvaltningsrad')).toBe('ledamot');
    expect(defaultRole('kompetensnatverk')).toBe('deltagare');
  });
});

describe('a governance council', () => {
  it('shows the organisations that use its service, each with its representative or the lack of one', async () => {
    const rows = councilRows(await read('networks/get', { networkId: 'n2' }));
    expect(rows.map((r) => r.name)).toEqual(['Alingsås', 'Borås']);
    expect(rows[1]).toMatchObject({ isMember: true, memberLabel: 'Medlem', representative: 'Eva Sävström (ledamot)', representativeEntryId: 'r1' });
    expect(rows[1]?.sourceLabel).toBe(t.council.direct('2021-01-01'));
    expect(rows[0]?.representative).toBeUndefined();
    expect(councilSummary(rows)).toBe('2 organisationer, 1 med representant');
  });

  it('has no council rows for other kinds', async () => {
    expect(councilRows(await read('networks/get', { networkId: 'n1' }))).toEqual([]);
  });
});

describe('the person picker', () => {
  const setup = async () => ({
    contacts: await read('contacts/list', { includeEnded: false, date: DATE }),
    roster: (await read('networks/get', { networkId: 'n1' })).roster,
  });

  it('offers persons not on the roster, matching the name first and then the organisation', async () => {
    const { contacts, roster } = await setup();
    // Anna Ek and Eva Sävström work in Borås; Anna is on the roster already.
    const byOrg = personCandidates(contacts, 'borås', roster, DATE);
    expect(byOrg.options.map((o) => o.name)).toEqual(['Eva Sävström']);
    expect(byOrg.options[0]).toMatchObject({ contactId: 'c-eva', text: 'Eva Sävström, Borås', secondary: 'Borås · eva@boras.se' });
    // «sav» finds Eva by name (Sävström, folded) before Cecilia by organisation (Sävsjö)… but Cecilia's
    // entry runs to today, so she is not offered from today.
    expect(personCandidates(contacts, 'sav', roster, DATE).options.map((o) => o.name)).toEqual(['Eva Sävström']);
    // From tomorrow Cecilia's entry has ended: she may be added again, after the name match.
    expect(personCandidates(contacts, 'sav', roster, '2022-07-01').options.map((o) => o.name)).toEqual(['Eva Sävström', 'Cecilia Åberg']);
  });

  it('follows the register\'s search rule: no diacritics typed finds both, a diacritic typed finds only itself', async () => {
    const { contacts } = await setup();
    // Dan Borg (Habo) can be offered for a day before he left; Hans Holm works in Håbo.
    const withEnded = await read('contacts/list', { includeEnded: true, date: DATE });
    expect(personCandidates(withEnded, 'hab', [], '2022-03-01').options.map((o) => o.name)).toEqual(['Dan Borg', 'Hans Holm']);
    expect(personCandidates(withEnded, 'håb', [], '2022-03-01').options.map((o) => o.name)).toEqual(['Hans Holm']);
    expect(personCandidates(contacts, 'angel', [], DATE).options.map((o) => o.name)).toEqual(['Bo Lind']);
    expect(personCandidates(contacts, 'ängel', [], DATE).options.map((o) => o.name)).toEqual(['Bo Lind']);
    expect(personCandidates(contacts, 'angelholmx', [], DATE).options).toEqual([]);
  });

  it('leaves out persons who have left their organisation, and lists everyone by name for an empty query', async () => {
    const { contacts } = await setup();
    const all = personCandidates(contacts, '', [], DATE);
    expect(all.options.map((o) => o.name)).toEqual(['Anna Ek', 'Bo Lind', 'Cecilia Åberg', 'Eva Sävström', 'Hans Holm']);
    // Dan Borg left Habo on 31 March; with all contacts given he is still not offered after that day.
    const withEnded = await read('contacts/list', { includeEnded: true, date: DATE });
    expect(personCandidates(withEnded, 'dan', [], DATE).options).toEqual([]);
    expect(personCandidates(withEnded, 'dan', [], '2022-03-01').options.map((o) => o.name)).toEqual(['Dan Borg']);
  });

  it('cuts the list and says how many more match', async () => {
    const { contacts } = await setup();
    const cut = personCandidates(contacts, '', [], DATE, 2);
    expect(cut.options).toHaveLength(2);
    expect(cut.more).toBe(3);
  });
});

describe('the organisation picker', () => {
  it('offers organisations not already on the roster as organisations, best match first, never archived ones', async () => {
    const organisations = (await read('members/list', { date: DATE, archived: 'all' })).rows;
    const roster = (await read('networks/get', { networkId: 'n1' })).roster;
    const names = (query: string, from = DATE) => organisationCandidates(organisations, query, roster, from).options.map((o) => o.name);
    // Håbo and Läromedia have open organisation entries; Habo's ended in March; Borås is there only through a person.
    // Alingsås's entry starts in September: an open entry from today would overlap it.
    expect(names('')).toEqual(['Borås', 'Habo', 'Sävsjö', 'Ängelholm']);
    expect(names('', '2023-01-01')).toEqual(['Borås', 'Habo', 'Sävsjö', 'Ängelholm']);
    expect(names('alings')).toEqual([]);
    expect(names('habo')).toEqual(['Habo']);
    expect(names('gamla')).toEqual([]);
    const borås = organisationCandidates(organisations, 'borås', roster, DATE).options[0];
    expect(borås).toMatchObject({ organisationId: 'org-Borås', isMember: true });
    expect(borås?.secondary).toContain('Medlem');
  });
});
