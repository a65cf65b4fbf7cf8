/**
 * The invoice basis («Fakturaunderlag») of a year: one line per amount to invoice, the yearly fee, each entry
 * fee and each service fee, in customer order (Swedish collation of the name), each with its stable reference
 * `<kundnummer>-<år>-<artikel>` of `basis-references.ts`. Lines of 0 kr are left out. Amounts are whole kronor,
 * as the invoices will be: a line whose fee rules give öre is rounded half a krona up and keeps its exact amount.
 *
 * This is the one computation of the basis: the accountant's workbook (`accountantModel`), the invoice run
 * (`planRun`) and the billing list all read it. It needs only the membership fees (`membershipFeesForYear`) and
 * the service revenue (`serviceRevenueForYear`), so drafting a run does not build the workbook's member list,
 * usage matrix, rosters or budget. The workbook hands over the fees and revenue it has computed already.
 */
import { AppError } from '../../contract/result';
import type { ServiceRevenueReport } from '../../contract/channels/services.channels';
import { firstDayOfMonth, firstDayOfYear, lastDayOfYear, maskPeriod } from '../../contract/rules/calendar-date';
import { membershipFeesForYear, roundToKronor, type MembershipFees } from '../domain/fees';
import { serviceChargesForYear, type ChargedUser } from '../domain/pricing';
import { basisReference, type BasisArticle } from '../domain/basis-references';
import { svRanks } from '../domain/swedish';
import type { Organisation, SambrukDocument } from '../store/schema';

export type InvoiceLineKind = 'arsavgift' | 'medlemsinsats' | 'tjanst';

export type InvoiceLine = {
  reference: string;
  /** What the line sells, from which `reference` is made; an invoice run makes the same reference from it. */
  article: BasisArticle;
  organisationId: string;
  customer: string;
  orgNumber?: string;
  municipalityCode?: string;
  kind: InvoiceLineKind;
  /** What the line is for, e.g. `Årsavgift 2022`, `Medlemsinsats`, `Tjänst: Bibblix`. */
  item: string;
  serviceId?: string;
  /** The customer number from the billing details; absent while the organisation has none. */
  customerNumber?: number;
  from: string;
  to: string;
  months?: number;
  /** Whole kronor (in öre): what the invoice will charge. */
  amountOre: number;
  /** When the fee rules gave öre: the exact amount, before rounding half a krona up. */
  exactOre?: number;
  /** Why the line must be checked before it is invoiced (a group's fee under a rule «att bekräfta»). */
  check?: string;
};

/** The flag an invoice line carries while the group rule it follows is not confirmed. */
export const UNCONFIRMED_GROUP_RULE = 'Regeln för gruppers avgift är inte beslutad (att bekräfta)';

export type InvoiceBasis = {
  year: number;
  lines: InvoiceLine[];
  /** Customers without a customer number yet (their references start `K?-`). */
  customersWithoutNumber: number;
  /** Everything to invoice, line by line in whole kronor. */
  invoiceOre: number;
  /** Membership fees plus service fees as the fee rules give them, öre included. */
  invoiceExactOre: number;
};

/** What the basis is computed from, when the caller has it already (the workbook computes both for its sheets). */
export type BasisSources = { fees: MembershipFees; revenue: ServiceRevenueReport; charged: ReadonlyMap<string, ReadonlyMap<string, ChargedUser>> };

const kindOrder: Record<InvoiceLineKind, number> = { arsavgift: 0, medlemsinsats: 1, tjanst: 2 };

/**
 * The basis of `year`. Throws `not-found` when no fee table applies to the year (as the fees do), and `internal`
 * when the lines do not add up to the fees and service revenue they come from.
 */
export function invoiceBasis(doc: SambrukDocument, options: { year: number }, sources?: BasisSources): InvoiceBasis {
  const { year } = options;
  // The basis needs the amounts only; the fee explanations' sentences are for the member list.
  const fees = sources?.fees ?? membershipFeesForYear(doc, year, { explain: false });
  const { report: revenue, charged } = sources ? { report: sources.revenue, charged: sources.charged } : serviceChargesForYear(doc, year);
  const orgById = new Map<string, Organisation>(doc.organisations.map((o) => [o.id, o]));
  const yearStart = firstDayOfYear(year);
  const yearEnd = lastDayOfYear(year);

  // A line before its customer's number and rounding; the organisation's own fields are added once, at the end.
  type Pending = Pick<InvoiceLine, 'customer' | 'kind' | 'item' | 'serviceId' | 'from' | 'to' | 'months' | 'check'> & { amountOre: number; article: BasisArticle };
  const pendingByOrg = new Map<string, Pending[]>();
  const push = (organisationId: string, line: Pending) => {
    const list = pendingByOrg.get(organisationId);
    if (list) list.push(line);
    else pendingByOrg.set(organisationId, [line]);
  };

  for (const row of fees.rows) {
    const check = row.groupRuleUnconfirmed ? UNCONFIRMED_GROUP_RULE : undefined;
    if (row.chargedYearlyFeeOre !== 0) {
      push(row.organisationId, {
        customer: row.name,
        kind: 'arsavgift',
        item: `Årsavgift ${year}`,
        from: row.months >= 12 ? yearStart : firstDayOfMonth(year, 13 - row.months),
        to: yearEnd,
        months: row.months,
        amountOre: row.chargedYearlyFeeOre,
        article: { kind: 'arsavgift' },
        check,
      });
    }
    for (const entry of row.entryFees) {
      if (entry.chargedOre === 0) continue;
      push(row.organisationId, {
        customer: row.name,
        kind: 'medlemsinsats',
        item: entry.rejoin ? 'Medlemsinsats (återinträde)' : 'Medlemsinsats',
        from: entry.joined,
        to: entry.joined,
        amountOre: entry.chargedOre,
        article: entry.rejoin ? { kind: 'insats', rejoinedOn: entry.joined } : { kind: 'insats' },
        check,
      });
    }
  }

  // A service line runs over the months charged: the month masks the revenue was computed from.
  // A year has 4 096 month masks at most; most lines share a handful.
  const periods = new Map<number, { from: string; to: string }>();
  const periodOf = (mask: number) => {
    let period = periods.get(mask);
    if (period === undefined) {
      period = maskPeriod(mask, year);
      periods.set(mask, period);
    }
    return period;
  };
  for (const service of revenue.services) {
    if (!service.lines.some((l) => l.amountOre !== 0)) continue;
    const masks = charged.get(service.serviceId);
    const item = `Tjänst: ${service.name}`;
    for (const line of service.lines) {
      if (line.amountOre === 0) continue;
      const period = periodOf(masks?.get(line.organisationId)?.mask ?? 0);
      push(line.organisationId, {
        customer: line.name,
        kind: 'tjanst',
        item,
        serviceId: service.serviceId,
        from: period.from,
        to: period.to,
        months: line.months,
        amountOre: line.amountOre,
        article: { kind: 'tjanst', serviceId: service.serviceId },
      });
    }
  }

  const billingByOrg = new Map(doc.invoicing.billing.map((b) => [b.organisationId, b]));
  const customerName = (id: string) => orgById.get(id)?.name ?? id;
  const customerRank = svRanks([...pendingByOrg.keys()].map(customerName));
  const rankOf = (id: string) => customerRank.get(customerName(id)) as number;
  const customers = [...pendingByOrg.keys()].sort((a, b) => rankOf(a) - rankOf(b) || a.localeCompare(b));
  // A customer's lines: by kind, then date (ISO dates order as text), then what they are for in Swedish order.
  const itemRank = svRanks([...pendingByOrg.values()].flatMap((list) => list.map((l) => l.item)));
  const byKindDateItem = (a: Pending, b: Pending) =>
    kindOrder[a.kind] - kindOrder[b.kind] ||
    (a.from < b.from ? -1 : a.from > b.from ? 1 : 0) ||
    (itemRank.get(a.item) as number) - (itemRank.get(b.item) as number);
  const lines: InvoiceLine[] = [];
  let customersWithoutNumber = 0;
  let invoiceOre = 0;
  let invoiceExactOre = 0;
  for (const organisationId of customers) {
    const known = orgById.get(organisationId);
    const org = known ?? { id: organisationId };
    const orgNumber = known?.orgNumber;
    const municipalityCode = known?.municipalityCode;
    const billing = billingByOrg.get(organisationId);
    if (!billing) customersWithoutNumber += 1;
    const pending = (pendingByOrg.get(organisationId) ?? []).sort(byKindDateItem);
    for (const p of pending) {
      // Invoices charge whole kronor: the line is rounded here, once, and the exact figure kept beside it.
      const rounded = roundToKronor(p.amountOre);
      invoiceOre += rounded;
      invoiceExactOre += p.amountOre;
      // Built by assignment rather than spreads: a large register has tens of thousands of lines.
      const line: InvoiceLine = { reference: basisReference(org, billing, year, p.article), article: p.article, organisationId, customer: p.customer, kind: p.kind, item: p.item, from: p.from, to: p.to, amountOre: rounded };
      if (orgNumber) line.orgNumber = orgNumber;
      if (municipalityCode) line.municipalityCode = municipalityCode;
      if (p.serviceId !== undefined) line.serviceId = p.serviceId;
      if (p.months !== undefined) line.months = p.months;
      if (p.check !== undefined) line.check = p.check;
      if (billing) line.customerNumber = billing.customerNumber;
      if (rounded !== p.amountOre) line.exactOre = p.amountOre;
      lines.push(line);
    }
  }
  if (invoiceExactOre !== fees.totalOre + revenue.totalOre) {
    // Both come from the same rows; a difference would be a bug here, and a wrong invoice basis is worse than none.
    throw new AppError('internal', 'Fakturaunderlaget stämmer inte med avgifterna. Inget underlag skapades.');
  }
  return { year, lines, customersWithoutNumber, invoiceOre, invoiceExactOre };
}
