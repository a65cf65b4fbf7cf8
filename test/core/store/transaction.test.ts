/**
 * The transaction's typed tables against a plain model: random chains of inserts, updates, removes (also in a
 * network's meetings, and several in one change), settings, undos, redos and failed saves, compared after every
 * step. Also what a table promises: look-ups by id after any change, frozen lists, the log of each operation.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRepository } from '../../../electron/core/store/repository';
import { runTransaction } from '../../../electron/core/store/transaction';
import type { Meeting, SambrukDocument, Usage } from '../../../electron/core/store/schema';
import { AppError } from '../../../electron/contract';
import { loadDefaultDocument } from '../../support/memory-document';

const initial = loadDefaultDocument();
const networkId = initial.networks[0]!.id;
const ctx = { at: '2022-06-30T10:00:00.000Z', by: 'test', ids: (() => { let n = 0; return () => `e-${++n}`; })() };

type Model = { usages: Usage[]; memberships: SambrukDocument['memberships']; meetings: Meeting[]; settings: Record<string, unknown> };
const modelOf = (doc: SambrukDocument): Model => ({
  usages: [...doc.usages],
  memberships: [...doc.memberships],
  meetings: [...doc.networks.find((n) => n.id === networkId)!.meetings],
  settings: { ...doc.settings },
});

type Op =
  | { kind: 'insert' | 'update' | 'remove' | 'several' | 'meeting-add' | 'meeting-remove' | 'membership-update' | 'setting'; at: number }
  | { kind: 'undo' | 'redo' | 'fail' };

const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({
    kind: fc.constantFrom('insert', 'update', 'remove', 'several', 'meeting-add', 'meeting-remove', 'membership-update', 'setting'),
    at: fc.nat(),
  }),
  fc.record({ kind: fc.constantFrom('undo', 'redo', 'fail') }),
);

describe('typed tables with undo and redo, against a plain model', () => {
  it('random changes, undos, redos and failed saves keep the register equal to the model', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { maxLength: 30 }), async (ops) => {
        let failNext = false;
        let n = 0;
        const repo = createRepository({
          initial,
          persist: async () => {
            if (failNext) {
              failNext = false;
              throw new AppError('save-failed', 'Disken är full.');
            }
          },
          clock: () => new Date('2022-06-30T10:00:00.000Z'),
          ids: () => `id-${++n}`,
        });
        const states: Model[] = [modelOf(initial)];
        let at = 0;
        const usage = (note: string): Usage => ({ ...initial.usages[0]!, id: `p-${++n}`, note });
        const meeting = (): Meeting => ({ id: `m-${++n}`, date: '2022-05-01', kind: 'mote', title: 'Möte', attendeeContactIds: [], note: '' });

        for (const o of ops) {
          const model = states[at]!;
          if (o.kind === 'undo') {
            await repo.undo();
            at = Math.max(0, at - 1);
          } else if (o.kind === 'redo') {
            await repo.redo();
            at = Math.min(states.length - 1, at + 1);
          } else if (o.kind === 'fail') {
            // A save that fails changes nothing: not the state, not the history.
            failNext = true;
            const before = repo.get();
            const history = repo.history();
            await expect(repo.change('Misslyckas', (tx) => tx.setSetting('aldrig', n))).rejects.toMatchObject({ code: 'save-failed' });
            expect(repo.get()).toBe(before);
            expect(repo.history()).toEqual(history);
          } else {
            const pick = 'at' in o ? o.at : 0;
            const i = (len: number) => pick % Math.max(1, len);
            let next: Model | undefined;
            let work: ((tx: Parameters<Parameters<typeof repo.change>[1]>[0]) => void) | undefined;
            const usages = model.usages;
            if (o.kind === 'insert') {
              const u = usage('ny');
              next = { ...model, usages: [...usages, u] };
              work = (tx) => void tx.usages.insert(u);
            } else if (o.kind === 'update' && usages.length > 0) {
              const old = usages[i(usages.length)]!;
              const changed = { ...old, note: `${old.note}+` };
              next = { ...model, usages: usages.map((u) => (u.id === old.id ? changed : u)) };
              work = (tx) => void tx.usages.update(old.id, (d) => void (d.note = changed.note));
            } else if (o.kind === 'remove' && usages.length > 0) {
              const old = usages[i(usages.length)]!;
              next = { ...model, usages: usages.filter((u) => u.id !== old.id) };
              work = (tx) => void tx.usages.remove(old.id);
            } else if (o.kind === 'several' && usages.length > 1) {
              // Update one, append one, remove the first: indices move within the change.
              const old = usages[i(usages.length)]!;
              const changed = { ...old, note: 'flera' };
              const added = usage('flera');
              const first = usages[0]!;
              const after = [...usages.map((u) => (u.id === old.id ? changed : u)), added].filter((u) => old.id === first.id || u.id !== first.id);
              next = { ...model, usages: after, settings: { ...model.settings, several: pick } };
              work = (tx) => {
                tx.setSetting('several', pick);
                tx.usages.update(old.id, { note: 'flera' });
                tx.usages.insert(added);
                if (old.id !== first.id) tx.usages.remove(first.id);
                expect(tx.usages.get(added.id)).toBe(tx.usages.all().at(-1));
                expect(tx.usages.get(old.id)?.note).toBe('flera');
              };
            } else if (o.kind === 'meeting-add') {
              const m = meeting();
              next = { ...model, meetings: [...model.meetings, m] };
              work = (tx) => void tx.meetings.insert(networkId, m);
            } else if (o.kind === 'meeting-remove' && model.meetings.length > 0) {
              const old = model.meetings[i(model.meetings.length)]!;
              next = { ...model, meetings: model.meetings.filter((m) => m.id !== old.id) };
              work = (tx) => void tx.meetings.remove(networkId, old.id);
            } else if (o.kind === 'membership-update' && model.memberships.length > 0) {
              const old = model.memberships[i(model.memberships.length)]!;
              const changed = { ...old, note: `${old.note}*` };
              next = { ...model, memberships: model.memberships.map((m) => (m.id === old.id ? changed : m)) };
              work = (tx) => void tx.memberships.update(old.id, { note: changed.note });
            } else if (o.kind === 'setting') {
              next = { ...model, settings: { ...model.settings, [`k${pick % 3}`]: pick } };
              work = (tx) => tx.setSetting(`k${pick % 3}`, pick);
            }
            if (next && work) {
              const w = work;
              const changed = JSON.stringify(next) !== JSON.stringify(model);
              await repo.change('Slump', (tx) => w(tx));
              if (changed) {
                states.splice(at + 1, states.length, next);
                at += 1;
              }
            }
          }
          const now = repo.get();
          expect(modelOf(now)).toEqual(states[at]);
          expect(Object.isFrozen(now) && Object.isFrozen(now.usages) && now.usages.every((u) => Object.isFrozen(u))).toBe(true);
          expect(repo.history().canUndo).toBe(at > 0);
          expect(repo.history().canRedo).toBe(at < states.length - 1);
          // Every record can be found by its id in the next change, wherever the history left it.
          const probe = states[at]!.usages;
          if (probe.length > 0) {
            const target = probe[(n * 31) % probe.length]!;
            runTransaction(now, 'läs', ctx, (tx) => expect(tx.usages.get(target.id)).toEqual(target));
          }
        }
      }),
      { numRuns: 60 },
    );
  });
});

describe('a transaction', () => {
  it('logs each operation with its own entry, and honours what the entry is told to keep', () => {
    const u = initial.usages[3]!;
    const anna = { id: 'c-1', organisationId: initial.organisations[0]!.id, name: 'Anna', title: '', email: '', phone: '', businessAreas: [], roles: [], legalBasis: 'allmant-intresse' as const, note: '', createdAt: ctx.at };
    const start = runTransaction(initial, 'Ny person', ctx, (tx) => void tx.contacts.insert(anna)).next;
    const { next, entries, steps } = runTransaction(start, 'Ändringen', ctx, (tx) => {
      tx.usages.update(u.id, { note: 'ny' }, { summary: 'Ändrade en anteckning' });
      tx.usages.remove(initial.usages[4]!.id);
      tx.contacts.remove(anna.id, { action: 'erase', before: undefined, after: { erased: true } });
      tx.memberships.update(initial.memberships[0]!.id, { note: 'tyst' }, { logged: false });
    });
    expect(steps).toHaveLength(4);
    expect(entries.map((e) => [e.entity, e.action, e.summary])).toEqual([
      ['usage', 'update', 'Ändrade en anteckning'],
      ['usage', 'delete', 'Ändringen'],
      ['contact', 'erase', 'Ändringen'],
    ]);
    expect(entries[0]).toMatchObject({ organisationId: u.organisationId, before: u, after: next.usages[3] });
    expect(entries[2]).not.toHaveProperty('before');
    expect(entries[2]).toMatchObject({ contactId: anna.id, organisationId: anna.organisationId, after: { erased: true } });
    expect(next.changeLog.slice(-3)).toEqual(entries);
    expect(next.memberships[0]!.note).toBe('tyst');
  });

  it('refuses a second record with the same key, a change of key and a missing record', () => {
    const u = initial.usages[0]!;
    expect(() => runTransaction(initial, 'x', ctx, (tx) => tx.usages.insert({ ...u }))).toThrow(/already in the table/);
    expect(() => runTransaction(initial, 'x', ctx, (tx) => tx.usages.update(u.id, { id: 'annat' }))).toThrow(/may not change the key/);
    expect(() => runTransaction(initial, 'x', ctx, (tx) => tx.usages.remove('finns-inte'))).toThrow(/no record/);
  });

  it('reads its own writes through the tables and through doc', () => {
    runTransaction(initial, 'x', ctx, (tx) => {
      const added = tx.goals.insert({ ...initial.goals[0]!, id: 'g-ny' });
      expect(tx.goals.get('g-ny')).toBe(added);
      expect(tx.doc.goals.at(-1)).toBe(added);
      tx.budgetLines.update(initial.budget.lines[0]!.id, { name: 'Nytt namn' });
      expect(tx.doc.budget.lines[0]!.name).toBe('Nytt namn');
      expect(tx.doc.budget.columns).toBe(initial.budget.columns);
    });
  });

  it('keeps the lists it did not touch, and an unchanged record, as they were', () => {
    const { next } = runTransaction(initial, 'x', ctx, (tx) => void tx.usages.update(initial.usages[0]!.id, { note: 'ny' }));
    expect(next.contacts).toBe(initial.contacts);
    expect(next.usages[1]).toBe(initial.usages[1]);
    const unchanged = runTransaction(initial, 'x', ctx, (tx) => void tx.usages.update(initial.usages[0]!.id, { note: initial.usages[0]!.note }));
    expect(unchanged.next).toBe(initial);
    expect(unchanged.entries).toEqual([]);
  });

  it('replaceAll removes, updates and adds by key, keeping the order of the records kept', () => {
    const lines = initial.budget.lines;
    const wanted = [...lines.slice(1).map((l, i) => (i === 0 ? { ...l, name: 'Ändrad' } : l)), { ...lines[0]!, id: 'bl-ny' }];
    const { next, entries } = runTransaction(initial, 'Budget', ctx, (tx) => tx.budgetLines.replaceAll(wanted));
    expect(next.budget.lines).toEqual(wanted);
    expect(entries.map((e) => e.action)).toEqual(['delete', 'update', 'create']);
  });
});
