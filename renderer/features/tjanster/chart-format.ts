/**
 * Axis formats for the Tjänster charts (recharts): Swedish month names on dates, grouped integers on
 * counts, and a Y-axis wide enough for its longest label, so no tick is cut off (see PITFALLS: recharts).
 */
import { formatNumber } from '../../lib/format';
import { ISO_DATE_SHAPE, utcMidnightMs } from '../../../electron/contract/rules/calendar-date';

const monthYear = new Intl.DateTimeFormat('sv-SE', { month: 'short', year: 'numeric', timeZone: 'UTC' });
const longDay = new Intl.DateTimeFormat('sv-SE', { dateStyle: 'long', timeZone: 'UTC' });

function utc(iso: string): number | undefined {
  return ISO_DATE_SHAPE.test(iso) ? utcMidnightMs(iso) : undefined;
}

/** `2021-01-01` -> «jan. 2021» (the tick of a monthly axis). */
export function monthTick(iso: string): string {
  const ms = utc(iso);
  return ms === undefined ? iso : monthYear.format(ms);
}

/** `2021-01-01` -> «1 januari 2021» (a tooltip's heading). */
export function dayLabel(iso: string): string {
  const ms = utc(iso);
  return ms === undefined ? iso : longDay.format(ms);
}

/** A count tick: «1 234». */
export function countTick(value: number): string {
  return formatNumber(value);
}

/**
 * Pixels for a Y-axis whose largest tick is `max`: about 8 px per character of the formatted label at the
 * charts' 12 px font, plus room for the tick line, and never narrower than 40 px.
 */
export function countAxisWidth(max: number): number {
  const label = countTick(Math.max(0, Math.ceil(max)));
  return Math.max(40, label.length * 8 + 16);
}

/**
 * Whole-number ticks for a count axis from 0 past `max` with about a tenth of headroom, so the line never
 * runs along the frame (and at least 0–4): the smallest step of 1, 2 or 5 × 10^n that needs at most six steps.
 */
export function countAxis(max: number): { top: number; ticks: number[] } {
  const target = Math.max(4, max * 1.1);
  let step = 1;
  for (let magnitude = 1; ; magnitude *= 10) {
    const found = [1, 2, 5].map((f) => f * magnitude).find((s) => Math.ceil(target / s) <= 6);
    if (found !== undefined) {
      step = found;
      break;
    }
  }
  const steps = Math.max(1, Math.ceil(target / step));
  const top = steps * step;
  return { top, ticks: Array.from({ length: steps + 1 }, (_, i) => i * step) };
}
