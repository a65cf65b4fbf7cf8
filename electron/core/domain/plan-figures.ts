/**
 * Figures a source document states (the plan's «109 medlemmar vid ingången av 2022», «25 kommuner som
 * samverkar runt EGIL») beside what the register itself gives at the same date, so that no screen, workbook or
 * pack shows one without the other.
 *
 * The register's figure for each subject:
 * - `members`: members at the date (`memberIdsAt`: a member group and its municipalities each count);
 * - `service-municipalities`: the municipalities (each municipality code once) using the service at the date,
 *   directly or through a group (the users rule of usage-matrix.ts), members or not;
 * - `network-municipalities`: the municipalities on the network's roster in force at the date (a person stands
 *   for their organisation, a group for its municipalities; a council adds its service's users).
 */
import type { PlanFigureComparison } from '../../contract/model/goals';
import type { Organisation, PlanFigure, SambrukDocument } from '../store/schema';
import { memberIdsAt } from './memberships';
import { activeEntries, entryOrganisationId } from './rosters';
import { groupMembersById, usersOfServicesAt } from './usage-matrix';

const countFormat = new Intl.NumberFormat('sv-SE', { maximumFractionDigits: 0 });

export type { PlanFigureComparison } from '../../contract/model/goals';

function municipalityCount(ids: Iterable<string>, orgById: ReadonlyMap<string, Organisation>, groups: ReadonlyMap<string, readonly string[]>): number {
  const codes = new Set<string>();
  const add = (id: string) => {
    const code = orgById.get(id)?.municipalityCode;
    if (code !== undefined) codes.add(code);
  };
  for (const id of ids) {
    add(id);
    for (const memberId of groups.get(id) ?? []) add(memberId);
  }
  return codes.size;
}

/** What the register gives for a stated figure, and the subject's name; undefined when the subject is gone. */
export function registerFigure(doc: SambrukDocument, figure: PlanFigure): { value: number; subjectName?: string } | undefined {
  const orgById = new Map(doc.organisations.map((o) => [o.id, o]));
  const groups = groupMembersById(doc.organisations);
  switch (figure.subject) {
    case 'members':
      return { value: memberIdsAt(doc, figure.date).size };
    case 'service-municipalities': {
      const service = doc.services.find((s) => s.id === figure.subjectId);
      if (!service) return undefined;
      const users = usersOfServicesAt(doc, figure.date)(service.id);
      return { value: municipalityCount(users.keys(), orgById, groups), subjectName: service.name };
    }
    case 'network-municipalities': {
      const network = doc.networks.find((n) => n.id === figure.subjectId);
      if (!network) return undefined;
      const contactsById = new Map(doc.contacts.map((c) => [c.id, c]));
      const ids: string[] = [];
      for (const entry of activeEntries(network.roster, figure.date)) {
        const orgId = entryOrganisationId(entry, contactsById);
        if (orgId !== undefined) ids.push(orgId);
      }
      if (network.kind === 'forvaltningsrad' && network.serviceId !== undefined) ids.push(...usersOfServicesAt(doc, figure.date)(network.serviceId).keys());
      return { value: municipalityCount(ids, orgById, groups), subjectName: network.name };
    }
  }
}

const subjectWords = {
  members: () => 'Medlemmar',
  'service-municipalities': (name: string) => `Kommuner som använder ${name}`,
  'network-municipalities': (name: string) => `Kommuner i ${name}`,
} as const;

/** «Planen anger 109; registret namnger 96 (13 färre).» — the sentence every screen and file shows. */
export function comparisonText(planValue: number, registerValue: number): string {
  const difference = registerValue - planValue;
  const f = (n: number) => countFormat.format(n);
  const tail = difference === 0 ? 'samma antal' : `${f(Math.abs(difference))} ${difference < 0 ? 'färre' : 'fler'}`;
  return `Planen anger ${f(planValue)}; registret namnger ${f(registerValue)} (${tail}).`;
}

/** Every stated figure with the register's beside it, in the order stored; figures whose subject is gone are left out. */
export function planFigureComparisons(doc: SambrukDocument): PlanFigureComparison[] {
  const result: PlanFigureComparison[] = [];
  for (const figure of doc.planFigures) {
    const register = registerFigure(doc, figure);
    if (!register) continue;
    result.push({
      id: figure.id,
      subject: figure.subject,
      ...(figure.subjectId !== undefined ? { subjectId: figure.subjectId } : {}),
      label: figure.subject === 'members' ? subjectWords.members() : subjectWords[figure.subject](register.subjectName ?? ''),
      date: figure.date,
      planValue: figure.value,
      registerValue: register.value,
      difference: register.value - figure.value,
      source: figure.source,
      note: figure.note,
      text: comparisonText(figure.value, register.value),
    });
  }
  return result;
}
