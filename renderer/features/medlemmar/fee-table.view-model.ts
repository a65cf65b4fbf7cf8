/**
 * The fee table editor: a stored table <-> text fields in kronor, and the core's refusals -> the field.
 * Amounts are read with the core's amount rule (`1 234`, `1234`, `1 234,50`); the core checks the table.
 */
import type { ChannelInput, FeeTableAnswer } from '../../../electron/contract';
import type { FeeTable } from '../../../electron/core/store/schema';
import { parseAmount } from '../../../electron/core/domain/amounts';
import { formatKr, formatNumber } from '../../lib/format';
import { sv } from '../../lib/i18n/sv';

const t = sv.medlemmar.feeTable;

export type BandDraft = { minPopulation: string; entryFee: string; yearlyFee: string };
export type FeeTableDraft = {
  year: number;
  bands: BandDraft[];
  otherEntry: string;
  otherYearly: string;
  rejoinPercent: string;
  /** Which 31 December decides the fee year: the fee year plus this (−1, the year before, by default). */
  populationYearOffset: number;
  note: string;
};

/** The choices of population date the editor offers, as offsets from the fee year. */
export const POPULATION_OFFSETS = [-1, 0, -2] as const;

/** «31 december året före avgiftsåret», … */
export function populationOffsetLabel(offset: number): string {
  return t.populationOffset(offset);
}

/** Kronor for a text field: grouped digits, decimals only when there are öre. */
function kronorText(ore: number): string {
  return formatNumber(ore / 100, ore % 100 === 0 ? 0 : 2);
}

/** A draft for `year`, starting from the table in force (a copy when that table is from an earlier year). */
export function draftFromTable(table: FeeTable | null, year: number): FeeTableDraft {
  if (!table) {
    return { year, bands: [{ minPopulation: '0', entryFee: '', yearlyFee: '' }], otherEntry: '', otherYearly: '', rejoinPercent: '50', populationYearOffset: -1, note: '' };
  }
  return {
    year,
    bands: [...table.bands]
      .sort((a, b) => a.minPopulation - b.minPopulation)
      .map((b) => ({ minPopulation: formatNumber(b.minPopulation), entryFee: kronorText(b.entryFeeOre), yearlyFee: kronorText(b.yearlyFeeOre) })),
    otherEntry: kronorText(table.otherOrganisations.entryFeeOre),
    otherYearly: kronorText(table.otherOrganisations.yearlyFeeOre),
    rejoinPercent: String(table.rejoinEntryFeePercent),
    populationYearOffset: table.populationYearOffset,
    note: table.note,
  };
}

/** Field keys as the core's paths name them: `bands.1.minPopulation`, `otherOrganisations.entryFeeOre`, … */
export type DraftErrors = Record<string, string>;

function readCount(text: string): number | undefined {
  const compact = text.replace(/[\s\u00a0\u202f]/gu, '');
  return /^\d{1,8}$/.test(compact) ? Number(compact) : undefined;
}

/** The draft as the `fees/save-table` input, or the fields that cannot be read as numbers. */
export function tableInput(draft: FeeTableDraft): { ok: true; input: ChannelInput<'fees/save-table'> } | { ok: false; errors: DraftErrors } {
  const errors: DraftErrors = {};
  const amount = (text: string, key: string): number => {
    const parsed = parseAmount(text);
    if (!parsed.ok) {
      errors[key] = parsed.message;
      return 0;
    }
    return parsed.ore;
  };
  const bands = draft.bands.map((band, i) => {
    const minPopulation = readCount(band.minPopulation);
    if (minPopulation === undefined) errors[`bands.${i}.minPopulation`] = t.populationInvalid;
    return {
      minPopulation: minPopulation ?? 0,
      entryFeeOre: amount(band.entryFee, `bands.${i}.entryFeeOre`),
      yearlyFeeOre: amount(band.yearlyFee, `bands.${i}.yearlyFeeOre`),
    };
  });
  const otherOrganisations = {
    entryFeeOre: amount(draft.otherEntry, 'otherOrganisations.entryFeeOre'),
    yearlyFeeOre: amount(draft.otherYearly, 'otherOrganisations.yearlyFeeOre'),
  };
  const percent = readCount(draft.rejoinPercent);
  if (percent === undefined || percent > 100) errors.rejoinEntryFeePercent = t.percentInvalid;
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return {
    ok: true,
    input: {
      table: { year: draft.year, bands, otherOrganisations, rejoinEntryFeePercent: percent ?? 50, populationYearOffset: draft.populationYearOffset, note: draft.note },
    },
  };
}

/** The core names a refused field `table.bands.1.minPopulation`; the draft's keys drop `table.`. */
export function draftErrorKey(field: string): string {
  return field.replace(/^table\./, '');
}

/** Population ranges of the draft's bands, for the first column (`under 7 000`, `7 000–14 999`, …). */
export function bandRangeLabels(draft: FeeTableDraft): string[] {
  const mins = draft.bands.map((b) => readCount(b.minPopulation));
  return mins.map((min, i) => {
    const next = mins[i + 1];
    if (min === undefined) return sv.medlemmar.common.none;
    if (i === mins.length - 1 || next === undefined) return `${formatNumber(min)}–`;
    if (min === 0) return `0–${formatNumber(next - 1)}`;
    return `${formatNumber(min)}–${formatNumber(next - 1)}`;
  });
}

export type FeeTableViewVm = {
  inForce: string;
  rows: { range: string; entry: string; yearly: string }[];
  other: { entry: string; yearly: string };
  rejoin: string;
  /** «31 december året före avgiftsåret (2021-12-31 för 2022)». */
  populationDate: string;
  /** The group rule as a sentence, and whether it still awaits a decision. */
  groupRule: { text: string; unconfirmed: boolean };
  note: string;
};

/** The table in force for the chosen year, read-only. */
export function feeTableView(answer: FeeTableAnswer): FeeTableViewVm | { message: string } {
  const table = answer.table;
  if (!table) return { message: t.noTable(String(answer.year)) };
  const bands = [...table.bands].sort((a, b) => a.minPopulation - b.minPopulation);
  return {
    inForce: table.year === answer.year ? t.inForceOwn(String(table.year)) : t.inForce(String(table.year)),
    rows: bands.map((b, i) => ({ range: answer.bandLabels[i] ?? formatNumber(b.minPopulation), entry: formatKr(b.entryFeeOre), yearly: formatKr(b.yearlyFeeOre) })),
    other: { entry: formatKr(table.otherOrganisations.entryFeeOre), yearly: formatKr(table.otherOrganisations.yearlyFeeOre) },
    rejoin: `${table.rejoinEntryFeePercent} %`,
    populationDate: t.populationDate(t.populationOffset(table.populationYearOffset), `${answer.year + table.populationYearOffset}-12-31`, String(answer.year)),
    groupRule: {
      text:
        table.groupRule.status === 'bekraftad'
          ? t.groupRuleConfirmed(t.groupBasis[table.groupRule.basis], table.groupRule.decision, table.groupRule.confirmedAt ?? '')
          : t.groupRuleUnconfirmed(t.groupBasis[table.groupRule.basis]),
      unconfirmed: table.groupRule.status !== 'bekraftad',
    },
    note: table.note,
  };
}
