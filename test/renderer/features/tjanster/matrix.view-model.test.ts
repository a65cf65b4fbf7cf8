import { describe, expect, it } from 'vitest';
import { buildUsageMatrix } from '../../../../electron/core/domain/usage-matrix';
import { matrixAnswerOf } from '../../../../electron/core/handlers/matrix.handlers';
import { usageMatrixInput } from '../../../../electron/contract/channels/usage.channels';
import {
  cellAction,
  defaultMatrixFilter,
  filterIsDefault,
  FIRST_SERVICE_COL,
  HEADER_ROWS,
  matrixCell,
  matrixColumns,
  matrixExport,
  matrixQuery,
  MIN_COLUMN_WIDTH,
  columnWidth,
  moveInGrid,
  quickFromQuery,
  quickToQuery,
  resolveFocus,
  shownText,
  toggleMessage,
} from '../../../../renderer/features/tjanster/matrix.view-model';
import { formatNumber, formatPercent } from '../../../../renderer/lib/format';
import { makeDocument, membership, municipality, organisation, service, usage } from '../../../fixtures/services/documents';

/** Kil uses A directly (ended 2022-12-31); Ale uses B through Göteborgsregionen; Orsa uses A via its host Mora. */
const doc = makeDocument({
  organisations: [
    municipality('Kil'),
    municipality('Ale'),
    municipality('Mora'),
    municipality('Orsa'),
    organisation('gr', 'Göteborgsregionen', 'kommunalforbund', { groupMemberIds: ['org-Ale'] }),
  ],
  memberships: ['org-Kil', 'org-Mora', 'org-Orsa', 'gr'].map((id) => membership(id, '2020-01-01')),
  services: [service('A', 'Alfa'), service('B', 'Beta')],
  usages: [
    usage('u1', 'org-Kil', 'A', '2021-01-01', '2022-12-31'),
    usage('u2', 'gr', 'B', '2021-03-01'),
    { ...usage('u3', 'org-Orsa', 'A', '2021-01-01'), viaOrganisationId: 'org-Mora' },
  ],
});

function matrixFor(filter = defaultMatrixFilter, date = '2022-06-30') {
  const { input } = matrixQuery(filter, date);
  const { date: at, ...parsed } = usageMatrixInput.parse(input);
  // As the channel sends it: the screen never sees the core's own matrix.
  return matrixAnswerOf(buildUsageMatrix(doc, at ?? date, parsed), 'token');
}

describe('the filter as channel input', () => {
  it('sends only what is set, and the core accepts it', () => {
    expect(matrixQuery(defaultMatrixFilter, '2022-06-30')).toEqual({ input: { date: '2022-06-30', scope: 'members' }, errors: {} });
    const { input } = matrixQuery(
      { ...defaultMatrixFilter, scope: 'all', countyCode: '14', kinds: ['kommun'], minServices: '1', maxServices: ' 2 ', search: '  kil ', includeArchivedServices: true },
      '2022-06-30',
    );
    expect(input).toEqual({
      date: '2022-06-30',
      scope: 'all',
      countyCode: '14',
      kinds: ['kommun'],
      minServices: 1,
      maxServices: 2,
      search: 'kil',
      includeArchivedServices: true,
    });
    expect(usageMatrixInput.safeParse(input).success).toBe(true);
  });

  it('lets a quick filter replace the bounds, as the core does', () => {
    const { input } = matrixQuery({ ...defaultMatrixFilter, quick: 'exactly-one', minServices: '3' }, '2022-06-30');
    expect(input).toEqual({ date: '2022-06-30', scope: 'members', quick: 'exactly-one' });
  });

  it('reports unreadable or crossed bounds in Swedish and leaves them out, so the matrix still shows', () => {
    expect(matrixQuery({ ...defaultMatrixFilter, minServices: 'två' }, '2022-06-30')).toEqual({
      input: { date: '2022-06-30', scope: 'members' },
      errors: { minServices: 'Skriv ett heltal, 0 eller mer.' },
    });
    const crossed = matrixQuery({ ...defaultMatrixFilter, minServices: '3', maxServices: '1' }, '2022-06-30');
    expect(crossed.errors).toEqual({ maxServices: 'Får inte vara mindre än minsta antalet.' });
    expect(crossed.input).toEqual({ date: '2022-06-30', scope: 'members', minServices: 3 });
  });

  it('reads and writes the quick filter of an address', () => {
    expect(quickFromQuery('exakt-en')).toBe('exactly-one');
    expect(quickFromQuery('ingen')).toBe('none');
    expect(quickFromQuery('något')).toBeUndefined();
    expect(quickFromQuery(quickToQuery('exactly-one'))).toBe('exactly-one');
    expect(filterIsDefault(defaultMatrixFilter)).toBe(true);
    expect(filterIsDefault({ ...defaultMatrixFilter, quick: 'none' })).toBe(false);
  });
});

describe('header and cells from the core’s matrix', () => {
  it('formats the core’s column figures, without recounting them', () => {
    const m = matrixFor({ ...defaultMatrixFilter, scope: 'all' });
    const columns = matrixColumns(m);
    const alfa = m.columns.find((c) => c.serviceId === 'A')!;
    expect(columns[0]).toEqual({
      serviceId: 'A',
      name: 'Alfa',
      width: MIN_COLUMN_WIDTH,
      label: 'Alfa',
      archived: false,
      users: formatNumber(alfa.users),
      visibleUsers: formatNumber(alfa.visibleUsers),
      memberShare: formatPercent(alfa.memberShare!),
      populationShare: formatPercent(alfa.populationShare!),
    });
    expect(alfa.users).toBe(2);
  });

  it('widens a column for a long word in the name instead of splitting it, within bounds', () => {
    expect(columnWidth('EGIL')).toBe(MIN_COLUMN_WIDTH);
    expect(columnWidth('Öppna verksamhetssystem skola')).toBe(Math.ceil(17 * 7.5) + 16);
    expect(columnWidth('UKA–BEDA integration')).toBe(MIN_COLUMN_WIDTH);
    expect(columnWidth('x'.repeat(80))).toBe(240);
  });

  it('shows a dash for a share the core cannot give', () => {
    const [column] = matrixColumns({
      columns: [
        { serviceId: 'x', name: 'X', archived: true, users: 0, memberShare: null, populationShare: null, visibleUsers: 0 },
      ],
    });
    expect(column).toMatchObject({ label: 'X (arkiverad)', memberShare: '–', populationShare: '–' });
  });

  it('labels each cell with its whole story: start, end, group or host', () => {
    const m = matrixFor({ ...defaultMatrixFilter, scope: 'all' });
    const row = (name: string) => m.rows.find((r) => r.name === name)!;
    // Columns by place: Alfa first, Beta second.
    expect(m.columns.map((c) => c.serviceId)).toEqual(['A', 'B']);
    expect(matrixCell(row('Kil'), 0, 'Alfa', m.viaNames)).toEqual({
      inUse: true,
      text: '2021-01-01',
      label: 'Alfa: används sedan 2021-01-01, till och med 2022-12-31',
      source: 'direct',
    });
    expect(matrixCell(row('Ale'), 1, 'Beta', m.viaNames)).toMatchObject({
      inUse: true,
      source: 'group',
      label: 'Beta: används sedan 2021-03-01, genom Göteborgsregionen',
    });
    expect(matrixCell(row('Orsa'), 0, 'Alfa', m.viaNames).label).toBe('Alfa: används sedan 2021-01-01, via Mora');
    expect(matrixCell(row('Kil'), 1, 'Beta', m.viaNames)).toEqual({ inUse: false, text: '', label: 'Beta: används inte' });
    // Ids are data: a host named like an Object property is named by its id, not looked up on the prototype.
    expect(matrixCell({ cells: '0,2021-01-01,,d,constructor' }, 0, 'X', {}).label).toBe('X: används sedan 2021-01-01, via constructor');
  });

  it('exports the rows as shown, a cell being the day its use began', () => {
    const m = matrixFor({ ...defaultMatrixFilter, scope: 'all' });
    const table = matrixExport(m, { ...defaultMatrixFilter, scope: 'all' }, undefined);
    const kil = table.rows.find((r) => r[0] === 'Kil');
    expect(kil).toEqual(['Kil', true, 1, '2021-01-01', null]);
    expect(table.rows.find((r) => r[0] === 'Ale')).toEqual(['Ale', true, 1, null, '2021-03-01']);
  });

  it('counts shown rows in words', () => {
    expect(shownText(1)).toBe('Visar 1 organisation');
    expect(shownText(1234)).toBe(`Visar ${formatNumber(1234)} organisationer`);
  });
});

describe('what a toggle says', () => {
  it('tells a start, an end (the day before) and a removal apart', () => {
    expect(toggleMessage({ action: 'started', inUse: true }, 'Kil', 'Alfa', '2022-06-30', '2022-06-29')).toBe('Kil började använda Alfa från 2022-06-30.');
    expect(toggleMessage({ action: 'ended', inUse: false }, 'Kil', 'Alfa', '2022-06-30', '2022-06-29')).toBe('Kil slutade använda Alfa efter 2022-06-29.');
    expect(toggleMessage({ action: 'removed', inUse: false }, 'Kil', 'Alfa', '2022-06-30', '2022-06-29')).toBe(
      'Användningen av Alfa som Kil började 2022-06-30 togs bort.',
    );
    expect(toggleMessage({ action: 'ended', inUse: true }, 'Ale', 'Beta', '2022-06-30', '2022-06-29')).toContain('genom sin grupp');
  });
});

describe('keyboard movement in the grid', () => {
  const size = { rows: HEADER_ROWS + 100, cols: FIRST_SERVICE_COL + 10, page: 12 };
  const at = { row: HEADER_ROWS + 3, col: FIRST_SERVICE_COL + 2 };
  const key = (k: string, ctrlKey = false) => ({ key: k, ctrlKey, metaKey: false });

  it('moves one cell with the arrows and stops at the edges', () => {
    expect(moveInGrid(at, key('ArrowDown'), size)).toEqual({ row: at.row + 1, col: at.col });
    expect(moveInGrid(at, key('ArrowUp'), size)).toEqual({ row: at.row - 1, col: at.col });
    expect(moveInGrid(at, key('ArrowRight'), size)).toEqual({ row: at.row, col: at.col + 1 });
    expect(moveInGrid(at, key('ArrowLeft'), size)).toEqual({ row: at.row, col: at.col - 1 });
    expect(moveInGrid({ row: 0, col: 0 }, key('ArrowUp'), size)).toEqual({ row: 0, col: 0 });
    expect(moveInGrid({ row: 0, col: 0 }, key('ArrowLeft'), size)).toEqual({ row: 0, col: 0 });
    expect(moveInGrid({ row: size.rows - 1, col: size.cols - 1 }, key('ArrowDown'), size)).toEqual({ row: size.rows - 1, col: size.cols - 1 });
  });

  it('goes to the row’s ends with Home/End and the grid’s corners with Ctrl', () => {
    expect(moveInGrid(at, key('Home'), size)).toEqual({ row: at.row, col: 0 });
    expect(moveInGrid(at, key('End'), size)).toEqual({ row: at.row, col: size.cols - 1 });
    expect(moveInGrid(at, key('Home', true), size)).toEqual({ row: 0, col: 0 });
    expect(moveInGrid(at, key('End', true), size)).toEqual({ row: size.rows - 1, col: size.cols - 1 });
  });

  it('pages by the rows in view, clamped', () => {
    expect(moveInGrid(at, key('PageDown'), size)).toEqual({ row: at.row + 12, col: at.col });
    expect(moveInGrid(at, key('PageUp'), size)).toEqual({ row: 0, col: at.col });
  });

  it('leaves other keys alone', () => {
    expect(moveInGrid(at, key('a'), size)).toBeUndefined();
    expect(moveInGrid(at, key(' '), size)).toBeUndefined();
  });

  it('toggles with Space only on a service cell of an organisation; Enter opens the organisation or the service', () => {
    expect(cellAction(at, ' ')).toBe('toggle');
    expect(cellAction({ row: HEADER_ROWS, col: 0 }, ' ')).toBeUndefined();
    expect(cellAction({ row: 0, col: FIRST_SERVICE_COL }, ' ')).toBeUndefined();
    expect(cellAction({ row: HEADER_ROWS, col: 0 }, 'Enter')).toBe('open-organisation');
    expect(cellAction(at, 'Enter')).toBe('open-organisation');
    expect(cellAction({ row: 0, col: FIRST_SERVICE_COL + 1 }, 'Enter')).toBe('open-service');
    expect(cellAction({ row: 2, col: FIRST_SERVICE_COL }, 'Enter')).toBeUndefined();
  });

  it('keeps the focus on the same organisation when the rows change, else on the same place', () => {
    const rows = [{ organisationId: 'a' }, { organisationId: 'b' }, { organisationId: 'c' }];
    expect(resolveFocus({ row: HEADER_ROWS, col: 3, organisationId: 'c' }, rows, 5)).toEqual({ row: HEADER_ROWS + 2, col: 3 });
    expect(resolveFocus({ row: HEADER_ROWS + 1, col: 3, organisationId: 'gone' }, rows, 5)).toEqual({ row: HEADER_ROWS + 1, col: 3 });
    expect(resolveFocus({ row: HEADER_ROWS + 9, col: 9, organisationId: 'gone' }, rows, 5)).toEqual({ row: HEADER_ROWS + 2, col: 4 });
    expect(resolveFocus({ row: HEADER_ROWS + 2, col: 2, organisationId: 'c' }, [], 5)).toEqual({ row: HEADER_ROWS - 1, col: 2 });
  });
});
