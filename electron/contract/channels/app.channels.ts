import { z } from 'zod';
import { channel } from '../define';
import type { MunicipalityRef, CountyRef } from '../model/records';
import type { PlanFigureComparison } from '../model/goals';
import type { AssumptionsReport } from '../model/assumptions';
import { isoDate } from '../model/records';

const empty = z.strictObject({});

/** What happened when the document was opened; shown once to the user. */
export type LoadReport = {
  outcome: 'opened' | 'created-default' | 'restored-backup' | 'recovered-empty';
  /** Swedish sentences describing what was done (quarantined file, restored backup). */
  messages: string[];
  quarantinedFile?: string;
  restoredFrom?: string;
  /** Why the register is open read-only when the user did not ask for it (a newer version wrote it). */
  readOnlyReason?: string;
};

/**
 * Why the register is open read-only: another copy holds it (`locked`), the file itself is write-protected
 * (`file-read-only`, the one the user may change from the app), a newer version of the app wrote it
 * (`newer-version`), or nothing can be written where it lives; on the shared register, the server cannot be reached
 * (`server-offline`) or the person's database role may only read (`server-read-only-role`).
 */
export const readOnlyReasons = [
  'locked',
  'newer-version',
  'file-read-only',
  'folder-read-only',
  'file-system-read-only',
  'disk-full',
  'lock-no-access',
  'server-offline',
  'server-read-only-role',
] as const;
export type ReadOnlyReason = (typeof readOnlyReasons)[number];

/**
 * What a shared register's database role may change, by area: the register's records (the secretariat's role)
 * and invoicing (the accountant's role; billing details excepted, which both write).
 */
export const writeAreas = ['register', 'invoicing'] as const;
export type WriteArea = (typeof writeAreas)[number];

/** On the shared register: the person's database role and the areas it may read but not change. */
export type RoleAccess = { name: string; readOnlyAreas: WriteArea[] };

export type AppInfo = {
  name: string;
  version: string;
  mode: 'desktop' | 'web';
  dataFile: string;
  backupDir: string;
  readOnly: boolean;
  /** Set while `readOnly` is, when the reason is known (the desktop app). */
  readOnlyReason?: ReadOnlyReason;
  /** Set on a writable shared register whose role may not change some areas, so screens say so before a click. */
  role?: RoleAccess;
  loadReport: LoadReport;
};

export type StoreStatus = {
  state: 'saved' | 'saving' | 'failed';
  revision: number;
  lastSavedAt?: string;
  message?: string;
};

export type BackupInfo = { name: string; createdAt: string; sizeBytes: number; kind: 'rolling' | 'daily' };

/** `undoRefusal`: the last change is final (an invoice issued) and cannot be undone; why, in Swedish. */
export type HistoryState = { canUndo: boolean; canRedo: boolean; undoSummary?: string; redoSummary?: string; undoRefusal?: string };

/**
 * One thing on Översikt that needs the secretariat's attention, with the ids of the place where it is dealt with.
 * A new kind (unpaid and overdue invoices, once invoicing exists) is one more member here, one more source in
 * `core/domain/overview.ts` and one more entry in the screen's table of kinds.
 */
export type AttentionItem =
  | { kind: 'membership-ending'; organisationId: string; organisationName: string; noticeGiven?: string; left?: string }
  | { kind: 'contact-unconfirmed'; contactId: string; contactName: string; organisationId: string; organisationName: string; since: string; confirmed: boolean }
  | { kind: 'meeting-no-attendance'; networkId: string; networkName: string; meetingId: string; meetingTitle: string; date: string }
  | { kind: 'goal-behind'; goalId: string; title: string; year: number; status: 'at-risk' | 'missed' }
  | { kind: 'invoice-overdue'; invoiceId: string; number: string; customerName: string; dueDate: string; remainingOre: number; overdueDays: number }
  | { kind: 'invoice-unpaid'; invoiceId: string; number: string; customerName: string; dueDate: string; remainingOre: number };
export type AttentionKind = AttentionItem['kind'];
/** The first few items of one kind (most urgent first) and how many there are in all. */
export type AttentionGroup = { kind: AttentionKind; total: number; items: AttentionItem[] };

export type OverviewFigures = {
  date: string;
  memberCount: number;
  organisationCount: number;
  serviceCount: number;
  usageCount: number;
  networkCounts: { kind: string; count: number }[];
  contactCount: number;
  budget: { year: number; kind: string; resultOre: number; incomeOre: number; costOre: number }[];
  memberPopulation: number;
  swedenPopulation?: { date: string; population: number };
  /** What needs doing, one group per kind that has something; empty when all is in order. */
  attention: AttentionGroup[];
  /** Figures the plan states beside the register's (core: plan-figures.ts). */
  planFigures: PlanFigureComparison[];
};

/** A municipality with its county and its newest known population (absent when the register has none). */
export type MunicipalityOption = MunicipalityRef & { countyName: string; population?: number; populationDate?: string };

export const appChannels = {
  /** Name, version, which file is open and what happened when it was opened. */
  'app/get-info': channel<AppInfo>()(empty),
  /** Whether everything is saved. */
  'store/get-status': channel<StoreStatus>()(empty),
  /** The figures of the Översikt screen at a date (today by default). */
  'overview/get': channel<OverviewFigures>()(z.strictObject({ date: isoDate.optional() })),
  /** The register's assumptions and data sources («Om uppgifterna»), worked out at a date (today by default). */
  'assumptions/list': channel<AssumptionsReport>()(z.strictObject({ date: isoDate.optional() })),
  'reference/list-municipalities': channel<MunicipalityOption[]>()(empty),
  'reference/list-counties': channel<CountyRef[]>()(empty),
  'data/list-backups': channel<BackupInfo[]>()(empty),
  /** Replaces the open document with a backup; the current document is kept as a backup first. */
  'data/restore-backup': channel<{ restoredFrom: string }>()(
    z.strictObject({ name: z.string().min(1).max(200).regex(/^[\w.-]+$/) }),
  ),
  /** A write-protected register file (`readOnlyReason: 'file-read-only'`) made owner-writable and reopened for changes. */
  'data/make-writable': channel<AppInfo>()(empty),
  /** The shared register's server the app opens at start ('' = the file); the desktop app remembers it. */
  'data/get-server': channel<{ server: string }>()(empty),
  /** Remembers the server to open at the next start ('' = the file again); never with a password. */
  'data/set-server': channel<{ server: string }>()(z.strictObject({ server: z.string().max(500) })),
  'history/get-state': channel<HistoryState>()(empty),
  'history/undo': channel<HistoryState>()(empty),
  'history/redo': channel<HistoryState>()(empty),
};
