/** The service catalogue's channels: list, get, create, update, archive, pricing and expected revenue. */
import { AppError, type ChannelHandlers } from '../../contract';
import type { ServiceDetail, ServiceSummary, ServiceUser } from '../../contract/channels/services.channels';
import { serviceSchema, type SambrukDocument, type Service } from '../store/schema';
import type { HandlerContext } from './create-handlers';
import { memberIdsAt } from '../domain/memberships';
import { linkCouncil } from '../domain/networks';
import { pricingForYear, serviceRevenueForYear } from '../domain/pricing';
import { assertUniqueServiceName, findService, sortServices } from '../domain/services';
import { usersByServiceAt } from '../domain/usage-matrix';
import { compareSv } from '../domain/swedish';
import { yearOf } from '../../contract/rules/calendar-date';
import { fieldError } from '../domain/field-errors';

type ServicesChannel =
  | 'services/list'
  | 'services/get'
  | 'services/create'
  | 'services/update'
  | 'services/archive'
  | 'services/set-pricing'
  | 'services/get-revenue';

function summaryOf(doc: SambrukDocument, service: Service, userCount: number, date: string): ServiceSummary {
  const council = service.councilNetworkId !== undefined ? doc.networks.find((n) => n.id === service.councilNetworkId) : undefined;
  const pricing = pricingForYear(service, yearOf(date));
  return {
    ...service,
    userCount,
    ...(council ? { councilNetworkName: council.name } : {}),
    ...(pricing ? { currentPricing: pricing } : {}),
  };
}

export function createServiceCatalogueHandlers({ repo, ports, today }: HandlerContext): Pick<ChannelHandlers, ServicesChannel> {
  return {
    'services/list': ({ includeArchived, date }) => {
      const doc = repo.get();
      const at = date ?? today();
      const users = usersByServiceAt(doc, at);
      return sortServices(doc.services.filter((s) => includeArchived || !s.archived)).map((s) =>
        summaryOf(doc, s, users.get(s.id)?.size ?? 0, at),
      );
    },

    'services/get': ({ serviceId, date }) => {
      const doc = repo.get();
      const at = date ?? today();
      const service = findService(doc, serviceId);
      const usersMap = usersByServiceAt(doc, at).get(service.id) ?? new Map();
      const members = memberIdsAt(doc, at);
      const names = new Map(doc.organisations.map((o) => [o.id, o.name]));
      const users: ServiceUser[] = [...usersMap]
        .map(([organisationId, cell]) => {
          const viaName = cell.viaOrganisationId !== undefined ? names.get(cell.viaOrganisationId) : undefined;
          return {
            organisationId,
            name: names.get(organisationId) ?? 'Okänd organisation',
            from: cell.from,
            ...(cell.to !== undefined ? { to: cell.to } : {}),
            source: cell.source,
            ...(cell.viaOrganisationId !== undefined ? { viaOrganisationId: cell.viaOrganisationId } : {}),
            ...(viaName !== undefined ? { viaOrganisationName: viaName } : {}),
            isMember: members.has(organisationId),
          };
        })
        .sort((a, b) => compareSv(a.name, b.name));
      const detail: ServiceDetail = { ...summaryOf(doc, service, users.length, at), date: at, users };
      return detail;
    },

    'services/create': (input) =>
      repo.change(`Lade till tjänsten ${input.name}`, (tx) => {
        assertUniqueServiceName(tx.doc, input.name);
        const { councilNetworkId, ...fields } = input;
        const service: Service = serviceSchema.parse({
          id: ports.ids(),
          ...fields,
          pricing: [...input.pricing].sort((a, b) => a.year - b.year),
        });
        tx.services.insert(service, { summary: `Lade till tjänsten ${service.name}` });
        if (councilNetworkId !== undefined) linkCouncil(tx, councilNetworkId, service.id, { fromService: true });
        return findService(tx.doc, service.id);
      }),

    'services/update': ({ serviceId, ...changes }) =>
      repo.change('Ändrade en tjänst', (tx) => {
        const service = findService(tx.doc, serviceId);
        if (changes.name !== undefined) assertUniqueServiceName(tx.doc, changes.name, serviceId);
        const summary = `Ändrade tjänsten ${changes.name ?? service.name}`;
        tx.services.update(
          serviceId,
          (draft) => {
            if (changes.name !== undefined) draft.name = changes.name;
            for (const key of ['description', 'technicalManager', 'operator', 'contentManager', 'supplier'] as const) {
              const value = changes[key];
              if (value !== undefined) draft[key] = value;
            }
            if (changes.businessArea === null) delete draft.businessArea;
            else if (changes.businessArea !== undefined) draft.businessArea = changes.businessArea;
            if (changes.pricing !== undefined) draft.pricing = [...changes.pricing].sort((a, b) => a.year - b.year);
          },
          { summary },
        );
        if (changes.councilNetworkId !== undefined && changes.councilNetworkId !== service.councilNetworkId) {
          if (service.councilNetworkId !== undefined) linkCouncil(tx, service.councilNetworkId, undefined);
          if (tx.services.get(serviceId)?.councilNetworkId !== undefined) {
            tx.services.update(serviceId, (draft) => {
              delete draft.councilNetworkId;
            }, { summary });
          }
          if (changes.councilNetworkId !== null) linkCouncil(tx, changes.councilNetworkId, serviceId, { fromService: true });
        }
        return findService(tx.doc, serviceId);
      }),

    'services/archive': ({ serviceId, archived }) =>
      repo.change(archived ? 'Arkiverade en tjänst' : 'Återställde en tjänst', (tx) => {
        const service = findService(tx.doc, serviceId);
        if (service.archived === archived) {
          throw new AppError('conflict', archived ? 'Tjänsten är redan arkiverad.' : 'Tjänsten är inte arkiverad.');
        }
        return tx.services.update(
          serviceId,
          { archived },
          { action: archived ? 'archive' : 'restore', summary: `${archived ? 'Arkiverade' : 'Återställde'} tjänsten ${service.name}` },
        );
      }),

    'services/set-pricing': ({ serviceId, year, model }) =>
      repo.change(`Ändrade prismodellen för ${year}`, (tx) => {
        const service = findService(tx.doc, serviceId);
        const index = service.pricing.findIndex((p) => p.year === year);
        if (model === null && index < 0) throw fieldError('not-found', 'year', `Tjänsten har ingen prismodell för ${year}.`);
        return tx.services.update(
          serviceId,
          (draft) => {
            if (model === null) draft.pricing.splice(index, 1);
            else if (index >= 0) draft.pricing[index]!.model = model;
            else {
              draft.pricing.push({ year, model });
              draft.pricing.sort((a, b) => a.year - b.year);
            }
          },
          { summary: model === null ? `Tog bort prismodellen ${year} för ${service.name}` : `Satte prismodellen ${year} för ${service.name}` },
        );
      }),

    'services/get-revenue': ({ year }) => serviceRevenueForYear(repo.get(), year),
  };
}
