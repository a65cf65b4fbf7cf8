import { describe, expect, it } from 'vitest';
import type { ChangeView, ContactRow } from '../../../../electron/contract';
import { contactRows } from '../../../../electron/core/domain/contacts';
import { feeForOrganisation } from '../../../../electron/core/domain/fees';
import { membershipTimeline } from '../../../../electron/core/domain/memberships';
import {
  changeDiffs,
  changeRows,
  contactViewModels,
  feeViewModel,
  feeYears,
  networkViewModels,
  openPeriod,
  periodRows,
  timelineViewModel,
} from '../../../../renderer/features/medlemmar/organisation-page.view-model';
import { formatKr } from '../../../../renderer/lib/format';
import { sv } from '../../../../renderer/lib/i18n/sv';
import { contact, feeTable2020, municipality, organisation, period, referenceDocument } from '../../../fixtures/register/documents';

const base = referenceDocument();
const habo = municipality(base, '0643');
const group = organisation('grupp', 'Höglandsförbundet', 'kommunalforbund', { groupMemberIds: [habo.id] });

describe('the membership timeline', () => {
  const doc = referenceDocument({
    organisations: [habo, group],
    memberships: [
      period(habo.id, '2021-01-01', { noticeGiven: '2021-07-01', left: '2021-12-31', reason: 'Besparingar' }),
      period(habo.id, '2022-03-01'),
      period(group.id, '2020-07-01', { left: '2020-12-31' }),
    ],
    feeTables: [feeTable2020],
  });
  const timeline = membershipTimeline(doc, habo.id);
  const vm = timelineViewModel(timeline, '2022-06-30');

  it('runs from the first year with a period to the end of next year, with a tick per year', () => {
    expect([vm.firstYear, vm.lastYear]).toEqual([2020, 2023]);
    expect(vm.ticks.map((t) => t.year)).toEqual([2020, 2021, 2022, 2023]);
    expect(vm.ticks[0]?.at).toBe(0);
    // 2020 is a leap year: 366 of the axis's 1 461 days.
    expect(vm.ticks[1]?.at).toBeCloseTo((366 / 1461) * 100, 6);
  });

  it('draws own periods on one lane and each group on its own, an open period to the axis end', () => {
    expect(vm.lanes.map((l) => l.label)).toEqual([sv.medlemmar.page.ownLane, 'Höglandsförbundet']);
    const [ended, current] = vm.lanes[0]!.bars;
    expect(ended?.start).toBeCloseTo((366 / 1461) * 100, 6);
    // The last day is inclusive: the bar ends where 2022 begins.
    expect(ended?.end).toBeCloseTo(((366 + 365) / 1461) * 100, 6);
    expect(ended?.notice).toBeCloseTo(((366 + 181) / 1461) * 100, 6);
    expect(ended?.open).toBe(false);
    expect(current).toMatchObject({ open: true, end: 100, kind: 'own', text: '2022-03-01 – pågår' });
    expect(vm.lanes[1]?.bars).toEqual([expect.objectContaining({ kind: 'group', text: '2020-07-01 – 2020-12-31' })]);
    expect(vm.lanes[1]?.bars[0]?.start).toBeCloseTo((182 / 1461) * 100, 6);
    expect(vm.today).toBeCloseTo(((366 + 365 + 180) / 1461) * 100, 6);
  });

  it('lists the periods newest first, saying which is a re-join', () => {
    const rows = periodRows(timeline);
    expect(rows.map((r) => [r.kind, r.joined, r.noticeGiven, r.left, r.reason])).toEqual([
      ['Återinträde', '2022-03-01', '–', 'pågår', '–'],
      ['Inträde', '2021-01-01', '2021-07-01', '2021-12-31', 'Besparingar'],
    ]);
    expect(openPeriod(timeline)?.joined).toBe('2022-03-01');
  });

  it('starts at this year for an organisation without periods', () => {
    const empty = timelineViewModel(membershipTimeline(referenceDocument({ organisations: [habo] }), habo.id), '2022-06-30');
    expect([empty.firstYear, empty.lastYear, empty.lanes.length, empty.lanes[0]?.bars.length]).toEqual([2022, 2023, 1, 0]);
  });
});

describe('the fee', () => {
  it('breaks a first-year fee down into the prorated yearly fee and the entry fee, with the core’s explanation', () => {
    const doc = referenceDocument({ organisations: [habo], memberships: [period(habo.id, '2022-06-30')], feeTables: [feeTable2020] });
    const fee = feeForOrganisation(doc, habo.id, 2022)!;
    const vm = feeViewModel(fee, undefined, 2022);
    if ('message' in vm) throw new Error('expected a fee');
    expect(vm.total).toBe(formatKr(fee.totalOre));
    expect(vm.lines).toEqual([
      { label: sv.medlemmar.fee.yearly, amount: formatKr(10_000_00) },
      { label: sv.medlemmar.fee.charged('6'), amount: formatKr(5_000_00) },
      { label: sv.medlemmar.fee.entry, amount: formatKr(5_000_00) },
    ]);
    expect(vm.explanation).toBe(fee.explanation);
    expect(vm.table).toBe(sv.medlemmar.fee.table('2020'));
  });

  it('says why there is no fee', () => {
    expect(feeViewModel(null, 'Inte medlem under 2022: ingen medlemsavgift.', 2022)).toEqual({ message: 'Inte medlem under 2022: ingen medlemsavgift.' });
  });

  it('offers the years from the first fee table to next year, newest first', () => {
    expect(feeYears('2022-06-30', 2020)).toEqual([2023, 2022, 2021, 2020]);
    expect(feeYears('2022-06-30', undefined)).toEqual([2023, 2022, 2021, 2020, 2019, 2018, 2017]);
  });
});

describe('contacts', () => {
  const doc = referenceDocument({
    organisations: [habo],
    contacts: [
      contact('c1', habo.id, 'Åsa Öberg', { phone: '+46701234567', businessAreas: ['skola', 'stod-och-bistand'], roles: ['it'], confirmedAt: '2021-01-01' }),
      contact('c2', habo.id, 'Bo Berg', { endedAt: '2022-01-31' }),
    ],
  });
  const rows: ContactRow[] = contactRows(doc, { organisationId: habo.id, date: '2022-06-30' });

  it('shows active contacts with labels, the phone as Swedes read it, and a stale confirmation', () => {
    const [asa] = contactViewModels(rows, false);
    expect(contactViewModels(rows, false)).toHaveLength(1);
    expect(asa).toMatchObject({
      name: 'Åsa Öberg',
      phone: '070-123 45 67',
      phoneHref: '+46701234567',
      areas: ['Skola', 'Stöd och bistånd'],
      roles: ['IT'],
      confirmed: '2021-01-01',
      stale: true,
      legalBasis: sv.medlemmar.legalBasesShort['allmant-intresse'],
    });
  });

  it('shows ended contacts on request, not marked stale', () => {
    const all = contactViewModels(rows, true);
    expect(all.map((c) => c.name)).toEqual(['Åsa Öberg', 'Bo Berg']);
    expect(all[1]).toMatchObject({ active: false, stale: false, ended: sv.medlemmar.contacts.ended('2022-01-31'), confirmed: sv.medlemmar.contacts.neverConfirmed });
  });
});

describe('networks', () => {
  it('names the kind, the council seat and each entry with its role', () => {
    const vms = networkViewModels([
      {
        networkId: 'n1',
        name: 'Digidel',
        kind: 'kompetensnatverk',
        archived: false,
        councilUser: false,
        entries: [
          { entryId: 'e1', displayName: 'Åsa Öberg', role: 'sammankallande', from: '2022-01-01', active: true },
          { entryId: 'e2', displayName: 'Bo Berg', role: 'deltagare', from: '2021-01-01', to: '2021-12-31', active: false },
        ],
      },
      { networkId: 'n2', name: 'Förvaltningsråd EGIL', kind: 'forvaltningsrad', archived: false, councilUser: true, entries: [] },
    ]);
    expect(vms).toEqual([
      { id: 'n1', name: 'Digidel', kind: 'Kompetensnätverk', lines: ['Åsa Öberg, sammankallande', 'Bo Berg, deltagare (slutade 2021-12-31)'] },
      { id: 'n2', name: 'Förvaltningsråd EGIL', kind: 'Förvaltningsråd', lines: [sv.medlemmar.page.councilSeat] },
    ]);
  });
});

describe('the change log', () => {
  it('lists the fields that changed, before → after, with codes and ids in words', () => {
    const before = { id: 'x', kind: 'kommun', name: 'Habo', groupMemberIds: [], note: '', archived: false, createdAt: 'a' };
    const after = { ...before, kind: 'kommunalforbund', name: 'Habo förbund', groupMemberIds: ['k1'], website: 'https://habo.se' };
    expect(changeDiffs(before, after, (id) => (id === 'k1' ? 'Mullsjö' : undefined))).toEqual([
      { field: 'typ', before: 'Kommun', after: 'Kommunalförbund' },
      { field: 'namn', before: 'Habo', after: 'Habo förbund' },
      { field: 'gruppens medlemmar', before: 'tomt', after: 'Mullsjö' },
      { field: 'webbplats', before: 'tomt', after: 'https://habo.se' },
    ]);
  });

  it('lists what a new record holds, and reads business areas and legal basis as the screen shows them', () => {
    const created = { id: 'c', organisationId: 'o', name: 'Åsa', businessAreas: ['skola'], legalBasis: 'samtycke', createdAt: 'x' };
    expect(changeDiffs(undefined, created)).toEqual([
      { field: 'namn', before: 'tomt', after: 'Åsa' },
      { field: 'verksamhetsområden', before: 'tomt', after: 'Skola' },
      { field: 'rättslig grund', before: 'tomt', after: 'Samtycke' },
    ]);
  });

  it('says erased copies are erased, without showing them', () => {
    expect(changeDiffs('[raderade personuppgifter]', undefined)).toEqual([
      { field: sv.medlemmar.changeFields.erased, before: sv.medlemmar.page.erasedValue, after: sv.medlemmar.page.erasedValue },
    ]);
  });

  it('formats when and what', () => {
    const entry: ChangeView = {
      id: 'e1',
      at: '2022-06-30T10:00:00.000Z',
      by: 'kansliet',
      entity: 'contact',
      entityId: 'c',
      action: 'create',
      summary: 'Lade till kontaktpersonen Åsa (Habo)',
      actionLabel: 'Skapad',
      entityLabel: 'Kontaktperson',
    };
    expect(changeRows([entry])[0]).toMatchObject({ at: '2022-06-30 12:00', what: 'Kontaktperson: skapad', summary: entry.summary, diffs: [] });
  });
});

describe('a membership known only to start «före» a date', () => {
  const doc = referenceDocument({ organisations: [habo], memberships: [period(habo.id, '2022-01-01', { startKnown: 'before' })], feeTables: [feeTable2020] });
  const timeline = membershipTimeline(doc, habo.id);

  it('reads «före» in the period table, with no invented join', () => {
    expect(periodRows(timeline)).toEqual([expect.objectContaining({ kind: 'Inträdesdatum okänt', joined: 'före 2022-01-01' })]);
  });

  it('draws its bar from the axis start, a year before the date, as a period whose start is off the chart', () => {
    const vm = timelineViewModel(timeline, '2022-06-30');
    expect(vm.firstYear).toBe(2021);
    expect(vm.lanes[0]?.bars).toEqual([expect.objectContaining({ start: 0, open: true, text: 'före 2022-01-01 – pågår' })]);
  });
});
