/** The board as a roster: its members marked as working with IT or not, and the composition goal reading it. */
import { describe, expect, it } from 'vitest';
import { createTestServices } from '../../support/memory-document';
import { contact, makeDocument, municipality } from '../../fixtures/services/documents';

describe('the board roster', () => {
  it('adds board members with a mark for IT, changes and forgets the mark, and the goal counts those outside IT', async () => {
    const { call, repo } = createTestServices({
      initial: makeDocument({
        organisations: [municipality('Kil')],
        contacts: [contact('anna', 'org-Kil', 'Anna Andersson'), contact('bo', 'org-Kil', 'Bo Berg')],
      }),
    });
    const board = await call('networks/create', { kind: 'styrelse', name: 'Styrelsen' });
    if (!board.ok) throw new Error(board.error.message);
    const anna = await call('networks/add-entry', { networkId: board.data.id, contactId: 'anna', role: 'ordforande', from: '2022-05-01', worksWithIt: false });
    expect(anna).toMatchObject({ ok: true, data: { worksWithIt: false, role: 'ordforande' } });
    const bo = await call('networks/add-entry', { networkId: board.data.id, contactId: 'bo', role: 'ledamot', from: '2022-05-01' });
    expect(bo.ok && bo.data.worksWithIt).toBeUndefined();
    const goal = await call('goals/create', { year: 2022, title: 'Minst tre utan it', metric: 'board-members-outside-it', comparison: 'at-least', target: 3 });
    expect(goal.ok).toBe(true);

    const goalValue = async () => {
      const pack = await call('packs/compute', { date: '2022-06-30' });
      return pack.ok ? pack.data.goals.find((g) => g.metric === 'board-members-outside-it')?.value : undefined;
    };
    expect(await goalValue()).toBe(1);
    if (!bo.ok) throw new Error('bo');
    await call('networks/update-entry', { networkId: board.data.id, entryId: bo.data.id, worksWithIt: false });
    expect(await goalValue()).toBe(2);
    await call('networks/update-entry', { networkId: board.data.id, entryId: bo.data.id, worksWithIt: null });
    expect(repo.get().networks.find((n) => n.id === board.data.id)?.roster.find((e) => e.id === bo.data.id)).not.toHaveProperty('worksWithIt');
    expect(await goalValue()).toBe(1);
    const refused = await call('networks/update-entry', { networkId: board.data.id, entryId: bo.data.id, worksWithIt: 'nej' as unknown as boolean });
    expect(refused).toMatchObject({ ok: false, error: { code: 'validation' } });
  });
});
