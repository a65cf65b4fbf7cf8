/**
 * The figures of the accountant's workbook ("Ekonomiunderlag <år>") as plain rows, computed from the register
 * by the same domain functions the screens use, so the workbook never tells another story than the app:
 *
 * - **Members** (`membershipFeesForYear`): every organisation with an own membership period touching the year,
 *   with its band, the yearly fee, the months charged, the entry fee and the fee explanation's sentences on
 *   the first year and the entry fee; then every organisation that was a member only through a group, at 0 kr.
 * - **Invoice lines** (`invoiceBasis`, the basis the invoice run drafts from too): one per amount to invoice: the
 *   yearly fee, each entry fee, each service fee (`serviceRevenueForYear`). Lines of 0 kr are left out (nothing to invoice; the sheets say so). Each has the
 *   stable reference `<kundnummer>-<år>-<artikel>` of `basis-references.ts`. Amounts are whole kronor, as the
 *   invoices will be: a line whose fee rules give öre is rounded half a krona up and keeps its exact amount, and
 *   the totals state the rounding.
 * - **Service fee lines**: one per user per service charged in the year (0 kr included, so a missing price shows),
 *   and the usage matrix at the year's last day (`buildUsageMatrix`).
 * - **Roster rows**: every roster entry whose period touches the year; persons' names and e-mail addresses
 *   only when asked for.
 * - **Issued invoices**: every issued invoice and credit note of the year (its run's year, else the year its lines
 *   are for, else its date), with net, VAT and total from `invoiceTotals` and what has been paid; a credit note's
 *   amounts carry the books' sign (negative), so the sums are what the year invoiced.
 * - **Budget**: the Budget screen's table (`budgetTable`).
 */
import type { BudgetTable } from '../../contract/channels/budget.channels';
import type { UsageMatrix } from '../../contract/channels/usage.channels';
import { budgetTable, budgetYearTable } from '../domain/budget';
import { firstDayOfYear, lastDayOfYear, maskPeriod, yearOf } from '../../contract/rules/calendar-date';
import { municipalityPopulationAt, populationBasisText, populationIndex, type PopulationIndex } from '../domain/population';
import { membershipFeesForYear, type FeeRow, type MembershipFees } from '../domain/fees';
import { membershipIndex, periodStart } from '../domain/memberships';
import { organisationFacts, organisationKindLabels, referenceMaps } from '../domain/organisations';
import { servicePopulationDate, serviceChargesForYear } from '../domain/pricing';
import { entryOrganisationId } from '../domain/rosters';
import { sortNetworks } from '../domain/networks';
import { compareSv, svRanks } from '../domain/swedish';
import { buildUsageMatrix } from '../domain/usage-matrix';
import type { Invoice, Organisation, PricingModel, SambrukDocument } from '../store/schema';
import { formatOre } from '../domain/amounts';
import { invoiceBasis, type InvoiceLine } from './invoice-basis';
import { bookSign, invoiceTotals } from '../domain/invoice-math';
import { networkKindLabels, participationLabels, rosterRoleLabels } from '../../contract/labels';

export type MemberRow = {
  organisationId: string;
  name: string;
  municipalityCode?: string;
  orgNumber?: string;
  kindLabel: string;
  countyName: string;
  /** Empty for an organisation whose population the register does not know. */
  population?: number;
  /** Which count the population is («folkmängd 2021-12-31», or «folkmängd 2024-12-31; 2021 saknas»). */
  populationDate?: string;
  bandLabel: string;
  /**
   * First day of the latest own period touching the year, or `före ÅÅÅÅ-MM-DD` when that period's start is known
   * only as before a date; absent for members through a group.
   */
  joined?: string;
  /** The band's full yearly fee; absent for members through a group. */
  listYearlyFeeOre?: number;
  months?: number;
  chargedYearlyFeeOre: number;
  entryFeeOre: number;
  totalOre: number;
  /** How the first year was pro-rated and which entry fee applies, from the fee explanation. */
  proration: string;
};

export { UNCONFIRMED_GROUP_RULE, type InvoiceLine } from './invoice-basis';

export type ServiceFeeLine = {
  organisationId: string;
  name: string;
  municipalityCode?: string;
  serviceId: string;
  serviceName: string;
  /** The group whose record made the organisation a user, when it had none of its own. */
  viaGroupName?: string;
  /** First and last day of the months charged. */
  from: string;
  to: string;
  months: number;
  yearlyFeeOre: number;
  amountOre: number;
  /** The pricing model in words, or that there is none for the year. */
  pricing: string;
  priced: boolean;
};

export type RosterRow = {
  networkId: string;
  networkName: string;
  kindLabel: string;
  organisation: string;
  role: string;
  participation: string;
  from: string;
  to?: string;
  person?: string;
  email?: string;
};

/** One issued invoice or credit note; amounts in öre, negative on a credit note (as the books have them). */
export type IssuedInvoiceRow = {
  invoiceId: string;
  number: string;
  kind: 'invoice' | 'credit-note';
  kindLabel: string;
  issueDate?: string;
  dueDate?: string;
  customerNumber: number;
  customer: string;
  /** The number of the invoice a credit note corrects. */
  creditOf?: string;
  netOre: number;
  vatOre: number;
  totalOre: number;
  /** Received (a refund of a credit note is negative). */
  paidOre: number;
  remainingOre: number;
};

export type IssuedInvoices = {
  rows: IssuedInvoiceRow[];
  netOre: number;
  vatOre: number;
  totalOre: number;
  paidOre: number;
  remainingOre: number;
};

export const invoiceKindLabels = { invoice: 'Faktura', 'credit-note': 'Kreditfaktura' } as const;

export type AccountantModel = {
  year: number;
  includePersonalDetails: boolean;
  fees: MembershipFees;
  members: MemberRow[];
  invoiceLines: InvoiceLine[];
  serviceLines: ServiceFeeLine[];
  serviceRevenueOre: number;
  unpricedServiceNames: string[];
  matrix: UsageMatrix;
  rosterRows: RosterRow[];
  budget: BudgetTable;
  totals: {
    /** Yearly fees charged, entry fees and both together (öre). */
    yearlyFeesOre: number;
    entryFeesOre: number;
    membershipOre: number;
    serviceOre: number;
    /** Everything to invoice, line by line in whole kronor. */
    invoiceOre: number;
    /** Membership fees plus service fees as the fee rules give them, öre included. */
    invoiceExactOre: number;
    /** `invoiceOre - invoiceExactOre`: the öre rounding of the lines together. */
    roundingOre: number;
  };
  /** Customers of the invoice basis without a customer number yet (their references start `K?-`). */
  customersWithoutNumber: number;
  issued: IssuedInvoices;
};

export type AccountantOptions = { year: number; includePersonalDetails?: boolean };

/** One formatter for every line: making one per line cost more than the rest of the service sheet. */
const inhabitantsFormat = new Intl.NumberFormat('sv-SE');

/**
 * The population a population-based service price used for one user, with its date: «47 820 invånare,
 * folkmängd 2021-12-31» (the nearest year and a correction named as in fee explanations), or the organisation's
 * own stated figure when it is not a municipality.
 */
function servicePopulationText(index: PopulationIndex, org: Organisation | undefined, population: number, year: number): string {
  const count = `${inhabitantsFormat.format(population)} invånare`;
  const at = org?.municipalityCode ? municipalityPopulationAt(index, org.municipalityCode, servicePopulationDate(year)) : undefined;
  if (at) return `${count}, ${populationBasisText(at)}`;
  return org?.municipalityCode ? `${count}, folkmängd ${servicePopulationDate(year)} saknas` : `${count}, angiven folkmängd`;
}

export function pricingText(model: PricingModel | undefined, year: number, pricingYear?: number): string {
  if (!model) return `Ingen prismodell för ${year}`;
  const since = pricingYear !== undefined && pricingYear !== year ? ` (prismodell från ${pricingYear})` : '';
  switch (model.kind) {
    case 'fixed':
      return `Fast årsavgift ${formatOre(model.yearlyFeeOre)}${since}`;
    case 'per-inhabitant':
      return `${formatOre(model.orePerInhabitant)} per invånare${since}`;
    case 'banded':
      return `Efter folkmängd (${model.bands.length} prisband)${since}`;
  }
}

/** The sentences of a fee explanation about the first year and the entry fee (not the band, table or total). */
export function prorationText(row: FeeRow): string {
  // The explanation reads: band, table, first year (or whole year), entry fees…, amount to pay.
  return row.explanation.slice(2, -1).join(' ');
}

function touchesYear(period: { from: string; to?: string | undefined }, year: number): boolean {
  return period.from <= lastDayOfYear(year) && (period.to === undefined || period.to >= firstDayOfYear(year));
}

/**
 * The fee year an issued invoice belongs to: its run's year; without a run, the year of the period its lines are
 * for; else the year of its date. A credit note belongs to the year of the invoice it corrects.
 */
function feeYearOf(invoice: Invoice, runYear: ReadonlyMap<string, number>, byId: ReadonlyMap<string, Invoice>, depth = 0): number | undefined {
  if (invoice.creditOfInvoiceId !== undefined && depth < 2) {
    const credited = byId.get(invoice.creditOfInvoiceId);
    if (credited) return feeYearOf(credited, runYear, byId, depth + 1);
  }
  const fromRun = invoice.runId !== undefined ? runYear.get(invoice.runId) : undefined;
  if (fromRun !== undefined) return fromRun;
  const period = invoice.lines.find((l) => l.periodStart !== undefined)?.periodStart;
  if (period !== undefined) return yearOf(period);
  return invoice.issueDate !== undefined ? yearOf(invoice.issueDate) : undefined;
}

/** The year's issued invoices and credit notes in number order, each with its totals and payments. */
export function issuedInvoicesOfYear(doc: Pick<SambrukDocument, 'invoicing' | 'organisations'>, year: number): IssuedInvoices {
  const { invoices, runs, payments } = doc.invoicing;
  const runYear = new Map(runs.map((r) => [r.id, r.year]));
  const byId = new Map(invoices.map((i) => [i.id, i]));
  const paid = new Map<string, number>();
  for (const p of payments) paid.set(p.invoiceId, (paid.get(p.invoiceId) ?? 0) + p.amountOre);
  const orgName = new Map(doc.organisations.map((o) => [o.id, o.name]));
  const rows: IssuedInvoiceRow[] = invoices
    .filter((i) => i.status === 'issued' && feeYearOf(i, runYear, byId) === year)
    .map((invoice) => {
      const totals = invoiceTotals(invoice.lines);
      const sign = bookSign(invoice);
      const paidOre = paid.get(invoice.id) ?? 0;
      const credited = invoice.creditOfInvoiceId !== undefined ? byId.get(invoice.creditOfInvoiceId)?.number : undefined;
      return {
        invoiceId: invoice.id,
        number: invoice.number ?? '',
        kind: invoice.kind,
        kindLabel: credited !== undefined ? `Kredit av ${credited}` : invoiceKindLabels[invoice.kind],
        ...(invoice.issueDate !== undefined ? { issueDate: invoice.issueDate } : {}),
        ...(invoice.dueDate !== undefined ? { dueDate: invoice.dueDate } : {}),
        customerNumber: invoice.customerNumber,
        customer: invoice.buyer?.name ?? orgName.get(invoice.organisationId) ?? invoice.organisationId,
        ...(credited !== undefined ? { creditOf: credited } : {}),
        netOre: sign * totals.netOre,
        vatOre: sign * totals.vatOre,
        totalOre: sign * totals.totalOre,
        paidOre,
        remainingOre: sign * totals.totalOre - paidOre,
      };
    })
    .sort((a, b) => a.number.localeCompare(b.number, 'sv', { numeric: true }) || a.invoiceId.localeCompare(b.invoiceId));
  const sum = (key: 'netOre' | 'vatOre' | 'totalOre' | 'paidOre' | 'remainingOre') => rows.reduce((total, r) => total + r[key], 0);
  return { rows, netOre: sum('netOre'), vatOre: sum('vatOre'), totalOre: sum('totalOre'), paidOre: sum('paidOre'), remainingOre: sum('remainingOre') };
}

export function accountantModel(doc: SambrukDocument, options: AccountantOptions): AccountantModel {
  const { year } = options;
  const includePersonalDetails = options.includePersonalDetails ?? false;
  const fees = membershipFeesForYear(doc, year);
  // Every row of the year is counted at the date the table states (the same for all rows).
  const populationWantedDate = fees.rows[0]?.populationWantedDate ?? lastDayOfYear(year - 1);
  const refs = referenceMaps(doc);
  const orgById = new Map(doc.organisations.map((o) => [o.id, o]));
  const index = membershipIndex(doc);
  const yearStart = firstDayOfYear(year);
  const yearEnd = lastDayOfYear(year);

  // ------------------------------------------------------------ members
  const members: MemberRow[] = [];
  const feeByOrg = new Map(fees.rows.map((r) => [r.organisationId, r]));
  for (const row of fees.rows) {
    const org = orgById.get(row.organisationId);
    if (!org) continue;
    const facts = organisationFacts(refs, org, orgById, row.populationWantedDate);
    const own = index.periodsOf(org.id).filter((p) => periodStart(p) <= yearEnd && (p.left === undefined || p.left >= yearStart));
    const latest = own.reduce<(typeof own)[number] | undefined>((found, p) => (found === undefined || periodStart(p) > periodStart(found) ? p : found), undefined);
    // An honest «före» rather than a date nobody recorded.
    const joined = latest === undefined ? undefined : latest.startKnown === 'before' ? `före ${latest.joined}` : latest.joined;
    members.push({
      organisationId: org.id,
      name: org.name,
      ...(org.municipalityCode ? { municipalityCode: org.municipalityCode } : {}),
      ...(org.orgNumber ? { orgNumber: org.orgNumber } : {}),
      kindLabel: organisationKindLabels[org.kind],
      countyName: facts.countyName,
      ...(facts.populationSource !== 'saknas' ? { population: facts.population } : {}),
      ...(row.populationText !== undefined ? { populationDate: row.populationText } : {}),
      bandLabel: row.band ? (row.basis === 'grupp' ? `Grupp: ${row.band.label}` : row.band.label) : 'Övrig organisation',
      ...(joined ? { joined } : {}),
      listYearlyFeeOre: row.yearlyFeeOre,
      months: row.months,
      chargedYearlyFeeOre: row.chargedYearlyFeeOre,
      entryFeeOre: row.entryFeeOre,
      totalOre: row.totalOre,
      proration: prorationText(row),
    });
  }
  for (const org of doc.organisations) {
    if (feeByOrg.has(org.id)) continue;
    const group = index
      .groupsOf(org.id)
      .find((g) => index.periodsOf(g.id).some((p) => periodStart(p) <= yearEnd && (p.left === undefined || p.left >= yearStart)));
    if (!group) continue;
    const facts = organisationFacts(refs, org, orgById, populationWantedDate);
    const at = facts.populationFigure;
    members.push({
      organisationId: org.id,
      name: org.name,
      ...(org.municipalityCode ? { municipalityCode: org.municipalityCode } : {}),
      ...(org.orgNumber ? { orgNumber: org.orgNumber } : {}),
      kindLabel: organisationKindLabels[org.kind],
      countyName: facts.countyName,
      ...(facts.populationSource !== 'saknas' ? { population: facts.population } : {}),
      ...(at ? { populationDate: populationBasisText(at) } : {}),
      bandLabel: 'Medlem via grupp',
      chargedYearlyFeeOre: 0,
      entryFeeOre: 0,
      totalOre: 0,
      proration: `Medlem genom ${group.name}, som betalar avgiften.`,
    });
  }
  members.sort((a, b) => compareSv(a.name, b.name) || a.organisationId.localeCompare(b.organisationId));

  // ------------------------------------------------------------ service fee lines
  const { report: revenue, charged } = serviceChargesForYear(doc, year);
  const serviceLines: ServiceFeeLine[] = [];
  const populations = populationIndex(doc.reference);
  for (const service of revenue.services) {
    const masks = charged.get(service.serviceId);
    const pricing = pricingText(service.model, year, service.pricingYear);
    const byPopulation = service.model !== undefined && service.model.kind !== 'fixed';
    for (const line of service.lines) {
      const org = orgById.get(line.organisationId);
      const period = maskPeriod(masks?.get(line.organisationId)?.mask ?? 0, year);
      const via = line.viaGroupId !== undefined ? orgById.get(line.viaGroupId)?.name : undefined;
      serviceLines.push({
        organisationId: line.organisationId,
        name: line.name,
        ...(org?.municipalityCode ? { municipalityCode: org.municipalityCode } : {}),
        serviceId: service.serviceId,
        serviceName: service.name,
        ...(via !== undefined ? { viaGroupName: via } : {}),
        from: period.from,
        to: period.to,
        months: line.months,
        yearlyFeeOre: line.yearlyFeeOre,
        amountOre: line.amountOre,
        pricing: byPopulation ? `${pricing}; ${servicePopulationText(populations, org, line.population, year)}` : pricing,
        priced: service.model !== undefined,
      });
    }
  }
  const nameRank = svRanks(serviceLines.map((l) => l.name));
  const serviceRank = svRanks(serviceLines.map((l) => l.serviceName));
  const rankOf = (ranks: Map<string, number>, text: string) => ranks.get(text) as number;
  serviceLines.sort(
    (a, b) => rankOf(nameRank, a.name) - rankOf(nameRank, b.name) || rankOf(serviceRank, a.serviceName) - rankOf(serviceRank, b.serviceName),
  );
  const unpricedServiceNames = revenue.services.filter((s) => revenue.unpricedServiceIds.includes(s.serviceId)).map((s) => s.name);

  // ------------------------------------------------------------ invoice lines: the one basis, from the fees and revenue above
  const basis = invoiceBasis(doc, { year }, { fees, revenue, charged });
  const invoiceLines = basis.lines;

  // ------------------------------------------------------------ the matrix at the year's end and the rosters
  const matrix = buildUsageMatrix(doc, yearEnd, { scope: 'users', includeArchivedServices: false });
  const contactsById = new Map(doc.contacts.map((c) => [c.id, c]));
  const rosterRows: RosterRow[] = [];
  for (const network of sortNetworks(doc.networks)) {
    const rows: RosterRow[] = [];
    for (const entry of network.roster) {
      if (!touchesYear(entry, year)) continue;
      const orgId = entryOrganisationId(entry, contactsById);
      const org = orgId !== undefined ? orgById.get(orgId) : undefined;
      const contact = entry.contactId !== undefined ? contactsById.get(entry.contactId) : undefined;
      rows.push({
        networkId: network.id,
        networkName: network.name,
        kindLabel: networkKindLabels[network.kind],
        organisation: org?.name ?? (entry.externalName !== undefined ? `${entry.externalName} (extern)` : ''),
        role: rosterRoleLabels[entry.role],
        participation: participationLabels[entry.participation],
        from: entry.from,
        ...(entry.to !== undefined ? { to: entry.to } : {}),
        ...(includePersonalDetails && contact ? { person: contact.name, ...(contact.email ? { email: contact.email } : {}) } : {}),
      });
    }
    rows.sort((a, b) => compareSv(a.organisation, b.organisation) || a.from.localeCompare(b.from) || compareSv(a.person ?? '', b.person ?? ''));
    rosterRows.push(...rows);
  }

  const serviceOre = revenue.totalOre;
  const { invoiceOre, invoiceExactOre } = basis;
  return {
    year,
    includePersonalDetails,
    fees,
    members,
    invoiceLines,
    serviceLines,
    serviceRevenueOre: serviceOre,
    unpricedServiceNames,
    matrix,
    rosterRows,
    // The year asked for, like with like: its budget, outcome and forecast, last year's outcome as reference.
    budget: budgetYearTable(budgetTable(doc.budget), year),
    totals: {
      yearlyFeesOre: fees.yearlyOre,
      entryFeesOre: fees.entryOre,
      membershipOre: fees.totalOre,
      serviceOre,
      invoiceOre,
      invoiceExactOre,
      roundingOre: invoiceOre - invoiceExactOre,
    },
    customersWithoutNumber: basis.customersWithoutNumber,
    issued: issuedInvoicesOfYear(doc, year),
  };
}
