/**
 * A small register for the Nätverk view-model tests, read through the core's own channels so the view
 * models get exactly the shapes the screen gets (`networks/get`, `contacts/list`, `members/list`, …).
 */
import type { Channel, ChannelInput, ChannelOutput } from '../../../../electron/contract';
import { createTestServices } from '../../../support/memory-document';
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
} from '../../../fixtures/services/documents';

export const DATE = '2022-06-30';

const orgs = [
  municipality('Borås'),
  municipality('Ängelholm'),
  municipality('Habo'),
  municipality('Håbo'),
  municipality('Sävsjö'),
  municipality('Alingsås'),
  organisation('pub', 'Läromedia', 'annan'),
  organisation('old', 'Gamla förbundet', 'kommunalforbund', { archived: true }),
];

export const document = () =>
  makeDocument({
    organisations: orgs,
    // Håbo is not a member; the others are.
    memberships: ['Borås', 'Ängelholm', 'Habo', 'Sävsjö', 'Alingsås'].map((n) => membership(`org-${n}`, '2020-01-01')),
    contacts: [
      contact('c-anna', 'org-Borås', 'Anna Ek', 'anna.ek@boras.se'),
      contact('c-bo', 'org-Ängelholm', 'Bo Lind'),
      contact('c-cia', 'org-Sävsjö', 'Cecilia Åberg', 'cecilia@savsjo.se'),
      contact('c-dan', 'org-Habo', 'Dan Borg', 'dan@habo.se', { endedAt: '2022-03-31' }),
      contact('c-eva', 'org-Borås', 'Eva Sävström', 'eva@boras.se'),
      contact('c-hans', 'org-Håbo', 'Hans Holm', 'hans@habo.example.se'),
    ],
    services: [service('svc-x', 'Bibblix', [], { councilNetworkId: 'n2' })],
    usages: [usage('u1', 'org-Borås', 'svc-x', '2021-01-01'), usage('u2', 'org-Alingsås', 'svc-x', '2022-01-01')],
    networks: [
      network('n1', 'kompetensnatverk', 'Digital signering', {
        roster: [
          entry('e1', { contactId: 'c-anna', organisationId: 'org-Borås', role: 'ledamot', from: '2022-01-01' }),
          entry('e2', { contactId: 'c-bo', organisationId: 'org-Ängelholm', role: 'ordforande', from: '2022-01-01' }),
          entry('e3', { organisationId: 'org-Habo', from: '2021-01-01', to: '2022-03-31' }),
          entry('e4', { organisationId: 'org-Alingsås', from: '2022-09-01' }),
          entry('e5', { organisationId: 'pub', from: '2022-01-01' }),
          entry('e6', { externalName: 'Högskolan i Skövde', from: '2022-01-01' }),
          entry('e7', { contactId: 'c-cia', organisationId: 'org-Sävsjö', from: '2021-01-01', to: DATE }),
          entry('e8', { organisationId: 'org-Håbo', from: '2022-01-01' }),
        ],
        meetings: [
          meeting('m1', '2022-05-10', 'mote', ['c-anna'], 'Vårmöte'),
          meeting('m2', '2022-06-15', 'webinar', ['c-anna', 'c-bo'], 'Webbinarium om e-underskrift'),
          meeting('m3', '2021-11-01', 'konferens', [], 'Höstkonferens'),
        ],
      }),
      network('n2', 'forvaltningsrad', 'Förvaltningsråd Bibblix', {
        serviceId: 'svc-x',
        roster: [entry('r1', { contactId: 'c-eva', organisationId: 'org-Borås', role: 'ledamot', from: '2021-01-01' })],
      }),
      network('n3', 'projekt', 'Gammalt projekt', { archived: true }),
      network('n4', 'partnerskap', 'Skolverket', { startDate: '2023-01-01' }),
    ],
  });

/** Calls a channel of the core over the fixture register (fresh services each time: reads only). */
export async function read<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> {
  const { call } = createTestServices({ initial: document(), now: `${DATE}T10:00:00.000Z` });
  const result = await call(channel, input);
  if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
  return result.data;
}
