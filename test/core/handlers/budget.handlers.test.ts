import { describe, expect, it } from 'vitest';
import { createTestServices } from '../../support/memory-document';
import { budgetTable } from '../../../electron/core/domain/budget';
import type { BudgetTable, BudgetTableAnswer, BudgetTableChanges, Result } from '../../../electron/contract';
import { ids, kr, planBudget, planDocument, plain } from '../../fixtures/budget/plan-budget';

function setup() {
  return createTestServices({ initial: planDocument() });
}

function data<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`expected ok, got ${result.error.code}: ${result.error.message}`);
  return result.data;
}

const cellOf = (table: BudgetTable, lineId: string, columnId: string) => {
  const i = table.columns.findIndex((c) => c.id === columnId);
  const row = table.sections.flatMap((s) => s.rows).find((r) => r.lineId === lineId);
  return row?.cells[i];
};
/** The table of a `full` answer: set-amount without `since` answers with the whole table. */
function full(answer: BudgetTableChanges): BudgetTable {
  if (answer.kind !== 'full') throw new Error(`expected the whole table, got ${answer.kind}`);
  return answer.table;
}
/** A table answer without the token that names it. */
const bare = ({ token: _token, ...table }: BudgetTableAnswer): BudgetTable => table;
const resultOf = (table: BudgetTable, columnId: string) =>
  table.result.cells[table.columns.findIndex((c) => c.id === columnId)]?.amountOre;

describe('budget/get', () => {
  it('answers the whole table model of the document', async () => {
    const { call } = setup();
    const table = data(await call('budget/get', {}));
    expect(bare(table)).toEqual(budgetTable(planBudget()));
    expect(resultOf(table, ids.outcome2021)).toBe(kr(118_471));
    expect(table.warnings.map((w) => w.kind === 'stated-total' && w.key)).toEqual(['sum-cost', 'result']);
  });
});

describe('budget/set-amount', () => {
  it('parses text in the core, saves, logs, recomputes, and undoes', async () => {
    const { call, repo, port } = setup();
    const table = full(data(await call('budget/set-amount', { columnId: ids.budget2022, lineId: ids.staff, amount: '−3 800 000 kr' })));
    expect(cellOf(table, ids.staff, ids.budget2022)?.amountOre).toBe(kr(-3_800_000));
    expect(resultOf(table, ids.budget2022)).toBe(kr(96_817 - 84_411));
    expect(repo.get().budget.columns.find((c) => c.id === ids.budget2022)?.amounts[ids.staff]).toBe(kr(-3_800_000));
    expect(port.saved).toHaveLength(1);
    const entry = repo.get().changeLog.at(-1);
    expect(entry).toMatchObject({ entity: 'budget-column', entityId: ids.budget2022, action: 'update' });
    expect(plain(entry?.summary ?? '')).toBe('Personalkostnader, Budget 2022: −3 715 589 kr → −3 800 000 kr');
    expect(data(await call('history/get-state', {}))).toMatchObject({ canUndo: true, undoSummary: 'Ändrade Personalkostnader, Budget 2022' });

    data(await call('history/undo', {}));
    const undone = data(await call('budget/get', {}));
    expect(cellOf(undone, ids.staff, ids.budget2022)?.amountOre).toBe(kr(-3_715_589));
    expect(bare(undone)).toEqual(budgetTable(planBudget()));
  });

  it('takes öre as a number, and empties a cell with blank text or null', async () => {
    const { call } = setup();
    let table = full(data(await call('budget/set-amount', { columnId: ids.outcome2021, lineId: ids.otherIncome, amount: 50_250 })));
    expect(cellOf(table, ids.otherIncome, ids.outcome2021)?.amountOre).toBe(50_250);
    table = full(data(await call('budget/set-amount', { columnId: ids.outcome2021, lineId: ids.otherIncome, amount: '  ' })));
    expect(cellOf(table, ids.otherIncome, ids.outcome2021)).toMatchObject({ amountOre: 0, entered: false });
    table = full(data(await call('budget/set-amount', { columnId: ids.outcome2021, lineId: ids.members, amount: null })));
    expect(cellOf(table, ids.members, ids.outcome2021)).toMatchObject({ amountOre: 0, entered: false });
  });

  it('makes no change (and no undo step) when the amount is the same', async () => {
    const { call, repo, port } = setup();
    const revision = repo.get().meta.revision;
    full(data(await call('budget/set-amount', { columnId: ids.budget2022, lineId: ids.staff, amount: '-3715589' })));
    expect(repo.get().meta.revision).toBe(revision);
    expect(port.saved).toHaveLength(0);
    expect(repo.history().canUndo).toBe(false);
  });

  it.each([
    ['abc', 'Belopp: Beloppet ska skrivas med siffror, till exempel 1 234 567, −15 948 991 eller 1 234,50.'],
    ['12,34,5', 'Belopp: Beloppet får ha högst ett decimaltecken.'],
    ['1 23 4', 'Belopp: Skriv tusentalen i grupper om tre siffror (1 234 567) eller helt utan mellanrum (1234567).'],
    ['1,234', 'Belopp: Beloppet får ha högst två decimaler (hela ören).'],
    ['1 000 000 000,01', 'Belopp: Beloppet är för stort: högst 1 000 000 000 kr, plus eller minus.'],
    ['2 000 000 000 000', 'Belopp: Beloppet är för stort: högst 1 000 000 000 kr, plus eller minus.'],
    [12.5, 'Belopp: Beloppet i öre ska vara ett heltal.'],
    [100_000_000_001, 'Belopp: Beloppet är för stort: högst 1 000 000 000 kr, plus eller minus.'],
    [-100_000_000_001, 'Belopp: Beloppet är för stort: högst 1 000 000 000 kr, plus eller minus.'],
    [1e15, 'Belopp: Beloppet är för stort: högst 1 000 000 000 kr, plus eller minus.'],
  ])('refuses %j in Swedish, naming Belopp, and changes nothing', async (amount, message) => {
    const { call, port } = setup();
    const result = await call('budget/set-amount', { columnId: ids.budget2022, lineId: ids.staff, amount });
    expect(result).toEqual({ ok: false, error: expect.objectContaining({ code: 'validation', message, field: 'amount' }) });
    expect(port.saved).toHaveLength(0);
  });

  it('refuses an amount on a line with sub-lines, naming Budgetrad', async () => {
    const { call } = setup();
    data(await call('budget/add-line', { name: 'Bibblix', parentId: ids.net }));
    const result = await call('budget/set-amount', { columnId: ids.budget2022, lineId: ids.net, amount: '1' });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('validation');
      expect(result.error.message).toBe('Budgetrad: ”Nettoomsättning” har underrader. Skriv beloppen på underraderna; raden visar deras summa.');
    }
  });

  it('refuses unknown columns and lines, wrong types and extra keys', async () => {
    const { call } = setup();
    expect(await call('budget/set-amount', { columnId: 'nope', lineId: ids.staff, amount: '1' })).toMatchObject({
      ok: false,
      error: { code: 'not-found', message: 'Kolumnen finns inte (den kan ha tagits bort).' },
    });
    expect(await call('budget/set-amount', { columnId: ids.budget2022, lineId: 'nope', amount: '1' })).toMatchObject({
      ok: false,
      error: { code: 'not-found', message: 'Budgetraden finns inte (den kan ha tagits bort).' },
    });
    expect(await call('budget/set-amount', { columnId: ids.budget2022, lineId: ids.staff, amount: true as never })).toMatchObject({
      ok: false,
      error: { code: 'validation', message: 'Belopp: Skriv beloppet som text eller som ett antal öre.' },
    });
    expect(await call('budget/set-amount', { columnId: '', lineId: ids.staff, amount: '1' })).toMatchObject({
      ok: false,
      error: { code: 'validation', message: 'Kolumn: Ange ett id.' },
    });
    const extra = await call('budget/set-amount', { columnId: ids.budget2022, lineId: ids.staff, amount: '1', sneaky: 1 } as never);
    expect(extra).toMatchObject({ ok: false, error: { code: 'validation' } });
  });
});

describe('budget/add-column and budget/remove-column', () => {
  it('adds a year, copying amounts but not stated totals, and undoes it', async () => {
    const { call, repo } = setup();
    const { columnId, table } = data(await call('budget/add-column', { year: 2023, kind: 'budget', copyFromColumnId: ids.budget2022 }));
    expect(table.columns.map((c) => c.label)).toEqual(['Utfall 2021', 'Budget 2022', 'Budget 2023']);
    expect(cellOf(table, ids.net, columnId)?.amountOre).toBe(kr(17_873_120));
    expect(resultOf(table, columnId)).toBe(kr(96_817));
    expect(table.warnings.filter((w) => w.columnId === columnId)).toEqual([]);
    expect(repo.get().changeLog.at(-1)?.summary).toBe('Lade till kolumnen Budget 2023 med beloppen från Budget 2022');

    data(await call('history/undo', {}));
    expect(data(await call('budget/get', {})).columns.map((c) => c.label)).toEqual(['Utfall 2021', 'Budget 2022']);
    data(await call('history/redo', {}));
    expect(data(await call('budget/get', {})).columns.map((c) => c.id)).toContain(columnId);
  });

  it('adds an empty column in year-then-kind order', async () => {
    const { call } = setup();
    const { columnId, table } = data(await call('budget/add-column', { year: 2022, kind: 'utfall' }));
    expect(table.columns.map((c) => c.label)).toEqual(['Utfall 2021', 'Utfall 2022', 'Budget 2022']);
    expect(resultOf(table, columnId)).toBe(0);
  });

  it('refuses a second column for the same year and kind', async () => {
    const { call } = setup();
    const result = await call('budget/add-column', { year: 2022, kind: 'budget' });
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'duplicate',
        message: 'Det finns redan en kolumn Budget 2022.',
        field: 'year',
        label: 'År',
        fieldMessage: 'Det finns redan en kolumn Budget 2022.',
        details: { existingId: ids.budget2022 },
      },
    });
  });

  it.each([
    [{ year: 1800, kind: 'budget' }, 'År: Året ska ligga mellan 1990 och 2199.'],
    [{ year: 2022.5, kind: 'budget' }, 'År: Skriv året med fyra siffror.'],
    [{ year: '2023', kind: 'budget' }, 'År: Skriv året med fyra siffror.'],
    [{ year: 2023, kind: 'forecast' }, 'Typ: Välj utfall, budget eller prognos.'],
    [{ year: 2023, kind: 'budget', copyFromColumnId: 'nope' }, 'Kolumnen att kopiera från finns inte.'],
  ])('refuses %j in Swedish', async (input, message) => {
    const { call, port } = setup();
    const result = await call('budget/add-column', input as never);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toBe(message);
    expect(port.saved).toHaveLength(0);
  });

  it('removes a column, and undo brings it back with its amounts', async () => {
    const { call } = setup();
    const table = data(await call('budget/remove-column', { columnId: ids.outcome2021 }));
    expect(table.columns.map((c) => c.label)).toEqual(['Budget 2022']);
    expect(await call('budget/remove-column', { columnId: ids.outcome2021 })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    data(await call('history/undo', {}));
    expect(bare(data(await call('budget/get', {})))).toEqual(budgetTable(planBudget()));
  });
});

describe('budget lines', () => {
  it('splits a line into sub-lines without changing any total, then folds it back', async () => {
    const { call } = setup();
    const before = data(await call('budget/get', {}));
    const first = data(await call('budget/add-line', { name: 'Bibblix', parentId: ids.net }));
    expect(cellOf(first.table, first.lineId, ids.budget2022)?.amountOre).toBe(kr(17_873_120));
    expect(first.table.result).toEqual(before.result);
    const second = data(await call('budget/add-line', { name: 'EGIL', parentId: ids.net, kind: 'income' }));
    expect(cellOf(second.table, second.lineId, ids.budget2022)).toMatchObject({ amountOre: 0, entered: false });

    let table = full(data(await call('budget/set-amount', { columnId: ids.budget2022, lineId: second.lineId, amount: '2 000 000' })));
    table = full(data(await call('budget/set-amount', { columnId: ids.budget2022, lineId: first.lineId, amount: '15 873 120' })));
    expect(cellOf(table, ids.net, ids.budget2022)).toMatchObject({ amountOre: kr(17_873_120), entered: true });
    expect(table.sections[0]?.rows.map((r) => `${'  '.repeat(r.depth)}${r.name}`)).toEqual([
      'Medlemsavgifter',
      'Nettoomsättning',
      '  Bibblix',
      '  EGIL',
      'Övriga intäkter',
    ]);

    table = data(await call('budget/remove-line', { lineId: first.lineId }));
    expect(cellOf(table, ids.net, ids.budget2022)?.amountOre).toBe(kr(2_000_000));
    table = data(await call('budget/remove-line', { lineId: second.lineId }));
    expect(cellOf(table, ids.net, ids.budget2022)).toMatchObject({ amountOre: kr(2_000_000), entered: true });
    expect(table.sections[0]?.rows.find((r) => r.lineId === ids.net)?.isLeaf).toBe(true);
  });

  it('undoes a series of line changes back to the original budget', async () => {
    const { call, repo } = setup();
    const original = repo.get().budget;
    const { lineId } = data(await call('budget/add-line', { name: 'Bibblix', parentId: ids.net }));
    data(await call('budget/rename-line', { lineId, name: 'Bibblix  (skolbibliotek)' }));
    data(await call('budget/add-line', { name: 'Bidrag', kind: 'income' }));
    data(await call('budget/remove-line', { lineId: ids.staff }));
    expect(repo.get().budget.lines.find((l) => l.id === lineId)?.name).toBe('Bibblix (skolbibliotek)');
    // One change may write several entries (the line and the columns whose amounts moved): one summary per change.
    const summaries = new Map(repo.get().changeLog.map((e) => [e.changeId, e.summary]));
    expect([...summaries.values()].slice(-4)).toEqual([
      'Lade till budgetraden Bibblix under Nettoomsättning (tog över beloppen från Nettoomsättning)',
      'Bytte namn på budgetraden Bibblix till Bibblix (skolbibliotek)',
      'Lade till budgetraden Bidrag',
      'Tog bort budgetraden Personalkostnader',
    ]);
    for (let i = 0; i < 4; i += 1) data(await call('history/undo', {}));
    expect(repo.get().budget).toEqual(original);
  });

  it.each([
    [{ name: '   ', kind: 'income' }, 'validation', 'Namn: Skriv ett namn.'],
    [{ name: 'Bidrag' }, 'validation', 'Typ: Välj om raden är en intäkt eller en kostnad.'],
    [{ name: 'Bidrag', kind: 'gift' }, 'validation', 'Typ: Välj intäkt eller kostnad.'],
    [{ name: 'medlemsavgifter', kind: 'income' }, 'duplicate', 'Namn: Det finns redan en rad som heter ”Medlemsavgifter” på samma nivå.'],
    [{ name: 'Bibblix', parentId: 'nope' }, 'not-found', 'Budgetraden finns inte (den kan ha tagits bort).'],
    [{ name: 'x'.repeat(201), kind: 'cost' }, 'validation', 'Namn: Namnet får vara högst 200 tecken.'],
    [{ name: 'Avgifter', kind: 'income', registerSource: 'service-revenue' }, 'duplicate', 'Registerkälla: Raden ”Nettoomsättning” är redan kopplad till registret för detta.'],
  ])('refuses to add %j', async (input, code, message) => {
    const { call, port } = setup();
    const result = await call('budget/add-line', input as never);
    expect(result).toMatchObject({ ok: false, error: { code, message } });
    expect(port.saved).toHaveLength(0);
  });

  it('refuses a rename that clashes or is blank, and removing an unknown line', async () => {
    const { call } = setup();
    expect(await call('budget/rename-line', { lineId: ids.staff, name: 'Övriga externa kostnader' })).toMatchObject({
      ok: false,
      error: { code: 'duplicate' },
    });
    expect(await call('budget/rename-line', { lineId: ids.staff, name: '' })).toMatchObject({
      ok: false,
      error: { code: 'validation', message: 'Namn: Skriv ett namn.' },
    });
    expect(await call('budget/remove-line', { lineId: 'nope' })).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });

  it('removes a line with its amounts from every total', async () => {
    const { call } = setup();
    const table = data(await call('budget/remove-line', { lineId: ids.otherIncome }));
    expect(table.sections[0]?.total.cells.map((c) => c.amountOre)).toEqual([kr(19_166_021), kr(21_273_120)]);
  });
});
