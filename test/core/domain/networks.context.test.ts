/**
 * The network context is remembered per document state and date: the list, its goal figures and the
 * organisation page reuse it. These tests hold that reuse to the answers made from scratch, and that a
 * change (a new state) is never answered from the state before.
 */
import { freeze } from 'immer';
import { describe, expect, it } from 'vitest';
import { figure } from '../../../electron/core/domain/figure-cache';
import { councilOrganisationCount, councilOrganisationsAt, networkContext, networkDetail, networkFigures, networkSummary } from '../../../electron/core/domain/networks';
import { createTestServices } from '../../support/memory-document';
import { contact, entry, makeDocument, membership, municipality, network, organisation, service, usage } from '../../fixtures/services/documents';
import { planUsers } from '../../fixtures/services/plan-2022-lists';

const DATE = '2022-06-30';
const M = (planUsers.Bibblix ?? []).slice(0, 8);
const id = (i: number) => `org-${M[i]}`;

function document() {
  return makeDocument({
    organisations: [...M.map((n) => municipality(n)), organisation('grp', 'Förbundet', 'kommunalforbund', { groupMemberIds: [id(5), id(6)] })],
    memberships: M.slice(0, 7).map((_, i) => membership(id(i), '2020-01-01')),
    contacts: M.map((_, i) => contact(`p${i}`, id(i), `Person ${i}`, `p${i}@example.se`)),
    services: [service('egil', 'EGIL', [], { councilNetworkId: 'rad' })],
    usages: [usage('u1', id(1), 'egil', '2021-01-01'), usage('ug', 'grp', 'egil', '2021-01-01')],
    networks: [
      network('k', 'kompetensnatverk', 'Kompetens', {
        roster: [
          entry('o0', { organisationId: id(0), from: '2022-01-01' }),
          // A person's entry as older registers have it, without the organisation: found through the person.
          entry('c2', { contactId: 'p2', from: '2022-01-01' }),
          entry('c3', { contactId: 'p3', organisationId: id(3), from: '2022-01-01' }),
          entry('ext', { externalName: 'Högskolan', from: '2022-01-01' }),
        ],
      }),
      network('rad', 'forvaltningsrad', 'Förvaltningsråd EGIL', { serviceId: 'egil', roster: [entry('r0', { contactId: 'p0', role: 'ledamot', from: '2022-01-01' })] }),
    ],
  });
}

describe('the network context of a document state', () => {
  it('is made once per frozen state and date, and afresh for a plain document', () => {
    const frozen = freeze(document(), true);
    expect(networkContext(frozen, DATE)).toBe(networkContext(frozen, DATE));
    expect(networkContext(frozen, '2022-07-01')).not.toBe(networkContext(frozen, DATE));
    const plain = document();
    expect(networkContext(plain, DATE)).not.toBe(networkContext(plain, DATE));
  });

  it('is the same one inside a figure computed through figure-cache, and a new one when a part it reads changes', () => {
    const frozen = freeze(document(), true);
    const ctx = networkContext(frozen, DATE);
    expect(figure('test/network-context', DATE, frozen, (d) => networkContext(d, DATE) === ctx)).toBe(true);
    // A roster change leaves the parts the context reads alone; a changed person does not.
    const roster = freeze({ ...frozen, networks: frozen.networks.map((n) => ({ ...n, roster: [] })) }, true);
    expect(networkContext(roster, DATE)).toBe(ctx);
    const persons = freeze({ ...frozen, contacts: frozen.contacts.slice(1) }, true);
    const other = networkContext(persons, DATE);
    expect(other).not.toBe(ctx);
    expect(other.contactsById.has('p0')).toBe(false);
    expect(ctx.contactsById.has('p0')).toBe(true);
  });

  it('counts a council\'s organisations as many as it lists, and none for another kind', () => {
    const frozen = freeze(document(), true);
    const ctx = networkContext(frozen, DATE);
    for (const n of frozen.networks) expect(councilOrganisationCount(ctx, n)).toBe(councilOrganisationsAt(ctx, n).length);
    const council = frozen.networks.find((n) => n.id === 'rad');
    // Its service's users: 1 directly, the group and its 5 and 6 through it.
    expect(council && councilOrganisationCount(ctx, council)).toBe(4);
    expect(councilOrganisationCount(networkContext(frozen, '2020-06-30'), council ?? frozen.networks[0]!)).toBe(0);
  });

  it('gives the same counts, remembered or not, and the detail lists them in Swedish order', () => {
    const frozen = freeze(document(), true);
    const plain = document();
    for (const n of frozen.networks) {
      const remembered = networkSummary(networkContext(frozen, DATE), n);
      expect(remembered).toEqual(networkSummary(networkContext(plain, DATE), plain.networks.find((p) => p.id === n.id) ?? n));
      const detail = networkDetail(networkContext(frozen, DATE), n);
      expect(detail.participatingMunicipalities).toHaveLength(remembered.participatingMemberMunicipalities);
      const names = detail.participatingMunicipalities.map((m) => m.name);
      expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'sv')));
    }
    // Kompetens: 0 (own entry), 2 (through the person), 3; the council: its users 1 and the group's 5 and 6, and 0 on its roster.
    expect(networkFigures(frozen, DATE, 2022).networks.map((n) => [n.networkId, n.participatingMemberMunicipalities])).toEqual([
      ['k', 3],
      ['rad', 4],
    ]);
  });

  it('answers a change from the new state: the list and the figures count a new participant at once', async () => {
    const { call } = createTestServices({ initial: document() });
    const before = await call('networks/list', { includeArchived: false, date: DATE });
    expect(before.ok && before.data.find((n) => n.id === 'k')?.participatingMemberMunicipalities).toBe(3);
    const added = await call('networks/add-entry', { networkId: 'k', contactId: 'p4', role: 'deltagare', participation: 'deltagare', from: '2022-01-01' });
    expect(added.ok).toBe(true);
    const after = await call('networks/list', { includeArchived: false, date: DATE });
    expect(after.ok && after.data.find((n) => n.id === 'k')?.participatingMemberMunicipalities).toBe(4);
    const figures = await call('networks/get-figures', { date: DATE });
    expect(figures.ok && figures.data.networks.find((n) => n.networkId === 'k')?.participatingMemberMunicipalities).toBe(4);
    // A membership ending before the date takes the municipality out again.
    const ended = await call('memberships/end', { id: `mem-${id(4)}-2020-01-01`, left: '2021-12-31' });
    expect(ended.ok ? 'ok' : ended.error.message).toBe('ok');
    const later = await call('networks/list', { includeArchived: false, date: DATE });
    expect(later.ok && later.data.find((n) => n.id === 'k')?.participatingMemberMunicipalities).toBe(3);
  });
});

describe('the networks on an organisation page', () => {
  it('lists the networks with the organisation\'s own or its persons\' entries, and the councils of services it uses', async () => {
    const { call } = createTestServices({ initial: document() });
    const networksOf = async (organisationId: string) => {
      const page = await call('members/get', { id: organisationId, date: DATE });
      if (!page.ok) throw new Error(page.error.message);
      return page.data.networks.map((n) => ({ id: n.networkId, councilUser: n.councilUser, entries: n.entries.map((e) => e.entryId) }));
    };
    expect(await networksOf(id(0))).toEqual([
      { id: 'k', councilUser: false, entries: ['o0'] },
      { id: 'rad', councilUser: false, entries: ['r0'] },
    ]);
    expect(await networksOf(id(2))).toEqual([{ id: 'k', councilUser: false, entries: ['c2'] }]);
    expect(await networksOf(id(1))).toEqual([{ id: 'rad', councilUser: true, entries: [] }]);
    // Through the group's record.
    expect(await networksOf(id(5))).toEqual([{ id: 'rad', councilUser: true, entries: [] }]);
    expect(await networksOf(id(7))).toEqual([]);
  });
});
