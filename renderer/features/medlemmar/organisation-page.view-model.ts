/**
 * The organisation page: `members/get` -> facts, the membership timeline on a year axis, the period table,
 * contact rows, the fee breakdown, networks and the change log with before → after. Pure; the page draws.
 */
import type { ChangeView, ContactRow, FeeRow, MembershipTimeline, OrganisationPage } from '../../../electron/contract';
import { formatDate, formatDateTime, formatKr, formatNumber } from '../../lib/format';
import { sv } from '../../lib/i18n/sv';
import { addMonths, dayNumber, firstDayOfYear, yearOf } from '../../../electron/contract/rules/calendar-date';

const t = sv.medlemmar.page;
const none = sv.medlemmar.common.none;

// ---------------------------------------------------------------- facts

export type FactVm = { label: string; value: string; href?: string };

export function factRows(page: OrganisationPage): FactVm[] {
  const org = page.organisation;
  const f = page.facts;
  const source = f.populationSource === 'scb' ? t.populationSource.scb(formatDate(f.populationDate ?? '')) : t.populationSource[f.populationSource];
  const rows: FactVm[] = [
    { label: t.kind, value: sv.medlemmar.kinds[org.kind] },
    ...(org.municipalityCode !== undefined ? [{ label: t.code, value: org.municipalityCode }] : []),
    { label: t.county, value: f.countyName || none },
    { label: t.population, value: f.populationSource === 'saknas' ? none : `${formatNumber(f.population)} (${source})` },
    { label: t.orgNumber, value: org.orgNumber ?? none },
  ];
  if (org.website !== undefined) rows.push({ label: t.website, value: org.website, href: org.website });
  if (org.note.trim() !== '') rows.push({ label: t.note, value: org.note });
  return rows;
}

// ---------------------------------------------------------------- timeline


export type TimelineBar = {
  key: string;
  /** Per cent of the axis, 0–100. */
  start: number;
  end: number;
  open: boolean;
  /** Where notice was given, in per cent of the axis, when it was. */
  notice?: number;
  kind: 'own' | 'group';
  text: string;
};
export type TimelineLane = { key: string; label: string; bars: TimelineBar[] };
export type TimelineVm = { firstYear: number; lastYear: number; ticks: { year: number; at: number }[]; lanes: TimelineLane[]; today: number };

/**
 * Periods as bars on a year axis from the first year with a period (or this year) to the end of next year;
 * open periods run to the axis end. One lane for the organisation's own periods, one per group it is in.
 */
export function timelineViewModel(timeline: MembershipTimeline, today: string): TimelineVm {
  const todayYear = yearOf(today);
  // A «före» period began some time before its date: the axis starts a year earlier and its bar runs off the edge.
  const startOf = (p: { joined: string; startKnown?: string }) => (p.startKnown === 'before' ? addMonths(p.joined, -12) : p.joined);
  const starts = [...timeline.periods.map(startOf), ...timeline.groupPeriods.map(startOf)];
  const firstYear = Math.min(todayYear, ...starts.map(yearOf));
  const lastYear = todayYear + 1;
  const axisStart = dayNumber(firstDayOfYear(firstYear));
  const axisEnd = dayNumber(firstDayOfYear(lastYear + 1));
  const at = (iso: string) => Math.min(100, Math.max(0, ((dayNumber(iso) - axisStart) / (axisEnd - axisStart)) * 100));
  // A period's last day is inclusive: the bar ends where the next day begins.
  const endOf = (left: string | undefined) => (left === undefined ? 100 : Math.min(100, at(left) + (100 / (axisEnd - axisStart))));
  const ticks: { year: number; at: number }[] = [];
  for (let year = firstYear; year <= lastYear; year += 1) ticks.push({ year, at: at(firstDayOfYear(year)) });

  const own: TimelineLane = {
    key: 'own',
    label: t.ownLane,
    bars: timeline.periods.map((p) => ({
      key: p.id,
      start: p.startKnown === 'before' ? 0 : at(p.joined),
      end: endOf(p.left),
      open: p.left === undefined,
      ...(p.noticeGiven !== undefined ? { notice: at(p.noticeGiven) } : {}),
      kind: 'own',
      text: t.periodBar(joinedText(p), p.left !== undefined ? formatDate(p.left) : sv.medlemmar.common.ongoing),
    })),
  };
  const groups = new Map<string, TimelineLane>();
  for (const g of timeline.groupPeriods) {
    const lane = groups.get(g.groupId) ?? { key: g.groupId, label: g.groupName, bars: [] };
    groups.set(g.groupId, lane);
    lane.bars.push({
      key: g.periodId,
      start: g.startKnown === 'before' ? 0 : at(g.joined),
      end: endOf(g.left),
      open: g.left === undefined,
      ...(g.noticeGiven !== undefined ? { notice: at(g.noticeGiven) } : {}),
      kind: 'group',
      text: t.periodBar(joinedText(g), g.left !== undefined ? formatDate(g.left) : sv.medlemmar.common.ongoing),
    });
  }
  return { firstYear, lastYear, ticks, lanes: [own, ...groups.values()], today: at(today) };
}

/** A period's first day as shown: the date, or «före» the date when only that is known. */
export function joinedText(p: { joined: string; startKnown?: string }): string {
  return p.startKnown === 'before' ? t.before(formatDate(p.joined)) : formatDate(p.joined);
}

export type PeriodRowVm = {
  id: string;
  kind: string;
  joined: string;
  noticeGiven: string;
  left: string;
  reason: string;
  open: boolean;
  /** The raw period, for the edit dialog. */
  period: MembershipTimeline['periods'][number];
};

/** Own periods, newest first, as the period table shows them. */
export function periodRows(timeline: MembershipTimeline): PeriodRowVm[] {
  return [...timeline.periods]
    .sort((a, b) => b.joined.localeCompare(a.joined))
    .map((p) => ({
      id: p.id,
      kind: p.startKnown === 'before' ? t.periodKinds.before : p.rejoin ? t.periodKinds.rejoin : t.periodKinds.first,
      joined: joinedText(p),
      noticeGiven: p.noticeGiven !== undefined ? formatDate(p.noticeGiven) : none,
      left: p.left !== undefined ? formatDate(p.left) : sv.medlemmar.common.ongoing,
      reason: p.reason ?? none,
      open: p.open,
      period: p,
    }));
}

/** The period a new one must start after: re-joining needs every earlier period ended. */
export function openPeriod(timeline: MembershipTimeline) {
  return timeline.periods.find((p) => p.open);
}

// ---------------------------------------------------------------- fee

export type FeeLineVm = { label: string; amount: string };
export type FeeVm = { total: string; totalLabel: string; lines: FeeLineVm[]; explanation: string[]; band?: string; table: string } | { message: string };

export function feeViewModel(fee: FeeRow | null, message: string | undefined, year: number): FeeVm {
  if (!fee) return { message: message ?? sv.medlemmar.fee.none };
  const f = sv.medlemmar.fee;
  const lines: FeeLineVm[] = [{ label: f.yearly, amount: formatKr(fee.yearlyFeeOre) }];
  if (fee.months !== 12) lines.push({ label: f.charged(String(fee.months)), amount: formatKr(fee.chargedYearlyFeeOre) });
  for (const entry of fee.entryFees) lines.push({ label: entry.rejoin ? f.entryRejoin : f.entry, amount: formatKr(entry.chargedOre) });
  return {
    total: formatKr(fee.totalOre),
    totalLabel: f.total(String(year)),
    lines,
    explanation: fee.explanation,
    ...(fee.band ? { band: fee.band.label } : {}),
    table: f.table(String(fee.tableYear)),
  };
}

/** Years the fee can be shown for: from the first fee table (or five years back) to next year. */
export function feeYears(today: string, firstTableYear: number | undefined): number[] {
  const todayYear = yearOf(today);
  const from = Math.min(firstTableYear ?? todayYear - 5, todayYear);
  const years: number[] = [];
  for (let y = todayYear + 1; y >= from; y -= 1) years.push(y);
  return years;
}

// ---------------------------------------------------------------- contacts

export type ContactVm = {
  id: string;
  name: string;
  title: string;
  email: string;
  phone: string;
  /** The `tel:` target, E.164. */
  phoneHref: string;
  areas: string[];
  roles: string[];
  confirmed: string;
  stale: boolean;
  legalBasis: string;
  active: boolean;
  ended?: string;
  row: ContactRow;
};

export function contactViewModels(contacts: readonly ContactRow[], showEnded: boolean): ContactVm[] {
  const c = sv.medlemmar.contacts;
  return contacts
    .filter((row) => showEnded || row.active)
    .map((row) => ({
      id: row.id,
      name: row.name,
      title: row.title,
      email: row.email,
      phone: row.phoneDisplay,
      phoneHref: row.phone,
      areas: row.businessAreas.map((a) => sv.medlemmar.areas[a]),
      roles: row.roles.map((r) => sv.medlemmar.roles[r]),
      confirmed: row.confirmedAt !== undefined ? formatDate(row.confirmedAt) : c.neverConfirmed,
      stale: row.active && row.confirmationStale,
      legalBasis: sv.medlemmar.legalBasesShort[row.legalBasis],
      active: row.active,
      ...(row.endedAt !== undefined ? { ended: c.ended(formatDate(row.endedAt)) } : {}),
      row,
    }));
}

// ---------------------------------------------------------------- networks

export type NetworkVm = { id: string; name: string; kind: string; lines: string[] };

export function networkViewModels(networks: OrganisationPage['networks']): NetworkVm[] {
  return networks.map((n) => ({
    id: n.networkId,
    name: n.name,
    kind: sv.medlemmar.networkKinds[n.kind],
    lines: [
      ...(n.councilUser ? [t.councilSeat] : []),
      ...n.entries.map((e) => {
        const text = t.networkEntry(e.displayName, sv.medlemmar.rosterRoles[e.role].toLocaleLowerCase('sv-SE'));
        return e.active || e.to === undefined ? text : `${text} (${t.networkEnded(formatDate(e.to))})`;
      }),
    ],
  }));
}

// ---------------------------------------------------------------- change log

export type ChangeDiffVm = { field: string; before: string; after: string };
export type ChangeRowVm = { id: string; at: string; what: string; summary: string; diffs: ChangeDiffVm[] };

const IGNORED_FIELDS = new Set(['id', 'createdAt', 'organisationId']);

function valueText(value: unknown, code?: (text: string) => string): string {
  if (value === undefined || value === null || value === '') return t.changeEmpty;
  if (typeof value === 'boolean') return value ? sv.medlemmar.common.yes : sv.medlemmar.common.no;
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return code ? code(value) : value;
  if (Array.isArray(value)) return value.length === 0 ? t.changeEmpty : value.map((v) => valueText(v, code)).join(', ');
  return JSON.stringify(value);
}

const fieldLabel = (key: string) => sv.medlemmar.changeFields[key] ?? key;

/** Stored codes and ids in the log, read as the screen shows them. */
function codeReader(key: string, nameOf: (id: string) => string | undefined): ((text: string) => string) | undefined {
  const label = (labels: Record<string, string>) => (text: string) => labels[text] ?? text;
  switch (key) {
    case 'kind':
      return label(sv.medlemmar.kinds);
    case 'businessAreas':
      return label(sv.medlemmar.areas);
    case 'roles':
      return label(sv.medlemmar.roles);
    case 'legalBasis':
      return label(sv.medlemmar.legalBases);
    case 'groupMemberIds':
    case 'viaOrganisationId':
      return (id) => nameOf(id) ?? id;
    default:
      return undefined;
  }
}

/**
 * The fields that differ between the log's before and after copies, in the order they appear. A created
 * record lists its filled-in fields (before is empty), a deleted one what it held. Erased copies read as such.
 * `nameOf` names organisations the copies refer to by id.
 */
export function changeDiffs(before: unknown, after: unknown, nameOf: (id: string) => string | undefined = () => undefined): ChangeDiffVm[] {
  if (typeof before === 'string' || typeof after === 'string') {
    return [{ field: sv.medlemmar.changeFields.erased ?? '', before: t.erasedValue, after: t.erasedValue }];
  }
  const b = before !== null && typeof before === 'object' ? (before as Record<string, unknown>) : {};
  const a = after !== null && typeof after === 'object' ? (after as Record<string, unknown>) : {};
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])].filter((k) => !IGNORED_FIELDS.has(k));
  const diffs: ChangeDiffVm[] = [];
  for (const key of keys) {
    const code = codeReader(key, nameOf);
    const bv = valueText(b[key], code);
    const av = valueText(a[key], code);
    if (bv === av) continue;
    diffs.push({ field: fieldLabel(key), before: bv, after: av });
  }
  return diffs;
}

export function changeRows(entries: readonly ChangeView[], nameOf?: (id: string) => string | undefined): ChangeRowVm[] {
  return entries.map((e) => ({
    id: e.id,
    at: formatDateTime(e.at),
    what: t.changeWhat(e.entityLabel, e.actionLabel),
    summary: e.summary,
    diffs: changeDiffs(e.before, e.after, nameOf),
  }));
}
