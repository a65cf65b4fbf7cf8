import { describe, expect, it } from 'vitest';
import { emailList, formatAddress, isUsableEmail } from '../../../electron/core/domain/networks';
import { createTestServices } from '../../support/memory-document';
import { contact, entry, makeDocument, municipality, network } from '../../fixtures/services/documents';

function fixture() {
  return makeDocument({
    organisations: [municipality('Kil'), municipality('Ale')],
    contacts: [
      contact('anna', 'org-Kil', 'Anna Andersson', 'anna@kil.se'),
      contact('bo', 'org-Ale', 'Bo Berg', 'BO@ale.se'),
      contact('bodil', 'org-Ale', 'Bodil Berg', ' bo@ALE.se '),
      contact('cecilia', 'org-Kil', 'Cecilia Ek'),
      contact('david', 'org-Kil', 'David Dahl', 'david(at)kil.se'),
      contact('erik', 'org-Kil', 'Erik Ek', 'erik@kil.se', { endedAt: '2022-01-31' }),
      contact('eva', 'org-Ale', 'Svensson, Eva', 'eva@ale.se'),
      contact('asa', 'org-Ale', 'Åsa Öberg', 'info@räksmörgås.se'),
      contact('gone', 'org-Ale', 'Gunnar Gran', 'gunnar@ale.se'),
    ],
    networks: [
      network('a', 'kompetensnatverk', 'A', {
        roster: [
          entry('1', { contactId: 'anna', from: '2022-01-01' }),
          entry('2', { contactId: 'bo', from: '2022-01-01' }),
          entry('3', { contactId: 'cecilia', from: '2022-01-01' }),
          entry('4', { contactId: 'david', from: '2022-01-01' }),
          entry('5', { contactId: 'erik', from: '2022-01-01' }),
          entry('6', { contactId: 'gone', from: '2021-01-01', to: '2022-05-31' }),
          entry('7', { organisationId: 'org-Kil', from: '2022-01-01' }),
        ],
      }),
      network('b', 'projekt', 'B', {
        roster: [
          entry('8', { contactId: 'anna', from: '2022-01-01' }),
          entry('9', { contactId: 'bodil', from: '2022-01-01' }),
          entry('10', { contactId: 'eva', from: '2022-01-01' }),
          entry('11', { contactId: 'asa', from: '2022-01-01' }),
        ],
      }),
    ],
  });
}

describe('e-mail list of networks', () => {
  const list = emailList(fixture(), ['a', 'b'], '2022-06-30');

  it('lists each address once, compared without regard to case, in name order, ready for a mail program', () => {
    expect(list.recipients.map((r) => r.email)).toEqual(['anna@kil.se', 'BO@ale.se', 'eva@ale.se', 'info@räksmörgås.se']);
    expect(list.text).toBe('Anna Andersson <anna@kil.se>; Bo Berg <BO@ale.se>; "Svensson, Eva" <eva@ale.se>; Åsa Öberg <info@räksmörgås.se>');
  });

  it('lists the active persons it could not include, with the reason', () => {
    expect(list.withoutEmail.map((p) => [p.name, p.reason])).toEqual([
      ['Cecilia Ek', 'saknas'],
      ['David Dahl', 'ogiltig'],
      ['Erik Ek', 'slutat'],
    ]);
  });

  it('leaves out persons whose roster entry has ended', () => {
    expect(list.recipients.some((r) => r.contactId === 'gone')).toBe(false);
    expect(emailList(fixture(), ['a'], '2022-05-31').recipients.some((r) => r.contactId === 'gone')).toBe(true);
  });

  it('works for one roster alone', () => {
    expect(emailList(fixture(), ['b'], '2022-06-30').recipients.map((r) => r.contactId)).toEqual(['anna', 'bodil', 'eva', 'asa']);
  });

  it('quotes names with characters special in mail headers, and checks addresses loosely', () => {
    expect(formatAddress('Anna "Ankan" Ek', 'a@b.se')).toBe('"Anna \\"Ankan\\" Ek" <a@b.se>');
    expect(formatAddress('Dr. Ek', 'a@b.se')).toBe('"Dr. Ek" <a@b.se>');
    expect(formatAddress('', 'a@b.se')).toBe('a@b.se');
    expect(isUsableEmail('info@räksmörgås.se')).toBe(true);
    expect(isUsableEmail('anna.ek+natverk@kommun.se')).toBe(true);
    for (const bad of ['anna', 'anna@kil', 'a b@kil.se', 'a@kil.se; b@kil.se', '<a@kil.se>']) expect(isUsableEmail(bad)).toBe(false);
  });

  it('answers through networks/get-email-list, refusing an empty choice with a Swedish message naming the field', async () => {
    const { call } = createTestServices({ initial: fixture() });
    const result = await call('networks/get-email-list', { networkIds: ['a', 'b'], date: '2022-06-30' });
    expect(result.ok && result.data.text).toBe(list.text);
    const empty = await call('networks/get-email-list', { networkIds: [] });
    expect(empty).toMatchObject({ ok: false, error: { code: 'validation' } });
    if (!empty.ok) expect(empty.error.message).toMatch(/^Nätverk: /);
    expect(await call('networks/get-email-list', { networkIds: ['nope'] })).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });
});
