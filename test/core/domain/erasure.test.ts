import { describe, expect, it } from 'vitest';
import { exportPerson, planErasure } from '../../../electron/core/domain/erasure';
import { ERASED_MARKER, ERASED_SUMMARY } from '../../../electron/core/domain/change-log';
import type { Network, SambrukDocument } from '../../../electron/core/store/schema';
import { createTestServices } from '../../support/memory-document';
import { contact, municipality, period, referenceDocument } from '../../fixtures/register/documents';

const base = referenceDocument();
const habo = municipality(base, '0643', { note: 'Ring Anna Svensson om skolfrågorna.' });
const savsjo = municipality(base, '0684');

function network(contactIds: { both: string; only: string }): Network {
  return {
    id: 'net-1',
    kind: 'kompetensnatverk',
    name: 'Digital signering',
    description: '',
    roster: [
      { id: 'r1', organisationId: habo.id, contactId: contactIds.both, role: 'ledamot', participation: 'deltagare', from: '2022-01-01' },
      { id: 'r2', contactId: contactIds.only, role: 'adjungerad', participation: 'deltagare', from: '2022-01-01' },
      { id: 'r3', organisationId: savsjo.id, role: 'deltagare', participation: 'deltagare', from: '2022-01-01' },
    ],
    meetings: [
      { id: 'm1', date: '2022-03-01', kind: 'seminarium', title: 'Seminariedag', attendeeContactIds: [contactIds.both, 'other'], note: 'Anna Svensson höll i dagen.' },
    ],
    archived: false,
  };
}

function startingDocument(): SambrukDocument {
  return referenceDocument({
    organisations: [habo, savsjo],
    memberships: [period(habo.id, '2015-01-01'), period(savsjo.id, '2015-01-01')],
    contacts: [contact('other', savsjo.id, 'Bo Berg', { email: 'bo@savsjo.se' })],
    networks: [network({ both: 'placeholder', only: 'placeholder' })],
  });
}

describe('erasing a person through the channels', () => {
  async function setUp() {
    const services = createTestServices({ initial: startingDocument() });
    const created = await services.call('contacts/create', {
      organisationId: habo.id,
      name: 'Anna Svensson',
      email: 'Anna.Svensson@Habo.se',
      phone: '070-123 45 67',
      title: 'Skolchef',
      businessAreas: ['skola'],
      legalBasis: 'allmant-intresse',
      confirmedAt: '2022-01-10',
    });
    if (!created.ok) throw new Error(created.error.message);
    const annaId = created.data.id;
    await services.call('contacts/update', { id: annaId, title: 'Förvaltningschef' });
    // Put her in the roster and attendance, as the networks screens would.
    await services.repo.change('Lade till Anna Svensson i nätverket', (tx) => {
      tx.networks.update('net-1', () => network({ both: annaId, only: annaId }) as ReturnType<typeof tx.networks.all>[number], {
        summary: 'Lade till Anna Svensson i Digital signering',
      });
    });
    return { ...services, annaId };
  }

  it('exports everything about the person as plain data first', async () => {
    const { call, annaId } = await setUp();
    const result = await call('contacts/export', { id: annaId });
    if (!result.ok) throw new Error(result.error.message);
    expect(result.data.contact).toMatchObject({ name: 'Anna Svensson', email: 'Anna.Svensson@habo.se', phone: '+46701234567', legalBasisLabel: expect.stringMatching(/Allmänt intresse/) });
    expect(result.data.organisation).toMatchObject({ id: habo.id, name: 'Habo' });
    expect(result.data.networks.map((n) => n.entry.id)).toEqual(['r1', 'r2']);
    expect(result.data.meetings).toEqual([{ networkId: 'net-1', networkName: 'Digital signering', meetingId: 'm1', date: '2022-03-01', title: 'Seminariedag' }]);
    expect(result.data.changeLog.map((e) => e.action)).toEqual(['create', 'update', 'update']);
    expect(JSON.parse(JSON.stringify(result.data))).toEqual(result.data);
  });

  it('leaves no readable copy in the document, the change log or the saved file, and clears undo', async () => {
    const { call, repo, port, annaId } = await setUp();
    expect(repo.history().canUndo).toBe(true);
    const erased = await call('contacts/erase', { id: annaId, ground: 'begaran' });
    if (!erased.ok) throw new Error(erased.error.message);
    expect(erased.data).toMatchObject({ rosterEntriesRemoved: 1, rosterEntriesKeptForOrganisation: 1, meetingsUpdated: 1, changeLogEntriesScrubbed: 3 });

    const serialised = JSON.stringify(repo.get());
    const savedFile = port.saved[port.saved.length - 1] ?? '';
    for (const text of [serialised, savedFile]) {
      for (const detail of ['Anna Svensson', 'Anna.Svensson', 'anna.svensson', '+46701234567', '070-123 45 67', 'Förvaltningschef', 'Skolchef']) {
        expect(text).not.toContain(detail);
      }
    }
    expect(repo.get().contacts.map((c) => c.id)).toEqual(['other']);
    const net = repo.get().networks[0];
    expect(net?.roster.map((r) => [r.id, r.organisationId, r.contactId])).toEqual([
      ['r1', habo.id, undefined],
      ['r3', savsjo.id, undefined],
    ]);
    expect(net?.meetings[0]?.attendeeContactIds).toEqual(['other']);
    expect(net?.meetings[0]?.note).toBe(`${ERASED_MARKER} höll i dagen.`);
    expect(repo.get().organisations[0]?.note).toBe(`Ring ${ERASED_MARKER} om skolfrågorna.`);

    const about = repo.get().changeLog.filter((e) => e.entityId === annaId || e.entityId === 'net-1');
    const scrubbed = about.filter((e) => e.action !== 'erase');
    expect(scrubbed).toHaveLength(3);
    for (const entry of scrubbed) {
      expect(entry.summary).toBe(ERASED_SUMMARY);
      if (entry.before !== undefined) expect(entry.before).toBe(ERASED_MARKER);
      if (entry.after !== undefined) expect(entry.after).toBe(ERASED_MARKER);
    }
    const record = about.find((e) => e.action === 'erase');
    expect(record).toMatchObject({ entity: 'contact', organisationId: habo.id, after: { erased: true, erasureGround: 'begaran', legalBasis: 'allmant-intresse' } });
    expect(record?.summary).toMatch(/^En kontaktperson raderades ur registret\. Grund: personen har begärt radering\.$/);

    expect(repo.history()).toEqual({ canUndo: false, canRedo: false });
    const undo = await call('history/undo', {});
    expect(undo.ok && undo.data.canUndo).toBe(false);
    expect(JSON.stringify(repo.get())).not.toContain('Anna Svensson');
  });

  it('keeps the other contact and its history', async () => {
    const { call, repo, annaId } = await setUp();
    await call('contacts/erase', { id: annaId, ground: 'behovs-inte' });
    expect(repo.get().contacts[0]).toMatchObject({ id: 'other', name: 'Bo Berg', email: 'bo@savsjo.se' });
  });

  it('refuses an unknown person and an unknown ground', async () => {
    const { call } = await setUp();
    expect(await call('contacts/erase', { id: 'nobody', ground: 'begaran' })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    const bad = await call('contacts/erase', { id: 'nobody', ground: 'för att' as 'begaran' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'validation' } });
    if (!bad.ok) expect(bad.error.message).toMatch(/^Grund för radering: /);
  });
});

describe('erasure and namesakes', () => {
  it('leaves another person with the same name, and that person’s log entries, untouched', () => {
    const doc = referenceDocument({
      organisations: [habo, savsjo],
      contacts: [
        contact('anna-1', habo.id, 'Anna Svensson', { email: 'anna@habo.se', note: 'Efterträdde Anna Svensson i Sävsjö? Nej.' }),
        contact('anna-2', savsjo.id, 'Anna Svensson', { email: 'anna@savsjo.se' }),
      ],
      changeLog: [
        { id: 'l1', at: '2022-01-01T00:00:00Z', by: '', entity: 'contact', entityId: 'anna-1', organisationId: habo.id, action: 'create', summary: 'Lade till kontaktpersonen Anna Svensson (Habo)', after: { name: 'Anna Svensson' } },
        { id: 'l2', at: '2022-01-02T00:00:00Z', by: '', entity: 'contact', entityId: 'anna-2', organisationId: savsjo.id, action: 'create', summary: 'Lade till kontaktpersonen Anna Svensson (Sävsjö)', after: { name: 'Anna Svensson' } },
      ],
    });
    const plan = planErasure(doc, 'anna-1', 'begaran');
    expect(plan.sections.contacts).toEqual([doc.contacts[1]]);
    expect(plan.sections.changeLog?.map((e) => e.summary)).toEqual([ERASED_SUMMARY, 'Lade till kontaktpersonen Anna Svensson (Sävsjö)']);
    expect(exportPerson(doc, 'anna-2').changeLog.map((e) => e.id)).toEqual(['l2']);
  });
});
