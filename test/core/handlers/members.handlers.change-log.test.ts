import { describe, expect, it } from 'vitest';
import { createTestServices } from '../../support/memory-document';
import { municipality, referenceDocument } from '../../fixtures/register/documents';
import type { Result } from '../../../electron/contract';

function data<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.data;
}

/** Habo and Sävsjö, a person at each, changes on three days, an undo and a redo, made by «anna». */
async function setUp() {
  const base = referenceDocument();
  let now = '2022-03-01T09:00:00.000Z';
  const s = createTestServices({
    initial: referenceDocument({ organisations: [municipality(base, '0643'), municipality(base, '0684')] }),
    clock: () => new Date(now),
    user: () => 'anna',
  });
  const [habo, savsjo] = s.repo.get().organisations;
  const bo = data(await s.call('contacts/create', { organisationId: habo!.id, name: 'Bo Ek', email: 'bo@habo.se' }));
  now = '2022-03-02T09:00:00.000Z';
  data(await s.call('contacts/create', { organisationId: savsjo!.id, name: 'Cia Lund' }));
  data(await s.call('members/update', { id: savsjo!.id, note: 'Ny anteckning' }));
  now = '2022-03-03T09:00:00.000Z';
  data(await s.call('contacts/update', { id: bo.id, title: 'IT-chef' }));
  data(await s.call('history/undo', {}));
  data(await s.call('history/redo', {}));
  return { ...s, habo: habo!, savsjo: savsjo!, bo };
}

describe('changes/list: the change log of the whole register', () => {
  it('lists every entry newest first, with who, labels, names, and undo and redo as entries of their own', async () => {
    const { call, bo, habo } = await setUp();
    const log = data(await call('changes/list', {}));
    expect(log.total).toBe(6);
    expect(log.entries.map((e) => [e.action, e.summary])).toEqual([
      ['redo', 'Gjort om: Ändrade kontaktpersonen Bo Ek'],
      ['undo', 'Ångrad: Ändrade kontaktpersonen Bo Ek'],
      ['update', 'Ändrade kontaktpersonen Bo Ek'],
      ['update', 'Ändrade anteckning för Sävsjö'],
      ['create', 'Lade till kontaktpersonen Cia Lund (Sävsjö)'],
      ['create', 'Lade till kontaktpersonen Bo Ek (Habo)'],
    ]);
    expect(log.entries.every((e) => e.by === 'anna')).toBe(true);
    expect(log.entries[1]).toMatchObject({ actionLabel: 'Ångrad', entityLabel: 'Kontaktperson', organisationName: 'Habo', contactName: 'Bo Ek', contactId: bo.id, organisationId: habo.id });
    expect(log.entries[1]!.after).toMatchObject({ title: '' });
    expect(log.entries[0]!.after).toMatchObject({ title: 'IT-chef' });
  });

  it('filters by organisation, person, kind of record and days, and pages', async () => {
    const { call, bo, savsjo } = await setUp();
    const summaries = async (input: Parameters<typeof call<'changes/list'>>[1]) => data(await call('changes/list', input)).entries.map((e) => e.summary);
    expect(await summaries({ organisationId: savsjo.id })).toEqual(['Ändrade anteckning för Sävsjö', 'Lade till kontaktpersonen Cia Lund (Sävsjö)']);
    expect(await summaries({ contactId: bo.id })).toHaveLength(4);
    expect(await summaries({ entity: 'organisation' })).toEqual(['Ändrade anteckning för Sävsjö']);
    expect(await summaries({ from: '2022-03-02', to: '2022-03-02' })).toEqual(['Ändrade anteckning för Sävsjö', 'Lade till kontaktpersonen Cia Lund (Sävsjö)']);
    expect(await summaries({ to: '2022-03-01' })).toEqual(['Lade till kontaktpersonen Bo Ek (Habo)']);
    expect(await summaries({ entity: 'contact', from: '2022-03-03' })).toHaveLength(3);
    // Days are Swedish days: 23:30 UTC on 1 March is already 2 March in Sweden.
    const late = createTestServices({ clock: () => new Date('2022-03-01T23:30:00.000Z') });
    data(await late.call('members/update', { id: late.repo.get().organisations[0]!.id, note: 'Sent' }));
    expect(data(await late.call('changes/list', { from: '2022-03-02', to: '2022-03-02' })).total).toBe(1);
    expect(data(await late.call('changes/list', { to: '2022-03-01' })).total).toBe(0);
    const page = data(await call('changes/list', { limit: 2, offset: 4 }));
    expect(page.total).toBe(6);
    expect(page.entries.map((e) => e.summary)).toEqual(['Lade till kontaktpersonen Cia Lund (Sävsjö)', 'Lade till kontaktpersonen Bo Ek (Habo)']);
  });

  it('offers as choices the kinds, organisations and persons the log names', async () => {
    const { call, bo } = await setUp();
    const { options } = data(await call('changes/list', { limit: 1 }));
    expect(options.entities).toEqual([
      { value: 'organisation', label: 'Organisation' },
      { value: 'contact', label: 'Kontaktperson' },
    ]);
    expect(options.organisations.map((o) => o.label)).toEqual(['Habo', 'Sävsjö']);
    expect(options.contacts).toEqual([
      { value: bo.id, label: 'Bo Ek' },
      { value: expect.any(String), label: 'Cia Lund' },
    ]);
  });

  it('keeps what the filter names among the choices even when nothing is logged for it', async () => {
    const base = referenceDocument();
    const s = createTestServices({ initial: referenceDocument({ organisations: [municipality(base, '0643')] }) });
    const habo = s.repo.get().organisations[0]!;
    const answer = data(await s.call('changes/list', { organisationId: habo.id, entity: 'usage' }));
    expect(answer.total).toBe(0);
    expect(answer.options.organisations).toEqual([{ value: habo.id, label: 'Habo' }]);
    expect(answer.options.entities).toEqual([{ value: 'usage', label: 'Användning' }]);
  });

  it('refuses a range that ends before it starts, and a date that does not exist, in Swedish', async () => {
    const { call } = await setUp();
    expect(await call('changes/list', { from: '2022-03-03', to: '2022-03-01' })).toMatchObject({
      ok: false,
      error: { code: 'validation', message: expect.stringContaining('Till-datumet ligger före från-datumet.') },
    });
    expect(await call('changes/list', { from: '2022-02-30' })).toMatchObject({ ok: false, error: { code: 'validation' } });
  });

  it('keeps the organisation page’s history: the entries naming the organisation', async () => {
    const { call, savsjo } = await setUp();
    const page = data(await call('members/get', { id: savsjo.id }));
    expect(page.changes.entries.map((e) => e.summary)).toEqual(['Ändrade anteckning för Sävsjö', 'Lade till kontaktpersonen Cia Lund (Sävsjö)']);
  });
});
