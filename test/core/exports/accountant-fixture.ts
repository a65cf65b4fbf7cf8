/**
 * A small register with fees and prices set, for the accountant's workbook: whole-year and first-year members,
 * a re-join, a group, members through the group, an organisation whose name is a formula, services priced
 * fixed (with öre), per inhabitant and by band, one without a price, partial-year use, a network with a person.
 */
import { documentSchema, type SambrukDocument } from '../../../electron/core/store/schema';
import { contact, feeTable2020, municipality, organisation, period, referenceDocument } from '../../fixtures/register/documents';
import { entry, network, service, usage } from '../../fixtures/services/documents';
import { loadDefaultDocument } from '../../support/memory-document';

export const HOSTILE_NAME = '=HYPERLINK("x")';
export const PERSON_EMAIL = 'anna.andersson@habo.se';

export function accountantFixture(): SambrukDocument {
  const base = referenceDocument();
  const stockholm = municipality(base, '0180', { orgNumber: '212000-0142' });
  const habo = municipality(base, '0643');
  const haabo = municipality(base, '0305');
  const aneby = municipality(base, '0604');
  const eksjo = municipality(base, '0686');
  const group = organisation('org-hoglandet', 'Höglandet (test)', 'kommunalforbund', { groupMemberIds: [aneby.id, eksjo.id], countyCode: '06' });
  const hostile = organisation('org-hostile', HOSTILE_NAME, 'annan');
  const other = organisation('org-annan', 'Stiftelsen Exempel', 'annan', { population: 1234, countyCode: '01' });
  return documentSchema.parse({
    ...base,
    budget: loadDefaultDocument().budget,
    feeTables: [feeTable2020],
    organisations: [stockholm, habo, haabo, aneby, eksjo, group, hostile, other],
    memberships: [
      period(stockholm.id, '2019-01-01'),
      period(habo.id, '2022-04-15'),
      period(haabo.id, '2018-01-01', { left: '2020-12-31' }),
      period(haabo.id, '2022-07-01'),
      period(group.id, '2010-01-01'),
      period(hostile.id, '2021-06-01'),
      period(other.id, '2022-11-20'),
    ],
    contacts: [contact('contact-anna', habo.id, 'Anna Andersson', { email: PERSON_EMAIL, phone: '+46701234567' })],
    services: [
      service('svc-fast', 'Fasta tjänsten', [{ year: 2022, model: { kind: 'fixed', yearlyFeeOre: 1_234_550 } }]),
      service('svc-inv', 'Per invånare', [{ year: 2021, model: { kind: 'per-inhabitant', orePerInhabitant: 150 } }]),
      service('svc-band', 'Bandad', [
        {
          year: 2020,
          model: {
            kind: 'banded',
            bands: [
              { minPopulation: 0, yearlyFeeOre: 1_000_000 },
              { minPopulation: 10_000, yearlyFeeOre: 2_000_000 },
            ],
          },
        },
      ]),
      service('svc-utan', 'Utan pris'),
    ],
    usages: [
      usage('u1', stockholm.id, 'svc-fast', '2020-01-01'),
      usage('u2', habo.id, 'svc-inv', '2022-03-10', '2022-08-20'),
      usage('u3', group.id, 'svc-band', '2021-01-01'),
      usage('u4', haabo.id, 'svc-utan', '2022-07-01'),
      usage('u5', hostile.id, 'svc-fast', '2022-02-01', '2022-02-28'),
    ],
    networks: [
      network('net-1', 'kompetensnatverk', 'Digital signering', {
        roster: [
          entry('e1', { organisationId: stockholm.id, from: '2021-01-01', role: 'ordforande' }),
          entry('e2', { contactId: 'contact-anna', organisationId: habo.id, from: '2022-05-01' }),
          entry('e3', { externalName: 'Förlaget AB', from: '2022-01-01', to: '2022-06-30', participation: 'partner' }),
          entry('e4', { organisationId: haabo.id, from: '2019-01-01', to: '2020-12-31' }),
        ],
      }),
    ],
  });
}
