/**
 * The board pack through the channels, as the screen and the CLI use it: goals edited as data, a pack saved
 * as a dated snapshot that stays as it was when the register moves on, and the workbook with the same figures.
 */
import { describe, expect, it } from 'vitest';
import { buildBoardPack, comparisonColumns, readBoardPackContent } from '../../../electron/core/domain/board-pack';
import { evaluateGoals } from '../../../electron/core/domain/goals';
import { memberIdsAt } from '../../../electron/core/domain/memberships';
import { decodeBase64 } from '../../../electron/core/exports/base64';
import { BOARD_PACK_SHEETS, buildBoardPackWorkbook } from '../../../electron/core/exports/board-pack-workbook';
import { parseDocumentText } from '../../../electron/core/store/parse-document';
import { createTestServices, loadDefaultDocument } from '../../support/memory-document';
import { reopen } from '../exports/reopen';

const DATE = '2022-06-30';

function unwrap<T>(result: { ok: true; data: T } | { ok: false; error: { message: string } }): T {
  if (!result.ok) throw new Error(result.error.message);
  return result.data;
}

describe('board pack snapshots', () => {
  it('keeps a saved pack unchanged after the register has moved on, also through a save and reload of the file', async () => {
    const { call, repo, port } = createTestServices();
    const saved = unwrap(await call('packs/save', { date: DATE }));
    expect(saved).toMatchObject({ date: DATE, title: `Styrelserapport ${DATE}`, createdAt: '2022-06-30T10:00:00.000Z' });
    const before = unwrap(await call('packs/get', { packId: saved.id })).content;
    const memberCountGoal = before.goals.find((g) => g.metric === 'member-count');
    expect(memberCountGoal?.value).toBe(memberIdsAt(loadDefaultDocument(), DATE).size);

    // The register moves on: a municipality (not in a group) leaves in March and a new goal is added.
    const doc = repo.get();
    const inGroups = new Set(doc.organisations.flatMap((o) => o.groupMemberIds));
    const plain = new Set(doc.organisations.filter((o) => o.kind === 'kommun' && !inGroups.has(o.id)).map((o) => o.id));
    const leaving = doc.memberships.find((m) => m.left === undefined && plain.has(m.organisationId));
    if (!leaving) throw new Error('the default register has no open membership');
    unwrap(await call('memberships/end', { id: leaving.id, left: '2022-03-31' }));
    unwrap(await call('goals/create', { year: 2022, title: 'Nytt mål', metric: 'conferences-held', comparison: 'at-least', target: 3 }));

    const live = unwrap(await call('packs/compute', { date: DATE }));
    expect(live.goals.find((g) => g.metric === 'member-count')?.value).toBe((memberCountGoal?.value ?? 0) - 1);
    expect(live.goals.find((g) => g.metric === 'members-lost')?.value).toBe(1);
    expect(live.goals).toHaveLength(before.goals.length + 1);

    const after = unwrap(await call('packs/get', { packId: saved.id })).content;
    expect(after).toEqual(before);
    // What went to disk reads back to the same content.
    const reloaded = parseDocumentText(port.saved[port.saved.length - 1] ?? '');
    expect(reloaded.boardPacks.find((p) => p.id === saved.id)?.content).toEqual(before);
    expect(unwrap(await call('packs/list', {}))).toEqual([saved]);
  });

  it('undoes saving a pack, and deletes a pack as one undoable change', async () => {
    const { call } = createTestServices();
    const first = unwrap(await call('packs/save', { date: '2022-03-15', title: 'Styrelsemöte mars' }));
    const second = unwrap(await call('packs/save', { date: DATE }));
    expect(unwrap(await call('packs/list', {})).map((p) => p.id)).toEqual([second.id, first.id]);
    unwrap(await call('history/undo', {}));
    expect(unwrap(await call('packs/list', {})).map((p) => p.id)).toEqual([first.id]);
    unwrap(await call('packs/delete', { packId: first.id }));
    expect(unwrap(await call('packs/list', {}))).toEqual([]);
    const missing = await call('packs/get', { packId: first.id });
    expect(missing.ok ? undefined : missing.error.code).toBe('not-found');
    unwrap(await call('history/undo', {}));
    expect(unwrap(await call('packs/get', { packId: first.id })).title).toBe('Styrelsemöte mars');
  });

  it('refuses to draw a stored pack of an unknown format instead of drawing it wrongly', () => {
    const content = buildBoardPack(loadDefaultDocument(), DATE, { generatedAt: '2022-06-30T10:00:00.000Z' });
    expect(readBoardPackContent(content).ok).toBe(true);
    expect(readBoardPackContent({ ...content, version: 2 })).toEqual({ ok: false, message: expect.stringContaining('format') });
    expect(readBoardPackContent({ ...content, goals: 'x' }).ok).toBe(false);
    expect(readBoardPackContent(null).ok).toBe(false);
  });
});

describe('the pack’s content', () => {
  const doc = loadDefaultDocument();
  const content = buildBoardPack(doc, DATE, { generatedAt: '2022-06-30T10:00:00.000Z' });

  it('holds the goals of the date’s year and later, and the year before only when asked', () => {
    expect(content.goals.map((g) => g.goalId)).toEqual(evaluateGoals(doc, DATE, [2022, 2023]).map((g) => g.goalId));
    expect(content.goals.map((g) => g.year)).toEqual([2022, 2022, 2022, 2022, 2022, 2022, 2022, 2022, 2023]);
    const in2023 = buildBoardPack(doc, '2023-02-01', { generatedAt: 'x', includePreviousYear: true });
    expect(in2023.goals.filter((g) => g.year === 2022)).toHaveLength(8);
    expect(buildBoardPack(doc, '2023-02-01', { generatedAt: 'x' }).goals.map((g) => g.year)).toEqual([2023]);
  });

  it('counts members month by month up to the date, and compares the budget only with the same year', () => {
    expect(content.members.months.map((m) => m.month)).toEqual(['2022-01', '2022-02', '2022-03', '2022-04', '2022-05', '2022-06']);
    expect(content.members.months.at(-1)).toMatchObject({ date: DATE, members: memberIdsAt(doc, DATE).size });
    // The plan has no outcome or forecast for 2022 yet: no comparison, and the empty columns say so.
    expect(content.budget.comparison).toBeUndefined();
    expect(content.budget.table.columns.map((c) => c.label)).toEqual([
      'Utfall 2021 (jämförelse)',
      'Budget 2022',
      'Utfall 2022 (ej inlagt)',
      'Prognos 2022 (ej inlagd)',
    ]);
    const budget = { id: 'b', year: 2022, kind: 'budget', label: 'Budget 2022' } as const;
    const earlier = { id: 'u21', year: 2021, kind: 'utfall', label: 'Utfall 2021' } as const;
    const forecast = { id: 'p22', year: 2022, kind: 'prognos', label: 'Prognos 2022' } as const;
    const outcome = { id: 'u22', year: 2022, kind: 'utfall', label: 'Utfall 2022' } as const;
    expect(comparisonColumns([budget], 2022)).toBeUndefined();
    expect(comparisonColumns([earlier, budget], 2022)).toBeUndefined();
    expect(comparisonColumns([earlier, budget, forecast], 2022)?.map((c) => c.id)).toEqual(['b', 'p22']);
    expect(comparisonColumns([earlier, budget, outcome, forecast], 2022)?.map((c) => c.id)).toEqual(['b', 'u22']);
    expect(content.services.distribution.reduce((sum, b) => sum + b.count, 0)).toBe(content.services.memberCount);
  });
});

describe('the board pack workbook', () => {
  it('writes the same figures as the pack, per sheet, from a saved pack or a date', async () => {
    const { call } = createTestServices();
    const saved = unwrap(await call('packs/save', { date: DATE }));
    const content = unwrap(await call('packs/get', { packId: saved.id })).content;
    const file = unwrap(await call('packs/workbook', { packId: saved.id }));
    expect(file.fileName).toBe(`Styrelserapport ${DATE}.xlsx`);
    const bytes = decodeBase64(file.bytesBase64);
    if (!bytes) throw new Error('not base64');
    const workbook = await reopen(bytes);
    const withPlanFigures = (content.planFigures ?? []).length > 0;
    expect(workbook.worksheets.map((s) => s.name)).toEqual(Object.values(BOARD_PACK_SHEETS).filter((name) => withPlanFigures || name !== BOARD_PACK_SHEETS.planFigures));

    const goals = workbook.getWorksheet(BOARD_PACK_SHEETS.goals);
    if (!goals) throw new Error('no goals sheet');
    // Title lines, a blank row, the header on row 4, then one row per goal.
    expect(goals.getRow(4).getCell(2).value).toBe('Mål');
    content.goals.forEach((goal, i) => {
      const row = goals.getRow(5 + i);
      expect(row.getCell(2).value).toBe(goal.title);
      expect(row.getCell(4).value).toBe(goal.value);
      expect(row.getCell(4).numFmt).toBe(goal.unit === 'share' ? '0.0 %' : '#,##0');
    });
    const services = workbook.getWorksheet(BOARD_PACK_SHEETS.services);
    const firstShare = content.services.shares[0];
    // Three title lines, a blank row, the header on row 5.
    expect(services?.getRow(6).getCell(1).value).toBe(firstShare?.name);
    // Users (every user, by the one users rule) and how they are reached stand before the members the share counts.
    expect(services?.getRow(5).values).toEqual([undefined, 'Tjänst', 'Användare', 'Varav via grupp eller värd', 'Medlemmar som använder', 'Medlemmar', 'Andel']);
    expect(services?.getRow(6).getCell(2).value).toBe(firstShare?.users);
    expect(services?.getRow(6).getCell(6).value).toBeCloseTo(firstShare?.share ?? NaN, 12);

    const live = unwrap(await call('packs/workbook', { date: DATE }));
    const liveBook = await reopen(decodeBase64(live.bytesBase64) ?? new Uint8Array());
    expect(liveBook.getWorksheet(BOARD_PACK_SHEETS.goals)?.getRow(5).getCell(4).value).toBe(content.goals[0]?.value);
  });

  it('leaves out the budget sheet when there is no budget', () => {
    const doc = { ...loadDefaultDocument(), budget: { lines: [], columns: [] } };
    const workbook = buildBoardPackWorkbook(buildBoardPack(doc, DATE, { generatedAt: 'x' }), { created: new Date(Date.UTC(2022, 5, 30)) });
    expect(workbook.getWorksheet(BOARD_PACK_SHEETS.budget)).toBeUndefined();
  });
});

describe('goals as data', () => {
  it('adds, changes and removes a goal, each an undoable change', async () => {
    const { call } = createTestServices();
    const created = unwrap(
      await call('goals/create', { year: 2023, title: ' Fler webbinarier ', metric: 'conferences-held', comparison: 'between', target: 2, targetMax: 4 }),
    );
    expect(created).toMatchObject({ year: 2023, title: 'Fler webbinarier', target: 2, targetMax: 4, order: 6 });
    const changed = unwrap(await call('goals/update', { goalId: created.id, comparison: 'at-least', target: 3 }));
    expect(changed.targetMax).toBeUndefined();
    expect(changed.target).toBe(3);
    expect(unwrap(await call('goals/list', { year: 2023 })).map((g) => g.title)).toEqual([
      'En tjänst som mer än tre fjärdedelar av medlemmarna använder',
      'Fler webbinarier',
    ]);
    unwrap(await call('goals/delete', { goalId: created.id }));
    expect(unwrap(await call('goals/list', { year: 2023 }))).toHaveLength(1);
    unwrap(await call('history/undo', {}));
    expect(unwrap(await call('goals/list', { year: 2023 }))).toHaveLength(2);
  });

  it('refuses targets that do not fit the metric, naming the field in Swedish', async () => {
    const { call } = createTestServices();
    const refused = async (input: Parameters<typeof call<'goals/create'>>[1]) => {
      const result = await call('goals/create', input);
      return result.ok ? undefined : { code: result.error.code, message: result.error.message, field: result.error.field };
    };
    const base = { year: 2022, title: 'Mål' } as const;
    expect(await refused({ ...base, metric: 'max-service-member-share', comparison: 'more-than', target: 75 })).toMatchObject({
      code: 'validation',
      message: 'Målvärde: En andel ska ligga mellan 0 och 100 %.',
      field: 'target',
    });
    expect(await refused({ ...base, metric: 'member-count', comparison: 'at-least', target: 12.5 })).toMatchObject({ field: 'target' });
    expect(await refused({ ...base, metric: 'member-count', comparison: 'between', target: 5 })).toMatchObject({ field: 'targetMax' });
    expect(await refused({ ...base, metric: 'member-count', comparison: 'between', target: 5, targetMax: 4 })).toMatchObject({
      message: 'Högsta värde: Det högsta värdet kan inte vara lägre än målvärdet.',
    });
    expect(await refused({ ...base, title: '  ', metric: 'member-count', comparison: 'at-least', target: 5 })).toMatchObject({ code: 'validation' });
  });

  it('answers the desktop-only PDF channel with a Swedish refusal outside the desktop app', async () => {
    const { call } = createTestServices();
    const result = await call('packs/print-pdf', { fileName: 'Styrelserapport 2022-06-30.pdf' });
    expect(result.ok ? undefined : result.error.code).toBe('forbidden');
    const bad = await call('packs/print-pdf', { fileName: '../x.pdf' });
    expect(bad.ok ? undefined : bad.error.code).toBe('validation');
  });
});

describe('the plan in the pack', () => {
  const doc = loadDefaultDocument();
  const content = buildBoardPack(doc, DATE, { generatedAt: '2022-06-30T10:00:00.000Z' });

  it('holds every goal of the plan for 2022, the board’s composition and the networks around the services included', () => {
    expect(content.goals.filter((g) => g.year === 2022).map((g) => g.metric)).toEqual([
      'member-count',
      'members-lost',
      'single-service-members',
      'members-without-service-or-network',
      'networks-with-20-members',
      'conferences-held',
      'services-with-council',
      'board-members-outside-it',
    ]);
    expect(content.goals.find((g) => g.metric === 'conferences-held')).toMatchObject({ eventKinds: ['konferens'], expected: 0.5, status: 'at-risk' });
    expect(content.goals.find((g) => g.metric === 'members-without-service-or-network')?.byConstruction).toMatch(/Standarddata/);
  });

  it('sets the plan’s stated figures beside the register’s, in the pack and its workbook', async () => {
    expect(content.planFigures?.map((f) => f.text)).toContain('Planen anger 109; registret namnger 96 (13 färre).');
    expect(content.planFigures?.find((f) => f.subjectId === 'svc-egil')).toMatchObject({ planValue: 25, registerValue: 26 });
    const workbook = await reopen(new Uint8Array(await buildBoardPackWorkbook(content, { created: new Date(Date.UTC(2022, 5, 30)) }).xlsx.writeBuffer()));
    const sheet = workbook.getWorksheet(BOARD_PACK_SHEETS.planFigures);
    if (!sheet) throw new Error('no plan figures sheet');
    const rows: unknown[][] = [];
    sheet.eachRow((row) => rows.push([row.getCell(1).value, row.getCell(3).value, row.getCell(4).value, row.getCell(5).value]));
    expect(rows).toContainEqual(['Medlemmar', 109, 96, -13]);
    expect(rows).toContainEqual(['Kommuner som använder EGIL', 25, 26, 1]);
  });

  it('carries the assumptions behind its goal and member figures, and names them beside the plan figures in its workbook', async () => {
    const titles = (content.assumptions ?? []).map((a) => a.title);
    expect(titles).toContain('78 medlemskap börjar «före 2022-01-01» (inträdesdatum okänt)');
    expect(titles).toContain('Målet «1–2 digitala konferenser per år» (2022) räknar bara konferens');
    // The plan figures have their own table, and the fee rule is not a figure of the pack.
    expect((content.assumptions ?? []).some((a) => a.group === 'planen' || a.group === 'avgifter')).toBe(false);
    const workbook = await reopen(new Uint8Array(await buildBoardPackWorkbook(content, { created: new Date(Date.UTC(2022, 5, 30)) }).xlsx.writeBuffer()));
    const sheet = workbook.getWorksheet(BOARD_PACK_SHEETS.planFigures);
    const texts: string[] = [];
    sheet?.eachRow((row) => texts.push(String(row.getCell(1).value)));
    expect(texts.find((t) => t.startsWith('Antaganden bakom siffrorna:'))).toContain('78 medlemskap börjar «före 2022-01-01»');
  });
});
