/**
 * Contact coverage (the Teckal check): for each member at a date and each business area, whether the
 * member has an active contact person for it, and which of its active contacts have not been confirmed in
 * the last 12 months (`confirmationStale`). A pure view model: the screen and the printout only draw it.
 *
 * Rows are every organisation that is a member at the date (directly or through a group, as `memberIdsAt`),
 * ordered by name with Swedish collation. A contact is active through its `endedAt`. An area counts as
 * covered by any active contact for it, confirmed or not; stale contacts are reported on their own.
 */
import type { BusinessArea, SambrukDocument } from '../store/schema';
import { businessAreas } from '../store/schema';
import { addMonths } from '../../contract/rules/calendar-date';
import { businessAreaLabels, confirmationStaleAt, contactActiveAt, CONFIRMATION_VALID_MONTHS } from './contacts';
import { memberIdsAt, membershipIndex } from './memberships';
import { organisationKindLabels } from './organisations';
import { compareSv } from './swedish';
import type { CoverageContact, CoverageModel, CoverageRow } from '../../contract/model/members';

export type { CoverageModel } from '../../contract/model/members';

export function coverageAt(doc: Pick<SambrukDocument, 'organisations' | 'memberships' | 'contacts'>, date: string): CoverageModel {
  const members = memberIdsAt(doc, date);
  const index = membershipIndex(doc);
  const contactsByOrg = new Map<string, SambrukDocument['contacts'][number][]>();
  for (const c of doc.contacts) {
    if (!members.has(c.organisationId) || !contactActiveAt(c, date)) continue;
    const list = contactsByOrg.get(c.organisationId);
    if (list) list.push(c);
    else contactsByOrg.set(c.organisationId, [c]);
  }
  const isStale = confirmationStaleAt(date);
  const missingByArea = Object.fromEntries(businessAreas.map((a) => [a, 0])) as Record<BusinessArea, number>;
  const rows: CoverageRow[] = doc.organisations
    .filter((o) => members.has(o.id))
    .sort((a, b) => compareSv(a.name, b.name))
    .map((org) => {
      const active = (contactsByOrg.get(org.id) ?? []).slice().sort((a, b) => compareSv(a.name, b.name));
      const view = (c: (typeof active)[number]): CoverageContact => ({
        id: c.id,
        name: c.name,
        title: c.title,
        ...(c.confirmedAt !== undefined ? { confirmedAt: c.confirmedAt } : {}),
        stale: isStale(c),
      });
      const cells = businessAreas.map((area) => {
        const contacts = active.filter((c) => c.businessAreas.includes(area)).map(view);
        return { area, covered: contacts.length > 0, contacts };
      });
      const missingAreas = cells.filter((c) => !c.covered).map((c) => c.area);
      for (const area of missingAreas) missingByArea[area] += 1;
      const { status, label } = index.statusAt(org.id, date);
      return {
        organisationId: org.id,
        name: org.name,
        kindLabel: organisationKindLabels[org.kind],
        status,
        statusLabel: label,
        cells,
        missingAreas,
        staleContacts: active.map(view).filter((c) => c.stale),
        activeContactCount: active.length,
      };
    });
  return {
    date,
    confirmedSince: addMonths(date, -CONFIRMATION_VALID_MONTHS),
    areas: businessAreas.map((area) => ({ area, label: businessAreaLabels[area] })),
    rows,
    totals: {
      members: rows.length,
      fullyCovered: rows.filter((r) => r.missingAreas.length === 0).length,
      membersMissingAny: rows.filter((r) => r.missingAreas.length > 0).length,
      missingByArea,
      staleContacts: rows.reduce((sum, r) => sum + r.staleContacts.length, 0),
      membersWithStale: rows.filter((r) => r.staleContacts.length > 0).length,
    },
  };
}

/**
 * `coverageAt(doc, date).totals` and its `confirmedSince` without the rows: what the board pack shows. Counted
 * by the same rules (members at the date, contacts active through `endedAt`, an area covered by any active
 * contact, a contact stale by `confirmationStale`), each contact looked at once and nothing sorted.
 */
export function coverageTotalsAt(
  doc: Pick<SambrukDocument, 'organisations' | 'memberships' | 'contacts'>,
  date: string,
): Pick<CoverageModel, 'confirmedSince' | 'totals'> {
  const members = memberIdsAt(doc, date);
  const confirmedSince = addMonths(date, -CONFIRMATION_VALID_MONTHS);
  const isStale = confirmationStaleAt(date);
  // One bit per business area for each organisation: no set per member, since the pack asks this of thousands.
  const bitOf = new Map<BusinessArea, number>(businessAreas.map((a, i) => [a, 1 << i]));
  const covered = new Map<string, number>();
  const stale = new Map<string, number>();
  for (const c of doc.contacts) {
    if (!members.has(c.organisationId) || !contactActiveAt(c, date)) continue;
    let bits = covered.get(c.organisationId) ?? 0;
    for (const area of c.businessAreas) bits |= bitOf.get(area) ?? 0;
    covered.set(c.organisationId, bits);
    if (isStale(c)) stale.set(c.organisationId, (stale.get(c.organisationId) ?? 0) + 1);
  }
  const totals: CoverageModel['totals'] = {
    members: 0,
    fullyCovered: 0,
    membersMissingAny: 0,
    missingByArea: Object.fromEntries(businessAreas.map((a) => [a, 0])) as Record<BusinessArea, number>,
    staleContacts: 0,
    membersWithStale: 0,
  };
  for (const org of doc.organisations) {
    if (!members.has(org.id)) continue;
    totals.members += 1;
    const bits = covered.get(org.id) ?? 0;
    let missing = 0;
    for (let i = 0; i < businessAreas.length; i += 1) {
      if (bits & (1 << i)) continue;
      missing += 1;
      totals.missingByArea[businessAreas[i] as BusinessArea] += 1;
    }
    if (missing === 0) totals.fullyCovered += 1;
    else totals.membersMissingAny += 1;
    const staleHere = stale.get(org.id) ?? 0;
    totals.staleContacts += staleHere;
    if (staleHere > 0) totals.membersWithStale += 1;
  }
  return { confirmedSince, totals };
}
