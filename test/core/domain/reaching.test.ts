import { describe, expect, it } from 'vitest';
import {
  contactsCsv,
  contactsVcard,
  mailAllowed,
  MAILTO_MAX_ADDRESSES,
  MAILTO_MAX_LENGTH,
  mailtoBatches,
  planReach,
  type ReachPerson,
} from '../../../electron/core/domain/reaching';
import { isMailtoBatchUrl } from '../../../electron/contract/rules/mailto';

function person(id: string, name: string, email: string, extra: Partial<ReachPerson> = {}): ReachPerson {
  return { id, name, email, phone: '', title: '', legalBasis: 'allmant-intresse', organisationName: 'Habo', businessAreas: [], roles: [], ...extra };
}

describe('legal basis and kinds of mail', () => {
  it('lets every basis have an ärende and only consent have an utskick', () => {
    for (const basis of ['allmant-intresse', 'berattigat-intresse', 'avtal', 'samtycke'] as const) expect(mailAllowed(basis, 'arende')).toBe(true);
    expect(mailAllowed('samtycke', 'utskick')).toBe(true);
    for (const basis of ['allmant-intresse', 'berattigat-intresse', 'avtal'] as const) expect(mailAllowed(basis, 'utskick')).toBe(false);
  });

  it('leaves out who lacks consent for a newsletter, and says so in the count', () => {
    const people = [
      person('a', 'Anna', 'anna@habo.se', { legalBasis: 'samtycke' }),
      person('b', 'Bo', 'bo@habo.se'),
      person('c', 'Cilla', 'cilla@habo.se', { legalBasis: 'avtal' }),
      person('d', 'Dan', '', { legalBasis: 'samtycke' }),
    ];
    const newsletter = planReach(people, 'utskick');
    expect(newsletter.addresses).toEqual(['anna@habo.se']);
    expect(newsletter.omitted.map((o) => [o.contactId, o.reason])).toEqual([
      ['b', 'saknar-samtycke'],
      ['c', 'saknar-samtycke'],
      ['d', 'saknar-e-post'],
    ]);
    expect(newsletter.summary).toBe('1 adress; 2 utelämnade: saknar samtycke för nyhetsbrev; 1 person utan e-postadress');
    const matter = planReach(people, 'arende');
    expect(matter.addresses).toEqual(['anna@habo.se', 'bo@habo.se', 'cilla@habo.se']);
    expect(matter.summary).toBe('3 adresser; 1 person utan e-postadress');
  });

  it('gives an address shared by two people once (case aside)', () => {
    const plan = planReach([person('a', 'Anna', 'Info@Habo.se'), person('b', 'Bo', 'info@habo.se')], 'arende');
    expect(plan.addresses).toEqual(['Info@Habo.se']);
    expect(plan.summary).toBe('1 adress');
  });
});

describe('mailto: batches', () => {
  const addresses = (n: number, length = 20) => Array.from({ length: n }, (_, i) => `${String(i).padStart(length - 10, 'x')}@habo.se`);

  it('puts at most 50 addresses in a batch, in order, none lost', () => {
    const all = addresses(123);
    const batches = mailtoBatches(all);
    expect(batches.map((b) => b.addresses.length)).toEqual([50, 50, 23]);
    expect(batches.flatMap((b) => b.addresses)).toEqual(all);
    expect(batches[0]?.url.startsWith('mailto:?bcc=')).toBe(true);
    expect(MAILTO_MAX_ADDRESSES).toBe(50);
  });

  it('keeps every link under the length limit with long addresses', () => {
    const all = addresses(60, 80);
    const batches = mailtoBatches(all);
    for (const b of batches) expect(b.url.length).toBeLessThanOrEqual(MAILTO_MAX_LENGTH);
    expect(batches.length).toBeGreaterThan(2);
    expect(batches.flatMap((b) => b.addresses)).toEqual(all);
    for (const b of batches) expect(isMailtoBatchUrl(b.url)).toBe(true);
  });

  it('encodes what a URL cannot hold and keeps @ readable; adds an encoded subject', () => {
    const [batch] = mailtoBatches(['åsa+nyhet@habo.se', 'o&b@x.se'], { subject: 'Möte & mer' });
    expect(batch?.url).toBe('mailto:?bcc=%C3%A5sa%2Bnyhet@habo.se,o%26b@x.se&subject=M%C3%B6te%20%26%20mer');
    expect(isMailtoBatchUrl(batch?.url ?? '')).toBe(true);
  });

  it('makes no batch of nothing', () => {
    expect(mailtoBatches([])).toEqual([]);
  });
});

describe('CSV for Excel', () => {
  it('has a BOM, semicolons, CRLF, quotes what Excel would split, and defuses formulas', () => {
    const csv = contactsCsv([
      person('a', 'Åsa Öberg', 'asa@habo.se', { organisationName: 'Habo; kommun', title: 'Chef, "IT"', businessAreas: ['skola', 'trafik'] }),
      person('b', 'Bo', 'bo@habo.se', { title: 'Rad ett\nrad två', phone: '+46701234567', roles: ['it'] }),
      person('c', '=HYPERLINK("x")', 'c@habo.se'),
    ]);
    expect(csv.startsWith('\uFEFFNamn;Organisation;E-post;Telefon;Titel;Verksamhetsområden;Roller\r\n')).toBe(true);
    const lines = csv.slice(1).split('\r\n');
    expect(lines[1]).toBe('Åsa Öberg;"Habo; kommun";asa@habo.se;;"Chef, ""IT""";Skola, Trafik;');
    expect(lines[2]).toBe('Bo;Habo;bo@habo.se;070-123 45 67;"Rad ett');
    expect(lines[3]).toBe('rad två";;IT');
    expect(lines[4]).toBe(`"'=HYPERLINK(""x"")";Habo;c@habo.se;;;;`);
    expect(csv.endsWith('\r\n')).toBe(true);
  });
});

describe('vCard 4.0', () => {
  it('writes one card per person with escaped text, folded lines and CRLF', () => {
    const vcf = contactsVcard([
      person('a', 'Åsa Öberg', 'asa@habo.se', { organisationName: 'Habo, kommun; IT', title: 'Rad ett\nrad två', phone: '+46701234567' }),
      person('b', 'Cher', ''),
    ]);
    const cards = vcf.split('END:VCARD\r\n').filter((c) => c !== '');
    expect(cards).toHaveLength(2);
    expect(cards[0]).toBe(
      [
        'BEGIN:VCARD',
        'VERSION:4.0',
        'FN:Åsa Öberg',
        'N:Öberg;Åsa;;;',
        'ORG:Habo\\, kommun\\; IT',
        'TITLE:Rad ett\\nrad två',
        'EMAIL;TYPE=work:asa@habo.se',
        'TEL;VALUE=uri;TYPE=work:tel:+46701234567',
        '',
      ].join('\r\n'),
    );
    expect(cards[1]).toBe(['BEGIN:VCARD', 'VERSION:4.0', 'FN:Cher', 'N:Cher;;;;', 'ORG:Habo', ''].join('\r\n'));
  });

  it('folds a long line at 75 octets without splitting a character', () => {
    const vcf = contactsVcard([person('a', 'Ö'.repeat(60), '')]);
    const lines = vcf.split('\r\n');
    for (const line of lines) expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
    const at = lines.findIndex((l) => l.startsWith('FN:'));
    const next = lines.findIndex((l, i) => i > at && !l.startsWith(' '));
    expect(next - at).toBeGreaterThan(1);
    expect(lines.slice(at, next).map((l, i) => (i === 0 ? l : l.slice(1))).join('')).toBe(`FN:${'Ö'.repeat(60)}`);
  });

  it('writes nothing for nobody', () => {
    expect(contactsVcard([])).toBe('');
  });
});
