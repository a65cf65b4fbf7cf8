import { describe, expect, it } from 'vitest';
import {
  goalCovers,
  figuresVm,
  kindTabs,
  municipalityProgress,
  networkRows,
  normaliseDateInput,
  parseKindFilter,
  selectedInOrder,
  selectionState,
  yearChoices,
} from '../../../../renderer/features/natverk/network-list.view-model';
import { sv } from '../../../../renderer/lib/i18n/sv';
import type { NetworkKind } from '../../../../electron/core/store/schema';
import { DATE, read } from './fixture';

const t = sv.natverk;

describe('the address of the list', () => {
  it('takes a known kind from ?typ= and shows all kinds otherwise', () => {
    expect(parseKindFilter('projekt')).toBe('projekt');
    expect(parseKindFilter('forvaltningsrad')).toBe('forvaltningsrad');
    expect(parseKindFilter('PROJEKT')).toBe('alla');
    expect(parseKindFilter(null)).toBe('alla');
  });
});

describe('dates as typed', () => {
  it('makes the plain shorthands ISO and leaves the rest for the check to refuse', () => {
    expect(normaliseDateInput('20220630')).toBe('2022-06-30');
    expect(normaliseDateInput('2022-6-3')).toBe('2022-06-03');
    expect(normaliseDateInput(' 2022-06-30 ')).toBe('2022-06-30');
    expect(normaliseDateInput('20221340')).toBe('20221340');
    expect(normaliseDateInput('30 juni')).toBe('30 juni');
    // The register's dates end with 2199 (the list once took 2200, which the core then refused).
    expect(normaliseDateInput('2200-1-1')).toBe('2200-1-1');
    expect(normaliseDateInput('2199-12-31')).toBe('2199-12-31');
  });
});

describe('the network list', () => {
  it('has a tab per kind with its count, and Alla with every network', async () => {
    const list = await read('networks/list', { includeArchived: true });
    const tabs = kindTabs(list);
    expect(tabs.map((tab) => tab.value)).toEqual(['alla', 'kompetensnatverk', 'forvaltningsrad', 'projekt', 'partnerskap', 'styrelse']);
    expect(tabs.map((tab) => tab.count)).toEqual([4, 1, 1, 1, 1, 0]);
    expect(tabs[0]?.label).toBe('Alla (4)');
    expect(tabs[3]?.label).toBe('Projekt (1)');
  });

  it('shows member municipalities against the goal, with the core\'s counting rule', async () => {
    const list = await read('networks/list', {});
    const rows = networkRows(list, 20, DATE);
    const signing = rows.find((r) => r.id === 'n1');
    // Borås and Ängelholm (persons), Sävsjö (person, last day today); not Habo (ended), Alingsås (from
    // September), Läromedia (no municipality), the external participant, nor Håbo (not a member).
    expect(signing?.progress).toMatchObject({ count: 3, goal: 20, text: '3 av 20', reached: false });
    expect(signing?.progress?.ratio).toBeCloseTo(0.15);
    const council = rows.find((r) => r.id === 'n2');
    expect(council?.detail).toBe(t.list.service('Bibblix'));
    // The council counts its service's users: Borås and Alingsås; the goal of 20 does not cover councils, so no bar.
    expect(council?.municipalities).toBe('2');
    expect(council?.progress).toBeUndefined();
    expect(signing?.municipalities).toBe('3');
  });

  it('sets the goal of 20 only on competence networks', () => {
    expect(['kompetensnatverk', 'forvaltningsrad', 'projekt', 'partnerskap', 'styrelse'].filter((k) => goalCovers(k as NetworkKind))).toEqual(['kompetensnatverk']);
  });

  it('caps the bar at full and calls the goal reached at exactly the goal', () => {
    expect(municipalityProgress(39, 20)).toMatchObject({ ratio: 1, reached: true, text: '39 av 20' });
    expect(municipalityProgress(20, 20)).toMatchObject({ ratio: 1, reached: true });
    expect(municipalityProgress(19, 20)).toMatchObject({ ratio: 0.95, reached: false });
  });

  it('filters to the chosen tab and marks archived and not yet started networks', async () => {
    const list = await read('networks/list', { includeArchived: true });
    expect(networkRows(list, 20, DATE, 'projekt').map((r) => r.name)).toEqual(['Gammalt projekt']);
    const rows = networkRows(list, 20, DATE);
    expect(rows.find((r) => r.id === 'n3')?.status).toBe(t.list.archived);
    expect(rows.find((r) => r.id === 'n4')?.status).toBe(t.list.notStarted('2023-01-01'));
    expect(rows.find((r) => r.id === 'n1')?.status).toBeUndefined();
    expect(rows.find((r) => r.id === 'n1')).toMatchObject({ meetings: '3', lastMeeting: '2022-06-15', persons: '3' });
    expect(rows.find((r) => r.id === 'n3')?.lastMeeting).toBe('–');
  });
});

describe('the header figures', () => {
  it('shows competence networks reaching the goal against four, and the year\'s conferences and webinars', async () => {
    const figures = await read('networks/get-figures', { year: 2022 });
    const vm = figuresVm(figures);
    expect(vm.networksValue).toBe(`${figures.networksReachingGoal} av 4`);
    expect(vm.reached).toBe(false);
    expect(vm.reachedText).toBe(t.figures.goalNotReached);
    // 2022: one webinar (m2) and one meeting (m1); the conference was in 2021.
    expect(vm.eventsLabel).toBe('Hållna konferenser 2022');
    expect(vm.eventsValue).toBe('0');
    expect(vm.eventsHint).toBe('1 webbinarium (ett eget slag, räknas inte som konferens)');
    expect(vm.otherEventsHint).toBe('Dessutom 0 seminarier och 1 möte');
    expect(figuresVm(await read('networks/get-figures', { year: 2021 })).eventsValue).toBe('1');
  });
});

describe('selecting networks for the e-mail list', () => {
  it('says all, some (mixed) or none of the visible rows', () => {
    expect(selectionState(new Set(), ['a', 'b'])).toBe(false);
    expect(selectionState(new Set(['a']), ['a', 'b'])).toBe('mixed');
    expect(selectionState(new Set(['a', 'b', 'z']), ['a', 'b'])).toBe(true);
    expect(selectionState(new Set(['z']), ['a', 'b'])).toBe(false);
  });

  it('keeps only networks still listed, in list order', () => {
    expect(selectedInOrder(new Set(['c', 'gone', 'a']), [{ id: 'a' }, { id: 'b' }, { id: 'c' }])).toEqual(['a', 'c']);
  });

  it('offers the years around the current one, newest first', () => {
    expect(yearChoices(2022, 2)).toEqual([2024, 2023, 2022, 2021, 2020]);
  });
});
