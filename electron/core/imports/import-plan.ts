/**
 * Importing organisations, membership periods and contact persons from a read sheet, in two steps:
 *
 * 1. **Preview** (`planImport`): every row gets an outcome and nothing is written.
 *    - `new`: a new organisation (with its membership period and contact person, if given);
 *    - `update`: an organisation already in the register (or created by an earlier row) gets something it did
 *      not have: an organisation number, county or population it lacked, a new membership period, the end of
 *      an open period, a new contact person or new details for one;
 *    - `unchanged`: the row says what the register already says (an exported Medlemmar sheet imports so);
 *    - `review`: a person must decide: the municipality was not matched exactly (`Malmo`, `Götebrog`, a
 *      3-digit code) and must be confirmed; the row disagrees with a value in the register (another
 *      organisation number, county, population or leaving date), which is replaced only if accepted; or the
 *      row repeats an earlier row of the file (a duplicate, left out);
 *    - `error`: the row cannot be imported; each problem names the column and says why in Swedish;
 *    - `skipped`: a `Summa` row or a row with nothing in the chosen columns.
 *    Rows are planned in file order against the register plus what the earlier included rows add, so a second
 *    row for an organisation created by the first finds it, and a repeated row is seen as a duplicate.
 * 2. **Apply** (`applyImportPlan`): the included rows' operations are written to a draft in one repository
 *    change (one undo step), checked again against the schema and the register's rules; if anything fails the
 *    whole import is refused and the register is untouched.
 *
 * Billing details (issue 17): the invoice address, «Er referens», the Peppol ID, the invoice e-mail and who pays
 * («Betalas av», an organisation in the register found by name as rows are) fill the organisation's billing
 * details as the other values fill the organisation: what is missing is added, what differs is replaced only if
 * the row is accepted. An organisation without billing details gets them with the next customer number, handed
 * out when the import is applied (the number series advances in the same change).
 *
 * Identity rules: an organisation is found by organisation number, by municipality code, or by name once case
 * and spacing are ignored (never å/ä/ö: Habo is not Håbo), as `findDuplicate` does. Blank cells never clear a
 * value, names of existing organisations are never changed, a municipality's county and population always
 * follow the reference data (a differing figure in the file is noted, not stored), and a membership period that
 * overlaps one in the register is left as the register has it.
 */
import { AppError } from '../../contract/result';
import type { Transaction } from '../store/transaction';
import {
  billingDetailsSchema,
  contactSchema,
  membershipSchema,
  postalAddressSchema,
  organisationSchema,
  type BusinessArea,
  type Contact,
  type Membership,
  type Organisation,
  type OrganisationKind,
  type SambrukDocument,
} from '../store/schema';
import { businessAreaLabels, formatPhone, parseEmail, parsePhone } from '../domain/contacts';
import { assertNoPeriodOverlap, describePeriod as describeMembership, membershipPeriodsOverlap, periodStart } from '../domain/memberships';
import { parseOrgNumber } from '../../contract/rules/organisation-number';
import { assertNotDuplicate, isGroupKind, organisationKindLabels, prepareOrganisation, type PreparedOrganisation } from '../domain/organisations';
import { countOf, identityKey } from '../domain/swedish';
import { takeCustomerNumber } from '../domain/billing';
import { columnLetter } from '../exports/workbook-kit';
import type { RawSheet } from './raw-table';
import { createClosestMunicipalities, createMunicipalityMatcher, type MunicipalityMatch } from './municipality-matcher';
import { latestMunicipalityPopulation, populationIndex } from '../domain/population';
import {
  identityFields,
  importFields,
  isSummaryLabel,
  readBusinessAreas,
  readCounty,
  readDate,
  readJoinDate,
  readKind,
  readName,
  readPeppolId,
  readPopulation,
  readPostalCode,
  withoutFormulaGuard,
  type ImportFieldKey,
} from './import-fields';
import type {
  ImportIssue,
  ImportMapping,
  ImportOutcome,
  ImportPlanView,
  ImportResult,
  ImportRowPlan,
  ImportSummary,
  RowDecision,
  RowReview,
} from '../../contract/model/imports';

export type { ImportMapping, RowDecision, ImportIssue, ImportRowPlan, ImportSummary, ImportResult } from '../../contract/model/imports';

export type ImportDecisions = Readonly<Record<string, RowDecision>>;

type OrgRef = string;

export type ImportOp =
  | { op: 'create-organisation'; row: number; ref: OrgRef; fields: PreparedOrganisation }
  | { op: 'update-organisation'; row: number; organisationId: string; patch: OrganisationImportPatch; describe: string[] }
  | { op: 'add-membership'; row: number; ref: OrgRef; joined: string; startKnown?: 'before'; left?: string }
  | { op: 'end-membership'; row: number; membershipId: string; left: string }
  | { op: 'create-contact'; row: number; ref: OrgRef; fields: ContactImportFields }
  | { op: 'update-contact'; row: number; contactId: string; patch: Partial<ContactImportFields>; describe: string[] }
  | { op: 'set-billing'; row: number; ref: OrgRef; patch: BillingImportPatch; payerRef?: OrgRef; describe: string[] };

/** The billing details a row can fill; the payer is an organisation of the import (`payerRef`). */
export type BillingImportPatch = Partial<{
  invoiceAddress: { street?: string; postalCode?: string; city?: string };
  buyerReference: string;
  peppolId: string;
  invoiceEmail: string;
}>;

export type OrganisationImportPatch = Partial<Pick<Organisation, 'orgNumber' | 'countyCode' | 'population'>>;
export type ContactImportFields = { name: string; title: string; email: string; phone: string; businessAreas: BusinessArea[] };

export type ImportPlan = ImportPlanView & {
  /** The operations of the included rows, in row order. */
  ops: ImportOp[];
};

export type PlanOptions = { mapping: ImportMapping; decisions?: ImportDecisions };

/** What planning reads of the register: a worker is handed this much of it, not the whole document. */
export type PlanningRegister = Pick<SambrukDocument, 'organisations' | 'memberships' | 'contacts' | 'reference' | 'meta'> & {
  invoicing: Pick<SambrukDocument['invoicing'], 'billing'>;
};

/** The part of the register planning reads (the snapshot a worker is given). */
export function planningRegister(doc: SambrukDocument): PlanningRegister {
  return {
    organisations: doc.organisations,
    memberships: doc.memberships,
    contacts: doc.contacts,
    reference: doc.reference,
    meta: doc.meta,
    invoicing: { billing: doc.invoicing.billing },
  };
}

// ---------------------------------------------------------------- working state

type WorkingOrg = {
  ref: OrgRef;
  existingId?: string;
  name: string;
  kind: OrganisationKind;
  municipalityCode?: string;
  orgNumber?: string;
  countyCode?: string;
  population?: number;
  archived: boolean;
  /** The row that created it, for organisations new in this import. */
  createdByRow?: number;
};
type WorkingPeriod = { membershipId?: string; joined: string; startKnown?: 'exact' | 'before'; left?: string; row?: number };
type WorkingContact = { contactId?: string; row?: number } & ContactImportFields & { endedAt?: string };
/** An organisation's billing details as far as the import compares them; `payer` is an OrgRef. */
type WorkingBilling = {
  existing: boolean;
  street?: string;
  postalCode?: string;
  city?: string;
  buyerReference?: string;
  peppolId?: string;
  invoiceEmail?: string;
  payer?: OrgRef;
  row?: number;
};

class WorkingRegister {
  readonly orgs = new Map<OrgRef, WorkingOrg>();
  private readonly byOrgNumber = new Map<string, OrgRef>();
  private readonly byCode = new Map<string, OrgRef>();
  private readonly byName = new Map<string, OrgRef>();
  private readonly periods = new Map<OrgRef, WorkingPeriod[]>();
  private readonly contacts = new Map<OrgRef, WorkingContact[]>();
  readonly billing = new Map<OrgRef, WorkingBilling>();
  private nextNew = 1;

  constructor(doc: PlanningRegister) {
    for (const o of doc.organisations) {
      this.addOrg({
        ref: o.id,
        existingId: o.id,
        name: o.name,
        kind: o.kind,
        ...(o.municipalityCode ? { municipalityCode: o.municipalityCode } : {}),
        ...(o.orgNumber ? { orgNumber: o.orgNumber } : {}),
        ...(o.countyCode ? { countyCode: o.countyCode } : {}),
        ...(o.population !== undefined ? { population: o.population } : {}),
        archived: o.archived,
      });
    }
    for (const m of doc.memberships) {
      this.periodsOf(m.organisationId).push({ membershipId: m.id, joined: m.joined, ...(m.startKnown ? { startKnown: m.startKnown } : {}), ...(m.left ? { left: m.left } : {}) });
    }
    for (const c of doc.contacts) {
      this.contactsOf(c.organisationId).push({
        contactId: c.id,
        name: c.name,
        title: c.title,
        email: c.email,
        phone: c.phone,
        businessAreas: [...c.businessAreas],
        ...(c.endedAt ? { endedAt: c.endedAt } : {}),
      });
    }
    for (const b of doc.invoicing.billing) {
      const address = b.invoiceAddress;
      this.billing.set(b.organisationId, {
        existing: true,
        ...(address?.street ? { street: address.street } : {}),
        ...(address?.postalCode ? { postalCode: address.postalCode } : {}),
        ...(address?.city ? { city: address.city } : {}),
        ...(b.buyerReference ? { buyerReference: b.buyerReference } : {}),
        ...(b.peppolId ? { peppolId: b.peppolId } : {}),
        ...(b.invoiceEmail ? { invoiceEmail: b.invoiceEmail } : {}),
        ...(b.payerOrganisationId ? { payer: b.payerOrganisationId } : {}),
      });
    }
  }

  newRef(): OrgRef {
    return `ny-${this.nextNew++}`;
  }

  addOrg(org: WorkingOrg): void {
    this.orgs.set(org.ref, org);
    this.index(org);
  }

  private index(org: WorkingOrg): void {
    if (org.orgNumber && !this.byOrgNumber.has(org.orgNumber)) this.byOrgNumber.set(org.orgNumber, org.ref);
    if (org.municipalityCode && !this.byCode.has(org.municipalityCode)) this.byCode.set(org.municipalityCode, org.ref);
    const key = identityKey(org.name);
    if (!this.byName.has(key)) this.byName.set(key, org.ref);
  }

  patchOrg(ref: OrgRef, patch: OrganisationImportPatch): void {
    const org = this.orgs.get(ref);
    if (!org) return;
    Object.assign(org, patch);
    this.index(org);
  }

  findByOrgNumber = (n: string) => this.byOrgNumber.get(n);
  findByCode = (c: string) => this.byCode.get(c);
  findByName = (name: string) => this.byName.get(identityKey(name));

  periodsOf(ref: OrgRef): WorkingPeriod[] {
    let list = this.periods.get(ref);
    if (!list) this.periods.set(ref, (list = []));
    return list;
  }

  contactsOf(ref: OrgRef): WorkingContact[] {
    let list = this.contacts.get(ref);
    if (!list) this.contacts.set(ref, (list = []));
    return list;
  }
}

// ---------------------------------------------------------------- the planner

const sv = new Intl.NumberFormat('sv-SE');
const describePeriod = (joined: string, left?: string) => (left ? `${joined} – ${left}` : `från ${joined}`);

type Cell = { raw: string; column: number };

/** Plans rows one at a time (so a caller can yield between chunks) against a working copy of the register. */
export class ImportPlanner {
  private readonly register: WorkingRegister;
  private readonly matcher;
  private readonly closest;
  private readonly countyName: (code: string) => string;
  private readonly municipalityByCode: Map<string, { code: string; name: string; countyCode: string; population: number }>;
  private readonly decisions: ImportDecisions;
  private readonly firstRowByKey = new Map<string, number>();
  readonly rows: ImportRowPlan[] = [];
  readonly ops: ImportOp[] = [];

  constructor(
    private readonly doc: PlanningRegister,
    private readonly sheet: RawSheet,
    private readonly mapping: ImportMapping,
    decisions: ImportDecisions = {},
  ) {
    assertMappingValid(sheet, mapping);
    this.register = new WorkingRegister(doc);
    this.matcher = createMunicipalityMatcher(doc.reference.municipalities);
    this.closest = createClosestMunicipalities(doc.reference.municipalities);
    const counties = new Map(doc.reference.counties.map((c) => [c.code, c.name]));
    this.countyName = (code) => counties.get(code) ?? '';
    const populations = populationIndex(doc.reference);
    this.municipalityByCode = new Map(
      doc.reference.municipalities.map((m) => [m.code, { ...m, population: latestMunicipalityPopulation(populations, m.code)?.population ?? 0 }]),
    );
    this.decisions = decisions;
  }

  get rowCount(): number {
    return this.sheet.rows.length;
  }

  private columnLabel(column: number): string {
    const header = (this.sheet.header[column] ?? '').trim();
    return header ? `${columnLetter(column + 1)} – ${header}` : `Kolumn ${columnLetter(column + 1)}`;
  }

  private candidate(code: string): { code: string; name: string; countyName: string } {
    const m = this.municipalityByCode.get(code);
    return { code, name: m?.name ?? code, countyName: m ? this.countyName(m.countyCode) : '' };
  }

  /** Plans row `index` (0-based into the sheet's rows) and, if it is included, adds it to the working register. */
  planRow(index: number): ImportRowPlan {
    const cells = this.sheet.rows[index] ?? [];
    const rowNumber = this.sheet.rowNumbers[index] ?? index + 1;
    const decision = this.decisions[String(rowNumber)];
    const issues: ImportIssue[] = [];
    const changes: string[] = [];
    const ops: ImportOp[] = [];
    let conflict = false;
    let municipalityChoice: ImportRowPlan['municipalityChoice'];

    const get = (field: ImportFieldKey): Cell | undefined => {
      const column = this.mapping[field];
      if (column === undefined) return undefined;
      const raw = withoutFormulaGuard(cells[column] ?? '');
      return raw.trim() === '' ? undefined : { raw, column };
    };
    const issue = (severity: ImportIssue['severity'], message: string, field?: ImportFieldKey, cell?: Cell) => {
      const column = cell?.column ?? (field !== undefined ? this.mapping[field] : undefined);
      issues.push({
        severity,
        message,
        ...(field !== undefined ? { field } : {}),
        ...(column !== undefined ? { column, columnLabel: this.columnLabel(column) } : {}),
      });
    };
    const finish = (plan: Omit<ImportRowPlan, 'rowNumber' | 'issues' | 'changes' | 'excluded' | 'included'> & { included?: boolean; excluded?: boolean }) => {
      const row: ImportRowPlan = {
        rowNumber,
        included: plan.included ?? false,
        excluded: plan.excluded ?? false,
        ...plan,
        changes,
        issues,
        ...(decision ? { decision } : {}),
        ...(municipalityChoice ? { municipalityChoice } : {}),
      };
      this.rows.push(row);
      return row;
    };

    const values = Object.fromEntries(importFields.map((f) => [f.key, get(f.key)])) as Record<ImportFieldKey, Cell | undefined>;
    const written = values.organisation?.raw.trim() ?? values.municipalityCode?.raw.trim() ?? values.orgNumber?.raw.trim() ?? '';

    if (Object.values(values).every((v) => v === undefined)) {
      issue('info', 'Raden har inga uppgifter i de valda kolumnerna.');
      return finish({ outcome: 'skipped', organisation: '' });
    }
    if (values.organisation && isSummaryLabel(values.organisation.raw) && !values.municipalityCode && !values.orgNumber && !values.name && !values.email) {
      issue('info', 'En summarad, inte en organisation: den hoppas över.', 'organisation');
      return finish({ outcome: 'skipped', organisation: values.organisation.raw.trim() });
    }

    // ---------------------------------------------------------- read every mapped value
    const read = <T>(field: ImportFieldKey, reader: (text: string) => { ok: true; value: T } | { ok: false; message: string }): T | undefined => {
      const cell = values[field];
      if (!cell) return undefined;
      const result = reader(cell.raw);
      if (!result.ok) {
        issue('error', result.message, field, cell);
        return undefined;
      }
      return result.value;
    };
    const orgName = read('organisation', readName);
    const orgNumber = read('orgNumber', (t) => {
      const parsed = parseOrgNumber(t);
      return parsed.ok ? { ok: true as const, value: parsed.canonical } : { ok: false as const, message: parsed.message };
    });
    const kind = read('kind', readKind);
    const countyCode = read('county', (t) => readCounty(t, this.doc.reference.counties));
    const population = read('population', readPopulation);
    const joinRead = read('joined', readJoinDate);
    const joined = joinRead?.date;
    const joinedBefore = joinRead?.before === true;
    const left = read('left', readDate);
    const contactName = read('name', readName);
    const title = read('title', readName);
    const email = read('email', (t) => parseEmail(t));
    const phone = read('phone', (t) => parsePhone(t));
    const areas = read('businessArea', readBusinessAreas);
    const invoiceStreet = read('invoiceStreet', readName);
    const invoicePostalCode = read('invoicePostalCode', readPostalCode);
    const invoiceCity = read('invoiceCity', readName);
    const buyerReference = read('buyerReference', readName);
    const peppolId = read('peppolId', readPeppolId);
    const invoiceEmail = read('invoiceEmail', (t) => parseEmail(t));
    const payerName = read('payer', readName);
    const payerRef = payerName !== undefined ? this.register.findByName(payerName) : undefined;
    if (payerName !== undefined && payerRef === undefined) {
      issue('error', `Ingen organisation i registret heter ”${payerName.slice(0, 60)}”. Skriv betalarens namn som det står i registret, eller lämna cellen tom.`, 'payer');
    }
    if (joined && left && left < joined) issue('error', `Utträdet (${left}) ligger före inträdet (${joined}).`, 'left');

    if (!values.organisation && !values.municipalityCode && !values.orgNumber) {
      issue('error', 'Raden saknar organisation: fyll i organisationens namn, kommunkod eller organisationsnummer.', 'organisation');
    }

    // ---------------------------------------------------------- which municipality, if any
    let municipalityCode: string | undefined;
    let review: RowReview | undefined;
    const codeCell = values.municipalityCode;
    const nameCell = values.organisation;
    const mayBeMunicipality = kind === undefined || kind === 'kommun' || (kind === 'region' && codeCell !== undefined);
    if (mayBeMunicipality && (codeCell || nameCell) && !(nameCell && orgName === undefined && !codeCell)) {
      const byCode: MunicipalityMatch | undefined = codeCell ? this.matcher(codeCell.raw) : undefined;
      const byName: MunicipalityMatch | undefined = nameCell ? this.matcher(nameCell.raw) : undefined;
      const resolved = resolveMunicipality(byCode, byName);
      const chosen = decision?.municipalityCode;
      if (chosen !== undefined && this.municipalityByCode.has(chosen) && !(resolved.kind === 'exact' && resolved.code === chosen)) {
        municipalityCode = chosen;
        // A name that matched nothing keeps its closest municipalities on offer, so the choice can be changed.
        const offered =
          resolved.kind === 'review'
            ? resolved.candidates
            : resolved.kind === 'none' && nameCell && !codeCell
              ? this.closest(nameCell.raw).map((c) => c.code)
              : [];
        municipalityChoice = { candidates: [...new Set([...offered, chosen])].map((c) => this.candidate(c)), chosenCode: chosen };
        issue('info', `Kommunen bekräftad: ${this.candidate(chosen).name} (${chosen}).`, codeCell ? 'municipalityCode' : 'organisation');
      } else if (resolved.kind === 'exact') {
        municipalityCode = resolved.code;
      } else if (resolved.kind === 'review') {
        const candidates = resolved.candidates.map((c) => this.candidate(c));
        review = {
          kind: 'municipality',
          candidates,
          ...(resolved.suggested ? { suggestedCode: resolved.suggested } : {}),
          written: [codeCell?.raw.trim(), nameCell?.raw.trim()].filter(Boolean).join(' '),
        };
        municipalityChoice = { candidates };
        const names = candidates.map((c) => c.name).join(' eller ');
        const field = resolved.field;
        issue(
          'review',
          resolved.suggested
            ? `”${(field === 'municipalityCode' ? codeCell : nameCell)?.raw.trim()}” är inte exakt en kommun. Menas ${names}? Bekräfta kommunen.`
            : `”${review.written}” kan vara ${names}. Välj kommun.`,
          field,
        );
      } else if (resolved.kind === 'code-unknown') {
        issue('error', `Kommunkoden ${codeCell?.raw.trim()} finns inte bland Sveriges 290 kommuner.`, 'municipalityCode');
      } else if (kind === 'kommun') {
        issue('error', `Ingen kommun heter ”${nameCell?.raw.trim()}”. Skriv kommunens namn eller kommunkod.`, 'organisation');
      }
    }

    // ---------------------------------------------------------- which organisation in the register
    const reg = this.register;
    const municipality = municipalityCode ? this.municipalityByCode.get(municipalityCode) : undefined;
    const nameToUse = municipality?.name ?? orgName;
    const byNumber = orgNumber ? reg.findByOrgNumber(orgNumber) : undefined;
    const byCode = municipalityCode ? reg.findByCode(municipalityCode) : undefined;
    const byName = !municipality && nameToUse ? reg.findByName(nameToUse) : municipality && !byCode && nameToUse ? reg.findByName(nameToUse) : undefined;
    const nameOf = (ref: OrgRef | undefined) => (ref ? (reg.orgs.get(ref)?.name ?? '') : '');
    if (byNumber && byCode && byNumber !== byCode) {
      issue('error', `Organisationsnumret ${orgNumber} hör till ${nameOf(byNumber)} i registret, men kommunen på raden är ${nameOf(byCode)}.`, 'orgNumber');
    } else if (byNumber && municipalityCode && reg.orgs.get(byNumber)?.municipalityCode && reg.orgs.get(byNumber)?.municipalityCode !== municipalityCode) {
      issue('error', `Organisationsnumret ${orgNumber} hör till ${nameOf(byNumber)} i registret, inte till ${municipality?.name ?? 'kommunen på raden'}.`, 'orgNumber');
    } else if (byNumber && byName && byNumber !== byName && !municipality) {
      issue('error', `Organisationsnumret ${orgNumber} hör till ${nameOf(byNumber)} i registret, men namnet på raden är ${nameOf(byName)}.`, 'orgNumber');
    }
    const target = byNumber ?? byCode ?? byName;
    const targetOrg = target ? reg.orgs.get(target) : undefined;
    const display = targetOrg?.name ?? nameToUse ?? written;

    const hasErrors = () => issues.some((i) => i.severity === 'error');
    if (hasErrors()) return finish({ outcome: 'error', organisation: display, ...(targetOrg?.existingId ? { organisationId: targetOrg.existingId } : {}) });
    if (review) return finish({ outcome: 'review', organisation: display, review });

    // A name that is no municipality and no organisation is as likely a misspelt municipality as a new body:
    // the user looks at it, with the closest municipalities to pick from, unless the file states the kind.
    // Accepted as new (`accept: true`), the closest ones stay on offer so the choice can still be changed.
    const unknownName = !targetOrg && !municipality && kind === undefined && nameCell !== undefined && !codeCell;
    let unknownNameReview: Extract<RowReview, { kind: 'unknown-name' }> | undefined;
    if (unknownName) {
      const writtenName = nameCell.raw.trim();
      const candidates = this.closest(writtenName).map((c) => this.candidate(c.code));
      municipalityChoice = { candidates };
      if (decision?.accept !== true) unknownNameReview = { kind: 'unknown-name', candidates, written: writtenName };
    }

    // ---------------------------------------------------------- the organisation itself
    let ref: OrgRef;
    let isNew = false;
    if (!targetOrg) {
      if (!nameToUse && !municipality) {
        issue('error', 'Organisationen finns inte i registret, och raden saknar namn att lägga in den med.', 'organisation');
        return finish({ outcome: 'error', organisation: display });
      }
      const newKind: OrganisationKind = municipality ? (kind === 'region' ? 'region' : 'kommun') : (kind ?? 'annan');
      if (!municipality && kind === undefined && !unknownNameReview) issue('info', 'Namnet är inte en kommun: organisationen läggs in som annan organisation.', 'organisation');
      if (municipality) this.noteDerived(issue, municipality, countyCode, population);
      if (isGroupKind(newKind) && population !== undefined) {
        issue('info', 'En grupps folkmängd räknas fram ur dess kommuner; folkmängden i filen används inte.', 'population');
      }
      let prepared: PreparedOrganisation;
      try {
        prepared = prepareOrganisation(
          { reference: this.doc.reference, organisations: [] },
          {
            kind: newKind,
            ...(nameToUse ? { name: nameToUse } : {}),
            ...(municipality ? { municipalityCode: municipality.code } : {}),
            ...(countyCode && !municipality ? { countyCode } : {}),
            ...(orgNumber ? { orgNumber } : {}),
            ...(population !== undefined && !municipality && !isGroupKind(newKind) ? { population } : {}),
          },
        );
      } catch (error) {
        if (error instanceof AppError) {
          issue('error', error.message, 'organisation');
          return finish({ outcome: 'error', organisation: display });
        }
        throw error;
      }
      ref = reg.newRef();
      isNew = true;
      ops.push({ op: 'create-organisation', row: rowNumber, ref, fields: prepared });
      changes.push(`Ny organisation: ${prepared.name} (${organisationKindLabels[prepared.kind].toLocaleLowerCase('sv-SE')})${prepared.orgNumber ? `, organisationsnummer ${prepared.orgNumber}` : ''}.`);
    } else {
      ref = targetOrg.ref;
      if (targetOrg.archived) issue('info', 'Organisationen är arkiverad i registret.');
      if (kind !== undefined && kind !== targetOrg.kind) {
        issue('info', `Typen i filen (${organisationKindLabels[kind]}) skiljer sig från registret (${organisationKindLabels[targetOrg.kind]}); typen ändras inte.`, 'kind');
      }
      const patch: OrganisationImportPatch = {};
      const describe: string[] = [];
      const compare = <K extends keyof OrganisationImportPatch>(key: K, field: ImportFieldKey, value: OrganisationImportPatch[K] | undefined, label: string, show: (v: NonNullable<OrganisationImportPatch[K]>) => string) => {
        if (value === undefined) return;
        const current = targetOrg[key];
        if (current === value) return;
        if (current === undefined) {
          patch[key] = value;
          describe.push(`${label}: ${show(value as NonNullable<OrganisationImportPatch[K]>)} (saknades)`);
          return;
        }
        const text = `${label}: registret har ${show(current as NonNullable<OrganisationImportPatch[K]>)}, filen har ${show(value as NonNullable<OrganisationImportPatch[K]>)}.`;
        if (decision?.accept === true) {
          patch[key] = value;
          describe.push(`${label}: ${show(current as NonNullable<OrganisationImportPatch[K]>)} → ${show(value as NonNullable<OrganisationImportPatch[K]>)}`);
          issue('info', `${text} Godkänt: filens värde används.`, field);
        } else {
          conflict = true;
          issue('review', `${text} Godkänn raden för att ersätta registrets värde.`, field);
        }
      };
      compare('orgNumber', 'orgNumber', orgNumber, 'Organisationsnummer', (v) => v);
      if (targetOrg.municipalityCode) {
        const ref = this.municipalityByCode.get(targetOrg.municipalityCode);
        if (ref) this.noteDerived(issue, ref, countyCode, population);
      } else {
        compare('countyCode', 'county', countyCode, 'Län', (v) => this.countyName(v) || v);
        if (!isGroupKind(targetOrg.kind)) compare('population', 'population', population, 'Folkmängd', (v) => sv.format(v));
      }
      if (Object.keys(patch).length > 0 && targetOrg.existingId) {
        ops.push({ op: 'update-organisation', row: rowNumber, organisationId: targetOrg.existingId, patch, describe });
        changes.push(`${describe.join('; ')}.`);
      } else if (Object.keys(patch).length > 0) {
        issue('error', `Organisationen läggs in av rad ${targetOrg.createdByRow ?? '?'} med andra uppgifter. Rätta filen så att raderna stämmer överens.`, 'organisation');
      }
    }

    // ---------------------------------------------------------- membership period
    const periods = isNew ? [] : reg.periodsOf(ref);
    if (joined) {
      const same = periods.find((p) => p.joined === joined && (p.startKnown === 'before') === joinedBefore);
      if (same) {
        if (left !== undefined && same.left !== left) {
          if (!same.membershipId) {
            issue('error', `Medlemsperioden från ${joined} läggs in av rad ${same.row ?? '?'} med ett annat utträdesdatum.`, 'left');
          } else if (same.left === undefined) {
            ops.push({ op: 'end-membership', row: rowNumber, membershipId: same.membershipId, left });
            changes.push(`Medlemsperioden från ${joined} avslutas ${left}.`);
          } else if (decision?.accept === true) {
            ops.push({ op: 'end-membership', row: rowNumber, membershipId: same.membershipId, left });
            changes.push(`Utträdesdatum för perioden från ${joined}: ${same.left} → ${left}.`);
          } else {
            conflict = true;
            issue('review', `Registret har utträdet ${same.left} för perioden från ${joined}, filen har ${left}. Godkänn raden för att ersätta det.`, 'left');
          }
        }
      } else {
        const overlapping = periods.find((p) => membershipPeriodsOverlap(p, { joined, ...(joinedBefore ? { startKnown: 'before' as const } : {}), ...(left ? { left } : {}) }));
        if (overlapping) {
          issue(
            'info',
            `Medlem enligt registret ${overlapping.startKnown === 'before' ? describeMembership(overlapping) : describePeriod(overlapping.joined, overlapping.left)}; inträdesdatumet i filen (${joined}) ändrar inte registret.`,
            'joined',
          );
        } else {
          ops.push({ op: 'add-membership', row: rowNumber, ref, joined, ...(joinedBefore ? { startKnown: 'before' as const } : {}), ...(left ? { left } : {}) });
          changes.push(
            joinedBefore
              ? `Ny medlemsperiod ${describeMembership({ joined, startKnown: 'before', ...(left ? { left } : {}) })}.`
              : `${periods.some((p) => periodStart(p) < joined) ? 'Återinträde' : 'Ny medlemsperiod'} ${describePeriod(joined, left)}.`,
          );
        }
      }
    } else if (left) {
      const open = periods.find((p) => p.left === undefined && periodStart(p) <= left);
      if (open?.membershipId) {
        ops.push({ op: 'end-membership', row: rowNumber, membershipId: open.membershipId, left });
        changes.push(`Medlemsperioden ${open.startKnown === 'before' ? describeMembership(open) : `från ${open.joined}`} avslutas ${left}.`);
      } else if (!periods.some((p) => p.left === left)) {
        issue('error', `Organisationen har ingen pågående medlemsperiod som kan avslutas ${left}.`, 'left');
      }
    }

    // ---------------------------------------------------------- billing details
    const billingKey = this.planBilling(
      { street: invoiceStreet, postalCode: invoicePostalCode, city: invoiceCity, buyerReference, peppolId, invoiceEmail, payer: payerRef },
      { ref, isNew, rowNumber, decision, issue, changes, ops, onConflict: () => (conflict = true) },
    );

    // ---------------------------------------------------------- contact person
    let contactKey = '';
    const hasContact = contactName !== undefined || email !== undefined || phone !== undefined || title !== undefined || areas !== undefined;
    if (hasContact && !values.name) {
      issue('error', 'Kontaktpersonens namn saknas: fyll i namnet eller ta bort kolumnerna för kontaktpersoner ur kopplingen.', 'name');
    } else if (hasContact && contactName) {
      contactKey = email ? `e:${email.toLocaleLowerCase('sv-SE')}` : `n:${identityKey(contactName)}`;
      const list = isNew ? [] : reg.contactsOf(ref);
      const match =
        (email ? list.find((c) => c.email !== '' && c.email.toLocaleLowerCase('sv-SE') === email.toLocaleLowerCase('sv-SE')) : undefined) ??
        list.find((c) => c.endedAt === undefined && identityKey(c.name) === identityKey(contactName));
      if (!match) {
        const fields: ContactImportFields = { name: contactName, title: title ?? '', email: email ?? '', phone: phone ?? '', businessAreas: areas ?? [] };
        ops.push({ op: 'create-contact', row: rowNumber, ref, fields });
        changes.push(`Ny kontaktperson: ${contactName}${email ? ` (${email})` : ''}${phone ? `, ${formatPhone(phone)}` : ''}.`);
      } else {
        const patch: Partial<ContactImportFields> = {};
        const describe: string[] = [];
        if (match.name !== contactName) {
          patch.name = contactName;
          describe.push(`namn ${match.name} → ${contactName}`);
        }
        if (title !== undefined && match.title !== title) {
          patch.title = title;
          describe.push(`titel ${match.title || '–'} → ${title}`);
        }
        if (email !== undefined && match.email !== email) {
          patch.email = email;
          describe.push(`e-post ${match.email || '–'} → ${email}`);
        }
        if (phone !== undefined && match.phone !== phone) {
          patch.phone = phone;
          describe.push(`telefon ${match.phone ? formatPhone(match.phone) : '–'} → ${formatPhone(phone)}`);
        }
        const added = (areas ?? []).filter((a) => !match.businessAreas.includes(a));
        if (added.length > 0) {
          patch.businessAreas = [...match.businessAreas, ...added];
          describe.push(`verksamhetsområde + ${added.map((a) => businessAreaLabels[a]).join(', ')}`);
        }
        if (describe.length > 0) {
          if (!match.contactId) {
            issue('error', `Kontaktpersonen ${contactName} läggs in av rad ${match.row ?? '?'} med andra uppgifter. Rätta filen så att raderna stämmer överens.`, 'name');
          } else {
            ops.push({ op: 'update-contact', row: rowNumber, contactId: match.contactId, patch, describe });
            changes.push(`Kontaktperson ${match.name}: ${describe.join(', ')}.`);
          }
        }
        if (match.endedAt !== undefined) issue('info', `${match.name} har slutat som kontaktperson (${match.endedAt}) enligt registret.`, 'name');
      }
    }

    const existingId = targetOrg?.existingId;
    const base = { organisation: display, ...(existingId ? { organisationId: existingId } : {}) };
    if (hasErrors()) return finish({ outcome: 'error', ...base });
    if (conflict) return finish({ outcome: 'review', review: { kind: 'conflict' }, ...base });
    if (unknownNameReview) {
      // Nothing happens to the row until the user decides, so it lists no changes.
      changes.length = 0;
      const names = unknownNameReview.candidates.map((c) => c.name).join(', ');
      issue(
        'review',
        `”${unknownNameReview.written}” är varken en kommun eller en organisation i registret. Liknande kommuner: ${names}. Välj kommunen, eller välj «Lägg in som ny organisation».`,
        'organisation',
      );
      return finish({ outcome: 'review', review: unknownNameReview, ...base });
    }

    const key = `${ref}|${contactKey}|${joined ?? ''}|${left ?? ''}|${billingKey}`;
    const seenIn = this.firstRowByKey.get(key);
    if (seenIn === undefined) this.firstRowByKey.set(key, rowNumber);
    if (ops.length === 0) {
      if (seenIn !== undefined) {
        issue('review', `Raden upprepar rad ${seenIn} och hoppas över.`);
        return finish({ outcome: 'review', review: { kind: 'duplicate', ofRow: seenIn }, ...base });
      }
      return finish({ outcome: 'unchanged', ...base });
    }

    const outcome: ImportOutcome = isNew ? 'new' : 'update';
    const excluded = decision?.accept === false;
    if (!excluded) this.include(ops, ref, rowNumber);
    return finish({ outcome, included: !excluded, excluded, ...base });
  }

  /**
   * Compares a row's billing values with the organisation's billing details (in the register or from earlier
   * rows): a missing value is added, a differing one replaced only when the row is accepted (else the row is a
   * conflict to review). Returns a key of the values, so a repeated row is seen as one.
   */
  private planBilling(
    values: { street?: string; postalCode?: string; city?: string; buyerReference?: string; peppolId?: string; invoiceEmail?: string; payer?: OrgRef | undefined },
    row: {
      ref: OrgRef;
      isNew: boolean;
      rowNumber: number;
      decision: RowDecision | undefined;
      issue: (severity: ImportIssue['severity'], message: string, field?: ImportFieldKey) => void;
      changes: string[];
      ops: ImportOp[];
      onConflict: () => void;
    },
  ): string {
    const given = Object.entries(values).filter(([, v]) => v !== undefined);
    if (given.length === 0) return '';
    const current: WorkingBilling = (row.isNew ? undefined : this.register.billing.get(row.ref)) ?? { existing: false };
    const nameOf = (ref: OrgRef | undefined) => (ref ? (this.register.orgs.get(ref)?.name ?? ref) : '');
    const patch: BillingImportPatch = {};
    const address: NonNullable<BillingImportPatch['invoiceAddress']> = {};
    const describe: string[] = [];
    let payerRef: OrgRef | undefined;
    // The label at the start of a sentence, and inside one (where «Er referens» and Peppol keep their capitals).
    const fields = [
      ['street', 'invoiceStreet', 'Fakturaadress', 'fakturaadress'],
      ['postalCode', 'invoicePostalCode', 'Postnummer', 'postnummer'],
      ['city', 'invoiceCity', 'Postort', 'postort'],
      ['buyerReference', 'buyerReference', 'Er referens', '«Er referens»'],
      ['peppolId', 'peppolId', 'Peppol-id', 'Peppol-id'],
      ['invoiceEmail', 'invoiceEmail', 'E-post för fakturor', 'e-post för fakturor'],
      ['payer', 'payer', 'Betalas av', 'betalas av'],
    ] as const;
    for (const [key, field, label, inline] of fields) {
      let value = values[key];
      if (value === undefined) continue;
      // An organisation paying for itself is the default: no payer is stored.
      if (key === 'payer' && value === row.ref) {
        if (current.payer === undefined) continue;
        value = undefined;
      }
      const was = current[key];
      if (was === value) continue;
      const show = (v: string | undefined) => (key === 'payer' ? (v === undefined ? 'organisationen själv' : nameOf(v)) : (v ?? ''));
      if (was !== undefined && row.decision?.accept !== true) {
        row.onConflict();
        row.issue('review', `${label}: registret har ${show(was)}, filen har ${show(value)}. Godkänn raden för att ersätta registrets värde.`, field);
        continue;
      }
      describe.push(was === undefined ? `${inline} ${show(value)}` : `${inline} ${show(was)} → ${show(value)}`);
      if (key === 'street' || key === 'postalCode' || key === 'city') address[key] = value as string;
      else if (key === 'payer') payerRef = value ?? row.ref;
      else patch[key] = value as string;
    }
    if (Object.keys(address).length > 0) patch.invoiceAddress = address;
    if (describe.length > 0) {
      row.ops.push({ op: 'set-billing', row: row.rowNumber, ref: row.ref, patch, ...(payerRef !== undefined ? { payerRef } : {}), describe });
      row.changes.push(`Faktureringsuppgifter${current.existing ? '' : ' (nytt kundnummer tilldelas)'}: ${describe.join(', ')}.`);
    }
    return given.map(([k, v]) => `${k}=${String(v)}`).join(';');
  }

  /** A municipality's county and population come from the reference data; a differing figure is only noted. */
  private noteDerived(
    issue: (severity: ImportIssue['severity'], message: string, field?: ImportFieldKey) => void,
    municipality: { name: string; countyCode: string; population: number },
    countyCode: string | undefined,
    population: number | undefined,
  ) {
    if (countyCode !== undefined && countyCode !== municipality.countyCode) {
      issue('info', `${municipality.name} ligger i ${this.countyName(municipality.countyCode)}; länet i filen (${this.countyName(countyCode)}) används inte.`, 'county');
    }
    if (population !== undefined && population !== municipality.population) {
      issue('info', `Kommunens folkmängd hämtas från SCB (${sv.format(municipality.population)}); folkmängden i filen (${sv.format(population)}) används inte.`, 'population');
    }
  }

  /** Adds an included row's operations to the plan and to the working register, for the rows after it. */
  private include(ops: ImportOp[], ref: OrgRef, row: number) {
    const reg = this.register;
    for (const op of ops) {
      this.ops.push(op);
      switch (op.op) {
        case 'create-organisation':
          reg.addOrg({
            ref: op.ref,
            name: op.fields.name,
            kind: op.fields.kind,
            ...(op.fields.municipalityCode ? { municipalityCode: op.fields.municipalityCode } : {}),
            ...(op.fields.orgNumber ? { orgNumber: op.fields.orgNumber } : {}),
            ...(op.fields.countyCode ? { countyCode: op.fields.countyCode } : {}),
            ...(op.fields.population !== undefined ? { population: op.fields.population } : {}),
            archived: false,
            createdByRow: row,
          });
          break;
        case 'update-organisation':
          reg.patchOrg(ref, op.patch);
          break;
        case 'add-membership':
          reg.periodsOf(op.ref).push({ joined: op.joined, ...(op.startKnown ? { startKnown: op.startKnown } : {}), ...(op.left ? { left: op.left } : {}), row });
          break;
        case 'end-membership': {
          const period = reg.periodsOf(ref).find((p) => p.membershipId === op.membershipId);
          if (period) period.left = op.left;
          break;
        }
        case 'create-contact':
          reg.contactsOf(op.ref).push({ ...op.fields, row });
          break;
        case 'update-contact': {
          const contact = reg.contactsOf(ref).find((c) => c.contactId === op.contactId);
          if (contact) Object.assign(contact, op.patch);
          break;
        }
        case 'set-billing': {
          const billing = reg.billing.get(op.ref) ?? { existing: false, row };
          Object.assign(billing, op.patch.invoiceAddress ?? {}, {
            ...(op.patch.buyerReference !== undefined ? { buyerReference: op.patch.buyerReference } : {}),
            ...(op.patch.peppolId !== undefined ? { peppolId: op.patch.peppolId } : {}),
            ...(op.patch.invoiceEmail !== undefined ? { invoiceEmail: op.patch.invoiceEmail } : {}),
          });
          if (op.payerRef !== undefined) {
            if (op.payerRef === op.ref) delete billing.payer;
            else billing.payer = op.payerRef;
          }
          reg.billing.set(op.ref, billing);
          break;
        }
      }
    }
  }

  result(revision: number): ImportPlan {
    return { rows: this.rows, summary: summarise(this.rows), ops: this.ops, revision };
  }
}

type Resolved =
  | { kind: 'exact'; code: string }
  | { kind: 'review'; candidates: string[]; suggested?: string; field: ImportFieldKey }
  | { kind: 'code-unknown' }
  | { kind: 'none' };

/**
 * Code and name together: an exact code wins unless the name is exactly another municipality (then the user
 * chooses); a name alone is exact, a suggestion to confirm, a choice between candidates, or not a municipality.
 */
function resolveMunicipality(byCode: MunicipalityMatch | undefined, byName: MunicipalityMatch | undefined): Resolved {
  const codes = (m: MunicipalityMatch) => m.candidates.map((c) => c.code);
  if (byCode) {
    if (byCode.kind === 'exact' && byCode.code) {
      if (byName?.kind === 'exact' && byName.code && byName.code !== byCode.code) {
        return { kind: 'review', candidates: [byCode.code, byName.code], field: 'municipalityCode' };
      }
      if ((byName?.kind === 'suggestion' || byName?.kind === 'ambiguous') && !codes(byName).includes(byCode.code)) {
        return { kind: 'review', candidates: [byCode.code, ...codes(byName)], field: 'municipalityCode' };
      }
      return { kind: 'exact', code: byCode.code };
    }
    if (byCode.kind === 'suggestion' && byCode.code) {
      if (byName?.kind === 'exact' && byName.code === byCode.code) return { kind: 'exact', code: byCode.code };
      return { kind: 'review', candidates: [byCode.code], suggested: byCode.code, field: 'municipalityCode' };
    }
    if (!byName || byName.kind === 'none') return { kind: 'code-unknown' };
  }
  if (!byName) return { kind: 'none' };
  switch (byName.kind) {
    case 'exact':
      return byName.code ? { kind: 'exact', code: byName.code } : { kind: 'none' };
    case 'suggestion':
      return { kind: 'review', candidates: codes(byName), ...(byName.code ? { suggested: byName.code } : {}), field: 'organisation' };
    case 'ambiguous':
      return { kind: 'review', candidates: codes(byName), field: 'organisation' };
    default:
      return { kind: 'none' };
  }
}

export function summarise(rows: readonly ImportRowPlan[]): ImportSummary {
  const summary: ImportSummary = { new: 0, update: 0, unchanged: 0, review: 0, error: 0, skipped: 0, rows: rows.length, included: 0 };
  for (const row of rows) {
    summary[row.outcome] += 1;
    if (row.included) summary.included += 1;
  }
  return summary;
}

/** Refuses a mapping that names a column the sheet does not have, uses a column twice, or names no organisation. */
export function assertMappingValid(sheet: Pick<RawSheet, 'header'>, mapping: ImportMapping): void {
  const used = new Map<number, ImportFieldKey>();
  for (const [field, column] of Object.entries(mapping) as [ImportFieldKey, number | undefined][]) {
    if (column === undefined) continue;
    if (!Number.isInteger(column) || column < 0 || column >= sheet.header.length) {
      throw new AppError('validation', 'Kopplingen pekar på en kolumn som inte finns i bladet. Välj kolumnerna igen.', { field });
    }
    const other = used.get(column);
    if (other) {
      const label = (key: ImportFieldKey) => importFields.find((f) => f.key === key)?.label ?? key;
      throw new AppError('validation', `Kolumn ${columnLetter(column + 1)} är vald för både ${label(other)} och ${label(field)}. En kolumn kan bara fylla ett fält.`, {
        field,
      });
    }
    used.set(column, field);
  }
  if (!identityFields.some((f) => mapping[f] !== undefined)) {
    throw new AppError('validation', 'Välj minst en kolumn som anger organisationen: Organisation, Kommunkod eller Organisationsnummer.', {
      field: 'organisation',
    });
  }
}

/** Plans every row at once (tests, small files). */
export function planImportSync(doc: PlanningRegister, sheet: RawSheet, options: PlanOptions): ImportPlan {
  const planner = new ImportPlanner(doc, sheet, options.mapping, options.decisions);
  for (let i = 0; i < planner.rowCount; i++) planner.planRow(i);
  return planner.result(doc.meta.revision);
}

/** Rows planned between two yields to the event loop, so a large file never freezes the window for long. */
export const PLAN_CHUNK = 250;

/**
 * Plans every row, pausing between chunks: by default it yields to the event loop (where the core shares its
 * thread with other calls) and then stops with `AppError('cancelled')` if `isCancelled`; a `checkpoint` replaces
 * both (a worker, which is terminated to cancel, needs no pause). `onProgress` hears `(rows planned, rows)`:
 * 0 first, after every chunk, all last.
 */
export async function planImport(
  doc: PlanningRegister,
  sheet: RawSheet,
  options: PlanOptions & { isCancelled?: () => boolean; onProgress?: (done: number, total: number) => void; checkpoint?: () => Promise<void> },
): Promise<ImportPlan> {
  const planner = new ImportPlanner(doc, sheet, options.mapping, options.decisions);
  const checkpoint =
    options.checkpoint ??
    (async () => {
      await new Promise((resolve) => setTimeout(resolve, 0));
      if (options.isCancelled?.()) throw new AppError('cancelled', 'Importen avbröts. Inget har ändrats.');
    });
  options.onProgress?.(0, planner.rowCount);
  for (let i = 0; i < planner.rowCount; i++) {
    if (i > 0 && i % PLAN_CHUNK === 0) {
      options.onProgress?.(i, planner.rowCount);
      await checkpoint();
    }
    planner.planRow(i);
  }
  options.onProgress?.(planner.rowCount, planner.rowCount);
  return planner.result(doc.meta.revision);
}

// ---------------------------------------------------------------- apply

/** `Importerade … : 3 nya organisationer, 1 ändrad …`. */
export function describeImportResult(result: ImportResult): string {
  const parts: string[] = [];
  const n = (count: number, one: string, other: string) => countOf(count, { one, other });
  if (result.organisationsCreated) parts.push(n(result.organisationsCreated, 'ny organisation', 'nya organisationer'));
  if (result.organisationsUpdated) parts.push(n(result.organisationsUpdated, 'ändrad organisation', 'ändrade organisationer'));
  if (result.membershipsAdded) parts.push(n(result.membershipsAdded, 'ny medlemsperiod', 'nya medlemsperioder'));
  if (result.membershipsEnded) parts.push(n(result.membershipsEnded, 'avslutad medlemsperiod', 'avslutade medlemsperioder'));
  if (result.contactsCreated) parts.push(n(result.contactsCreated, 'ny kontaktperson', 'nya kontaktpersoner'));
  if (result.contactsUpdated) parts.push(n(result.contactsUpdated, 'ändrad kontaktperson', 'ändrade kontaktpersoner'));
  if (result.billingCreated) parts.push(n(result.billingCreated, 'ny kund med faktureringsuppgifter', 'nya kunder med faktureringsuppgifter'));
  if (result.billingUpdated) parts.push(n(result.billingUpdated, 'ändrade faktureringsuppgifter', 'ändrade faktureringsuppgifter'));
  return parts.length === 0 ? 'inga ändringar' : parts.join(', ');
}

/**
 * Lookups into the draft while a plan is applied, made once from the register before the change: organisations,
 * membership periods and contacts by id (by position in the draft's arrays, which applying only appends to), and
 * the organisations that could be a duplicate of a candidate (same organisation number, municipality code or
 * identity key of the name). Without it every operation searched the whole register through immer's proxies: an
 * import of 5 000 rows into a register ten times the association's size took half a minute. The answers are the
 * same: a duplicate is still decided by `assertNotDuplicate`, over the few organisations sharing a key, in the
 * register's order, with their values as they are now.
 */
function transactionIndex(tx: Transaction) {
  const base: SambrukDocument = tx.doc;
  const positions = <T extends { id: string }>(items: readonly T[]) => new Map(items.map((item, i) => [item.id, i]));
  const organisations = positions(base.organisations);
  const memberships = positions(base.memberships);
  const byKey = new Map<string, number[]>();
  const keysOf = (o: Pick<Organisation, 'name' | 'municipalityCode' | 'orgNumber'>): string[] => {
    const keys: string[] = [];
    if (o.orgNumber) {
      const parsed = parseOrgNumber(o.orgNumber);
      if (parsed.ok) keys.push(`n:${parsed.canonical}`);
    }
    if (o.municipalityCode) keys.push(`m:${o.municipalityCode}`);
    if (o.name && o.name.trim() !== '') keys.push(`i:${identityKey(o.name)}`);
    return keys;
  };
  const addKeys = (o: Pick<Organisation, 'name' | 'municipalityCode' | 'orgNumber'>, position: number) => {
    for (const key of keysOf(o)) {
      const list = byKey.get(key);
      if (!list) byKey.set(key, [position]);
      else if (!list.includes(position)) list.push(position);
    }
  };
  base.organisations.forEach((o, i) => addKeys(o, i));
  const periodsByOrg = new Map<string, number[]>();
  const addPeriod = (organisationId: string, position: number) => {
    const list = periodsByOrg.get(organisationId);
    if (list) list.push(position);
    else periodsByOrg.set(organisationId, [position]);
  };
  base.memberships.forEach((m, i) => addPeriod(m.organisationId, i));
  return {
    organisation: (id: string) => tx.organisations.get(id),
    period: (id: string) => tx.memberships.get(id),
    contact: (id: string) => tx.contacts.get(id),
    /** The organisations that share a key with `candidate`, in the register's order. */
    duplicateCandidates(candidate: Pick<Organisation, 'name' | 'municipalityCode' | 'orgNumber'>): Organisation[] {
      const found = new Set<number>();
      for (const key of keysOf(candidate)) for (const position of byKey.get(key) ?? []) found.add(position);
      const all = tx.organisations.all();
      return [...found].sort((a, b) => a - b).map((position) => all[position] as Organisation);
    },
    organisationAdded(org: Organisation) {
      const position = tx.organisations.all().length - 1;
      organisations.set(org.id, position);
      addKeys(org, position);
    },
    /** After a patch (organisation number, county, population): the new number is a key too. */
    organisationChanged(id: string, after: Organisation) {
      const position = organisations.get(id);
      if (position !== undefined) addKeys(after, position);
    },
    periodsOf: (organisationId: string) => {
      const all = tx.memberships.all();
      return (periodsByOrg.get(organisationId) ?? []).map((position) => all[position] as Membership);
    },
    periodAdded(period: Membership) {
      const position = tx.memberships.all().length - 1;
      memberships.set(period.id, position);
      addPeriod(period.organisationId, position);
    },
  };
}

/**
 * Writes a plan's operations through a transaction (inside one `repo.change`), each logged as imported. Every
 * record is parsed by the schema and checked against the register's rules (no duplicate organisation, no
 * overlapping periods) once more; a failure throws, and the repository then discards the whole change.
 */
export function applyImportPlan(
  tx: Transaction,
  plan: Pick<ImportPlan, 'ops' | 'rows'>,
  context: { ids: () => string; now: string; source: string },
): ImportResult {
  const idOfRef = new Map<OrgRef, string>();
  const result: ImportResult = {
    organisationsCreated: 0,
    organisationsUpdated: 0,
    membershipsAdded: 0,
    membershipsEnded: 0,
    contactsCreated: 0,
    contactsUpdated: 0,
    billingCreated: 0,
    billingUpdated: 0,
    rowsApplied: new Set(plan.ops.map((o) => o.row)).size,
  };
  const billingTouched = new Set<string>();
  const organisationIdOf = (ref: OrgRef) => idOfRef.get(ref) ?? ref;
  const index = transactionIndex(tx);
  const findOrg = index.organisation;
  const at = (row: number) => `${context.source}, rad ${row}`;
  const touchedOrgs = new Set<string>();

  for (const op of plan.ops) {
    switch (op.op) {
      case 'create-organisation': {
        const id = context.ids();
        const org = organisationSchema.parse({ ...op.fields, id, archived: false, createdAt: context.now });
        assertNotDuplicate(index.duplicateCandidates(org), org);
        tx.organisations.insert(org, { action: 'import', summary: `Importerad (${at(op.row)}): ny organisation ${org.name}` });
        index.organisationAdded(org);
        idOfRef.set(op.ref, id);
        result.organisationsCreated += 1;
        break;
      }
      case 'update-organisation': {
        const org = findOrg(op.organisationId);
        if (!org) throw new AppError('conflict', 'En organisation i importen finns inte längre i registret. Förhandsvisa importen igen.');
        const after = organisationSchema.parse({ ...org, ...op.patch });
        assertNotDuplicate(index.duplicateCandidates(after), after, after.id);
        tx.organisations.update(org.id, op.patch, { action: 'import', summary: `Importerad (${at(op.row)}): ${op.describe.join('; ')}` });
        index.organisationChanged(org.id, after);
        if (!touchedOrgs.has(org.id)) result.organisationsUpdated += 1;
        touchedOrgs.add(org.id);
        break;
      }
      case 'add-membership': {
        const organisationId = organisationIdOf(op.ref);
        const org = findOrg(organisationId);
        if (!org) throw new AppError('conflict', 'En organisation i importen finns inte längre i registret. Förhandsvisa importen igen.');
        const period: Membership = membershipSchema.parse({ id: context.ids(), organisationId, joined: op.joined, ...(op.startKnown ? { startKnown: op.startKnown } : {}), ...(op.left ? { left: op.left } : {}), note: '' });
        assertNoPeriodOverlap(index.periodsOf(organisationId), organisationId, period);
        tx.memberships.insert(period, { action: 'import', summary: `${org.name}: medlemsperiod ${period.startKnown === 'before' ? describeMembership(period) : describePeriod(period.joined, period.left)} importerad (${at(op.row)})` });
        index.periodAdded(period);
        result.membershipsAdded += 1;
        break;
      }
      case 'end-membership': {
        const period = index.period(op.membershipId);
        if (!period) throw new AppError('conflict', 'En medlemsperiod i importen finns inte längre i registret. Förhandsvisa importen igen.');
        if (op.left < period.joined) throw new AppError('validation', `Utträdet ${op.left} ligger före inträdet ${period.joined}.`);
        assertNoPeriodOverlap(index.periodsOf(period.organisationId), period.organisationId, { ...period, left: op.left }, period.id);
        tx.memberships.update(period.id, { left: op.left }, {
          action: 'import',
          summary: `${findOrg(period.organisationId)?.name ?? ''}: medlemsperioden ${period.startKnown === 'before' ? describeMembership(period) : `från ${period.joined}`} avslutad ${op.left} (${at(op.row)})`,
        });
        result.membershipsEnded += 1;
        break;
      }
      case 'create-contact': {
        const organisationId = organisationIdOf(op.ref);
        const org = findOrg(organisationId);
        if (!org) throw new AppError('conflict', 'En organisation i importen finns inte längre i registret. Förhandsvisa importen igen.');
        const contact: Contact = contactSchema.parse({ id: context.ids(), organisationId, ...op.fields, createdAt: context.now });
        tx.contacts.insert(contact, { action: 'import', summary: `Lade till kontaktpersonen ${contact.name} (${org.name}) från ${at(op.row)}` });
        result.contactsCreated += 1;
        break;
      }
      case 'update-contact': {
        const contact = index.contact(op.contactId);
        if (!contact) throw new AppError('conflict', 'En kontaktperson i importen finns inte längre i registret. Förhandsvisa importen igen.');
        const after = contactSchema.parse({ ...contact, ...op.patch });
        tx.contacts.update(contact.id, op.patch, { action: 'import', summary: `Ändrade kontaktpersonen ${after.name} (${at(op.row)}): ${op.describe.join(', ')}` });
        result.contactsUpdated += 1;
        break;
      }
      case 'set-billing': {
        const organisationId = organisationIdOf(op.ref);
        const org = findOrg(organisationId);
        if (!org) throw new AppError('conflict', 'En organisation i importen finns inte längre i registret. Förhandsvisa importen igen.');
        const payerId = op.payerRef !== undefined ? organisationIdOf(op.payerRef) : undefined;
        if (payerId !== undefined && !findOrg(payerId)) throw new AppError('conflict', 'Betalaren i importen finns inte längre i registret. Förhandsvisa importen igen.');
        const existing = tx.billing.all().find((b) => b.organisationId === organisationId);
        const summary = `Importerad (${at(op.row)}): faktureringsuppgifter för ${org.name}: ${op.describe.join(', ')}`;
        const address = op.patch.invoiceAddress ? { ...postalAddressSchema.parse({}), ...existing?.invoiceAddress, ...op.patch.invoiceAddress } : existing?.invoiceAddress;
        const payer = payerId === undefined ? {} : payerId === organisationId ? { payerOrganisationId: undefined } : { payerOrganisationId: payerId };
        if (existing) {
          const after = billingDetailsSchema.parse({ ...existing, ...op.patch, ...(address ? { invoiceAddress: address } : {}), ...payer });
          tx.billing.update(existing.id, () => after, { action: 'import', summary });
          if (!billingTouched.has(existing.id)) result.billingUpdated += 1;
          billingTouched.add(existing.id);
        } else {
          const customerNumber = takeCustomerNumber(tx, { action: 'import', summary: `${at(op.row)}: kundnummer till ${org.name}` });
          const record = billingDetailsSchema.parse({ id: context.ids(), organisationId, customerNumber, ...op.patch, ...(address ? { invoiceAddress: address } : {}), ...payer });
          tx.billing.insert(record, { action: 'import', summary: `${summary} (kundnummer ${customerNumber})` });
          billingTouched.add(record.id);
          result.billingCreated += 1;
        }
        break;
      }
    }
  }
  return result;
}
