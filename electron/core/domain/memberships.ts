/**
 * Membership status is derived from the periods, never stored. A period covers `joined` to `left`, both
 * inclusive; without `left` it is open. An organisation in a group (kommunalförbund, gemensam nämnd) is a
 * member while the group is, as the association's rules give each municipality of a group member status.
 */
import type { Membership, Organisation, SambrukDocument } from '../store/schema';

export function periodCovers(period: Pick<Membership, 'joined' | 'left'>, date: string): boolean {
  return period.joined <= date && (period.left === undefined || date <= period.left);
}

export function hasOwnMembershipAt(organisationId: string, memberships: readonly Membership[], date: string): boolean {
  return memberships.some((m) => m.organisationId === organisationId && periodCovers(m, date));
}

/** Ids of every organisation that is a member at `date`, directly or through a group. */
export function memberIdsAt(doc: Pick<SambrukDocument, 'organisations' | 'memberships'>, date: string): Set<string> {
  const direct = new Set<string>();
  for (const m of doc.memberships) if (periodCovers(m, date)) direct.add(m.organisationId);
  const result = new Set(direct);
  for (const org of doc.organisations) {
    if (direct.has(org.id)) for (const memberId of org.groupMemberIds) result.add(memberId);
  }
  return result;
}

export function isMemberAt(doc: Pick<SambrukDocument, 'organisations' | 'memberships'>, organisation: Organisation, date: string) {
  return memberIdsAt(doc, date).has(organisation.id);
}
