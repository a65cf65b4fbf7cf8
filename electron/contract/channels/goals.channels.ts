import { z } from 'zod';
import { channel } from '../define';
import { REGISTER_YEARS, REGISTER_YEARS_TEXT } from '../rules/calendar-date';
import type { Goal } from '../model/records';
import { goalMetrics, id, isoDate, meetingKinds, isSafeName, isSafeText, unsafeNameMessage, unsafeTextMessage } from '../model/records';
import type { ExportedFile } from '../model/files';
import type { BoardPackContent } from '../model/goals';

const title = z
  .string({ error: 'Skriv en rubrik.' })
  .trim()
  .min(1, 'Skriv en rubrik.')
  .max(200, 'Rubriken får vara högst 200 tecken.')
  .refine(isSafeName, { message: unsafeNameMessage });
const description = z
  .string()
  .trim()
  .max(2000, 'Beskrivningen får vara högst 2 000 tecken.')
  .refine(isSafeText, { message: unsafeTextMessage });
const metric = z.enum(goalMetrics, { error: 'Välj ett av måtten i listan.' });
const comparison = z.enum(['at-least', 'at-most', 'more-than', 'between'], { error: 'Välj en jämförelse.' });
/** The meeting kinds a conference goal counts; at least one. */
const eventKinds = z.array(z.enum(meetingKinds)).min(1, 'Välj minst ett slag av evenemang som målet räknar.').max(meetingKinds.length);
const figure = z.number({ error: 'Skriv ett tal.' }).finite('Skriv ett tal.');
const goalYear = z
  .number({ error: 'Skriv året med fyra siffror.' })
  .int('Skriv året med fyra siffror.')
  .min(REGISTER_YEARS.first, `Året ska ligga ${REGISTER_YEARS_TEXT}.`)
  .max(REGISTER_YEARS.last, `Året ska ligga ${REGISTER_YEARS_TEXT}.`);
const packTitle = z
  .string()
  .trim()
  .min(1, 'Skriv en rubrik.')
  .max(200, 'Rubriken får vara högst 200 tecken.')
  .refine(isSafeName, { message: unsafeNameMessage });
const fileName = z
  .string()
  .trim()
  .min(1)
  .max(200)
  .regex(/^[^\\/:*?"<>|]+$/u, 'Filnamnet innehåller tecken som inte är tillåtna.')
  .refine(isSafeName, { message: unsafeNameMessage });

/** A saved pack as listed: without its (large) content. */
export type BoardPackSummary = { id: string; date: string; createdAt: string; title: string };
/** A saved pack with its content, checked to be drawable (an unreadable one answers with an error instead). */
export type BoardPackSnapshot = BoardPackSummary & { content: BoardPackContent };

export type PrintPdfResult = { saved: true; path: string } | { saved: false };

export const goalsChannels = {
  /** Goals, by year then order; of one year when `year` is given. */
  'goals/list': channel<Goal[]>()(z.strictObject({ year: goalYear.optional() })),
  /**
   * Adds a goal. `target` (and `targetMax` for `between`) is a count, or a fraction 0–1 for the share metric
   * (three quarters is 0.75); checked against the metric in the core.
   */
  'goals/create': channel<Goal>()(
    z.strictObject({
      year: goalYear,
      title,
      description: description.default(''),
      metric,
      comparison,
      target: figure,
      targetMax: figure.optional(),
      /** For `conferences-held`: the kinds counted (conferences only when absent). */
      eventKinds: eventKinds.optional(),
    }),
  ),
  /** Changes the given fields; `targetMax: null` clears it. */
  'goals/update': channel<Goal>()(
    z.strictObject({
      goalId: id,
      year: goalYear.optional(),
      title: title.optional(),
      description: description.optional(),
      metric: metric.optional(),
      comparison: comparison.optional(),
      target: figure.optional(),
      targetMax: figure.nullable().optional(),
      eventKinds: eventKinds.optional(),
    }),
  ),
  'goals/delete': channel<{ deleted: string }>()(z.strictObject({ goalId: id })),

  /**
   * The board pack computed now for a meeting date (today by default): the goals of the date's year and
   * later (and the year before with `includePreviousYear`) and the figures beside them.
   */
  'packs/compute': channel<BoardPackContent>()(
    z.strictObject({ date: isoDate.optional(), includePreviousYear: z.boolean().default(false) }),
  ),
  /** Computes the pack for `date` and saves it as a dated snapshot in the document (one undoable change). */
  'packs/save': channel<BoardPackSummary>()(
    z.strictObject({ date: isoDate, title: packTitle.optional(), includePreviousYear: z.boolean().default(false) }),
  ),
  /** Saved packs, newest meeting date first. */
  'packs/list': channel<BoardPackSummary[]>()(z.strictObject({})),
  /** A saved pack with the content it was saved with. */
  'packs/get': channel<BoardPackSnapshot>()(z.strictObject({ packId: id })),
  'packs/delete': channel<{ deleted: string }>()(z.strictObject({ packId: id })),
  /** The pack as an Excel workbook (`Styrelserapport <datum>.xlsx`): a saved one (`packId`) or one computed now for `date`. */
  'packs/workbook': channel<ExportedFile>()(
    z.union(
      [
        z.strictObject({ packId: id }),
        z.strictObject({ date: isoDate, includePreviousYear: z.boolean().default(false) }),
      ],
      { error: 'Ange ett sparat styrelsepaket eller ett datum.' },
    ),
  ),
  /**
   * Desktop only: prints the window's current page (the print layout) to an A4 PDF with Chromium's
   * `printToPDF` and saves it where the user chooses. Main implements it; elsewhere it answers `forbidden`
   * (the browser prints with its own dialog).
   */
  'packs/print-pdf': channel<PrintPdfResult>()(z.strictObject({ fileName })),
};

export type * from '../model/goals';
