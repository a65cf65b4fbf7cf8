/**
 * `usage/get-matrix-changes`: after a change the screen gets only the rows that differ from the matrix it
 * holds. Applied to that matrix (`applyMatrixChanges`, what the screen does) the answer must give exactly the
 * matrix built from scratch, for every filter, after toggles, undos and redos; and it must fall back to the
 * whole matrix whenever it cannot follow (a token it does not know, another filter, organisations edited).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { UsageMatrixAnswer, UsageMatrixChanges, UsageMatrixFilter } from '../../../electron/contract';
import { buildMatrix, buildUsageMatrix } from '../../../electron/core/domain/usage-matrix';
import { matrixAnswerOf } from '../../../electron/core/handlers/matrix.handlers';
import { applyMatrixChanges } from '../../../renderer/features/tjanster/matrix-changes';
import { createTestServices } from '../../support/memory-document';
import { makeDocument, membership, municipality, organisation, service, usage } from '../../fixtures/services/documents';

const date = '2022-06-30';
type Filter = Partial<UsageMatrixFilter>;

const municipalities = ['Kil', 'Ale', 'Göteborg', 'Mölndal', 'Kungsbacka', 'Lerum', 'Borås', 'Umeå'];
const services = ['a', 'b', 'c', 'd', 'e'];

function setup() {
  return createTestServices({
    initial: makeDocument({
      organisations: [
        ...municipalities.map((name) => municipality(name)),
        organisation('gr', 'Göteborgsregionen', 'kommunalforbund', { groupMemberIds: ['org-Ale', 'org-Göteborg', 'org-Mölndal'] }),
        organisation('region', 'Region Värmland', 'region'),
      ],
      memberships: [
        membership('org-Kil', '2020-01-01'),
        membership('gr', '2020-01-01'),
        membership('org-Borås', '2020-01-01'),
        membership('org-Umeå', '2020-01-01', '2021-12-31'),
        membership('region', '2020-01-01'),
      ],
      services: services.map((id) => service(id, `Tjänst ${id.toUpperCase()}`)),
      usages: [
        usage('u1', 'org-Kil', 'a', '2021-01-01'),
        usage('u2', 'gr', 'b', '2021-01-01'),
        usage('u3', 'org-Ale', 'c', '2022-06-30'),
        usage('u4', 'org-Ale', 'b', '2020-06-01', undefined, 'gr'),
        usage('u5', 'org-Borås', 'd', '2019-01-01', '2022-12-31'),
      ],
    }),
  });
}

type Services = ReturnType<typeof setup>;

async function full(call: Services['call'], filter: Filter): Promise<UsageMatrixAnswer> {
  const result = await call('usage/get-matrix', { date, ...filter });
  if (!result.ok) throw new Error(result.error.message);
  return result.data;
}

async function changesSince(call: Services['call'], filter: Filter, since: string): Promise<UsageMatrixChanges> {
  const result = await call('usage/get-matrix-changes', { date, ...filter, since });
  if (!result.ok) throw new Error(result.error.message);
  return result.data;
}

function scratch(repo: Services['repo'], filter: Filter) {
  // A plain copy: nothing remembered for the repository's frozen states can help. Sent as the channel sends it.
  const matrix = buildUsageMatrix(structuredClone(repo.get()), date, { scope: 'members', includeArchivedServices: false, ...filter });
  return withoutToken(matrixAnswerOf(matrix, ''));
}

const withoutToken = ({ token: _token, ...matrix }: UsageMatrixAnswer) => matrix;

/** What the screen does: apply the changes to the matrix held, or take the whole matrix. */
function follow(held: UsageMatrixAnswer, answer: UsageMatrixChanges): UsageMatrixAnswer {
  if (answer.kind === 'full') return answer.matrix;
  const next = applyMatrixChanges(held, answer);
  if (!next) throw new Error('the changes do not follow from the matrix held');
  return next;
}

const filters: Filter[] = [
  { scope: 'members' },
  { scope: 'users' },
  { scope: 'all' },
  { scope: 'all', quick: 'exactly-one' },
  { scope: 'all', quick: 'none' },
  { scope: 'all', minServices: 1, maxServices: 2 },
  { scope: 'all', search: 'ö' },
  { scope: 'all', kinds: ['kommun'] },
  { scope: 'all', countyCode: '14' },
  { scope: 'users', serviceIds: ['b', 'c'] },
];

describe('usage/get-matrix-changes', () => {
  it('sends only the toggled row and, applied, gives the matrix built from scratch', async () => {
    const { call, repo } = setup();
    const held = await full(call, { scope: 'all' });
    expect((await call('usage/toggle', { organisationId: 'org-Kil', serviceId: 'b', date })).ok).toBe(true);
    const answer = await changesSince(call, { scope: 'all' }, held.token);
    expect(answer.kind).toBe('changes');
    if (answer.kind !== 'changes') return;
    expect(answer.since).toBe(held.token);
    expect(answer.token).not.toBe(held.token);
    expect(answer.rows.map((r) => r.organisationId)).toEqual(['org-Kil']);
    const next = follow(held, answer);
    expect(withoutToken(next)).toEqual(scratch(repo, { scope: 'all' }));
    // Rows the toggle did not touch are the very objects held; so are the columns of other services.
    for (const row of next.rows) if (row.organisationId !== 'org-Kil') expect(row).toBe(held.rows.find((r) => r.organisationId === row.organisationId));
    expect(next.columns.find((c) => c.serviceId === 'a')).toBe(held.columns.find((c) => c.serviceId === 'a'));
    expect(next.columns.find((c) => c.serviceId === 'b')?.users).toBe((held.columns.find((c) => c.serviceId === 'b')?.users ?? 0) + 1);
    // Only what changed travels: Beta's column, no order of the rows (none came or went), no via names.
    expect(answer.columns.map((c) => c.column.serviceId)).toEqual(['b']);
    expect(answer.rowIds).toBeUndefined();
    expect(answer.viaNames).toBeUndefined();
  });

  it('sends the order of the rows when a toggle takes a row out of the filter', async () => {
    const { call, repo } = setup();
    const filter: Filter = { scope: 'all', quick: 'exactly-one' };
    const held = await full(call, filter);
    expect(held.rows.map((r) => r.organisationId)).toContain('org-Kil');
    expect((await call('usage/toggle', { organisationId: 'org-Kil', serviceId: 'b', date })).ok).toBe(true);
    const answer = await changesSince(call, filter, held.token);
    if (answer.kind !== 'changes') throw new Error('expected changes');
    expect(answer.rowIds).toBeDefined();
    expect(answer.rowIds).not.toContain('org-Kil');
    expect(withoutToken(follow(held, answer))).toEqual(scratch(repo, filter));
  });

  it('sends the rows of a group’s municipalities when the group’s cell is toggled', async () => {
    const { call } = setup();
    const held = await full(call, { scope: 'all' });
    expect((await call('usage/toggle', { organisationId: 'gr', serviceId: 'e', date })).ok).toBe(true);
    const answer = await changesSince(call, { scope: 'all' }, held.token);
    if (answer.kind !== 'changes') throw new Error('expected changes');
    expect(answer.rows.map((r) => r.organisationId).sort()).toEqual(['gr', 'org-Ale', 'org-Göteborg', 'org-Mölndal']);
  });

  it('answers with nothing to change, and the same token, when the register did not change', async () => {
    const { call } = setup();
    const held = await full(call, { scope: 'members' });
    const answer = await changesSince(call, { scope: 'members' }, held.token);
    if (answer.kind !== 'changes') throw new Error('expected changes');
    expect(answer.rows).toEqual([]);
    expect(answer.token).toBe(held.token);
    expect(follow(held, answer).rows).toBe(held.rows);
  });

  it('answers with the whole matrix for a token it does not know, another filter or date, or organisations edited', async () => {
    const { call, repo } = setup();
    const unknown = await changesSince(call, { scope: 'all' }, 'nobody-knows-this');
    expect(unknown.kind).toBe('full');
    if (unknown.kind === 'full') expect(withoutToken(unknown.matrix)).toEqual(scratch(repo, { scope: 'all' }));

    const held = await full(call, { scope: 'all' });
    expect((await changesSince(call, { scope: 'users' }, held.token)).kind).toBe('full');
    const otherDate = await call('usage/get-matrix-changes', { date: '2021-06-30', scope: 'all', since: held.token });
    expect(otherDate.ok && otherDate.data.kind).toBe('full');

    expect((await call('members/update', { id: 'org-Kil', name: 'Kils kommun' })).ok).toBe(true);
    const renamed = await changesSince(call, { scope: 'all' }, held.token);
    expect(renamed.kind).toBe('full');
    if (renamed.kind === 'full') expect(withoutToken(renamed.matrix)).toEqual(scratch(repo, { scope: 'all' }));
  });

  it('refuses a malformed token with a Swedish message, like any input', async () => {
    const { call } = setup();
    const result = await call('usage/get-matrix-changes', { date, scope: 'all', since: '' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toMatch(/[åäöÅÄÖ]|tecken|minst/);
  });

  it('follows any sequence of toggles, undos and redos, for every filter, exactly as a fresh build', async () => {
    const step = fc.oneof(
      fc.record({ kind: fc.constant('toggle' as const), org: fc.constantFrom(...municipalities.map((m) => `org-${m}`), 'gr', 'region'), service: fc.constantFrom(...services) }),
      fc.record({ kind: fc.constantFrom('undo' as const, 'redo' as const) }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 12 }), fc.integer({ min: 0, max: filters.length - 1 }), async (steps, f) => {
        const { call, repo } = setup();
        const filter = filters[f] as Filter;
        let held = await full(call, filter);
        for (const s of steps) {
          if (s.kind === 'toggle') await call('usage/toggle', { organisationId: s.org, serviceId: s.service, date });
          else await call(s.kind === 'undo' ? 'history/undo' : 'history/redo', {});
          held = follow(held, await changesSince(call, filter, held.token));
          expect(withoutToken(held)).toEqual(scratch(repo, filter));
        }
        // A whole matrix asked for afresh (it starts from the last one remembered) is the same too.
        expect(withoutToken(await full(call, filter))).toEqual(scratch(repo, filter));
      }),
      { numRuns: 60 },
    );
  });
});

describe('buildMatrix from a previous build', () => {
  it('starts afresh when the organisations, services, memberships or reference changed', () => {
    const { repo } = setup();
    const filter: UsageMatrixFilter = { scope: 'all', includeArchivedServices: false };
    const first = buildMatrix(repo.get(), date, filter);
    const doc = repo.get();
    const renamed = { ...doc, organisations: doc.organisations.map((o) => (o.id === 'org-Kil' ? { ...o, name: 'Kils kommun' } : o)) };
    const next = buildMatrix(renamed, date, filter, first);
    expect(next.matrix.rows.find((r) => r.organisationId === 'org-Kil')?.name).toBe('Kils kommun');
    expect(next.rowById).not.toBe(first.rowById);
  });
});
