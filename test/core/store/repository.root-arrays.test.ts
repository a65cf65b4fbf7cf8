/**
 * Record lists changed as new frozen arrays (`records.ts`), the undo history's index-level patches and their
 * replay without immer (`array-patches.ts`): the same effect as immer's own patches, exact undo/redo.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { applyPatches, isDraft, original, produceWithPatches, type Draft, type Patch } from 'immer';
import { createRepository } from '../../../electron/core/store/repository';
import { applyHistoryPatches, arrayDiff, indexLevelHistory } from '../../../electron/core/store/array-patches';
import { appendRecords, recordsOf, removeRecord, replaceRecord, setRecords } from '../../../electron/core/store/records';
import type { SambrukDocument, Usage } from '../../../electron/core/store/schema';
import { AppError } from '../../../electron/contract';
import { createTestServices, loadDefaultDocument, memoryPort } from '../../support/memory-document';

type Mutator = (draft: Draft<SambrukDocument>) => void;

const initial = loadDefaultDocument();
const usageAt = (doc: SambrukDocument, i: number) => doc.usages[i]!;
const middle = Math.floor(initial.usages.length / 2);

let made = 0;
function newUsage(note = ''): Usage {
  const template = initial.usages[0]!;
  return { id: `ny-${++made}`, organisationId: template.organisationId, serviceId: template.serviceId, from: '2030-01-01', note };
}

function setup() {
  const port = memoryPort();
  let n = 0;
  const repo = createRepository({
    initial: loadDefaultDocument(),
    persist: (doc) => port.save(doc),
    clock: () => new Date('2022-06-30T10:00:00.000Z'),
    ids: () => `id-${++n}`,
  });
  const change = (mutate: Mutator, summary = 'Ändring') =>
    repo.change(summary, (draft) => {
      mutate(draft);
      return { records: [{ entity: 'settings', entityId: 'test', action: 'update', summary }], value: undefined };
    });
  return { repo, port, change };
}

/** What undo restores: everything but the change log and the meta data, which undo leaves as they are. */
function undoable(doc: SambrukDocument) {
  const { changeLog: _log, meta: _meta, ...rest } = doc;
  return rest;
}

function expectIndexLevel(patches: readonly Patch[], section: string) {
  for (const p of patches.filter((q) => q.path[0] === section)) {
    expect(p.path).toHaveLength(2);
    expect(typeof p.path[1]).toBe('number');
  }
}

function expectSameRecords(actual: readonly unknown[], expected: readonly unknown[], except: ReadonlySet<unknown> = new Set()) {
  expect(actual).toHaveLength(expected.length);
  for (let i = 0; i < expected.length; i++) if (!except.has(expected[i])) expect(actual[i]).toBe(expected[i]);
}

// Each case changes the usages with the helpers, and the same change through the draft as immer knows it.
// `maxPatches`: the identity diff keeps one window per section, from the first to the last index that changed.
const cases: { name: string; helpers: Mutator; native: Mutator; maxPatches?: number }[] = [
  {
    name: 'append',
    helpers: (d) => appendRecords(d, 'usages', newUsage('a')),
    native: (d) => void d.usages.push(newUsage('a')),
  },
  {
    name: 'remove in the middle',
    helpers: (d) => removeRecord(d, 'usages', usageAt(original(d) as SambrukDocument, middle)),
    native: (d) => void d.usages.splice(middle, 1),
  },
  {
    name: 'replace in the middle',
    helpers: (d) => {
      const old = usageAt(original(d) as SambrukDocument, middle);
      replaceRecord(d, 'usages', old, { ...old, note: 'ändrad' });
    },
    native: (d) => void (d.usages[middle]!.note = 'ändrad'),
  },
  {
    name: 'several changes in one mutator',
    helpers: (d) => {
      const base = original(d) as SambrukDocument;
      appendRecords(d, 'usages', newUsage('b'), newUsage('c'));
      replaceRecord(d, 'usages', usageAt(base, 3), { ...usageAt(base, 3), note: 'tre' });
      removeRecord(d, 'usages', usageAt(base, middle));
      removeRecord(d, 'usages', usageAt(base, middle + 2));
    },
    native: (d) => {
      d.usages.push(newUsage('b'), newUsage('c'));
      d.usages[3]!.note = 'tre';
      d.usages.splice(middle + 2, 1);
      d.usages.splice(middle, 1);
    },
    // Changes far apart, with records shifted between them: a patch for each shifted index, still no whole array.
    maxPatches: initial.usages.length,
  },
  {
    name: 'a change that also changes other sections',
    helpers: (d) => {
      d.settings.x = 1;
      d.organisations[2]!.note = 'ny anteckning';
      appendRecords(d, 'memberships', { ...initial.memberships[0]!, id: 'mem-ny' });
      removeRecord(d, 'usages', usageAt(original(d) as SambrukDocument, middle));
    },
    native: (d) => {
      d.settings.x = 1;
      d.organisations[2]!.note = 'ny anteckning';
      d.memberships.push({ ...initial.memberships[0]!, id: 'mem-ny' });
      d.usages.splice(middle, 1);
    },
  },
];

describe('index-level history patches', () => {
  for (const c of cases) {
    it(`${c.name}: has index-level patches with the effect of immer's own`, () => {
      made = 0;
      const [next, patches, inverse] = produceWithPatches(initial, c.helpers);
      made = 0;
      const [nativeNext, nativePatches] = produceWithPatches(initial, c.native);
      // The helpers make the state immer makes.
      expect(next).toEqual(nativeNext);
      expect(applyPatches(initial, nativePatches)).toEqual(nativeNext);

      const history = indexLevelHistory(initial, next, patches, inverse);
      for (const list of [history.patches, history.inverse]) {
        expectIndexLevel(list, 'usages');
        expectIndexLevel(list, 'memberships');
        // No whole array is kept: only the records that changed.
        expect(list.every((p) => !Array.isArray(p.value))).toBe(true);
      }
      expect(history.patches.length).toBeLessThanOrEqual(c.maxPatches ?? 5);
      // Immer itself understands them.
      expect(applyPatches(initial, history.patches)).toEqual(next);
      expect(applyPatches(next, history.inverse)).toEqual(initial);
      // And the replay without immer does the same, keeping the records it does not touch.
      const redone = applyHistoryPatches(initial, history.patches);
      const undone = applyHistoryPatches(next, history.inverse);
      expect(redone).toEqual(next);
      expect(undone).toEqual(initial);
      expectSameRecords(undone.usages, initial.usages);
      expectSameRecords(redone.usages, next.usages);
      expect(Object.isFrozen(undone) && Object.isFrozen(undone.usages)).toBe(true);
    });
  }

  it('the diff of two arrays, applied by immer or by the replay, turns one into the other', () => {
    const pool = Array.from({ length: 8 }, (_, i) => Object.freeze({ id: `r${i}` }));
    const list = fc.array(fc.integer({ min: 0, max: pool.length - 1 }), { maxLength: 12 }).map((ix) => Object.freeze(ix.map((i) => pool[i]!)));
    fc.assert(
      fc.property(list, list, (from, to) => {
        const patches = arrayDiff('usages', from, to);
        expect(patches.every((p) => p.path.length === 2 && p.path[0] === 'usages')).toBe(true);
        // Never more patches than the longer array has elements.
        expect(patches.length).toBeLessThanOrEqual(Math.max(from.length, to.length));
        expect(applyPatches({ usages: from }, patches).usages).toEqual(to);
        const replayed = applyHistoryPatches({ usages: from }, patches).usages;
        expectSameRecords(replayed, to);
      }),
      { numRuns: 500 },
    );
  });

  it('a section with any patch below an index goes through immer, in order', () => {
    const [next, patches, inverse] = produceWithPatches(initial, (d) => {
      d.usages[5]!.note = 'fem';
      d.usages.push(newUsage('d'));
    });
    expect(patches.some((p) => p.path.length > 2)).toBe(true);
    expect(applyHistoryPatches(initial, patches)).toEqual(next);
    expect(applyHistoryPatches(next, inverse)).toEqual(initial);
  });
});

describe('record helpers', () => {
  it('reads a section without drafting it, and sees earlier changes of the same change', () => {
    produceWithPatches(initial, (d) => {
      const usages = recordsOf(d, 'usages');
      expect(isDraft(usages)).toBe(false);
      expect(usages).toBe(initial.usages);
      appendRecords(d, 'usages', newUsage());
      expect(recordsOf(d, 'usages')).toHaveLength(initial.usages.length + 1);
    });
  });

  it('keeps a change made through the draft before, and never leaves a draft in the state', () => {
    const [next] = produceWithPatches(initial, (d) => {
      d.usages[1]!.note = 'genom utkastet';
      appendRecords(d, 'usages', d.usages[2] as Usage, { ...newUsage(), note: 'x' });
      setRecords(d, 'contacts', [...recordsOf(d, 'contacts')]);
    });
    expect(next.usages[1]!.note).toBe('genom utkastet');
    expect(next.usages.at(-2)).toEqual(initial.usages[2]);
    expect(isDraft(next.usages.at(-2))).toBe(false);
    expect(next.usages.every((u) => Object.isFrozen(u))).toBe(true);
    expect(Object.isFrozen(next.usages)).toBe(true);
  });

  it('refuses a record that is not in the section', () => {
    expect(() => produceWithPatches(initial, (d) => removeRecord(d, 'usages', newUsage()))).toThrow(/not in usages/);
  });
});

describe('repository undo and redo of record lists', () => {
  for (const c of cases) {
    it(`${c.name}: undo then redo restores exactly`, async () => {
      const { repo, change } = setup();
      const before = repo.get();
      await change(c.helpers);
      const after = repo.get();
      const touched = new Set([...before.usages].filter((u) => !after.usages.includes(u)));
      await repo.undo();
      expect(undoable(repo.get())).toEqual(undoable(before));
      expectSameRecords(repo.get().usages, before.usages, touched);
      expectSameRecords(repo.get().memberships, before.memberships);
      await repo.redo();
      expect(undoable(repo.get())).toEqual(undoable(after));
      const added = new Set([...after.usages].filter((u) => !before.usages.includes(u)));
      expectSameRecords(repo.get().usages, after.usages, added);
      expect(repo.get().changeLog.map((e) => e.summary)).toEqual(['Ändring', 'Ångrade: Ändring', 'Gjorde om: Ändring']);
    });
  }

  it('a failed save leaves the state and the history as they were', async () => {
    const { repo, port, change } = setup();
    await change((d) => appendRecords(d, 'usages', newUsage('första')), 'Första');
    const state = repo.get();
    const history = repo.history();
    port.failNext(new AppError('save-failed', 'Disken är full.'));
    await expect(change((d) => removeRecord(d, 'usages', usageAt(original(d) as SambrukDocument, middle)), 'Andra')).rejects.toMatchObject({
      code: 'save-failed',
    });
    expect(repo.get()).toBe(state);
    expect(repo.history()).toEqual(history);
    port.failNext(new AppError('save-failed', 'Disken är full.'));
    await expect(repo.undo()).rejects.toMatchObject({ code: 'save-failed' });
    expect(repo.get()).toBe(state);
    expect(repo.history()).toEqual(history);
    // The step kept is still the one that undoes the first change.
    await repo.undo();
    expect(undoable(repo.get())).toEqual(undoable(initial));
    expect(repo.history()).toMatchObject({ canUndo: false, canRedo: true, redoSummary: 'Första' });
  });

  it('random changes with undo and redo follow a plain model', async () => {
    type Op =
      | { kind: 'append'; count: number }
      | { kind: 'remove' | 'replace' | 'native-remove' | 'native-edit'; at: number }
      | { kind: 'several'; at: number }
      | { kind: 'settings'; at: number }
      | { kind: 'undo' | 'redo' };
    const op: fc.Arbitrary<Op> = fc.oneof(
      fc.record({ kind: fc.constant('append' as const), count: fc.integer({ min: 1, max: 3 }) }),
      fc.record({ kind: fc.constantFrom('remove' as const, 'replace' as const, 'native-remove' as const, 'native-edit' as const), at: fc.nat() }),
      fc.record({ kind: fc.constant('several' as const), at: fc.nat() }),
      fc.record({ kind: fc.constant('settings' as const), at: fc.nat() }),
      fc.record({ kind: fc.constantFrom('undo' as const, 'redo' as const) }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(op, { maxLength: 30 }), async (ops) => {
        const repo = createRepository({
          initial: loadDefaultDocument(),
          persist: async () => undefined,
          clock: () => new Date('2022-06-30T10:00:00.000Z'),
          ids: () => 'id',
        });
        type Model = { usages: Usage[]; settings: Record<string, unknown> };
        const states: Model[] = [{ usages: [...initial.usages], settings: { ...initial.settings } }];
        let at = 0;
        let n = 0;
        const record = (note: string): Usage => ({ ...initial.usages[0]!, id: `p-${++n}`, note });
        for (const o of ops) {
          const model = states[at]!;
          const len = model.usages.length;
          const i = 'at' in o && len > 0 ? o.at % len : 0;
          let next: Model | undefined;
          let mutate: Mutator | undefined;
          if (o.kind === 'undo') {
            await repo.undo();
            at = Math.max(0, at - 1);
          } else if (o.kind === 'redo') {
            await repo.redo();
            at = Math.min(states.length - 1, at + 1);
          } else if (o.kind === 'append') {
            const added = Array.from({ length: o.count }, () => record('ny'));
            next = { ...model, usages: [...model.usages, ...added] };
            mutate = (d) => appendRecords(d, 'usages', ...added);
          } else if (o.kind === 'settings') {
            next = { ...model, settings: { ...model.settings, [`k${o.at % 5}`]: o.at } };
            mutate = (d) => void (d.settings[`k${o.at % 5}`] = o.at);
          } else if (len > 0 && (o.kind === 'remove' || o.kind === 'native-remove')) {
            next = { ...model, usages: model.usages.filter((_, j) => j !== i) };
            // The repository's records are not the model's objects (a replay through immer copies them): by index.
            mutate = o.kind === 'remove' ? (d) => removeRecord(d, 'usages', recordsOf(d, 'usages')[i]!) : (d) => void d.usages.splice(i, 1);
          } else if (len > 0 && (o.kind === 'replace' || o.kind === 'native-edit')) {
            const old = model.usages[i]!;
            const changed = { ...old, note: `${old.note}+` };
            next = { ...model, usages: model.usages.map((u, j) => (j === i ? changed : u)) };
            mutate =
              o.kind === 'replace'
                ? (d) => replaceRecord(d, 'usages', recordsOf(d, 'usages')[i]!, changed)
                : (d) => void (d.usages[i]!.note = changed.note);
          } else if (len > 1 && o.kind === 'several') {
            const changed = { ...model.usages[i]!, note: 'flera' };
            const added = record('flera');
            const usages = model.usages.map((u, j) => (j === i ? changed : u));
            usages.push(added);
            next = { usages: i === 0 ? usages : usages.slice(1), settings: { ...model.settings, several: o.at } };
            mutate = (d) => {
              const current = recordsOf(d, 'usages');
              const firstNow = current[0]!;
              d.settings.several = o.at;
              replaceRecord(d, 'usages', current[i]!, changed);
              appendRecords(d, 'usages', added);
              if (i !== 0) removeRecord(d, 'usages', firstNow);
            };
          }
          if (next && mutate) {
            const m = mutate;
            await repo.change('Slump', (d) => {
              m(d);
              return { records: [], value: undefined };
            });
            states.splice(at + 1, states.length, next);
            at += 1;
          }
          const now = repo.get();
          expect(now.usages).toEqual(states[at]!.usages);
          expect(now.settings).toEqual(states[at]!.settings);
          expect(Object.isFrozen(now.usages) && now.usages.every((u) => Object.isFrozen(u))).toBe(true);
          expect(repo.history().canUndo).toBe(at > 0);
          expect(repo.history().canRedo).toBe(at < states.length - 1);
        }
      }),
      { numRuns: 60 },
    );
  });
});

describe('usage channels on the record helpers', () => {
  it('toggling away a record that started that day, in the middle of the list, undoes to the same records', async () => {
    const { call, repo } = createTestServices();
    const before = repo.get();
    const target = before.usages[middle]!;
    const result = await call('usage/toggle', { organisationId: target.organisationId, serviceId: target.serviceId, date: target.from });
    expect(result).toMatchObject({ ok: true, data: { action: 'removed', usageId: target.id } });
    expect(repo.get().usages).toHaveLength(before.usages.length - 1);
    expect(repo.get().usages.includes(target)).toBe(false);
    expect(repo.get().changeLog.at(-1)).toMatchObject({ entity: 'usage', entityId: target.id, action: 'delete', before: target });
    await repo.undo();
    expectSameRecords(repo.get().usages, before.usages);
    await repo.redo();
    expect(repo.get().usages.map((u) => u.id)).toEqual(before.usages.filter((u) => u !== target).map((u) => u.id));
  });

  it('end, edit and delete of a record in the middle undo to the same records', async () => {
    const { call, repo } = createTestServices();
    const before = repo.get();
    const target = before.usages.find((u, i) => i >= middle && u.to === undefined) ?? before.usages[middle]!;
    const index = before.usages.indexOf(target);
    const to = target.to ?? '2031-12-31';
    expect(await call('usage/end', { usageId: target.id, to })).toMatchObject({ ok: true });
    expect(await call('usage/update', { usageId: target.id, note: 'Ny anteckning' })).toMatchObject({ ok: true });
    expect(repo.get().usages[index]).toMatchObject({ id: target.id, to, note: 'Ny anteckning' });
    expect(await call('usage/delete', { usageId: target.id })).toMatchObject({ ok: true });
    expect(repo.get().usages.some((u) => u.id === target.id)).toBe(false);
    for (let i = 0; i < 3; i++) await repo.undo();
    expectSameRecords(repo.get().usages, before.usages);
  });
});
