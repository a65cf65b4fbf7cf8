/** The service catalogue's channels: list, get, create, update, archive, pricing and expected revenue. */
import { current, isDraft, type Draft } from 'immer';
import { AppError, type ServiceHandlers } from '../../contract';
import type { ServiceDetail, ServiceSummary, ServiceUser } from '../../contract/channels/services.channels';
import { serviceSchema, type SambrukDocument, type Service } from '../store/schema';
import type { ServiceContext } from './create-services';
import { memberIdsAt } from '../domain/memberships';
import { linkCouncil } from '../domain/networks';
import { pricingForYear, serviceRevenueForYear } from '../domain/pricing';
import { assertUniqueServiceName, findService, sortServices } from '../domain/services';
import { usersByServiceAt } from '../domain/usage-matrix';
import { compareSv } from '../domain/swedish';
import { fieldError } from '../domain/field-errors';

type ServicesChannel =
  | 'services/list'
  | 'services/get'
  | 'services/create'
  | 'services/update'
  | 'services/archive'
  | 'services/set-pricing'
  | 'services/get-revenue';

/** A plain snapshot of a value that may be an immer draft: safe to return or to keep in the change log. */
export function plain<T>(value: T): T {
  return isDraft(value) ? (current(value as Draft<T>) as T) : value;
}

function summaryOf(doc: SambrukDocument, service: Service, userCount: number, date: string): ServiceSummary {
  const council = service.councilNetworkId !== undefined ? doc.networks.find((n) => n.id === service.councilNetworkId) : undefined;
  const pricing = pricingForYear(service, Number(date.slice(0, 4)));
  return {
    ...service,
    userCount,
    ...(council ? { councilNetworkName: council.name } : {}),
    ...(pricing ? { currentPricing: pricing } : {}),
  };
}

export function createServicesServices({ repo, ports, today }: ServiceContext): Pick<ServiceHandlers, ServicesChannel> {
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
      repo.change(`Lade till tjänsten ${input.name}`, (draft) => {
        assertUniqueServiceName(draft, input.name);
        const { councilNetworkId, ...fields } = input;
        const service: Service = serviceSchema.parse({
          id: ports.ids(),
          ...fields,
          pricing: [...input.pricing].sort((a, b) => a.year - b.year),
        });
        draft.services.push(service);
        if (councilNetworkId !== undefined) linkCouncil(draft, councilNetworkId, service.id, { fromService: true });
        const created = plain(draft.services[draft.services.length - 1] as Service);
        return {
          value: created,
          records: [{ entity: 'service', entityId: service.id, action: 'create', summary: `Lade till tjänsten ${service.name}`, after: created }],
        };
      }),

    'services/update': ({ serviceId, ...changes }) =>
      repo.change('Ändrade en tjänst', (draft) => {
        const service = findService(draft, serviceId);
        const before = plain(service);
        if (changes.name !== undefined) {
          assertUniqueServiceName(draft, changes.name, serviceId);
          service.name = changes.name;
        }
        for (const key of ['description', 'technicalManager', 'operator', 'contentManager', 'supplier'] as const) {
          const value = changes[key];
          if (value !== undefined) service[key] = value;
        }
        if (changes.businessArea === null) delete service.businessArea;
        else if (changes.businessArea !== undefined) service.businessArea = changes.businessArea;
        if (changes.councilNetworkId !== undefined && changes.councilNetworkId !== service.councilNetworkId) {
          if (service.councilNetworkId !== undefined) linkCouncil(draft, service.councilNetworkId, undefined);
          delete service.councilNetworkId;
          if (changes.councilNetworkId !== null) linkCouncil(draft, changes.councilNetworkId, serviceId, { fromService: true });
        }
        if (changes.pricing !== undefined) service.pricing = [...changes.pricing].sort((a, b) => a.year - b.year);
        const after = plain(service);
        return {
          value: after,
          records: [{ entity: 'service', entityId: serviceId, action: 'update', summary: `Ändrade tjänsten ${after.name}`, before, after }],
        };
      }),

    'services/archive': ({ serviceId, archived }) =>
      repo.change(archived ? 'Arkiverade en tjänst' : 'Återställde en tjänst', (draft) => {
        const service = findService(draft, serviceId);
        if (service.archived === archived) {
          throw new AppError('conflict', archived ? 'Tjänsten är redan arkiverad.' : 'Tjänsten är inte arkiverad.');
        }
        service.archived = archived;
        const after = plain(service);
        return {
          value: after,
          records: [
            {
              entity: 'service',
              entityId: serviceId,
              action: archived ? 'archive' : 'restore',
              summary: `${archived ? 'Arkiverade' : 'Återställde'} tjänsten ${after.name}`,
            },
          ],
        };
      }),

    'services/set-pricing': ({ serviceId, year, model }) =>
      repo.change(`Ändrade prismodellen för ${year}`, (draft) => {
        const service = findService(draft, serviceId);
        const before = plain(service.pricing);
        const index = service.pricing.findIndex((p) => p.year === year);
        if (model === null) {
          if (index < 0) throw fieldError('not-found', 'year', `Tjänsten har ingen prismodell för ${year}.`);
          service.pricing.splice(index, 1);
        } else if (index >= 0) {
          const entry = service.pricing[index];
          if (entry) entry.model = model;
        } else {
          service.pricing.push({ year, model });
          service.pricing.sort((a, b) => a.year - b.year);
        }
        const after = plain(service);
        return {
          value: after,
          records: [
            {
              entity: 'service',
              entityId: serviceId,
              action: 'update',
              summary: model === null ? `Tog bort prismodellen ${year} för ${after.name}` : `Satte prismodellen ${year} för ${after.name}`,
              before,
              after: after.pricing,
            },
          ],
        };
      }),

    'services/get-revenue': ({ year }) => serviceRevenueForYear(repo.get(), year),
  };
}
