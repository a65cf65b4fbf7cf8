/** Usage channels: records (start, end, edit, delete), the matrix toggle and adoption (the matrix itself: matrix.handlers.ts). */
import { AppError, type ChannelHandlers } from '../../contract';
import type { ToggleResult, UsageRecord } from '../../contract/channels/usage.channels';
import type { SambrukDocument, Usage } from '../store/schema';
import type { HandlerContext } from './create-handlers';
import { adoptionReport } from '../domain/adoption';
import { addDays } from '../../contract/rules/calendar-date';
import {
  assertNoOverlap,
  assertPeriod,
  assertUsageParties,
  describeUsage,
  findService,
  findUsage,
  periodActiveAt,
} from '../domain/services';
import { groupsOf, usagesOfService } from '../domain/usage-matrix';
import { fieldError } from '../domain/field-errors';

type UsageChannel =
  | 'usage/get-today'
  | 'usage/list'
  | 'usage/start'
  | 'usage/end'
  | 'usage/update'
  | 'usage/delete'
  | 'usage/toggle'
  | 'usage/get-adoption';

function recordOf(doc: Pick<SambrukDocument, 'organisations' | 'services'>, usage: Usage): UsageRecord {
  const via = usage.viaOrganisationId !== undefined ? doc.organisations.find((o) => o.id === usage.viaOrganisationId) : undefined;
  return {
    ...usage,
    organisationName: doc.organisations.find((o) => o.id === usage.organisationId)?.name ?? 'Okänd organisation',
    serviceName: doc.services.find((s) => s.id === usage.serviceId)?.name ?? 'Okänd tjänst',
    ...(via ? { viaOrganisationName: via.name } : {}),
  };
}

function assertCanStart(doc: Pick<SambrukDocument, 'organisations' | 'services'>, organisationId: string, serviceId: string): void {
  const service = findService(doc, serviceId);
  if (service.archived) throw fieldError('conflict', 'serviceId', `${service.name} är arkiverad och kan inte tas i bruk.`);
  const org = doc.organisations.find((o) => o.id === organisationId);
  if (org?.archived) throw fieldError('conflict', 'organisationId', `${org.name} är arkiverad.`);
}

export function createUsageHandlers({ repo, ports, today }: HandlerContext): Pick<ChannelHandlers, UsageChannel> {
  return {
    'usage/get-today': () => ({ date: today() }),

    'usage/list': ({ organisationId, serviceId }) => {
      const doc = repo.get();
      return doc.usages
        .filter((u) => (organisationId === undefined || u.organisationId === organisationId) && (serviceId === undefined || u.serviceId === serviceId))
        .sort((a, b) => b.from.localeCompare(a.from))
        .map((u) => recordOf(doc, u));
    },

    'usage/start': (input) =>
      repo.change('Började använda en tjänst', (tx) => {
        const doc = tx.doc;
        assertCanStart(doc, input.organisationId, input.serviceId);
        assertUsageParties(doc, input.organisationId, input.viaOrganisationId);
        assertPeriod(input);
        assertNoOverlap(tx.usages.all(), input);
        const usage: Usage = {
          id: ports.ids(),
          organisationId: input.organisationId,
          serviceId: input.serviceId,
          from: input.from,
          ...(input.to !== undefined ? { to: input.to } : {}),
          ...(input.viaOrganisationId !== undefined ? { viaOrganisationId: input.viaOrganisationId } : {}),
          note: input.note,
        };
        tx.usages.insert(usage, { summary: `Började använda: ${describeUsage(doc, usage)} från ${usage.from}` });
        return recordOf(doc, usage);
      }),

    'usage/end': ({ usageId, to }) =>
      repo.change('Avslutade användning av en tjänst', (tx) => {
        const usages = tx.usages.all();
        const usage = findUsage(tx.doc, usageId);
        assertPeriod({ from: usage.from, to });
        assertNoOverlap(usages, { ...usage, to }, usageId);
        const after = tx.usages.update(usageId, { to }, { summary: `Avslutade användning: ${describeUsage(tx.doc, usage)} till och med ${to}` });
        return recordOf(tx.doc, after);
      }),

    'usage/update': ({ usageId, from, to, viaOrganisationId, note }) =>
      repo.change('Ändrade användning av en tjänst', (tx) => {
        const doc = tx.doc;
        const usages = tx.usages.all();
        const usage = findUsage(tx.doc, usageId);
        const next = {
          from: from ?? usage.from,
          to: to === null ? undefined : (to ?? usage.to),
          via: viaOrganisationId === null ? undefined : (viaOrganisationId ?? usage.viaOrganisationId),
        };
        assertUsageParties(doc, usage.organisationId, next.via);
        assertPeriod({ from: next.from, to: next.to }, to === undefined && from !== undefined ? 'from' : 'to');
        assertNoOverlap(usages, { organisationId: usage.organisationId, serviceId: usage.serviceId, from: next.from, to: next.to }, usageId);
        const after = tx.usages.update(
          usageId,
          (draft) => {
            draft.from = next.from;
            if (next.to === undefined) delete draft.to;
            else draft.to = next.to;
            if (next.via === undefined) delete draft.viaOrganisationId;
            else draft.viaOrganisationId = next.via;
            if (note !== undefined) draft.note = note;
          },
          { summary: `Ändrade användning: ${describeUsage(doc, usage)}` },
        );
        return recordOf(doc, after);
      }),

    'usage/delete': ({ usageId }) =>
      repo.change('Tog bort användning av en tjänst', (tx) => {
        const before = findUsage(tx.doc, usageId);
        tx.usages.remove(usageId, { summary: `Tog bort användning: ${describeUsage(tx.doc, before)} (${before.from}${before.to ? ` – ${before.to}` : ''})` });
        return { deleted: usageId };
      }),

    // The summary names the cell, so the matrix's «Ångra» can tell whether its change is still the latest.
    'usage/toggle': ({ organisationId, serviceId, date }) => {
      const historySummary = toggleSummary(repo.get(), organisationId, serviceId, date);
      return repo.change(historySummary, (tx): ToggleResult => {
        // Everything is looked up in the state the change starts from; only the record changed is written.
        const base = tx.doc;
        // The service's records, remembered per state: a toggle looks at one service's records, not every record.
        const own = usagesOfService(base, serviceId).filter((u) => u.organisationId === organisationId);
        const active = own.find((u) => periodActiveAt(u, date));
        const what = describeUsage(base, { organisationId, serviceId });
        if (active) {
          // The record changed is no longer in force at the date, so the group records are those of the start.
          const inUse = groupRecordAt(base, organisationId, serviceId, date, active.id) !== undefined;
          if (active.from === date) {
            tx.usages.remove(active.id, { summary: `Tog bort användning: ${what} från ${date}` });
            return { inUse, action: 'removed', usageId: active.id, historySummary };
          }
          tx.usages.update(active.id, { to: addDays(date, -1) }, { summary: `Avslutade användning: ${what} till och med ${addDays(date, -1)}` });
          return { inUse, action: 'ended', usageId: active.id, historySummary };
        }
        const viaGroup = groupRecordAt(base, organisationId, serviceId, date);
        if (viaGroup) {
          const group = base.organisations.find((o) => o.id === viaGroup.organisationId);
          throw new AppError(
            'conflict',
            `Organisationen använder tjänsten genom ${group?.name ?? 'sin grupp'}. Avsluta användningen där, eller lägg in en egen användning.`,
            { field: 'organisationId', existingId: viaGroup.id },
          );
        }
        assertCanStart(base, organisationId, serviceId);
        assertUsageParties(base, organisationId, undefined);
        let nextStart: string | undefined;
        for (const u of own) if (u.from > date && (nextStart === undefined || u.from < nextStart)) nextStart = u.from;
        const usage: Usage = {
          id: ports.ids(),
          organisationId,
          serviceId,
          from: date,
          ...(nextStart !== undefined ? { to: addDays(nextStart, -1) } : {}),
          note: '',
        };
        tx.usages.insert(usage, { summary: `Började använda: ${what} från ${date}` });
        return { inUse: true, action: 'started', usageId: usage.id, historySummary };
      });
    },

    'usage/get-adoption': ({ date, from, to, step, serviceIds }) =>
      adoptionReport(repo.get(), { date: date ?? today(), from, to, step, serviceIds }),
  };
}

/** The history entry of a matrix toggle: «Ändrade användning i matrisen: Kil – Bibblix (2022-06-30)». */
export function toggleSummary(doc: Pick<SambrukDocument, 'organisations' | 'services'>, organisationId: string, serviceId: string, date: string): string {
  return `Ändrade användning i matrisen: ${describeUsage(doc, { organisationId, serviceId })} (${date})`;
}

/** A record in force at `date` on a group that lists the organisation, if any (`except` left out). */
function groupRecordAt(
  doc: Pick<SambrukDocument, 'organisations' | 'usages'>,
  organisationId: string,
  serviceId: string,
  date: string,
  except?: string,
): Usage | undefined {
  const groups = groupsOf(doc);
  return usagesOfService(doc, serviceId).find(
    (u) =>
      u.id !== except && u.serviceId === serviceId && periodActiveAt(u, date) && (groups.get(u.organisationId)?.includes(organisationId) ?? false),
  );
}
