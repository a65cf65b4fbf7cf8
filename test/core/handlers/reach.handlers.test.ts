import { describe, expect, it } from 'vitest';
import { createTestServices } from '../../support/memory-document';
import { contact, makeDocument, membership, municipality, network, organisation, service, usage } from '../../fixtures/services/documents';
import { decodeBase64 } from '../../../electron/core/exports/base64';

/** Created long before the test date and never confirmed: «Ej bekräftad» (it counts from creation). */
const OLD = '2020-01-01T00:00:00.000Z';

function setup() {
  return createTestServices({
    initial: makeDocument({
      organisations: [
        municipality('Habo'),
        municipality('Ale'),
        municipality('Göteborg'),
        municipality('Kil'),
        municipality('Mölndal'),
        organisation('gr', 'Göteborgsregionen', 'kommunalforbund', { groupMemberIds: ['org-Ale', 'org-Göteborg'] }),
      ],
      memberships: [
        membership('org-Habo', '2020-01-01'),
        membership('org-Kil', '2020-01-01'),
        membership('gr', '2020-01-01'),
      ],
      contacts: [
        contact('c-habo-skola', 'org-Habo', 'Anna Andersson', 'anna@habo.se', { businessAreas: ['skola'], roles: ['it'], phone: '+46701234567', confirmedAt: '2022-05-01' }),
        contact('c-habo-trafik', 'org-Habo', 'Bertil Berg', 'bertil@habo.se', { createdAt: OLD, businessAreas: ['trafik'], legalBasis: 'samtycke' }),
        contact('c-kil-skola', 'org-Kil', 'Cecilia Carlsson', 'cecilia@kil.se', { createdAt: OLD, businessAreas: ['skola'], legalBasis: 'samtycke' }),
        contact('c-kil-old', 'org-Kil', 'Dag Dahl', 'dag@kil.se', { businessAreas: ['skola'], endedAt: '2021-12-31' }),
        contact('c-ale', 'org-Ale', 'Eva Ek', 'eva@ale.se', { createdAt: OLD, businessAreas: ['skola'] }),
        contact('c-molndal', 'org-Mölndal', 'Fia Fors', 'fia@molndal.se', { createdAt: OLD, businessAreas: ['skola'] }),
      ],
      services: [service('egil', 'EGIL', [], { businessArea: 'skola' })],
      // GR uses it, so Ale and Göteborg use it through the group.
      usages: [usage('u1', 'gr', 'egil', '2021-01-01')],
      networks: [network('komp', 'kompetensnatverk', 'Digital signering')],
    }),
  });
}

const date = '2022-06-30';

describe('search/everything', () => {
  it('finds an organisation typed with «kommun», «stad» or «region», in any case', async () => {
    const { call } = setup();
    for (const query of ['Habo kommun', 'HABO', 'habo Kommun', 'Region Habo']) {
      const answer = await call('search/everything', { query, date });
      expect(answer.ok && answer.data.organisations.map((o) => o.name)).toEqual(['Habo']);
    }
    const genitive = await call('search/everything', { query: 'Göteborgs stad', date });
    expect(genitive.ok && genitive.data.organisations.map((o) => o.name)[0]).toBe('Göteborg');
  });

  it('keeps Håbo apart from Habo and offers Håbo from the reference list', async () => {
    const { call } = setup();
    const hbo = await call('search/everything', { query: 'Håbo kommun', date });
    expect(hbo.ok && hbo.data.organisations).toEqual([]);
    expect(hbo.ok && hbo.data.missingMunicipalities.map((m) => m.name)).toEqual(['Håbo']);
    expect(hbo.ok && hbo.data.missingMunicipalities[0]).toMatchObject({ code: '0305', countyName: 'Uppsala län' });
    // Habo is in the register: nothing to add.
    const habo = await call('search/everything', { query: 'Habo', date });
    expect(habo.ok && habo.data.missingMunicipalities).toEqual([]);
  });

  it('finds contact persons by name, e-mail and phone, and networks by name', async () => {
    const { call } = setup();
    const byName = await call('search/everything', { query: 'andersson', date });
    expect(byName.ok && byName.data.contacts.map((c) => c.id)).toEqual(['c-habo-skola']);
    const byEmail = await call('search/everything', { query: 'cecilia@kil', date });
    expect(byEmail.ok && byEmail.data.contacts.map((c) => c.id)).toEqual(['c-kil-skola']);
    for (const query of ['070-123 45 67', '+46 70 123', '0701234567']) {
      const byPhone = await call('search/everything', { query, date });
      expect(byPhone.ok && byPhone.data.contacts.map((c) => c.id)).toEqual(['c-habo-skola']);
    }
    const net = await call('search/everything', { query: 'signering', date });
    expect(net.ok && net.data.networks.map((n) => n.name)).toEqual(['Digital signering']);
    const blank = await call('search/everything', { query: '  ', date });
    expect(blank.ok && blank.data).toMatchObject({ organisations: [], contacts: [], networks: [], missingMunicipalities: [] });
  });
});

describe('contacts/directory', () => {
  it('lists active contacts only, filtered by business area, role, organisation and confirmation', async () => {
    const { call } = setup();
    const all = await call('contacts/directory', { filter: {}, date });
    expect(all.ok && all.data.rows.map((r) => r.id).sort()).toEqual(['c-ale', 'c-habo-skola', 'c-habo-trafik', 'c-kil-skola', 'c-molndal']);
    const skola = await call('contacts/directory', { filter: { businessAreas: ['skola'], organisationIds: ['org-Kil', 'org-Habo'] }, date });
    expect(skola.ok && skola.data.rows.map((r) => r.id)).toEqual(['c-habo-skola', 'c-kil-skola']);
    const it = await call('contacts/directory', { filter: { roles: ['it'] }, date });
    expect(it.ok && it.data.rows.map((r) => r.id)).toEqual(['c-habo-skola']);
    const confirmed = await call('contacts/directory', { filter: { confirmed: 'bekraftade' }, date });
    expect(confirmed.ok && confirmed.data.rows.map((r) => r.id)).toEqual(['c-habo-skola']);
    const unconfirmed = await call('contacts/directory', { filter: { confirmed: 'obekraftade' }, date });
    expect(unconfirmed.ok && unconfirmed.data.rows).toHaveLength(4);
    const text = await call('contacts/directory', { filter: { query: 'Habo kommun' }, date });
    expect(text.ok && text.data.rows.map((r) => r.id)).toEqual(['c-habo-skola', 'c-habo-trafik']);
  });
});

describe('services/non-users', () => {
  it('lists the members that use the service neither directly nor through a group, with the business area contacts', async () => {
    const { call } = setup();
    const answer = await call('services/non-users', { serviceId: 'egil', date });
    expect(answer.ok).toBe(true);
    if (!answer.ok) return;
    expect(answer.data.rows.map((r) => r.name)).toEqual(['Habo', 'Kil']);
    const habo = answer.data.rows[0];
    expect(habo).toMatchObject({ organisationId: 'org-Habo', member: true, countyName: 'Jönköpings län' });
    expect(habo?.population).toBeGreaterThan(10_000);
    // Only the skola contact, not the trafik one; Kil's ended contact is gone.
    expect(habo?.contacts.map((c) => c.id)).toEqual(['c-habo-skola']);
    expect(answer.data.rows[1]?.contacts.map((c) => c.id)).toEqual(['c-kil-skola']);
  });

  it('adds the non-member municipalities on request: those in the register with their contacts, the rest from the reference list', async () => {
    const { call } = setup();
    const answer = await call('services/non-users', { serviceId: 'egil', date, includeNonMembers: true });
    if (!answer.ok) throw new Error(answer.error.message);
    const names = answer.data.rows.map((r) => r.name);
    expect(names.slice(0, 2)).toEqual(['Habo', 'Kil']);
    // 290 municipalities, less the four members-or-users (Habo, Kil, Ale, Göteborg), as members or non-members.
    expect(answer.data.rows).toHaveLength(2 + 290 - 4);
    expect(names).not.toContain('Ale');
    expect(answer.data.rows.find((r) => r.name === 'Mölndal')).toMatchObject({ member: false, organisationId: 'org-Mölndal', contacts: [{ id: 'c-molndal' }] });
    expect(answer.data.rows.find((r) => r.name === 'Håbo')).toMatchObject({ member: false, municipalityCode: '0305', contacts: [] });
    expect(answer.data.rows.find((r) => r.name === 'Håbo')).not.toHaveProperty('organisationId');
  });

  it('names an unknown service', async () => {
    const { call } = setup();
    const answer = await call('services/non-users', { serviceId: 'nope', date });
    expect(answer.ok).toBe(false);
  });
});

describe('saved selections', () => {
  it('saves, lists (with the criteria in words), refuses a second of the same name, deletes, and logs each change', async () => {
    const { call, repo } = setup();
    const saved = await call('selections/save', { name: 'Skolor utan EGIL', criteria: { kind: 'anvander-inte', serviceId: 'egil' } });
    expect(saved).toMatchObject({ ok: true, data: { name: 'Skolor utan EGIL', description: 'Använder inte EGIL', createdAt: '2022-06-30T10:00:00.000Z' } });
    expect(repo.get().changeLog.at(-1)).toMatchObject({ entity: 'selection', action: 'create' });
    const again = await call('selections/save', { name: ' skolor  utan egil', criteria: { kind: 'organisationer', organisationIds: [] } });
    expect(again).toMatchObject({ ok: false, error: { code: 'duplicate', field: 'name' } });
    const blank = await call('selections/save', { name: '  ', criteria: { kind: 'organisationer', organisationIds: [] } });
    expect(blank).toMatchObject({ ok: false, error: { field: 'name' } });
    const list = await call('selections/list', {});
    expect(list.ok && list.data.map((s) => s.name)).toEqual(['Skolor utan EGIL']);
    if (!saved.ok) return;
    const deleted = await call('selections/delete', { selectionId: saved.data.id });
    expect(deleted).toEqual({ ok: true, data: { deleted: saved.data.id } });
    expect(repo.get().selections).toEqual([]);
    expect(await call('selections/delete', { selectionId: saved.data.id })).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });

  it('reaches a saved selection as the register is when used', async () => {
    const { call } = setup();
    const saved = await call('selections/save', { name: 'Skolor utan EGIL', criteria: { kind: 'anvander-inte', serviceId: 'egil' } });
    if (!saved.ok) throw new Error(saved.error.message);
    const before = await call('reach/plan', { source: { selectionId: saved.data.id }, kind: 'arende', date });
    expect(before.ok && before.data.addresses).toEqual(['anna@habo.se', 'cecilia@kil.se']);
    await call('usage/start', { organisationId: 'org-Kil', serviceId: 'egil', from: '2022-01-01' });
    const after = await call('reach/plan', { source: { selectionId: saved.data.id }, kind: 'arende', date });
    expect(after.ok && after.data.addresses).toEqual(['anna@habo.se']);
  });
});

describe('reach/plan and reach/export', () => {
  it('reaches a service\'s users (through a group too) by the contacts of its business area', async () => {
    const { call } = setup();
    const plan = await call('reach/plan', { source: { criteria: { kind: 'anvander', serviceId: 'egil' } }, kind: 'arende', date });
    // Ale uses EGIL through Göteborgsregionen; Göteborg has no contact; Habo and Kil do not use it.
    expect(plan.ok && plan.data.addresses).toEqual(['eva@ale.se']);
  });

  it('leaves out contacts without consent from a newsletter and says so', async () => {
    const { call } = setup();
    const plan = await call('reach/plan', { source: { contactIds: ['c-habo-skola', 'c-habo-trafik', 'c-kil-skola', 'c-ale'] }, kind: 'utskick', date });
    expect(plan).toMatchObject({
      ok: true,
      data: {
        addresses: ['bertil@habo.se', 'cecilia@kil.se'],
        summary: '2 adresser; 2 utelämnade: saknar samtycke för nyhetsbrev',
        batches: [{ url: 'mailto:?bcc=bertil@habo.se,cecilia@kil.se', count: 2 }],
      },
    });
  });

  it('exports the people a kind of mail may reach as CSV and vCard', async () => {
    const { call } = setup();
    const source = { criteria: { kind: 'kontakter' as const, filter: { businessAreas: ['skola' as const] } } };
    const csv = await call('reach/export', { source, kind: 'utskick', format: 'csv', name: 'Skola: utskick', date });
    if (!csv.ok) throw new Error(csv.error.message);
    expect(csv.data.fileName).toBe('Skola- utskick.csv');
    const text = new TextDecoder().decode(decodeBase64(csv.data.bytesBase64));
    expect(text.split('\r\n').slice(1, -1)).toEqual(['Cecilia Carlsson;Kil;cecilia@kil.se;;;Skola;']);
    const vcf = await call('reach/export', { source, kind: 'arende', format: 'vcard', date });
    if (!vcf.ok) throw new Error(vcf.error.message);
    expect(vcf.data.fileName).toBe('Kontaktpersoner.vcf');
    expect(new TextDecoder().decode(decodeBase64(vcf.data.bytesBase64)).match(/BEGIN:VCARD/g)).toHaveLength(4);
  });
});

describe('mail/open in the core (web entry)', () => {
  it('hands back a batch link for the page to follow and refuses anything else', async () => {
    const { call } = setup();
    expect(await call('mail/open', { url: 'mailto:?bcc=a@habo.se,b@kil.se' })).toEqual({ ok: true, data: { opened: false, url: 'mailto:?bcc=a@habo.se,b@kil.se' } });
    for (const url of ['https://evil.example/', 'mailto:a@habo.se', 'mailto:?bcc=a@habo.se&body=x', 'mailto:?bcc=a@habo.se&attach=/etc/passwd', 'javascript:alert(1)']) {
      expect(await call('mail/open', { url })).toMatchObject({ ok: false, error: { code: 'validation' } });
    }
  });
});
