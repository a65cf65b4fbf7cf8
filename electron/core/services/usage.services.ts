/** Usage channels: records (start, end, edit, delete), the matrix toggle and adoption (the matrix itself: matrix.services.ts). */
import { isDraft, original } from 'immer';
import { AppError, type ServiceHandlers } from '../../contract';
import type { ToggleResult, UsageRecord } from '../../contract/channels/usage.channels';
import type { SambrukDocument, Usage } from '../store/schema';
import { appendRecords, recordsOf, removeRecord, replaceRecord } from '../store/records';
import type { ServiceContext } from './create-services';
import { plain } from './services.services';
import { adoptionReport } from '../domain/adoption';
import {
  addDays,
  assertNoOverlap,
  assertPeriod,
  assertUsageParties,
  describeUsage,
  findService,
  findUsage,
  periodActiveAt,
} from '../domain/services';
import { groupMembersById } from '../domain/usage-matrix';
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

export function createUsageServices({ repo, ports, today }: ServiceContext): Pick<ServiceHandlers, UsageChannel> {
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
      repo.change('Började använda en tjänst', (draft) => {
        assertCanStart(draft, input.organisationId, input.serviceId);
        assertUsageParties(draft, input.organisationId, input.viaOrganisationId);
        assertPeriod(input);
        assertNoOverlap(recordsOf(draft, 'usages'), input);
        const usage: Usage = {
          id: ports.ids(),
          organisationId: input.organisationId,
          serviceId: input.serviceId,
          from: input.from,
          ...(input.to !== undefined ? { to: input.to } : {}),
          ...(input.viaOrganisationId !== undefined ? { viaOrganisationId: input.viaOrganisationId } : {}),
          note: input.note,
        };
        appendRecords(draft, 'usages', usage);
        const what = describeUsage(draft, usage);
        return {
          value: recordOf(draft, usage),
          records: [
            { entity: 'usage', entityId: usage.id, organisationId: usage.organisationId, action: 'create', summary: `Började använda: ${what} från ${usage.from}`, after: { ...usage } },
          ],
        };
      }),

    'usage/end': ({ usageId, to }) =>
      repo.change('Avslutade användning av en tjänst', (draft) => {
        // The usages are read and changed as plain records, not through the draft (see `records.ts`).
        const usages = recordsOf(draft, 'usages');
        const usage = findUsage({ usages }, usageId);
        const before = plain(usage);
        assertPeriod({ from: usage.from, to });
        assertNoOverlap(usages, { ...usage, to }, usageId);
        const after: Usage = { ...usage, to };
        replaceRecord(draft, 'usages', usage, after);
        return {
          value: recordOf(draft, after),
          records: [
            {
              entity: 'usage',
              entityId: usageId,
              organisationId: usage.organisationId,
              action: 'update',
              summary: `Avslutade användning: ${describeUsage(draft, usage)} till och med ${to}`,
              before,
              after,
            },
          ],
        };
      }),

    'usage/update': ({ usageId, from, to, viaOrganisationId, note }) =>
      repo.change('Ändrade användning av en tjänst', (draft) => {
        const usages = recordsOf(draft, 'usages');
        const usage = findUsage({ usages }, usageId);
        const before = plain(usage);
        const next = {
          from: from ?? usage.from,
          to: to === null ? undefined : (to ?? usage.to),
          via: viaOrganisationId === null ? undefined : (viaOrganisationId ?? usage.viaOrganisationId),
        };
        assertUsageParties(draft, usage.organisationId, next.via);
        assertPeriod({ from: next.from, to: next.to }, to === undefined && from !== undefined ? 'from' : 'to');
        assertNoOverlap(usages, { organisationId: usage.organisationId, serviceId: usage.serviceId, from: next.from, to: next.to }, usageId);
        // The same steps as on a draft of the record, on a copy, so its fields come out in the same order.
        const after: Usage = { ...usage };
        after.from = next.from;
        if (next.to === undefined) delete after.to;
        else after.to = next.to;
        if (next.via === undefined) delete after.viaOrganisationId;
        else after.viaOrganisationId = next.via;
        if (note !== undefined) after.note = note;
        replaceRecord(draft, 'usages', usage, after);
        return {
          value: recordOf(draft, after),
          records: [
            {
              entity: 'usage',
              entityId: usageId,
              organisationId: usage.organisationId,
              action: 'update',
              summary: `Ändrade användning: ${describeUsage(draft, usage)}`,
              before,
              after,
            },
          ],
        };
      }),

    'usage/delete': ({ usageId }) =>
      repo.change('Tog bort användning av en tjänst', (draft) => {
        const usage = findUsage({ usages: recordsOf(draft, 'usages') }, usageId);
        const before = plain(usage);
        removeRecord(draft, 'usages', usage);
        return {
          value: { deleted: usageId },
          records: [
            {
              entity: 'usage',
              entityId: usageId,
              organisationId: before.organisationId,
              action: 'delete',
              summary: `Tog bort användning: ${describeUsage(draft, before)} (${before.from}${before.to ? ` – ${before.to}` : ''})`,
              before,
            },
          ],
        };
      }),

    // The summary names the cell, so the matrix's «Ångra» can tell whether its change is still the latest.
    'usage/toggle': ({ organisationId, serviceId, date }) => {
      const historySummary = toggleSummary(repo.get(), organisationId, serviceId, date);
      return repo.change(historySummary, (draft) => {
        // Everything is looked up in the state the change starts from, never in the draft: a draft hands out a
        // proxy for each record it is asked about, and a toggle would look through every usage and organisation
        // (a tenth of a second at ten times the association's size). Only the record changed is drafted.
        const base = (isDraft(draft) ? original(draft) : draft) as SambrukDocument;
        const own = base.usages.filter((u) => u.organisationId === organisationId && u.serviceId === serviceId);
        const active = own.find((u) => periodActiveAt(u, date));
        const what = describeUsage(base, { organisationId, serviceId });
        if (active) {
          const before = plain(active);
          let result: ToggleResult;
          let after: Usage | undefined;
          // A new frozen array rather than a splice or an edit through the draft (see `records.ts`).
          if (active.from === date) {
            removeRecord(draft, 'usages', active);
            result = { inUse: false, action: 'removed', usageId: active.id, historySummary };
          } else {
            after = { ...active, to: addDays(date, -1) };
            replaceRecord(draft, 'usages', active, after);
            result = { inUse: false, action: 'ended', usageId: active.id, historySummary };
          }
          // The record changed is no longer in force at the date, so the group records are those of the start.
          result.inUse = groupRecordAt(base, organisationId, serviceId, date, active.id) !== undefined;
          return {
            value: result,
            records: [
              {
                entity: 'usage',
                entityId: active.id,
                organisationId,
                action: result.action === 'removed' ? 'delete' : 'update',
                summary:
                  result.action === 'removed'
                    ? `Tog bort användning: ${what} från ${date}`
                    : `Avslutade användning: ${what} till och med ${addDays(date, -1)}`,
                before,
                ...(after ? { after } : {}),
              },
            ],
          };
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
        appendRecords(draft, 'usages', usage);
        return {
          value: { inUse: true, action: 'started', usageId: usage.id, historySummary },
          records: [{ entity: 'usage', entityId: usage.id, organisationId, action: 'create', summary: `Började använda: ${what} från ${date}`, after: { ...usage } }],
        };
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
  const groups = groupMembersById(doc.organisations);
  return doc.usages.find(
    (u) =>
      u.id !== except && u.serviceId === serviceId && periodActiveAt(u, date) && (groups.get(u.organisationId)?.includes(organisationId) ?? false),
  );
}
