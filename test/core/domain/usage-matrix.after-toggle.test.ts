/**
 * The matrix after toggles: the core remembers who uses which service per document state and carries a
 * service's users over to the next state when its records did not change, so a toggle recomputes one service.
 * What it shows must be exactly what a matrix built from scratch shows, undo included.
 */
import { describe, expect, it } from 'vitest';
import { createTestServices } from '../../support/memory-document';
import { makeDocument, membership, municipality, organisation, service, usage } from '../../fixtures/services/documents';
import { buildUsageMatrix } from '../../../electron/core/domain/usage-matrix';
import { matrixAnswerOf } from '../../../electron/core/handlers/matrix.handlers';
import { unpackCells } from '../../../electron/contract/rules/matrix-cells';

const date = '2022-06-30';

function setup() {
  return createTestServices({
    initial: makeDocument({
      organisations: [
        municipality('Kil'),
        municipality('Ale'),
        municipality('Göteborg'),
        organisation('gr', 'Göteborgsregionen', 'kommunalforbund', { groupMemberIds: ['org-Ale', 'org-Göteborg'] }),
      ],
      memberships: [membership('org-Kil', '2020-01-01'), membership('gr', '2020-01-01')],
      services: [service('a', 'Alfa'), service('b', 'Beta'), service('c', 'Gamma')],
      usages: [usage('u1', 'org-Kil', 'a', '2021-01-01'), usage('u2', 'gr', 'b', '2021-01-01'), usage('u3', 'org-Ale', 'c', '2022-06-30')],
    }),
  });
}

describe('the usage matrix after toggles', () => {
  it('shows what a matrix built from scratch shows, after each toggle and each undo', async () => {
    const { call, repo } = setup();
    // Built from scratch, and sent as the channel sends a matrix.
    const fromScratch = () => {
      const { token: _token, ...matrix } = matrixAnswerOf(buildUsageMatrix(structuredClone(repo.get()), date, { scope: 'all', includeArchivedServices: false }), '');
      return matrix;
    };
    const shown = async () => {
      const result = await call('usage/get-matrix', { date, scope: 'all' });
      if (!result.ok) throw new Error(result.error.message);
      const { token, ...matrix } = result.data;
      expect(token).toEqual(expect.any(String));
      return matrix;
    };
    expect(await shown()).toEqual(fromScratch());
    const toggles = [
      ['org-Kil', 'a'],
      ['org-Kil', 'b'],
      ['org-Ale', 'c'],
      ['org-Kil', 'a'],
      ['org-Göteborg', 'c'],
      // The group's own use: its members' cells name it «via» the group, then no longer, then again.
      ['gr', 'b'],
      ['gr', 'a'],
      ['gr', 'b'],
    ] as const;
    for (const [organisationId, serviceId] of toggles) {
      expect((await call('usage/toggle', { organisationId, serviceId, date })).ok).toBe(true);
      expect(await shown()).toEqual(fromScratch());
    }
    for (let i = 0; i < toggles.length; i += 1) {
      await call('history/undo', {});
      expect(await shown()).toEqual(fromScratch());
    }
    // Kil's own record u1 (Alfa, the first column) is back.
    expect(unpackCells((await shown()).rows.find((r) => r.organisationId === 'org-Kil')?.cells ?? '').get(0)).toEqual({ from: '2021-01-01', source: 'direct' });
  });

  it('refuses a cell used through a group without changing the register', async () => {
    const { call, repo } = setup();
    const before = repo.get();
    const result = await call('usage/toggle', { organisationId: 'org-Ale', serviceId: 'b', date });
    expect(result.ok).toBe(false);
    expect(repo.get()).toBe(before);
  });
});
