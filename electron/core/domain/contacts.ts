/**
 * Contact persons: who at a member organisation the secretariat reaches, for which business area and role.
 * The Teckal exemption needs correct contact details for every member per business area, so contacts carry
 * the date they were last confirmed, and ended contacts are kept (with `endedAt`) for history until erased.
 *
 * E-mail and phone policies: `contract/rules/contact-details.ts` (the input schemas apply them too).
 */
import type { BusinessArea, Contact, ContactRole, LegalBasis, SambrukDocument } from '../store/schema';
import { businessAreas, contactRoles } from '../store/schema';
import { formatPhone, parseEmail, parsePhone } from '../../contract/rules/contact-details';
import { fieldError } from './field-errors';
import { compareSv } from './swedish';
import { addMonths, dateAt, instantOf } from '../../contract/rules/calendar-date';
import type { ContactDuplicate, ContactRow } from '../../contract/model/members';
import { businessAreaLabels, contactRoleLabels } from '../../contract/labels';

export { businessAreaLabels, legalBasisLabels } from '../../contract/labels';
export type { ContactDuplicate, ContactRow } from '../../contract/model/members';
export { formatPhone, parseEmail, parsePhone } from '../../contract/rules/contact-details';
export type { LegalBasis } from '../store/schema';

// ---------------------------------------------------------------- contacts

/** The fields a user edits. Optional text fields default to empty; `null` in a patch clears a date. */
export type ContactFields = {
  organisationId: string;
  name: string;
  title?: string;
  email?: string;
  phone?: string;
  businessAreas?: readonly BusinessArea[];
  roles?: readonly ContactRole[];
  confirmedAt?: string | null;
  legalBasis?: LegalBasis;
  endedAt?: string | null;
  note?: string;
};

export type ContactPatch = Partial<ContactFields>;

/** Field-level rules for a contact; returns the fields to store (normalised) or throws a field refusal. */
export function prepareContactFields(
  doc: Pick<SambrukDocument, 'organisations'>,
  fields: ContactFields,
): Omit<Contact, 'id' | 'createdAt'> {
  if (!doc.organisations.some((o) => o.id === fields.organisationId)) {
    throw fieldError('not-found', 'organisationId', 'Organisationen finns inte.');
  }
  const name = fields.name.normalize('NFC').replace(/\s+/gu, ' ').trim();
  if (name === '') throw fieldError('validation', 'name', 'Skriv personens namn.');
  let email = '';
  if (fields.email !== undefined && fields.email.trim() !== '') {
    const parsed = parseEmail(fields.email);
    if (!parsed.ok) throw fieldError('validation', 'email', parsed.message, { reason: parsed.reason });
    email = parsed.value;
  }
  let phone = '';
  if (fields.phone !== undefined && fields.phone.trim() !== '') {
    const parsed = parsePhone(fields.phone);
    if (!parsed.ok) throw fieldError('validation', 'phone', parsed.message, { reason: parsed.reason });
    phone = parsed.value;
  }
  const areas = businessAreas.filter((a) => fields.businessAreas?.includes(a));
  const roles = contactRoles.filter((r) => fields.roles?.includes(r));
  return {
    organisationId: fields.organisationId,
    name,
    title: (fields.title ?? '').trim(),
    email,
    phone,
    businessAreas: areas,
    roles,
    ...(fields.confirmedAt ? { confirmedAt: fields.confirmedAt } : {}),
    legalBasis: fields.legalBasis ?? 'allmant-intresse',
    ...(fields.endedAt ? { endedAt: fields.endedAt } : {}),
    note: fields.note ?? '',
  };
}

/** The editable fields of a stored contact, as a patch starts from. */
export function contactFieldsOf(contact: Contact): ContactFields {
  return {
    organisationId: contact.organisationId,
    name: contact.name,
    title: contact.title,
    email: contact.email,
    phone: contact.phone,
    businessAreas: contact.businessAreas,
    roles: contact.roles,
    confirmedAt: contact.confirmedAt ?? null,
    legalBasis: contact.legalBasis,
    endedAt: contact.endedAt ?? null,
    note: contact.note,
  };
}

/** Applies a patch: `undefined` keeps a field, `null` clears a date. */
export function applyContactPatch(contact: Contact, patch: ContactPatch): ContactFields {
  const fields = contactFieldsOf(contact);
  for (const [key, value] of Object.entries(patch)) {
    if (value !== undefined) (fields as Record<string, unknown>)[key] = value;
  }
  return fields;
}

/** A contact is active through its `endedAt` (the last day at the organisation, inclusive). */
export function contactActiveAt(contact: Pick<Contact, 'endedAt'>, date: string): boolean {
  return contact.endedAt === undefined || date <= contact.endedAt;
}

/** How long a confirmation holds: a contact confirmed 12 months ago or less (on the same day, inclusive) is current. */
export const CONFIRMATION_VALID_MONTHS = 12;

// The Swedish day of each creation instant seen, since time-zone arithmetic is costly and lists ask it of every contact.
const createdDays = new Map<string, string>();
const CREATED_DAYS_KEPT = 200_000;

/** The Swedish calendar day a contact was created on (its `createdAt` is an instant). */
export function createdOn(contact: Pick<Contact, 'createdAt'>): string {
  const known = createdDays.get(contact.createdAt);
  if (known !== undefined) return known;
  const instant = instantOf(contact.createdAt);
  const day = instant ? dateAt(instant) : contact.createdAt.slice(0, 10);
  if (createdDays.size >= CREATED_DAYS_KEPT) createdDays.clear();
  createdDays.set(contact.createdAt, day);
  return day;
}

/**
 * Whether a contact needs confirming again at `date`: the last confirmation, or the creation when it was never
 * confirmed, lies before the day twelve months earlier (confirmed 2021-04-28 is still current on 2022-04-28 and
 * stale on 2022-04-29). A contact added today is as current as one confirmed today.
 */
export function confirmationStale(contact: Pick<Contact, 'confirmedAt' | 'createdAt'>, date: string): boolean {
  return confirmationStaleAt(date)(contact);
}

/** `confirmationStale` for many contacts at one date, the cut-off day worked out once. */
export function confirmationStaleAt(date: string): (contact: Pick<Contact, 'confirmedAt' | 'createdAt'>) => boolean {
  const cutoff = addMonths(date, -CONFIRMATION_VALID_MONTHS);
  return (contact) => (contact.confirmedAt ?? createdOn(contact)) < cutoff;
}

// ---------------------------------------------------------------- duplicates

/** A name as two entries of the same person compare: NFC, spaces collapsed, case folded. */
function nameKey(name: string): string {
  return name.normalize('NFC').replace(/\s+/gu, ' ').trim().toLocaleLowerCase('sv-SE');
}

function emailKey(email: string): string {
  return email.normalize('NFC').trim().toLocaleLowerCase('sv-SE');
}

/**
 * The stored contacts a new or edited contact would repeat: the same e-mail (case-insensitive, at any
 * organisation) or the same name at the same organisation. `ignoreId` is the contact being edited.
 */
export function findContactDuplicates(
  doc: Pick<SambrukDocument, 'contacts' | 'organisations'>,
  fields: { organisationId: string; name?: string; email?: string },
  ignoreId?: string,
): ContactDuplicate[] {
  const name = nameKey(fields.name ?? '');
  const email = emailKey(fields.email ?? '');
  const names = new Map(doc.organisations.map((o) => [o.id, o.name]));
  const found: ContactDuplicate[] = [];
  for (const c of doc.contacts) {
    if (c.id === ignoreId) continue;
    const reasons: ContactDuplicate['reasons'] = [];
    if (email !== '' && emailKey(c.email) === email) reasons.push('email');
    if (name !== '' && c.organisationId === fields.organisationId && nameKey(c.name) === name) reasons.push('name');
    if (reasons.length === 0) continue;
    found.push({
      id: c.id,
      name: c.name,
      email: c.email,
      organisationId: c.organisationId,
      organisationName: names.get(c.organisationId) ?? '',
      reasons,
      ended: c.endedAt !== undefined,
    });
  }
  return found.sort((a, b) => Number(a.ended) - Number(b.ended) || compareSv(a.name, b.name));
}

/**
 * Refuses an exact duplicate: a contact still at the organisation with the same name and the same e-mail (both
 * blank counts as the same). Near matches are only shown, since two people may share a name or a mailbox.
 */
export function assertNotDuplicateContact(
  doc: Pick<SambrukDocument, 'contacts' | 'organisations'>,
  fields: Pick<Contact, 'organisationId' | 'name' | 'email'>,
  ignoreId?: string,
): void {
  const exact = doc.contacts.find(
    (c) =>
      c.id !== ignoreId &&
      c.endedAt === undefined &&
      c.organisationId === fields.organisationId &&
      nameKey(c.name) === nameKey(fields.name) &&
      emailKey(c.email) === emailKey(fields.email),
  );
  if (exact) {
    const org = doc.organisations.find((o) => o.id === exact.organisationId)?.name ?? '';
    throw fieldError('duplicate', 'name', `${exact.name} finns redan som kontaktperson hos ${org}${exact.email ? ` (${exact.email})` : ''}.`, {
      existingId: exact.id,
    });
  }
}

/** Each organisation's contact persons, in the register's order, per frozen contacts array (a state's). */
const byOrganisation = new WeakMap<readonly Contact[], Map<string, Contact[]>>();

/** The contact persons of one organisation: looked up in the state's index, not by scanning every person. */
function contactsOfOrganisation(contacts: readonly Contact[], organisationId: string): readonly Contact[] {
  if (!Object.isFrozen(contacts)) return contacts.filter((c) => c.organisationId === organisationId);
  let index = byOrganisation.get(contacts);
  if (!index) {
    index = new Map();
    for (const c of contacts) {
      const list = index.get(c.organisationId);
      if (list) list.push(c);
      else index.set(c.organisationId, [c]);
    }
    byOrganisation.set(contacts, index);
  }
  return index.get(organisationId) ?? [];
}

/** Contacts as the lists show them: active first, then by name (Swedish collation). */
export function contactRows(
  doc: Pick<SambrukDocument, 'contacts' | 'organisations'>,
  options: { organisationId?: string; includeEnded?: boolean; date: string },
): ContactRow[] {
  const { organisationId } = options;
  // One organisation's page names one organisation: no map of every organisation's name for it.
  const nameOf =
    organisationId === undefined
      ? (() => {
          const names = new Map(doc.organisations.map((o) => [o.id, o.name]));
          return (id: string) => names.get(id);
        })()
      : (() => {
          const name = doc.organisations.find((o) => o.id === organisationId)?.name;
          return (id: string) => (id === organisationId ? name : undefined);
        })();
  return (organisationId === undefined ? doc.contacts : contactsOfOrganisation(doc.contacts, organisationId))
    .filter((c) => options.includeEnded !== false || contactActiveAt(c, options.date))
    .map((c) => ({
      ...c,
      organisationName: nameOf(c.organisationId) ?? '',
      active: contactActiveAt(c, options.date),
      confirmationStale: confirmationStale(c, options.date),
      phoneDisplay: formatPhone(c.phone),
      businessAreaLabels: c.businessAreas.map((a) => businessAreaLabels[a]),
      roleLabels: c.roles.map((r) => contactRoleLabels[r]),
    }))
    .sort((a, b) => Number(b.active) - Number(a.active) || compareSv(a.name, b.name) || compareSv(a.organisationName, b.organisationName));
}
