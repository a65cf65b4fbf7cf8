import { describe, expect, it } from 'vitest';
import { emailResultVm } from '../../../../renderer/features/natverk/email.view-model';
import { sv } from '../../../../renderer/lib/i18n/sv';
import { DATE, read } from './fixture';

const t = sv.natverk.email;

describe('the result of «Kopiera e-postadresser»', () => {
  it('says how many were copied, and who lacks a usable address and why', async () => {
    const list = await read('networks/get-email-list', { networkIds: ['n1'], date: DATE });
    const vm = emailResultVm(list, true);
    expect(vm.text).toBe('Anna Ek <anna.ek@boras.se>; Cecilia Åberg <cecilia@savsjo.se>');
    expect(vm).toMatchObject({ count: 2, intent: 'success', message: t.copied(2), missingHeading: t.withoutEmail('1') });
    expect(vm.missing).toEqual([{ contactId: 'c-bo', label: 'Bo Lind, Ängelholm', reason: t.reasons.saknas }]);
  });

  it('lists several networks\' persons once each', async () => {
    const list = await read('networks/get-email-list', { networkIds: ['n1', 'n2'], date: DATE });
    expect(emailResultVm(list, true).count).toBe(3);
    expect(list.text.split('; ')).toHaveLength(3);
  });

  it('asks the user to copy by hand when the clipboard refused', async () => {
    const vm = emailResultVm(await read('networks/get-email-list', { networkIds: ['n2'], date: DATE }), false);
    expect(vm).toMatchObject({ count: 1, intent: 'warning', message: t.copyFailed, text: 'Eva Sävström <eva@boras.se>' });
    expect(vm.missingHeading).toBeUndefined();
    expect(emailResultVm(await read('networks/get-email-list', { networkIds: ['n2'], date: DATE }), true).message).toBe(t.copied(1));
  });

  it('says so when nobody can be written to, or nobody is on the roster', async () => {
    // Only Bo Lind is left after Anna's and Cecilia's entries end: he has no address.
    const onlyBo = emailResultVm(
      { text: '', recipients: [], withoutEmail: [{ contactId: 'c-bo', name: 'Bo Lind', organisationName: 'Ängelholm', reason: 'saknas' }] },
      false,
    );
    expect(onlyBo).toMatchObject({ count: 0, intent: 'warning', message: t.none });
    const empty = emailResultVm(await read('networks/get-email-list', { networkIds: ['n4'], date: DATE }), false);
    expect(empty).toMatchObject({ count: 0, intent: 'info', message: t.noPersons, missing: [] });
  });
});
