/**
 * Register-wide figures for a calendar year.
 *
 * Counting rules (membership days are inclusive; members through a group count, as in `memberIdsAt`):
 * - `membersAtStart`: members on 1 January; `membersAtEnd`: members on 31 December.
 * - `joinedDuring`: organisations whose membership began on a day of the year (a member that day, not the
 *   day before). Joining on 1 January counts as joining that year, and the member is also in `membersAtStart`.
 * - `leftDuring`: organisations whose membership's last day fell in the year (a member that day, not the
 *   day after). A member leaving on 31 December is still a member at the year's end (`membersAtEnd`) and
 *   counts as leaving in that year, not the next.
 * - Because of those two edge days, `membersAtEnd` equals `membersAtStart + joinedDuring − leftDuring` only
 *   when nobody joined on 1 January or left on 31 December; the lists let the screen show why.
 * - Moving without a gap from one membership to another (from a group's membership to an own one, or a new
 *   period starting the day after the last one ended) is neither a leaving nor a joining.
 * - An organisation counts once per list even if it joined (or left) twice in the year; its date is the
 *   first joining and the last leaving.
 * - Population share: the population of the member municipalities (each counted once, see
 *   `populationCovered`) over Sweden's population, both at the latest reference date on or before the day
 *   (1 January for the start, 31 December for the end) that has both (`shareBasisDate`), or the earliest
 *   such date when none is that early.
 */
import type { SambrukDocument } from '../store/schema';
import { memberIdsAt, memberIntervals, membershipIndex } from './memberships';
import { coverageDate, populationCovered, swedenPopulationAt } from './population';
import { compareSv } from './swedish';
import { firstDayOfYear, lastDayOfYear } from '../../contract/rules/calendar-date';
import type { FigureMember, RegisterFigures } from '../../contract/model/members';

export type { RegisterFigures } from '../../contract/model/members';

export function registerFigures(doc: Pick<SambrukDocument, 'organisations' | 'memberships' | 'reference'>, year: number): RegisterFigures {
  const startDate = firstDayOfYear(year);
  const endDate = lastDayOfYear(year);
  const atStart = memberIdsAt(doc, startDate);
  const atEnd = memberIdsAt(doc, endDate);
  const index = membershipIndex(doc);
  const joined: FigureMember[] = [];
  const left: FigureMember[] = [];
  for (const org of doc.organisations) {
    const intervals = memberIntervals(index, org.id);
    const joins = intervals.filter((i) => startDate <= i.from && i.from <= endDate).map((i) => i.from);
    const leaves = intervals.flatMap((i) => (i.to !== undefined && startDate <= i.to && i.to <= endDate ? [i.to] : []));
    if (joins.length > 0) joined.push({ organisationId: org.id, name: org.name, date: joins.sort()[0] ?? startDate });
    if (leaves.length > 0) left.push({ organisationId: org.id, name: org.name, date: leaves.sort()[leaves.length - 1] ?? endDate });
  }
  const byDateThenName = (a: FigureMember, b: FigureMember) => a.date.localeCompare(b.date) || compareSv(a.name, b.name);
  joined.sort(byDateThenName);
  left.sort(byDateThenName);
  // Each count at the date of the Sweden total it is divided by, so a share never mixes years.
  const populationAtStart = populationCovered(doc, atStart, coverageDate(doc, startDate));
  const populationAtEnd = populationCovered(doc, atEnd, coverageDate(doc, endDate));
  const swedenAtStart = swedenPopulationAt(doc, startDate);
  const sweden = swedenPopulationAt(doc, endDate);
  return {
    year,
    startDate,
    endDate,
    membersAtStart: atStart.size,
    membersAtEnd: atEnd.size,
    joinedDuring: joined.length,
    leftDuring: left.length,
    joined,
    left,
    populationAtStart,
    populationAtEnd,
    ...(sweden
      ? {
          swedenPopulation: { date: sweden.date, population: sweden.population },
          shareAtEnd: populationAtEnd / sweden.population,
        }
      : {}),
    ...(swedenAtStart
      ? { swedenPopulationAtStart: { date: swedenAtStart.date, population: swedenAtStart.population }, shareAtStart: populationAtStart / swedenAtStart.population }
      : {}),
  };
}
