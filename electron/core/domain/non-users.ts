/**
 * «Använder inte»: the members (and, when asked, the non-member municipalities of the reference list) that do
 * not use a service at a date, with population, county and the contacts of the service's business area: the
 * first list anyone wants when offering a service. Who uses it follows the users rule of usage-matrix.ts
 * (directly or through a group).
 */
import type { SambrukDocument, Service } from '../store/schema';
import type { NonUserContact, NonUserRow, NonUsersAnswer } from '../../contract/model/reach';
import { businessAreaLabels, organisationKindLabels } from '../../contract/labels';
import { contactActiveAt, formatPhone } from './contacts';
import { memberIdsAt } from './memberships';
import { organisationFacts, referenceMaps } from './organisations';
import { latestMunicipalityPopulation } from './population';
import { findService } from './services';
import { compareSv } from './swedish';
import { usersOfServicesAt } from './usage-matrix';
import { contactRoleLabels } from '../../contract/labels';

/** The active contacts a service is offered to: those of its business area, or all when it has none. */
export function serviceContactsOf(doc: Pick<SambrukDocument, 'contacts'>, service: Pick<Service, 'businessArea'>, date: string): Map<string, SambrukDocument['contacts'][number][]> {
  const byOrg = new Map<string, SambrukDocument['contacts'][number][]>();
  for (const c of doc.contacts) {
    if (!contactActiveAt(c, date)) continue;
    if (service.businessArea !== undefined && !c.businessAreas.includes(service.businessArea)) continue;
    const list = byOrg.get(c.organisationId);
    if (list) list.push(c);
    else byOrg.set(c.organisationId, [c]);
  }
  for (const list of byOrg.values()) list.sort((a, b) => compareSv(a.name, b.name));
  return byOrg;
}

export function nonUsers(doc: SambrukDocument, serviceId: string, date: string, includeNonMembers: boolean): NonUsersAnswer {
  const service = findService(doc, serviceId);
  const members = memberIdsAt(doc, date);
  const users = usersOfServicesAt(doc, date)(serviceId);
  const refs = referenceMaps(doc);
  const orgsById = new Map(doc.organisations.map((o) => [o.id, o]));
  const contacts = serviceContactsOf(doc, service, date);
  const contactsOf = (orgId: string): NonUserContact[] =>
    (contacts.get(orgId) ?? []).map((c) => ({ id: c.id, name: c.name, email: c.email, phoneDisplay: formatPhone(c.phone), roleLabels: c.roles.map((r) => contactRoleLabels[r]) }));

  const rows: NonUserRow[] = [];
  const covered = new Set<string>();
  for (const org of doc.organisations) {
    if (org.municipalityCode !== undefined) covered.add(org.municipalityCode);
    const member = members.has(org.id);
    if (users.has(org.id)) continue;
    if (!member && !(includeNonMembers && org.kind === 'kommun' && !org.archived)) continue;
    const facts = organisationFacts(refs, org, orgsById);
    rows.push({
      organisationId: org.id,
      ...(org.municipalityCode !== undefined ? { municipalityCode: org.municipalityCode } : {}),
      name: org.name,
      kindLabel: facts.kindLabel,
      member,
      population: facts.population,
      countyName: facts.countyName,
      contacts: contactsOf(org.id),
    });
  }
  if (includeNonMembers) {
    for (const m of doc.reference.municipalities) {
      if (covered.has(m.code)) continue;
      rows.push({
        municipalityCode: m.code,
        name: m.name,
        kindLabel: organisationKindLabels.kommun,
        member: false,
        population: latestMunicipalityPopulation(refs.populations, m.code)?.population ?? 0,
        countyName: refs.counties.get(m.countyCode)?.name ?? '',
        contacts: [],
      });
    }
  }
  rows.sort((a, b) => Number(b.member) - Number(a.member) || compareSv(a.name, b.name));
  return {
    serviceId,
    serviceName: service.name,
    businessAreaLabel: service.businessArea !== undefined ? businessAreaLabels[service.businessArea] : '',
    date,
    includeNonMembers,
    memberCount: members.size,
    rows,
  };
}

/** The contacts of the service's business area at the organisations that use it at `date`, by name. */
export function userContactIds(doc: SambrukDocument, serviceId: string, date: string): string[] {
  const service = findService(doc, serviceId);
  const users = usersOfServicesAt(doc, date)(serviceId);
  const contacts = serviceContactsOf(doc, service, date);
  return [...users.keys()].flatMap((orgId) => contacts.get(orgId) ?? []).sort((a, b) => compareSv(a.name, b.name)).map((c) => c.id);
}
