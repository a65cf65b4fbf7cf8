/**
 * The whole register as one JSON document: the records (the contract's `model/records.ts`, re-exported
 * here for the core) plus the reference data, board packs, change log and settings around them.
 *
 * Bump SCHEMA_VERSION only together with a migration in `migrations.ts`.
 */
import { z } from 'zod';
import {
  budgetSchema,
  changeLogEntrySchema,
  contactSchema,
  countyRefSchema,
  feeTableSchema,
  goalSchema,
  id,
  isoDate,
  MAX_NAME,
  membershipSchema,
  municipalityRefSchema,
  networkSchema,
  populationFigureSchema,
  organisationSchema,
  selectionSchema,
  planFigureSchema,
  serviceSchema,
  storedName as name,
  timestamp,
  usageSchema,
} from '../../contract/model/records';

import { invoicingSchema } from '../../contract/model/invoicing';

export * from '../../contract/model/records';
export * from '../../contract/model/invoicing';

export const SCHEMA_VERSION = 3 as const;

export const populationRefSchema = z.strictObject({
  date: isoDate,
  population: z.number().int().positive(),
  /** The imported file's name or table title, when the total came from an import. */
  sourceNote: z.string().max(MAX_NAME).optional(),
});

export const referenceSchema = z.strictObject({
  municipalities: z.array(municipalityRefSchema),
  counties: z.array(countyRefSchema),
  /** Sweden's population at dates (SCB), for "share of Sweden's population". */
  swedenPopulation: z.array(populationRefSchema),
  /** Each municipality's population per reference date (one figure per code and date). */
  populations: z.array(populationFigureSchema).default([]),
});
export type Reference = z.infer<typeof referenceSchema>;

export const boardPackSnapshotSchema = z.strictObject({
  id,
  /** The meeting date the pack was made for. */
  date: isoDate,
  createdAt: timestamp,
  title: name,
  /** The computed figures as they were; opened again unchanged after the register has moved on. */
  content: z.unknown(),
});

// ---------------------------------------------------------------- the document
export const documentSchema = z.strictObject({
  schemaVersion: z.literal(SCHEMA_VERSION),
  meta: z.strictObject({
    associationName: name,
    createdAt: timestamp,
    updatedAt: timestamp,
    /** Increases by one with every saved change; lets a second process notice it is behind. */
    revision: z.number().int().nonnegative(),
    source: z.string().max(MAX_NAME).default(''),
  }),
  reference: referenceSchema,
  organisations: z.array(organisationSchema).default([]),
  memberships: z.array(membershipSchema).default([]),
  contacts: z.array(contactSchema).default([]),
  services: z.array(serviceSchema).default([]),
  usages: z.array(usageSchema).default([]),
  networks: z.array(networkSchema).default([]),
  budget: budgetSchema.default({ lines: [], columns: [] }),
  feeTables: z.array(feeTableSchema).default([]),
  goals: z.array(goalSchema).default([]),
  /** Figures a source states beside the register's own counts (see planFigureSchema). */
  planFigures: z.array(planFigureSchema).default([]),
  boardPacks: z.array(boardPackSnapshotSchema).default([]),
  /** Named selections of organisations or contacts (issue 18): criteria, worked out again each time. */
  selections: z.array(selectionSchema).default([]),
  /** The association's billing (issue 17): its own details, customers' billing details, articles, runs, invoices, payments. */
  invoicing: invoicingSchema.default({ settings: [], billing: [], articles: [], runs: [], invoices: [], payments: [] }),
  changeLog: z.array(changeLogEntrySchema).default([]),
  /** UI preferences that should follow the document (remembered column choices, import mappings). */
  settings: z.record(z.string(), z.unknown()).default({}),
});
export type SambrukDocument = z.infer<typeof documentSchema>;
