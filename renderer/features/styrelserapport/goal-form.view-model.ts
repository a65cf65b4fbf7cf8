/**
 * The goal dialog's form: text fields as typed -> the `goals/create` / `goals/update` input, or Swedish
 * messages per field. A share metric is typed in per cent (`75`) and stored as a fraction (0.75); counts are
 * whole numbers. An event goal names the meeting kinds it counts (conferences unless the user picks others).
 * The core checks again and has the last word.
 */
import { goalComparisons, metricInfo, type GoalComparison } from '../../../electron/core/domain/goals';
import { goalMetrics, meetingKinds, type Goal, type GoalMetric, type MeetingKind } from '../../../electron/core/store/schema';
import { sv } from '../../lib/i18n/sv';
import { parseYear } from '../../../electron/contract/rules/calendar-date';

const e = sv.styrelserapport.form.errors;

export type GoalForm = {
  year: string;
  title: string;
  description: string;
  metric: GoalMetric;
  comparison: GoalComparison;
  target: string;
  targetMax: string;
  /** Kept for every metric so switching back and forth does not lose a choice; sent only for an event goal. */
  eventKinds: MeetingKind[];
};

export type GoalFormField = 'year' | 'title' | 'target' | 'targetMax' | 'eventKinds';
export type GoalFormErrors = Partial<Record<GoalFormField, string>>;

export const metricOptions: readonly GoalMetric[] = goalMetrics;
export const comparisonOptions: readonly GoalComparison[] = goalComparisons;
export const eventKindOptions: readonly MeetingKind[] = meetingKinds;

/** Whether the metric counts meetings, so the form asks which kinds. */
export function countsEvents(metric: GoalMetric): boolean {
  return metric === 'conferences-held';
}

/** The kinds ticked after toggling one, in the fixed order of the list. */
export function toggleEventKind(kinds: readonly MeetingKind[], kind: MeetingKind, checked: boolean): MeetingKind[] {
  const next = new Set(kinds);
  if (checked) next.add(kind);
  else next.delete(kind);
  return meetingKinds.filter((k) => next.has(k));
}

export function isShareMetric(metric: GoalMetric): boolean {
  return metricInfo[metric].unit === 'share';
}

/** A stored figure as the field shows it: `0.75` -> `75` for a share, `125` for a count; comma decimals. */
export function figureText(value: number | undefined, metric: GoalMetric): string {
  if (value === undefined) return '';
  const shown = isShareMetric(metric) ? Math.round(value * 100 * 1e6) / 1e6 : value;
  return String(shown).replace('.', ',');
}

export function emptyGoalForm(year: number): GoalForm {
  return { year: String(year), title: '', description: '', metric: 'member-count', comparison: 'at-least', target: '', targetMax: '', eventKinds: ['konferens'] };
}

export function goalFormOf(goal: Goal): GoalForm {
  return {
    year: String(goal.year),
    title: goal.title,
    description: goal.description,
    metric: goal.metric,
    comparison: goal.comparison,
    target: figureText(goal.target, goal.metric),
    targetMax: figureText(goal.targetMax, goal.metric),
    eventKinds: [...(goal.eventKinds ?? ['konferens'])],
  };
}

/** Switching between a count and a share metric moves the typed figures with it (75 % is not 75 members). */
export function withMetric(form: GoalForm, metric: GoalMetric): GoalForm {
  if (isShareMetric(form.metric) === isShareMetric(metric)) return { ...form, metric };
  return { ...form, metric, target: '', targetMax: '' };
}

function parseFigure(text: string, metric: GoalMetric): { ok: true; value: number } | { ok: false; message: string } {
  const cleaned = text.replace(/[\s\u00a0\u202f%]/g, '').replace(',', '.').replace('\u2212', '-');
  if (cleaned === '' || !/^-?\d+(\.\d+)?$/.test(cleaned)) return { ok: false, message: e.number };
  const value = Number(cleaned);
  if (isShareMetric(metric)) {
    if (value < 0 || value > 100) return { ok: false, message: e.percent };
    return { ok: true, value: Math.round(value * 1e4) / 1e6 };
  }
  if (!Number.isInteger(value) || value < 0) return { ok: false, message: e.whole };
  return { ok: true, value };
}

export type GoalInput = {
  year: number;
  title: string;
  description: string;
  metric: GoalMetric;
  comparison: GoalComparison;
  target: number;
  targetMax?: number;
  eventKinds?: MeetingKind[];
};

export type GoalFormResult = { ok: true; input: GoalInput } | { ok: false; errors: GoalFormErrors };

export function readGoalForm(form: GoalForm): GoalFormResult {
  const errors: GoalFormErrors = {};
  const year = parseYear(form.year);
  if (year === undefined) errors.year = e.year;
  const title = form.title.trim();
  if (title === '') errors.title = e.title;
  const target = parseFigure(form.target, form.metric);
  if (!target.ok) errors.target = target.message;
  let targetMax: number | undefined;
  if (form.comparison === 'between') {
    const parsed = parseFigure(form.targetMax, form.metric);
    if (!parsed.ok) errors.targetMax = parsed.message;
    else targetMax = parsed.value;
  }
  const events = countsEvents(form.metric);
  if (events && form.eventKinds.length === 0) errors.eventKinds = e.eventKinds;
  if (Object.keys(errors).length > 0 || !target.ok || year === undefined) return { ok: false, errors };
  return {
    ok: true,
    input: {
      year,
      title,
      description: form.description.trim(),
      metric: form.metric,
      comparison: form.comparison,
      target: target.value,
      ...(targetMax !== undefined ? { targetMax } : {}),
      ...(events ? { eventKinds: [...form.eventKinds] } : {}),
    },
  };
}

/** Whether a refusal's `field` is one the goal form shows, so its message can stand under that field. */
export function isGoalFormField(field: string): field is GoalFormField {
  return field === 'year' || field === 'title' || field === 'target' || field === 'targetMax' || field === 'eventKinds';
}
