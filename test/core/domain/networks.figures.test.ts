import { describe, expect, it } from 'vitest';
import { councilOrganisationsAt, networkContext, networkFigures } from '../../../electron/core/domain/networks';
import type { Network, RosterEntry } from '../../../electron/core/store/schema';
import { createTestServices } from '../../support/memory-document';
import {
  contact,
  entry,
  makeDocument,
  meeting,
  membership,
  municipality,
  network,
  organisation,
  service,
  usage,
} from '../../fixtures/services/documents';
import { planUsers } from '../../fixtures/services/plan-2022-lists';

const DATE = '2022-06-30';
const M = (planUsers.Bibblix ?? []).slice(0, 22); // M[0..20] members, M[21] not a member
const id = (i: number) => `org-${M[i]}`;

const organisations = [
  ...M.map((n) => municipality(n)),
  organisation('grp', 'Förbundet', 'kommunalforbund', { groupMemberIds: [id(15), id(16), id(17)] }),
  organisation('pub', 'Läromedia', 'annan'),
];
const memberships = M.slice(0, 21).map((_, i) => membership(id(i), '2020-01-01'));
const contacts = M.map((_, i) => contact(`p${i}`, id(i), `Person ${i}`, `p${i}@example.se`)).concat([contact('p10b', id(10), 'Person 10 B')]);

/**
 * Twenty member municipalities at DATE: ten organisation entries (0–9), five persons (10–14, with a second
 * person at 10), a group (15–17), an organisation entry (18) and a person (19). Not counted: a non-member
 * (21), an external participant, a publisher, and municipality 20, whose entry ended before DATE.
 */
function roster20(): RosterEntry[] {
  return [
    ...Array.from({ length: 10 }, (_, i) => entry(`o${i}`, { organisationId: id(i), from: '2022-01-01' })),
    ...Array.from({ length: 5 }, (_, k) => entry(`c${k}`, { contactId: `p${10 + k}`, from: '2022-01-01' })),
    entry('c10b', { contactId: 'p10b', from: '2022-01-01' }),
    entry('g', { organisationId: 'grp', from: '2022-01-01' }),
    entry('o18', { organisationId: id(18), from: '2022-01-01' }),
    entry('c19', { contactId: 'p19', from: '2022-01-01' }),
    entry('o20', { organisationId: id(20), from: '2021-01-01', to: '2022-06-29' }),
    entry('o21', { organisationId: id(21), from: '2022-01-01' }),
    entry('ext', { externalName: 'Högskolan i Skövde', from: '2022-01-01' }),
    entry('pub', { organisationId: 'pub', participation: 'medfinansiar', from: '2022-01-01' }),
  ];
}
const without19 = () => roster20().filter((e) => e.id !== 'c19');

function doc(networks: Network[]) {
  return makeDocument({ organisations, memberships, contacts, networks });
}

describe('participating member municipalities and the goal of 20', () => {
  it('counts members among roster organisations and persons\' organisations, groups as their municipalities, each once', () => {
    const figures = networkFigures(doc([network('n20', 'kompetensnatverk', 'Tjugo', { roster: roster20() })]), DATE, 2022);
    expect(figures.networks[0]).toMatchObject({ participatingMemberMunicipalities: 20, reachesMunicipalityGoal: true });
  });

  it('does not reach the goal with 19', () => {
    const figures = networkFigures(doc([network('n19', 'kompetensnatverk', 'Nitton', { roster: without19() })]), DATE, 2022);
    expect(figures.networks[0]).toMatchObject({ participatingMemberMunicipalities: 19, reachesMunicipalityGoal: false });
  });

  it('counts at the date: an entry ending the day before no longer counts, one ending on the date still does', () => {
    const d = doc([network('n', 'kompetensnatverk', 'N', { roster: without19() })]);
    expect(networkFigures(d, '2022-06-29', 2022).networks[0]?.participatingMemberMunicipalities).toBe(20);
    expect(networkFigures(d, DATE, 2022).networks[0]?.participatingMemberMunicipalities).toBe(19);
  });

  it('needs four competence networks reaching 20; other kinds never count towards the four', () => {
    const three = [1, 2, 3].map((k) => network(`k${k}`, 'kompetensnatverk', `K${k}`, { roster: roster20() }));
    const others = [
      network('k4', 'kompetensnatverk', 'K4', { roster: without19() }),
      network('p', 'projekt', 'Projekt', { roster: roster20() }),
      network('old', 'kompetensnatverk', 'Arkiverat', { roster: roster20(), archived: true }),
      network('ended', 'kompetensnatverk', 'Avslutat', { roster: roster20(), endDate: '2022-05-31' }),
    ];
    const notYet = networkFigures(doc([...three, ...others]), DATE, 2022);
    expect(notYet).toMatchObject({ networksReachingGoal: 3, networkGoal: 4, networkGoalReached: false, municipalityGoal: 20 });
    expect(notYet.networks.map((n) => n.networkId)).toEqual(['k1', 'k2', 'k3', 'k4', 'p']);
    expect(notYet.networks.find((n) => n.networkId === 'p')?.reachesMunicipalityGoal).toBe(true);

    const reached = networkFigures(doc([...three, network('k4', 'kompetensnatverk', 'K4', { roster: roster20() })]), DATE, 2022);
    expect(reached).toMatchObject({ networksReachingGoal: 4, networkGoalReached: true });
  });
});

describe('governance council derived from service usage', () => {
  const council = network('rad', 'forvaltningsrad', 'Förvaltningsråd EGIL', {
    serviceId: 'egil',
    roster: [
      entry('r1', { contactId: 'p0', role: 'ledamot', from: '2022-01-01' }),
      entry('r2', { contactId: 'p10b', role: 'ordforande', from: '2022-01-01' }),
      entry('r3', { contactId: 'p10', role: 'ledamot', from: '2022-01-01' }),
      entry('r4', { contactId: 'p15', role: 'deltagare', from: '2022-01-01' }),
      entry('r5', { contactId: 'p16', role: 'ledamot', from: '2021-01-01', to: '2022-06-29' }),
    ],
  });
  const d = makeDocument({
    organisations,
    memberships,
    contacts,
    services: [service('egil', 'EGIL', [], { councilNetworkId: 'rad' })],
    usages: [
      usage('u0', id(0), 'egil', '2021-01-01'),
      usage('u10', id(10), 'egil', '2021-01-01'),
      usage('ug', 'grp', 'egil', '2021-01-01'),
      usage('u21', id(21), 'egil', '2021-01-01'),
      usage('u3', id(3), 'egil', '2022-07-01'),
    ],
    networks: [council],
  });

  it('lists the users of the service at the date, each with its representative if any', () => {
    const orgs = councilOrganisationsAt(networkContext(d, DATE), council);
    const byId = new Map(orgs.map((o) => [o.organisationId, o]));
    expect(new Set(byId.keys())).toEqual(new Set([id(0), id(10), 'grp', id(15), id(16), id(17), id(21)]));
    expect(byId.get(id(0))?.representative).toMatchObject({ contactId: 'p0', role: 'ledamot' });
    // Two persons of the same organisation: the ordförande represents it.
    expect(byId.get(id(10))?.representative).toMatchObject({ contactId: 'p10b', role: 'ordforande' });
    // A participant is not a representative; an entry that has ended no longer represents.
    expect(byId.get(id(15))?.representative).toBeUndefined();
    expect(byId.get(id(16))?.representative).toBeUndefined();
    expect(byId.get(id(16))).toMatchObject({ source: 'group', isMember: true });
    expect(byId.get(id(21))?.isMember).toBe(false);
  });

  it('follows usage changes: a municipality starting later joins the council then', () => {
    const later = councilOrganisationsAt(networkContext(d, '2022-07-01'), council);
    expect(later.some((o) => o.organisationId === id(3))).toBe(true);
  });

  it('counts the council\'s member municipalities from its users', async () => {
    const { call } = createTestServices({ initial: d });
    const result = await call('networks/get', { networkId: 'rad', date: DATE });
    expect(result.ok && result.data.council?.length).toBe(7);
    // Members among the users: 0, 10 and the group's 15, 16, 17 (21 is not a member).
    expect(result.ok && result.data.participatingMemberMunicipalities).toBe(5);
  });
});

describe('conferences and webinars held in a year', () => {
  it('counts events by kind in the year, across networks, archived ones included', () => {
    const d = doc([
      network('a', 'kompetensnatverk', 'A', {
        meetings: [
          meeting('m1', '2022-03-01', 'konferens'),
          meeting('m2', '2022-10-01', 'konferens'),
          meeting('m3', '2022-02-01', 'webinar'),
          meeting('m4', '2022-12-31', 'webinar'),
          meeting('m5', '2022-05-05', 'seminarium'),
          meeting('m6', '2022-01-01', 'mote'),
          meeting('m7', '2021-12-31', 'konferens'),
          meeting('m8', '2023-01-01', 'webinar'),
        ],
      }),
      network('b', 'projekt', 'B', { archived: true, meetings: [meeting('m9', '2022-06-01', 'webinar')] }),
    ]);
    expect(networkFigures(d, '2022-12-31', 2022).events).toEqual({
      year: 2022,
      conferences: 2,
      webinars: 3,
      seminars: 1,
      meetings: 1,
      conferencesAndWebinars: 5,
    });
    expect(networkFigures(d, DATE, 2021).events.conferences).toBe(1);
    // Seen on 30 June, the October conference and the December webinar are planned, not held.
    expect(networkFigures(d, '2022-06-30', 2022).events).toMatchObject({ conferences: 1, webinars: 2, conferencesAndWebinars: 3 });
  });

  it('answers networks/get-figures for the date\'s year by default', async () => {
    const { call } = createTestServices({
      initial: doc([network('a', 'kompetensnatverk', 'A', { roster: roster20(), meetings: [meeting('m', '2022-03-01', 'konferens')] })]),
    });
    const result = await call('networks/get-figures', { date: DATE });
    expect(result).toMatchObject({ ok: true, data: { year: 2022, events: { conferences: 1 }, networksReachingGoal: 1 } });
  });
});
