import type { AttentionGroup, AttentionItem, AttentionKind, OverviewFigures } from '../../contract';
import type { InvoiceSummary } from '../../contract/model/invoicing-views';
import type { SambrukDocument } from '../store/schema';
import { networkKinds } from '../store/schema';
import { memberIdsAt } from './memberships';
import { coverageDate, populationCovered, swedenPopulationAt } from './population';
import { columnTotals } from './budget';
import { planFigureComparisons } from './plan-figures';
import { confirmationStaleAt, contactActiveAt, createdOn } from './contacts';
import { evaluateGoals } from './goals';
import { compareSv } from './swedish';
import { ledgerOf, summarise } from './invoicing';
import { addMonths, yearOf } from '../../contract/rules/calendar-date';

/** How many items of one kind Översikt lists; the group's link leads to all of them. */
export const ATTENTION_ITEMS_SHOWN = 5;

/** How far back a held meeting without recorded attendance is still worth asking about. */
const MEETING_LOOKBACK_MONTHS = 12;

type AttentionSource = { kind: AttentionKind; collect: (doc: SambrukDocument, date: string) => AttentionItem[] };

/**
 * The kinds of attention, in the order Översikt shows them; each collects its items most urgent first.
 * Invoicing's two (overdue and unpaid invoices) read the invoices' state as the invoice list does (`summarise`).
 */
const attentionSources: readonly AttentionSource[] = [
  {
    // Under notice or with a last day still ahead: the secretariat follows up before the member is gone.
    kind: 'membership-ending',
    collect: (doc, date) => {
      const names = new Map(doc.organisations.filter((o) => !o.archived).map((o) => [o.id, o.name]));
      return doc.memberships
        .filter((m) => names.has(m.organisationId) && m.joined <= date && (m.left === undefined ? m.noticeGiven !== undefined : m.left >= date))
        .map((m): AttentionItem & { kind: 'membership-ending' } => ({
          kind: 'membership-ending',
          organisationId: m.organisationId,
          organisationName: names.get(m.organisationId) ?? '',
          ...(m.noticeGiven !== undefined ? { noticeGiven: m.noticeGiven } : {}),
          ...(m.left !== undefined ? { left: m.left } : {}),
        }))
        .sort((a, b) => (a.left ?? '9999').localeCompare(b.left ?? '9999') || compareSv(a.organisationName, b.organisationName));
    },
  },
  {
    kind: 'contact-unconfirmed',
    collect: (doc, date) => {
      const names = new Map(doc.organisations.filter((o) => !o.archived).map((o) => [o.id, o.name]));
      const stale = confirmationStaleAt(date);
      return doc.contacts
        .filter((c) => names.has(c.organisationId) && contactActiveAt(c, date) && stale(c))
        .map((c): AttentionItem & { kind: 'contact-unconfirmed' } => ({
          kind: 'contact-unconfirmed',
          contactId: c.id,
          contactName: c.name,
          organisationId: c.organisationId,
          organisationName: names.get(c.organisationId) ?? '',
          since: c.confirmedAt ?? createdOn(c),
          confirmed: c.confirmedAt !== undefined,
        }))
        .sort((a, b) => a.since.localeCompare(b.since) || compareSv(a.contactName, b.contactName));
    },
  },
  {
    // Held meetings of the last year with no one marked present, when a person was on the roster that day to mark.
    kind: 'meeting-no-attendance',
    collect: (doc, date) => {
      const from = addMonths(date, -MEETING_LOOKBACK_MONTHS);
      return doc.networks
        .filter((n) => !n.archived)
        .flatMap((n) =>
          n.meetings
            .filter((m) => m.date >= from && m.date <= date && m.attendeeContactIds.length === 0)
            .filter((m) => n.roster.some((e) => e.contactId !== undefined && e.from <= m.date && (e.to === undefined || m.date <= e.to)))
            .map((m) => ({ n, m })),
        )
        .sort((a, b) => b.m.date.localeCompare(a.m.date) || compareSv(a.n.name, b.n.name))
        .map(({ n, m }) => ({ kind: 'meeting-no-attendance', networkId: n.id, networkName: n.name, meetingId: m.id, meetingTitle: m.title, date: m.date }));
    },
  },
  {
    // The goal status the board pack shows: the year's goals that are at risk or missed.
    kind: 'goal-behind',
    collect: (doc, date) =>
      evaluateGoals(doc, date, [yearOf(date)])
        .filter((g) => g.status === 'at-risk' || g.status === 'missed')
        .map((g) => ({ kind: 'goal-behind', goalId: g.goalId, title: g.title, year: g.year, status: g.status as 'at-risk' | 'missed' })),
  },
  {
    // Issued invoices past their due date with something left to pay: the oldest due first, for a reminder.
    kind: 'invoice-overdue',
    collect: (doc, date) =>
      openInvoices(doc, date)
        .filter((s) => s.state === 'overdue')
        .map((s) => ({ kind: 'invoice-overdue', invoiceId: s.id, number: s.number ?? '', customerName: s.customerName, dueDate: s.dueDate ?? '', remainingOre: s.remainingOre, overdueDays: s.overdueDays })),
  },
  {
    // Issued invoices not yet due and not paid in full: the next due first.
    kind: 'invoice-unpaid',
    collect: (doc, date) =>
      openInvoices(doc, date)
        .filter((s) => s.state === 'unpaid')
        .map((s) => ({ kind: 'invoice-unpaid', invoiceId: s.id, number: s.number ?? '', customerName: s.customerName, dueDate: s.dueDate ?? '', remainingOre: s.remainingOre })),
  },
];

/** Issued invoices (not credit notes) with something left to pay at `date`, as the invoice list sums them, by due date. */
function openInvoices(doc: SambrukDocument, date: string): InvoiceSummary[] {
  const issued = doc.invoicing.invoices.filter((i) => i.kind === 'invoice' && i.status === 'issued');
  if (issued.length === 0) return [];
  const ledger = ledgerOf(doc);
  return issued
    .map((i) => summarise(i, ledger, date))
    .filter((s) => s.remainingOre > 0)
    .sort((a, b) => (a.dueDate ?? '').localeCompare(b.dueDate ?? '') || compareSv(a.customerName, b.customerName) || (a.number ?? '').localeCompare(b.number ?? '', 'sv', { numeric: true }));
}

/** What needs doing at `date`: one group per kind that has anything, its first items and its total. */
export function attentionAt(doc: SambrukDocument, date: string): AttentionGroup[] {
  return attentionSources.flatMap((source) => {
    const items = source.collect(doc, date);
    return items.length === 0 ? [] : [{ kind: source.kind, total: items.length, items: items.slice(0, ATTENTION_ITEMS_SHOWN) }];
  });
}

/** The Översikt screen's figures at `date`: all computed from the document. */
export function overviewAt(doc: SambrukDocument, date: string): OverviewFigures {
  const members = memberIdsAt(doc, date);
  const sweden = swedenPopulationAt(doc, date);
  return {
    date,
    memberCount: members.size,
    organisationCount: doc.organisations.filter((o) => !o.archived).length,
    serviceCount: doc.services.filter((s) => !s.archived).length,
    usageCount: doc.usages.filter((u) => u.from <= date && (u.to === undefined || date <= u.to)).length,
    networkCounts: networkKinds.map((kind) => ({
      kind,
      count: doc.networks.filter((n) => n.kind === kind && !n.archived).length,
    })),
    contactCount: doc.contacts.filter((c) => c.endedAt === undefined).length,
    budget: [...doc.budget.columns]
      .sort((a, b) => a.year - b.year || a.kind.localeCompare(b.kind))
      .map((column) => ({ year: column.year, kind: column.kind, ...columnTotals(doc.budget, column) })),
    memberPopulation: populationCovered(doc, members, coverageDate(doc, date)),
    ...(sweden ? { swedenPopulation: sweden } : {}),
    attention: attentionAt(doc, date),
    planFigures: planFigureComparisons(doc),
  };
}
