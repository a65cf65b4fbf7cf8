/**
 * Several people on one shared register at once, on a real PostgreSQL: changes to different records both
 * succeed; a change to a record someone else just changed is made again on the new state when its rules still
 * hold, and refused naming who changed what when they do not; other copies hear of each change (NOTIFY); and
 * clients making random changes at once leave the database equal to a serial replay of the changes accepted.
 */
import { afterAll, expect, it } from 'vitest';
import fc from 'fast-check';
import { AppError } from '../../../electron/contract';
import type { Repository, Transaction } from '../../../electron/core/store/repository';
import { runTransaction } from '../../../electron/core/store/transaction';
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

const setNote = (orgId: string, note: string) => (tx: Transaction) => {
  if (!tx.organisations.has(orgId)) throw new AppError('not-found', 'Organisationen finns inte längre.');
  tx.organisations.update(orgId, { note });
};

/** Resolves once `repo` shows what `seen` says, or fails after `ms`. */
async function waitFor(repo: Repository, seen: (doc: SambrukDocument) => boolean, ms = 1_000) {
  const start = Date.now();
  while (!seen(repo.get())) {
    if (Date.now() - start > ms) throw new Error(`not seen within ${ms} ms`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return Date.now() - start;
}

describePg('two people at once', () => {
  it('different records: both changes succeed, and each window shows the other within a second', async () => {
    const db = await filledDatabase('different', loadDefaultDocument());
    const anna = await person(db, 'samtidig_anna');
    const bo = await person(db, 'samtidig_bo');
    const [first, second] = anna.repo.get().organisations;
    await Promise.all([anna.repo.change('Anna skriver', setNote(first!.id, 'från Anna')), bo.repo.change('Bo skriver', setNote(second!.id, 'från Bo'))]);
    const both = (doc: SambrukDocument) => doc.organisations[0]!.note === 'från Anna' && doc.organisations[1]!.note === 'från Bo';
    await waitFor(anna.repo, both);
    await waitFor(bo.repo, both);
    const stored = await databaseRegister(db);
    expect(both(stored)).toBe(true);
    expect(stored.changeLog.map((e) => e.by).sort()).toEqual(['samtidig_anna', 'samtidig_bo']);
    expect(serialiseDocument(anna.repo.get())).toBe(serialiseDocument(stored));
    expect(serialiseDocument(bo.repo.get())).toBe(serialiseDocument(stored));
  });

  it('the same record: the later change is made again on the new state while its rules hold', async () => {
    const db = await filledDatabase('same', loadDefaultDocument());
    const anna = await person(db, 'samma_anna');
    const bo = await person(db, 'samma_bo');
    const org = anna.repo.get().organisations[0]!;
    await anna.repo.change('Anna skriver', setNote(org.id, 'Anna'));
    // Bo has not heard of Anna's change yet when he makes his own on the state he has.
    const bosBase = bo.repo.get();
    expect(bosBase.organisations[0]!.note).not.toBe('Anna');
    await bo.repo.change('Bo lägger till', (tx) => tx.organisations.update(org.id, (draft) => void (draft.note = `${draft.note ?? ''} + Bo`)));
    const stored = await databaseRegister(db);
    // Made again on Anna's state: her text is kept, his is added.
    expect(stored.organisations[0]!.note).toBe('Anna + Bo');
    expect(stored.changeLog.map((e) => [e.by, e.summary])).toEqual([
      ['samma_anna', 'Anna skriver'],
      ['samma_bo', 'Bo lägger till'],
    ]);
  });

  it('the same record, rules broken: refused, naming who changed what, and the new state is shown', async () => {
    const db = await filledDatabase('refused', loadDefaultDocument());
    const anna = await person(db, 'regel_anna');
    const bo = await person(db, 'regel_bo');
    const org = anna.repo.get().organisations[0]!;
    await anna.repo.change(`Tog bort ${org.name}`, (tx) => tx.organisations.remove(org.id));
    const refusal = await bo.repo.change('Bo skriver', setNote(org.id, 'Bo')).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(AppError);
    expect((refusal as AppError).code).toBe('not-found');
    expect((refusal as AppError).message).toBe(`Ändringen sparades inte. Under tiden ändrade regel_anna: «Tog bort ${org.name}». Organisationen finns inte längre.`);
    expect(bo.repo.get().organisations.some((o) => o.id === org.id)).toBe(false);
    const stored = await databaseRegister(db);
    expect(stored.changeLog.map((e) => e.by)).toEqual(['regel_anna']);
  });
});

describePg('undo beside a colleague', () => {
  it("undoes my change after a colleague's change reached my window, and keeps theirs; refuses when they changed the same record", async () => {
    const db = await filledDatabase('undo', loadDefaultDocument());
    const anna = await person(db, 'undo_anna');
    const bo = await person(db, 'undo_bo');
    const [first, second] = anna.repo.get().organisations;
    await anna.repo.change('Anna skriver', setNote(first!.id, 'från Anna'));
    await bo.repo.change('Bo skriver', setNote(second!.id, 'från Bo'));
    await waitFor(anna.repo, (doc) => doc.organisations[1]!.note === 'från Bo');
    expect(anna.repo.history()).toMatchObject({ canUndo: true, undoSummary: 'Anna skriver' });
    expect(await anna.repo.undo()).toBe('Anna skriver');
    const stored = await databaseRegister(db);
    expect([stored.organisations[0]!.note, stored.organisations[1]!.note]).toEqual([first!.note, 'från Bo']);

    // Bo now writes the record Anna would redo: her redo is refused and the server keeps Bo's text.
    await waitFor(bo.repo, (doc) => doc.organisations[0]!.note === first!.note);
    await bo.repo.change('Bo skriver igen', setNote(first!.id, 'Bo igen'));
    await waitFor(anna.repo, (doc) => doc.organisations[0]!.note === 'Bo igen');
    await expect(anna.repo.redo()).rejects.toMatchObject({ code: 'conflict' });
    expect((await databaseRegister(db)).organisations[0]!.note).toBe('Bo igen');
  });
});

type Op = { client: number; summary: string; work: (tx: Transaction) => void };

describePg('random changes from several clients at once', () => {
  it('leave the database equal to a serial replay of the accepted changes', async () => {
    const initial = loadDefaultDocument();
    const db = await filledDatabase('random', initial);
    const clients = await Promise.all([0, 1, 2, 3].map((i) => person(db, `slump_${i}`)));
    const orgIds = initial.organisations.slice(0, 4).map((o) => o.id);
    const goalIds = initial.goals.map((g) => g.id);
    const template = initial.goals[0]!;
    // A few records shared by everyone, so the clients meet on the same ones often.
    const opArb = fc.oneof(
      fc.record({ kind: fc.constant('note' as const), org: fc.constantFrom(...orgIds), text: fc.string({ maxLength: 12 }) }),
      fc.record({ kind: fc.constant('add-goal' as const), target: fc.integer({ min: 0, max: 100 }) }),
      fc.record({ kind: fc.constant('remove-goal' as const), goal: fc.constantFrom(...goalIds) }),
    );
    const plans = fc.sample(fc.array(opArb, { minLength: 12, maxLength: 12 }), { numRuns: clients.length, seed: 20 });
    const ops = new Map<string, Op>();
    let runsOfWork = 0;
    const runs = clients.map(async ({ repo }, client) => {
      const outcomes: ('accepted' | 'refused')[] = [];
      for (const [i, plan] of (plans[client] ?? []).entries()) {
        const summary = `k${client}-${i}`;
        const work =
          plan.kind === 'note'
            ? setNote(plan.org, `${summary} ${plan.text}`)
            : plan.kind === 'add-goal'
              ? (tx: Transaction) => void tx.goals.insert({ ...template, id: `goal-${summary}`, title: `Mål ${summary}`, target: plan.target })
              : (tx: Transaction) => {
                  if (!tx.goals.has(plan.goal)) throw new AppError('not-found', 'Målet finns inte längre.');
                  tx.goals.remove(plan.goal);
                };
        ops.set(summary, { client, summary, work });
        const counted = (tx: Transaction) => {
          runsOfWork++;
          work(tx);
        };
        outcomes.push(await repo.change(summary, counted).then(() => 'accepted' as const, (error: unknown) => {
          if (!(error instanceof AppError)) throw error;
          return 'refused' as const;
        }));
      }
      return outcomes;
    });
    const outcomes = (await Promise.all(runs)).flat();
    // The clients did meet: some changes were made again on a newer state, and some were refused.
    expect(runsOfWork).toBeGreaterThan(outcomes.length);
    expect(outcomes).toContain('refused');
    const stored = await databaseRegister(db);

    // The log names each accepted change once, in the order they were saved.
    const order = [...new Set(stored.changeLog.map((e) => e.summary))];
    expect(order).toHaveLength(outcomes.filter((o) => o === 'accepted').length);
    let replay: SambrukDocument = initial;
    let n = 0;
    for (const summary of order) {
      const op = ops.get(summary);
      if (!op) throw new Error(`unknown change ${summary}`);
      replay = runTransaction(replay, summary, { at: '2022-06-30T10:00:00.000Z', by: `slump_${op.client}`, ids: () => `r${++n}` }, op.work).next;
    }
    expect(serialiseDocument({ ...stored, changeLog: [], meta: { ...stored.meta, updatedAt: '' } })).toBe(
      serialiseDocument({ ...replay, changeLog: [], meta: { ...replay.meta, updatedAt: '' } }),
    );
    expect(stored.meta.revision).toBe(initial.meta.revision + order.length);
    // Every client ends up showing the database's register.
    for (const { repo } of clients) await waitFor(repo, (doc) => doc.meta.revision === stored.meta.revision);
    for (const { repo } of clients) expect(serialiseDocument(repo.get())).toBe(serialiseDocument(stored));
  });
});
