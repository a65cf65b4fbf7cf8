/** The network list and the goal figures: `networks/list` + `networks/get-figures` -> rows, tabs and header figures. */
import type { NetworkFigures, NetworkSummary } from '../../../electron/contract';
import type { NetworkKind } from '../../../electron/core/store/schema';
import { formatDate, formatNumber } from '../../lib/format';
import { sv } from '../../lib/i18n/sv';
import { dateShapeOf, isCalendarDate } from '../../../electron/contract/rules/calendar-date';

const t = sv.natverk;

/** The list's order of kinds, as the plan presents them. */
export const networkKindOrder: readonly NetworkKind[] = ['kompetensnatverk', 'forvaltningsrad', 'projekt', 'partnerskap', 'styrelse'];

export type KindFilter = NetworkKind | 'alla';
export const kindFilters: readonly KindFilter[] = ['alla', ...networkKindOrder];

/** The tab named by the hash query (`?typ=projekt`); anything else shows all kinds. */
export function parseKindFilter(value: string | null): KindFilter {
  return kindFilters.find((k) => k === value) ?? 'alla';
}


export type KindTabVm = { value: KindFilter; label: string; count: number };

export function kindTabs(networks: readonly Pick<NetworkSummary, 'kind'>[]): KindTabVm[] {
  return kindFilters.map((value) => {
    const count = value === 'alla' ? networks.length : networks.filter((n) => n.kind === value).length;
    const label = value === 'alla' ? t.list.all : t.kinds[value];
    return { value, label: t.list.tabCount(label, formatNumber(count)), count };
  });
}

export type ProgressVm = {
  count: number;
  goal: number;
  /** 0–1, for the progress bar (capped at 1). */
  ratio: number;
  text: string;
  reached: boolean;
};

export function municipalityProgress(count: number, goal: number): ProgressVm {
  return {
    count,
    goal,
    ratio: goal <= 0 ? 1 : Math.min(1, count / goal),
    text: t.list.progress(formatNumber(count), formatNumber(goal)),
    reached: count >= goal,
  };
}

/** The plan's «minst 20 medlemskommuner» is a goal for competence networks; councils, projects and the rest are not measured by it. */
export function goalCovers(kind: NetworkKind): boolean {
  return kind === 'kompetensnatverk';
}

export type NetworkRowVm = {
  id: string;
  name: string;
  kind: NetworkKind;
  kindLabel: string;
  /** A second line under the name: the governed service, for a council. */
  detail?: string;
  /** Against the goal's 20, only on the networks the goal covers (competence networks). */
  progress?: ProgressVm;
  /** The participating member municipalities as a number, for every network. */
  municipalities: string;
  /** The next planned meeting, when there is one after the date. */
  nextMeeting?: string;
  persons: string;
  meetings: string;
  lastMeeting: string;
  /** Arkiverad / Avslutat … / Startar …; absent while the network runs. */
  status?: string;
  archived: boolean;
};

function statusOf(n: Pick<NetworkSummary, 'archived' | 'startDate' | 'endDate'>, date: string): string | undefined {
  if (n.archived) return t.list.archived;
  if (n.endDate !== undefined && n.endDate < date) return t.list.ended(formatDate(n.endDate));
  if (n.startDate !== undefined && n.startDate > date) return t.list.notStarted(formatDate(n.startDate));
  return undefined;
}

/** Rows in the core's order (kind, then name in Swedish order), filtered to the tab. */
export function networkRows(networks: readonly NetworkSummary[], municipalityGoal: number, date: string, kind: KindFilter = 'alla'): NetworkRowVm[] {
  return networks
    .filter((n) => kind === 'alla' || n.kind === kind)
    .map((n) => {
      const status = statusOf(n, date);
      return {
        id: n.id,
        name: n.name,
        kind: n.kind,
        kindLabel: t.kinds[n.kind],
        ...(n.serviceName !== undefined ? { detail: t.list.service(n.serviceName) } : {}),
        ...(goalCovers(n.kind) ? { progress: municipalityProgress(n.participatingMemberMunicipalities, municipalityGoal) } : {}),
        municipalities: formatNumber(n.participatingMemberMunicipalities),
        ...(n.nextMeetingDate !== undefined ? { nextMeeting: t.list.nextMeeting(formatDate(n.nextMeetingDate)) } : {}),
        persons: formatNumber(n.activePersons),
        meetings: formatNumber(n.meetingCount),
        lastMeeting: n.lastMeetingDate !== undefined ? formatDate(n.lastMeetingDate) : t.list.noMeetings,
        ...(status !== undefined ? { status } : {}),
        archived: n.archived,
      };
    });
}

export type FiguresVm = {
  networksValue: string;
  networksHint: string;
  reached: boolean;
  reachedText: string;
  eventsLabel: string;
  eventsValue: string;
  eventsHint: string;
  otherEventsHint: string;
  eventsGoal: string;
};

/** The header: competence networks reaching 20 against the goal of four; conferences held in the year, webinars beside. */
export function figuresVm(f: NetworkFigures): FiguresVm {
  return {
    networksValue: t.figures.networksGoalValue(formatNumber(f.networksReachingGoal), formatNumber(f.networkGoal)),
    networksHint: t.figures.networksGoalHint(formatNumber(f.networkGoal), formatNumber(f.municipalityGoal)),
    reached: f.networkGoalReached,
    reachedText: f.networkGoalReached ? t.figures.goalReached : t.figures.goalNotReached,
    eventsLabel: t.figures.events(String(f.events.year)),
    // The plan's goal counts conferences; webinars are a kind of their own, shown beside.
    eventsValue: formatNumber(f.events.conferences),
    eventsHint: t.figures.eventsHint(f.events.webinars),
    otherEventsHint: t.figures.otherEvents(f.events.seminars, f.events.meetings),
    eventsGoal: t.figures.eventsGoal,
  };
}

/** The header checkbox over the visible rows: all, some (mixed) or none of them selected. */
export function selectionState(selected: ReadonlySet<string>, visibleIds: readonly string[]): boolean | 'mixed' {
  const chosen = visibleIds.filter((id) => selected.has(id)).length;
  if (chosen === 0) return false;
  return chosen === visibleIds.length ? true : 'mixed';
}

/** The selected ids that are still listed, in list order (a network archived away drops out of the selection). */
export function selectedInOrder(selected: ReadonlySet<string>, networks: readonly Pick<NetworkSummary, 'id'>[]): string[] {
  return networks.filter((n) => selected.has(n.id)).map((n) => n.id);
}

/** Years to offer for the events figure: the given year and the ones around it. */
export function yearChoices(current: number, span = 3): number[] {
  return Array.from({ length: span * 2 + 1 }, (_, i) => current + span - i);
}

/**
 * A typed date made ISO where the intent is plain: `20220630` and `2022-6-3` become `2022-06-30` and
 * `2022-06-03`; anything else is returned trimmed, for the form's check to refuse.
 */
export function normaliseDateInput(value: string): string {
  const text = value.trim();
  const iso = dateShapeOf(text, { loose: true });
  return iso !== undefined && isCalendarDate(iso) ? iso : text;
}
