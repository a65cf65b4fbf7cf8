import { describe, expect, it } from 'vitest';
import { createTestServices } from '../../support/memory-document';
import { municipality, period, referenceDocument } from '../../fixtures/register/documents';
import type { Result } from '../../../electron/contract';

function data<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.data;
}

function setUp() {
  const base = referenceDocument();
  return createTestServices({
    initial: referenceDocument({
      organisations: [municipality(base, '0643'), municipality(base, '0305')],
      memberships: [period('kommun-0643', '2015-01-01'), period('kommun-0305', '2015-01-01')],
    }),
    now: '2022-06-30T10:00:00.000Z',
  });
}

describe('contact duplicates', () => {
  it('names the existing contact with the same e-mail (any case, any organisation) or the same name at the organisation', async () => {
    const { call } = setUp();
    const anna = data(await call('contacts/create', { organisationId: 'kommun-0643', name: 'Anna Ek', email: 'anna.ek@habo.se' }));
    const byEmail = data(await call('contacts/duplicates', { organisationId: 'kommun-0305', name: 'A. Ek', email: ' ANNA.EK@Habo.se ' }));
    expect(byEmail).toEqual([
      expect.objectContaining({ id: anna.id, name: 'Anna Ek', organisationName: 'Habo', reasons: ['email'], ended: false }),
    ]);
    const byName = data(await call('contacts/duplicates', { organisationId: 'kommun-0643', name: 'anna  ek', email: '' }));
    expect(byName).toEqual([expect.objectContaining({ id: anna.id, reasons: ['name'] })]);
    // The same name elsewhere is another person.
    expect(data(await call('contacts/duplicates', { organisationId: 'kommun-0305', name: 'Anna Ek' }))).toEqual([]);
    // The contact being edited is not its own duplicate.
    expect(data(await call('contacts/duplicates', { organisationId: 'kommun-0643', name: 'Anna Ek', email: 'anna.ek@habo.se', ignoreId: anna.id }))).toEqual([]);
    // Blank fields match nothing.
    expect(data(await call('contacts/duplicates', { organisationId: 'kommun-0643', name: ' ', email: '' }))).toEqual([]);
  });

  it('refuses an exact duplicate with a Swedish message on the name field, and saves nothing', async () => {
    const { call, repo } = setUp();
    const anna = data(await call('contacts/create', { organisationId: 'kommun-0643', name: 'Anna Ek', email: 'anna.ek@habo.se' }));
    const before = repo.get().contacts.length;
    const again = await call('contacts/create', { organisationId: 'kommun-0643', name: ' anna ek ', email: 'Anna.Ek@habo.se' });
    expect(again).toMatchObject({
      ok: false,
      error: {
        code: 'duplicate',
        field: 'name',
        fieldMessage: 'Anna Ek finns redan som kontaktperson hos Habo (anna.ek@habo.se).',
        details: { existingId: anna.id },
      },
    });
    expect(repo.get().contacts).toHaveLength(before);
    // Both without e-mail is the same too.
    data(await call('contacts/create', { organisationId: 'kommun-0643', name: 'Bo Berg' }));
    expect(await call('contacts/create', { organisationId: 'kommun-0643', name: 'Bo Berg' })).toMatchObject({ ok: false, error: { code: 'duplicate' } });
  });

  it('lets near matches through: another address, another organisation, or an ended contact', async () => {
    const { call } = setUp();
    const anna = data(await call('contacts/create', { organisationId: 'kommun-0643', name: 'Anna Ek', email: 'anna.ek@habo.se' }));
    expect((await call('contacts/create', { organisationId: 'kommun-0643', name: 'Anna Ek', email: 'anna.ek2@habo.se' })).ok).toBe(true);
    expect((await call('contacts/create', { organisationId: 'kommun-0305', name: 'Anna Ek', email: 'anna.ek@habo.se' })).ok).toBe(true);
    data(await call('contacts/end', { id: anna.id, endedAt: '2022-05-31' }));
    const returned = await call('contacts/create', { organisationId: 'kommun-0643', name: 'Anna Ek', email: 'anna.ek@habo.se' });
    expect(returned.ok).toBe(true);
  });

  it('refuses an edit that makes a contact an exact copy of another', async () => {
    const { call } = setUp();
    data(await call('contacts/create', { organisationId: 'kommun-0643', name: 'Anna Ek', email: 'anna.ek@habo.se' }));
    const bo = data(await call('contacts/create', { organisationId: 'kommun-0643', name: 'Bo Berg', email: 'anna.ek@habo.se' }));
    expect(await call('contacts/update', { id: bo.id, name: 'Anna Ek' })).toMatchObject({ ok: false, error: { code: 'duplicate', field: 'name' } });
    // Saving a contact unchanged is not a duplicate of itself.
    expect((await call('contacts/update', { id: bo.id, title: 'Rektor' })).ok).toBe(true);
  });

  it('shows a contact created today as confirmed-enough', async () => {
    const { call } = setUp();
    data(await call('contacts/create', { organisationId: 'kommun-0643', name: 'Ny Person' }));
    const rows = data(await call('contacts/list', { organisationId: 'kommun-0643', date: '2022-06-30' }));
    expect(rows.find((r) => r.name === 'Ny Person')?.confirmationStale).toBe(false);
    const later = data(await call('contacts/list', { organisationId: 'kommun-0643', date: '2023-07-01' }));
    expect(later.find((r) => r.name === 'Ny Person')?.confirmationStale).toBe(true);
  });
});
