/** Översikt: figures from `overview/get` -> the strings and rows the page draws. No arithmetic in components. */
import type { AttentionGroup, AttentionItem, AttentionKind, OverviewFigures } from '../../../electron/contract';
import { hrefTo } from '../../app/router';
import { toHash } from '../../app/hash-route';
import { formatDate, formatKr, formatNumber, formatPercent } from '../../lib/format';
import { sv } from '../../lib/i18n/sv';

/** A figure card; the whole card is a link to `href`, named in full by `linkLabel`. */
export type StatVm = { id: string; label: string; value: string; hints: string[]; href: string; linkLabel: string };
export type NetworkRowVm = { kind: string; label: string; count: string; href: string };
export type AttentionItemVm = { key: string; text: string; detail: string; href: string };
export type AttentionGroupVm = { kind: AttentionKind; title: string; count: string; items: AttentionItemVm[]; more?: string; allLabel: string; allHref: string };
export type BudgetRowVm = {
  key: string;
  year: string;
  kind: string;
  income: string;
  cost: string;
  result: string;
  negative: boolean;
};

export type PlanFigureVm = { id: string; label: string; text: string; source: string; differs: boolean };

export type OverviewVm = {
  asOf: string;
  planFigures: PlanFigureVm[];
  stats: StatVm[];
  networks: NetworkRowVm[];
  networksTotal: string;
  networksHref: string;
  budget: BudgetRowVm[];
  budgetHref: string;
  attention: AttentionGroupVm[];
};

type ItemOf<K extends AttentionKind> = Extract<AttentionItem, { kind: K }>;

/**
 * Each kind of attention: where its items are dealt with and how one reads. A mapped type, so a new kind in the
 * contract (invoices, once invoicing exists) fails to compile until it has its entry here.
 */
const attentionViews: { [K in AttentionKind]: { allHref: string; item: (i: ItemOf<K>) => Omit<AttentionItemVm, 'key'> & { key: string } } } = {
  'membership-ending': {
    allHref: hrefTo('medlemmar'),
    item: (i) => ({
      key: i.organisationId,
      text: i.organisationName,
      detail: sv.oversikt.attention.kinds['membership-ending'].item(i.noticeGiven && formatDate(i.noticeGiven), i.left && formatDate(i.left)),
      href: hrefTo('medlemmar', [i.organisationId]),
    }),
  },
  'contact-unconfirmed': {
    allHref: hrefTo('medlemmar', ['tackning']),
    item: (i) => ({
      key: i.contactId,
      text: i.contactName,
      detail: sv.oversikt.attention.kinds['contact-unconfirmed'].item(i.organisationName, formatDate(i.since), i.confirmed),
      href: hrefTo('medlemmar', [i.organisationId], { kontakt: i.contactId }),
    }),
  },
  'meeting-no-attendance': {
    allHref: hrefTo('natverk'),
    item: (i) => ({
      key: `${i.networkId}/${i.meetingId}`,
      text: i.meetingTitle,
      detail: sv.oversikt.attention.kinds['meeting-no-attendance'].item(i.networkName, formatDate(i.date)),
      href: hrefTo('natverk', [i.networkId], { flik: 'moten', narvaro: i.meetingId }),
    }),
  },
  'goal-behind': {
    allHref: hrefTo('styrelserapport'),
    item: (i) => ({
      key: i.goalId,
      text: i.title,
      detail: sv.oversikt.attention.kinds['goal-behind'].item(sv.styrelserapport.statuses[i.status], String(i.year)),
      href: hrefTo('styrelserapport', [], { mal: i.goalId }),
    }),
  },
  // Fakturering's list filtered by status over every year (`?ar=alla&status=…`), and one invoice at
  // `#/fakturering/faktura/<id>`: the addresses of the invoicing screen.
  'invoice-overdue': {
    allHref: toHash('fakturering', [], { ar: 'alla', status: 'forfallna' }),
    item: (i) => ({
      key: i.invoiceId,
      text: sv.oversikt.attention.kinds['invoice-overdue'].text(i.number, i.customerName),
      detail: sv.oversikt.attention.kinds['invoice-overdue'].item(formatKr(i.remainingOre), formatDate(i.dueDate), i.overdueDays),
      href: toHash('fakturering', ['faktura', i.invoiceId]),
    }),
  },
  'invoice-unpaid': {
    allHref: toHash('fakturering', [], { ar: 'alla', status: 'obetalda' }),
    item: (i) => ({
      key: i.invoiceId,
      text: sv.oversikt.attention.kinds['invoice-unpaid'].text(i.number, i.customerName),
      detail: sv.oversikt.attention.kinds['invoice-unpaid'].item(formatKr(i.remainingOre), formatDate(i.dueDate)),
      href: toHash('fakturering', ['faktura', i.invoiceId]),
    }),
  },
};

function attentionGroup(group: AttentionGroup): AttentionGroupVm {
  const view = attentionViews[group.kind] as { allHref: string; item: (i: AttentionItem) => AttentionItemVm };
  const words = sv.oversikt.attention.kinds[group.kind];
  const hidden = group.total - group.items.length;
  return {
    kind: group.kind,
    title: words.title,
    count: formatNumber(group.total),
    items: group.items.map((i) => view.item(i)),
    ...(hidden > 0 ? { more: sv.oversikt.attention.more(formatNumber(hidden)) } : {}),
    allLabel: words.all,
    allHref: view.allHref,
  };
}

function label<K extends string>(labels: Record<K, string>, key: string): string {
  return (labels as Record<string, string>)[key] ?? key;
}

const places = sv.oversikt.places;

function stat(id: string, label: string, value: string, hints: string[], href: string, place: string): StatVm {
  return { id, label, value, hints, href, linkLabel: sv.oversikt.cardLink(label, value, place) };
}

export function overviewViewModel(f: OverviewFigures): OverviewVm {
  const sweden = f.swedenPopulation;
  const populationHints = sweden
    ? [
        sv.oversikt.populationShare(formatPercent(f.memberPopulation / sweden.population)),
        sv.oversikt.swedenPopulation(formatNumber(sweden.population), formatDate(sweden.date)),
      ]
    : [sv.oversikt.noSwedenPopulation];
  const planMembers = f.planFigures.find((p) => p.subject === 'members');
  return {
    asOf: sv.oversikt.asOf(formatDate(f.date, 'long')),
    planFigures: f.planFigures.map((p) => ({
      id: p.id,
      label: sv.oversikt.planFigureLine(p.label, formatDate(p.date)),
      text: p.text,
      source: p.source,
      differs: p.difference !== 0,
    })),
    stats: [
      stat(
        'members',
        sv.oversikt.members,
        formatNumber(f.memberCount),
        // The plan's own count stands beside the register's wherever members are counted.
        [sv.oversikt.membersHint, ...(planMembers ? [`${formatDate(planMembers.date)}: ${planMembers.text}`] : [])],
        hrefTo('medlemmar'), places.members),
      stat('population', sv.oversikt.population, formatNumber(f.memberPopulation), populationHints, hrefTo('medlemmar', ['siffror']), places.figures),
      stat('organisations', sv.oversikt.organisations, formatNumber(f.organisationCount), [], hrefTo('medlemmar'), places.members),
      stat('services', sv.oversikt.services, formatNumber(f.serviceCount), [], hrefTo('tjanster'), places.services),
      stat('usages', sv.oversikt.usages, formatNumber(f.usageCount), [sv.oversikt.usagesHint], hrefTo('tjanster', ['matris']), places.usages),
      stat('contacts', sv.oversikt.contacts, formatNumber(f.contactCount), [], hrefTo('medlemmar', ['tackning']), places.contacts),
    ],
    networks: f.networkCounts.map((n) => ({
      kind: n.kind,
      label: label(sv.oversikt.networkKinds, n.kind),
      count: formatNumber(n.count),
      href: hrefTo('natverk', [], { typ: n.kind }),
    })),
    networksHref: hrefTo('natverk'),
    budgetHref: hrefTo('budget'),
    attention: f.attention.map(attentionGroup),
    networksTotal: sv.oversikt.networksTotal(formatNumber(f.networkCounts.reduce((sum, n) => sum + n.count, 0))),
    budget: f.budget.map((b) => ({
      key: `${b.year}-${b.kind}`,
      // A year is a name, not a quantity: «2022», never «2 022».
      year: String(b.year),
      kind: label(sv.oversikt.budgetKinds, b.kind),
      income: formatKr(b.incomeOre),
      cost: formatKr(b.costOre),
      result: formatKr(b.resultOre),
      negative: b.resultOre < 0,
    })),
  };
}
