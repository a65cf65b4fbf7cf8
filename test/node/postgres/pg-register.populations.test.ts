/**
 * Populations live inside the reference section, which the server stores whole. Two people correcting different
 * municipalities' figures at once must both keep their correction: the later change is made again on the state
 * that holds the earlier one, never written over it.
 */
import { afterAll, expect, it } from 'vitest';
import { createRepository, type Transaction } from '../../../electron/core/store/repository';
import type { SambrukDocument } from '../../../electron/core/store/schema';
import { serialiseDocument } from '../../../electron/core/store/parse-document';
import { loadDefaultDocument } from '../../support/memory-document';
import { describePg } from '../../support/postgres';
import { databaseRegister, filledDatabase, openAs } from '../../support/pg-register-helpers';

const opened: { close(): Promise<void> }[] = [];
afterAll(async () => {
  await Promise.all(opened.map((o) => o.close()));
});

async function person(db: string, name: string) {
  const { shared, repo } = await openAs(db, name);
  opened.push(shared);
  return { shared, repo };
}

/** The correction the Members screen makes (`populations/correct`): the figure replaced, marked as corrected. */
const correct = (code: string, date: string, population: number) => (tx: Transaction) => {
  const figure = { code, date, population, source: 'rattad' as const, sourceNote: 'Rättad i test' };
  const key = `${code} ${date}`;
  if (tx.populations.has(key)) tx.populations.update(key, () => figure);
  else tx.populations.insert(figure);
};

/**
 * A person whose window has not yet shown what others saved: a repository over the shared store that never
 * adopts, so each change is made first on the state read at opening.
 */
async function stalePerson(db: string, name: string) {
  const { shared } = await person(db, name);
  let n = 0;
  const repo = createRepository({ initial: shared.document, shared: shared.store, clock: () => new Date('2022-06-30T10:00:00.000Z'), ids: () => `${name}-${++n}`, user: () => shared.role });
  return { shared, repo };
}

const figureOf = (doc: SambrukDocument, code: string, date: string) => doc.reference.populations.find((p) => p.code === code && p.date === date)?.population;

describePg('populations corrected by two people at once', () => {
  it('both corrections are kept, whoever saves second', async () => {
    const initial = loadDefaultDocument();
    const db = await filledDatabase('populations', initial);
    const anna = await person(db, 'folk_anna');
    const bo = await person(db, 'folk_bo');
    const [a, b] = initial.reference.populations;
    expect(a!.code).not.toBe(b!.code);
    await Promise.all([anna.repo.change('Anna rättar', correct(a!.code, a!.date, 11_111)), bo.repo.change('Bo rättar', correct(b!.code, b!.date, 22_222))]);
    const stored = await databaseRegister(db);
    expect(figureOf(stored, a!.code, a!.date)).toBe(11_111);
    expect(figureOf(stored, b!.code, b!.date)).toBe(22_222);
    expect(stored.reference.populations).toHaveLength(initial.reference.populations.length);
    expect(stored.changeLog.map((e) => e.by).sort()).toEqual(['folk_anna', 'folk_bo']);
  });

  it('a correction made on a state that has not heard of the other is made again on the newer one', async () => {
    const initial = loadDefaultDocument();
    const db = await filledDatabase('populations-stale', initial);
    const anna = await person(db, 'gammal_anna');
    const bo = await stalePerson(db, 'gammal_bo');
    const a = initial.reference.populations[10]!;
    const b = initial.reference.populations[20]!;
    await anna.repo.change('Anna rättar', correct(a.code, a.date, 33_333));
    expect(figureOf(bo.repo.get(), a.code, a.date)).toBe(a.population);
    let runs = 0;
    await bo.repo.change('Bo rättar', (tx) => {
      runs++;
      correct(b.code, b.date, 44_444)(tx);
    });
    // Once on the state he had, once more on the state with Anna's correction.
    expect(runs).toBe(2);
    const stored = await databaseRegister(db);
    expect(figureOf(stored, a.code, a.date)).toBe(33_333);
    expect(figureOf(stored, b.code, b.date)).toBe(44_444);
    expect(serialiseDocument(bo.shared.current())).toBe(serialiseDocument(stored));
  });

  it('a new year of figures and a correction at once: both kept', async () => {
    const initial = loadDefaultDocument();
    const db = await filledDatabase('populations-new', initial);
    const anna = await person(db, 'ny_anna');
    const bo = await stalePerson(db, 'ny_bo');
    const a = initial.reference.populations[0]!;
    const b = initial.reference.populations[5]!;
    await anna.repo.change('Anna lägger till', correct(a.code, '2030-12-31', 55_555));
    await bo.repo.change('Bo rättar', correct(b.code, b.date, 66_666));
    const stored = await databaseRegister(db);
    expect(figureOf(stored, a.code, '2030-12-31')).toBe(55_555);
    expect(figureOf(stored, b.code, b.date)).toBe(66_666);
    expect(stored.reference.populations).toHaveLength(initial.reference.populations.length + 1);
  });
});
