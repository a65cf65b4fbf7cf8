/**
 * Saved selections and the people a selection reaches. A selection stores its criteria, not its result, so it
 * follows the register: «Skolorna utan tjänsten» lists next month whoever does not use it then.
 */
import type { Contact, SambrukDocument, Selection, SelectionCriteria } from '../store/schema';
import { AppError } from '../../contract/result';
import type { SelectionSummary } from '../../contract/model/reach';
import { businessAreaLabels, contactRoleLabels } from '../../contract/labels';
import { contactActiveAt } from './contacts';
import { contactDirectory } from './contact-directory';
import { nonUsers, userContactIds } from './non-users';
import { compareSv, countOf, identityKey, nouns } from './swedish';
import type { ReachPerson } from './reaching';

export function findSelection(doc: Pick<SambrukDocument, 'selections'>, selectionId: string): Selection {
  const selection = doc.selections.find((s) => s.id === selectionId);
  if (!selection) throw new AppError('not-found', 'Urvalet finns inte (det kan redan vara borttaget).', { field: 'selectionId' });
  return selection;
}

/** A new selection's name must differ from the others (case and spacing aside), so the list can be read. */
export function assertUniqueSelectionName(doc: Pick<SambrukDocument, 'selections'>, name: string): void {
  const key = identityKey(name);
  if (doc.selections.some((s) => identityKey(s.name) === key)) {
    throw new AppError('duplicate', `Det finns redan ett urval som heter ${name}.`, { field: 'name', fieldMessage: 'Det finns redan ett urval med det namnet.' });
  }
}

/** The criteria in words, as the list of selections shows them. */
export function describeCriteria(doc: Pick<SambrukDocument, 'services' | 'organisations'>, criteria: SelectionCriteria): string {
  switch (criteria.kind) {
    case 'anvander-inte': {
      const service = doc.services.find((s) => s.id === criteria.serviceId)?.name ?? 'en borttagen tjänst';
      return `Använder inte ${service}${criteria.includeNonMembers ? ', även kommuner som inte är medlemmar' : ''}`;
    }
    case 'anvander': {
      const service = doc.services.find((s) => s.id === criteria.serviceId)?.name ?? 'en borttagen tjänst';
      return `Använder ${service}`;
    }
    case 'kontakter': {
      const f = criteria.filter;
      const parts: string[] = [];
      if (f.businessAreas.length > 0) parts.push(f.businessAreas.map((a) => businessAreaLabels[a]).join(', '));
      if (f.roles.length > 0) parts.push(f.roles.map((r) => contactRoleLabels[r]).join(', '));
      if (f.organisationIds.length > 0) parts.push(countOf(f.organisationIds.length, nouns.organisation));
      if (f.confirmed === 'bekraftade') parts.push('bekräftade');
      if (f.confirmed === 'obekraftade') parts.push('ej bekräftade');
      if (f.query.trim() !== '') parts.push(`”${f.query.trim()}”`);
      return parts.length === 0 ? 'Alla kontaktpersoner' : `Kontaktpersoner: ${parts.join(' · ')}`;
    }
    case 'organisationer':
      return countOf(criteria.organisationIds.length, nouns.organisation);
  }
}

export function selectionSummaries(doc: Pick<SambrukDocument, 'selections' | 'services' | 'organisations'>): SelectionSummary[] {
  return [...doc.selections].sort((a, b) => compareSv(a.name, b.name)).map((s) => ({ ...s, description: describeCriteria(doc, s.criteria) }));
}

/** Contacts as the reaching functions take them, in the order given. */
export function reachPeople(doc: Pick<SambrukDocument, 'organisations'>, contacts: readonly Contact[]): ReachPerson[] {
  const names = new Map(doc.organisations.map((o) => [o.id, o.name]));
  return contacts.map((c) => ({
    id: c.id,
    name: c.name,
    email: c.email,
    phone: c.phone,
    title: c.title,
    legalBasis: c.legalBasis,
    organisationName: names.get(c.organisationId) ?? '',
    businessAreas: c.businessAreas,
    roles: c.roles,
  }));
}

/** The people of named contacts (active or not: the user picked them), each once, in the order given. */
export function peopleOfContactIds(doc: Pick<SambrukDocument, 'contacts' | 'organisations'>, contactIds: readonly string[]): ReachPerson[] {
  const byId = new Map(doc.contacts.map((c) => [c.id, c]));
  const unique = [...new Set(contactIds)].flatMap((id) => byId.get(id) ?? []);
  return reachPeople(doc, unique);
}

/** The active contact persons a selection reaches at `date`. */
export function peopleOfCriteria(doc: SambrukDocument, criteria: SelectionCriteria, date: string): ReachPerson[] {
  switch (criteria.kind) {
    case 'anvander-inte': {
      const answer = nonUsers(doc, criteria.serviceId, date, criteria.includeNonMembers);
      return peopleOfContactIds(doc, answer.rows.flatMap((r) => r.contacts.map((c) => c.id)));
    }
    case 'anvander':
      return peopleOfContactIds(doc, userContactIds(doc, criteria.serviceId, date));
    case 'kontakter':
      return peopleOfContactIds(doc, contactDirectory(doc, criteria.filter, date).rows.map((r) => r.id));
    case 'organisationer': {
      const orgs = new Set(criteria.organisationIds);
      const contacts = doc.contacts.filter((c) => orgs.has(c.organisationId) && contactActiveAt(c, date)).sort((a, b) => compareSv(a.name, b.name));
      return reachPeople(doc, contacts);
    }
  }
}
