/** The Data screen's populations card: a municipality's figures by year and the review of an SCB file. */
import type { PopulationImportPlan, PopulationList } from '../../../electron/contract';
import { formatNumber } from '../../lib/format';
import { folkmangdSv as t } from '../../lib/i18n/folkmangd.sv';

export type PopulationRowVm = { date: string; population: string; source: string };

export function populationRows(list: PopulationList): PopulationRowVm[] {
  return list.figures.map((f) => ({
    date: f.date,
    population: formatNumber(f.population),
    source: f.source === 'scb' ? t.source.scb : f.source === 'scb-import' ? t.source['scb-import'](f.sourceNote ?? '') : t.source.rattad(f.sourceNote ?? ''),
  }));
}

/** A typed figure: digits with optional spaces; undefined when it is not a whole number. */
export function parseFigure(text: string): number | undefined {
  const compact = text.replace(/[\s\u00a0\u202f]/gu, '');
  return /^\d{1,9}$/.test(compact) ? Number(compact) : undefined;
}

export type ImportReviewVm = {
  title: string;
  summary: string;
  sweden?: string;
  rows: { code: string; name: string; before: string; after: string }[];
  errors: string[];
  warnings: string[];
  canApply: boolean;
};

export function importReview(plan: PopulationImportPlan): ImportReviewVm {
  return {
    title: t.reviewTitle(plan.date),
    summary: t.reviewSummary(plan.changes.length, plan.unchanged),
    ...(plan.sweden && plan.sweden.after !== plan.sweden.before
      ? { sweden: t.sweden(plan.sweden.before === undefined ? t.noFigure : formatNumber(plan.sweden.before), formatNumber(plan.sweden.after)) }
      : {}),
    rows: plan.changes.map((c) => ({ code: c.code, name: c.name, before: c.before === undefined ? t.noFigure : formatNumber(c.before), after: formatNumber(c.after) })),
    errors: plan.issues.filter((i) => i.severity === 'error').map((i) => i.message),
    warnings: plan.issues.filter((i) => i.severity === 'warning').map((i) => i.message),
    canApply: plan.canApply,
  };
}
