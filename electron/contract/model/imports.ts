/**
 * What the import channels answer (each row's outcome, issues and review, the summary, the result), owned by
 * the contract; the core reads and plans the file (`core/imports/`).
 */

export const importFieldKeys = [
  'organisation',
  'municipalityCode',
  'orgNumber',
  'kind',
  'county',
  'population',
  'joined',
  'left',
  'name',
  'title',
  'email',
  'phone',
  'businessArea',
  // Billing details (issue 17): the invoice address, «Er referens», the e-invoice address, the invoice e-mail and
  // who pays. The customer number is never imported: the app hands it out.
  'invoiceStreet',
  'invoicePostalCode',
  'invoiceCity',
  'buyerReference',
  'peppolId',
  'invoiceEmail',
  'payer',
] as const;

export type ImportFieldKey = (typeof importFieldKeys)[number];

export type ImportMapping = Partial<Record<ImportFieldKey, number>>;

/**
 * What the user decided for one row (keyed by the row's number in the file):
 * `municipalityCode` confirms or picks the municipality of a row under review;
 * `accept: true` accepts a row's disagreement with the register (the file's value replaces it), or a name that
 * matches nothing as a new organisation;
 * `accept: false` leaves a new or changed row out of the import.
 */
export type RowDecision = { municipalityCode?: string; accept?: boolean };

export type ImportOutcome = 'new' | 'update' | 'unchanged' | 'review' | 'error' | 'skipped';

export type ImportIssue = {
  severity: 'error' | 'review' | 'info';
  message: string;
  field?: ImportFieldKey;
  /** 0-based column index in the sheet, and the column as the user sees it (`C – E-post`). */
  column?: number;
  columnLabel?: string;
};

export type MunicipalityCandidate = { code: string; name: string; countyName: string };

export type RowReview =
  | { kind: 'municipality'; candidates: MunicipalityCandidate[]; suggestedCode?: string; written: string }
  /** A name that matches no municipality and no organisation: pick one of the closest municipalities, or accept it as new. */
  | { kind: 'unknown-name'; candidates: MunicipalityCandidate[]; written: string }
  | { kind: 'conflict' }
  | { kind: 'duplicate'; ofRow: number };

export type ImportRowPlan = {
  /** The row's number as Excel (or a text editor, for CSV) shows it. */
  rowNumber: number;
  outcome: ImportOutcome;
  /** Whether applying the import writes this row. */
  included: boolean;
  /** The user chose to leave this new or changed row out. */
  excluded: boolean;
  /** The organisation as the register names it (or will), else as the file writes it. */
  organisation: string;
  /** The organisation in the register the row concerns, if it exists there already. */
  organisationId?: string;
  /** What applying the row does, in Swedish, one sentence each. */
  changes: string[];
  issues: ImportIssue[];
  review?: RowReview;
  /** The decision the row was planned with, echoed so the UI can show it. */
  decision?: RowDecision;
  /**
   * When the municipality was not written exactly: the candidates to choose from, and the one chosen (the row
   * is then planned with it). Stays after the choice, so the choice can be changed.
   */
  municipalityChoice?: { candidates: MunicipalityCandidate[]; chosenCode?: string };
};

export type ImportSummary = Record<ImportOutcome, number> & { rows: number; included: number };

export type ImportResult = {
  organisationsCreated: number;
  organisationsUpdated: number;
  membershipsAdded: number;
  membershipsEnded: number;
  contactsCreated: number;
  contactsUpdated: number;
  /** Organisations given billing details (each with a new customer number), and those whose details changed. */
  billingCreated: number;
  billingUpdated: number;
  rowsApplied: number;
};

export type MappingProposal = {
  mapping: ImportMapping;
  /** `remembered`: the choices made the last time a sheet with these headers was imported. */
  source: 'remembered' | 'suggested';
  /** Per mapped field, whether the header matched exactly or only contained a known word. */
  confidence: Partial<Record<ImportFieldKey, 'exact' | 'partial' | 'remembered'>>;
};

/** A plan as the preview shows it: every row and the summary, against the register's revision. */
export type ImportPlanView = {
  rows: ImportRowPlan[];
  summary: ImportSummary;
  /** The document revision the plan was made against. */
  revision: number;
};
