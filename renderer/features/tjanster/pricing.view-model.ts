/**
 * Pricing models on screen: a one-line description, and the editable form (kronor as the user types them)
 * to and from the core's shape (integer öre). Error keys are the core's field paths
 * (`pricing.0.model.bands.1.minPopulation`), so a check made here and a refusal from the core land on the
 * same field.
 */
import type { PricingModel } from '../../../electron/core/store/schema';
import { formatKr, formatNumber } from '../../lib/format';
import { sv } from '../../lib/i18n/sv';
import { parseYear } from '../../../electron/contract/rules/calendar-date';

const t = sv.tjanster;

export type PricingKind = PricingModel['kind'];
export const pricingKinds: readonly PricingKind[] = ['fixed', 'banded', 'per-inhabitant'];

/** Amounts of whole kronor show without decimals; a price per inhabitant like 0,50 kr keeps its öre. */
function kr(ore: number): string {
  return formatKr(ore);
}

/** One line for tables: «12 000 kr per organisation och år», «7 prisband, 5 000–80 000 kr per år». */
export function describePricing(model: PricingModel | undefined): string {
  if (!model) return t.pricing.missing;
  switch (model.kind) {
    case 'fixed':
      return t.pricing.fixed(kr(model.yearlyFeeOre));
    case 'per-inhabitant':
      return t.pricing.perInhabitant(kr(model.orePerInhabitant));
    case 'banded': {
      if (model.bands.length === 0) return t.pricing.missing;
      const fees = model.bands.map((b) => b.yearlyFeeOre);
      return t.pricing.banded(formatNumber(model.bands.length), kr(Math.min(...fees)), kr(Math.max(...fees)));
    }
  }
}

/** The bands of a banded model as rows: «15 000–24 999 invånare» and the fee. */
export function bandRows(model: Extract<PricingModel, { kind: 'banded' }>): { key: string; range: string; fee: string }[] {
  const sorted = [...model.bands].sort((a, b) => a.minPopulation - b.minPopulation);
  return sorted.map((band, i) => {
    const next = sorted[i + 1];
    return {
      key: String(band.minPopulation),
      range: t.pricing.bandRange(formatNumber(band.minPopulation), next ? formatNumber(next.minPopulation - 1) : undefined),
      fee: kr(band.yearlyFeeOre),
    };
  });
}

// ---------------------------------------------------------------- the form

export type BandForm = { key: string; minPopulation: string; feeKr: string };
export type PricingEntryForm = {
  key: string;
  year: string;
  kind: PricingKind;
  fixedKr: string;
  perInhabitantKr: string;
  bands: BandForm[];
};

/** Öre as the user would type the amount: `1250000` -> «12 500», `50` -> «0,50». */
export function oreToInput(ore: number): string {
  const whole = ore % 100 === 0;
  return new Intl.NumberFormat('sv-SE', {
    minimumFractionDigits: whole ? 0 : 2,
    maximumFractionDigits: 2,
    useGrouping: true,
  })
    .format(ore / 100)
    .replace(/\u2212/, '-');
}

const SPACES = /[\s\u00a0\u202f]/g;

/**
 * Kronor as typed in Sweden: «12 500», «12500 kr», «0,50», «−5» (the sign is kept so the core can refuse it
 * with its own message). At most two decimals, comma or point. Returns öre, or undefined if unreadable.
 */
export function parseKronor(text: string): number | undefined {
  const compact = text.replace(SPACES, '').replace(/kr$/i, '').replace(/\u2212/, '-');
  const m = /^(-?)(\d+)(?:[,.](\d{1,2}))?$/.exec(compact);
  if (!m) return undefined;
  const ore = Number(m[2]) * 100 + Number((m[3] ?? '').padEnd(2, '0'));
  if (!Number.isSafeInteger(ore)) return undefined;
  return m[1] === '-' ? -ore : ore;
}

/** A whole number of inhabitants, spaces allowed: «15 000». */
export function parseCount(text: string): number | undefined {
  const compact = text.replace(SPACES, '');
  if (!/^\d{1,12}$/.test(compact)) return undefined;
  return Number(compact);
}

export function pricingEntryToForm(key: string, entry: { year: number; model: PricingModel }, nextKey: () => string): PricingEntryForm {
  const form = emptyPricingEntry(key, entry.year, nextKey);
  const { model } = entry;
  if (model.kind === 'fixed') return { ...form, kind: 'fixed', fixedKr: oreToInput(model.yearlyFeeOre) };
  if (model.kind === 'per-inhabitant') return { ...form, kind: 'per-inhabitant', perInhabitantKr: oreToInput(model.orePerInhabitant) };
  return {
    ...form,
    kind: 'banded',
    bands: model.bands.map((b) => ({ key: nextKey(), minPopulation: formatNumber(b.minPopulation), feeKr: oreToInput(b.yearlyFeeOre) })),
  };
}

/** A new year's entry: fixed fee, empty amounts, and one band from 0 ready should the user pick bands. */
export function emptyPricingEntry(key: string, year: number, nextKey: () => string): PricingEntryForm {
  return { key, year: String(year), kind: 'fixed', fixedKr: '', perInhabitantKr: '', bands: [{ key: nextKey(), minPopulation: '0', feeKr: '' }] };
}

/** The year a new entry proposes: the year after the latest one, or the given year if there is none. */
export function nextPricingYear(entries: readonly PricingEntryForm[], fallback: number): number {
  const years = entries.map((e) => Number(e.year)).filter((y) => Number.isInteger(y) && y > 0);
  return years.length === 0 ? fallback : Math.max(...years) + 1;
}

export type PricingFormResult =
  | { ok: true; pricing: { year: number; model: PricingModel }[] }
  | { ok: false; errors: Record<string, string> };

/**
 * The form as the core's pricing list, or the fields that cannot be read. Only what the form itself can know
 * is checked here (readable numbers, four-digit years, a year once); the pricing rules (no negative fee,
 * bands from 0 and rising) are the core's, and its refusal is shown on the same field.
 */
export function pricingFormToInput(entries: readonly PricingEntryForm[]): PricingFormResult {
  const errors: Record<string, string> = {};
  const pricing: { year: number; model: PricingModel }[] = [];
  const seen = new Set<number>();
  entries.forEach((entry, i) => {
    const base = `pricing.${i}`;
    const year = parseYear(entry.year);
    if (year === undefined) errors[`${base}.year`] = t.form.errors.year;
    else if (seen.has(year)) errors[`${base}.year`] = t.form.errors.yearTwice;
    if (year !== undefined) seen.add(year);
    const model = modelOf(entry, `${base}.model`, errors);
    if (year !== undefined && model) pricing.push({ year, model });
  });
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, pricing };
}

function modelOf(entry: PricingEntryForm, base: string, errors: Record<string, string>): PricingModel | undefined {
  if (entry.kind === 'fixed') {
    const ore = parseKronor(entry.fixedKr);
    if (ore === undefined) errors[`${base}.yearlyFeeOre`] = t.form.errors.amount;
    return ore === undefined ? undefined : { kind: 'fixed', yearlyFeeOre: ore };
  }
  if (entry.kind === 'per-inhabitant') {
    const ore = parseKronor(entry.perInhabitantKr);
    if (ore === undefined) errors[`${base}.orePerInhabitant`] = t.form.errors.amount;
    return ore === undefined ? undefined : { kind: 'per-inhabitant', orePerInhabitant: ore };
  }
  if (entry.bands.length === 0) {
    errors[`${base}.bands`] = t.form.errors.bandsRequired;
    return undefined;
  }
  let readable = true;
  const bands = entry.bands.map((band, j) => {
    const minPopulation = parseCount(band.minPopulation);
    const yearlyFeeOre = parseKronor(band.feeKr);
    if (minPopulation === undefined) errors[`${base}.bands.${j}.minPopulation`] = t.form.errors.population;
    if (yearlyFeeOre === undefined) errors[`${base}.bands.${j}.yearlyFeeOre`] = t.form.errors.amount;
    if (minPopulation === undefined || yearlyFeeOre === undefined) readable = false;
    return { minPopulation: minPopulation ?? 0, yearlyFeeOre: yearlyFeeOre ?? 0 };
  });
  return readable ? { kind: 'banded', bands } : undefined;
}
