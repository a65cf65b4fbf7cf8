/**
 * Contact persons: who at a member organisation the secretariat reaches, for which business area and role.
 * The Teckal exemption needs correct contact details for every member per business area, so contacts carry
 * the date they were last confirmed, and ended contacts are kept (with `endedAt`) for history until erased.
 *
 * E-mail policy (zod's `z.email()` refuses internationalised domains such as `räksmörgås.se`, which are valid
 * Swedish domains, so the register has its own): one `@`; before it 1–64 characters of letters (any script,
 * å/ä/ö included), digits and `! # $ % & ' * + - / = ? ^ _ \` { | } ~ .`; after it at least two labels of
 * letters, digits and inner hyphens, separated by single dots, the last (top-level domain) at least two
 * letters or a punycode `xn--` label. No spaces, no two dots in a row, no dot first or last on either side
 * of `@`, at most 254 characters. The domain is stored in lower case (domains are case-insensitive); the part
 * before `@` is kept as typed, since only the receiving server may interpret its case.
 *
 * Phone policy: what Swedes write (`070-123 45 67`, `08-123 456 78`, `+46 70 123 45 67`, `0046 70 …`) may use
 * digits, spaces, hyphens, parentheses, slashes, dots and one leading `+`; numbers without a country code
 * are Swedish. `libphonenumber-js` (full metadata) must call it a valid number; it is stored in E.164
 * (`+46701234567`). Letters are refused rather than ignored, so `070-123 45 67 ankn. 12` is not silently cut.
 */
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import type { BusinessArea, Contact, ContactRole, SambrukDocument } from '../store/schema';
import { businessAreas, contactRoles, legalBases } from '../store/schema';
import { fieldError } from './field-errors';
import { compareSv } from './swedish';

export type LegalBasis = (typeof legalBases)[number];

export const businessAreaLabels: Record<BusinessArea, string> = {
  skola: 'Skola',
  'stod-och-bistand': 'Stöd och bistånd',
  'kultur-och-delaktighet': 'Kultur och delaktighet',
  trafik: 'Trafik',
  fastighet: 'Fastighet',
};

export const contactRoleLabels: Record<ContactRole, string> = {
  it: 'IT',
  ekonomi: 'Ekonomi',
  kommunledning: 'Kommunledning',
  annan: 'Annan',
};

export const legalBasisLabels: Record<LegalBasis, string> = {
  'allmant-intresse': 'Allmänt intresse (uppgift av allmänt intresse)',
  'berattigat-intresse': 'Berättigat intresse',
  avtal: 'Avtal',
  samtycke: 'Samtycke',
};

// ---------------------------------------------------------------- e-mail

export type EmailRefusal =
  | 'empty'
  | 'spaces'
  | 'missing-at'
  | 'several-at'
  | 'local-empty'
  | 'domain-empty'
  | 'double-dot'
  | 'dot-edge'
  | 'local-chars'
  | 'domain-chars'
  | 'domain-no-dot'
  | 'tld'
  | 'too-long';

export const emailMessages: Record<EmailRefusal, string> = {
  empty: 'Skriv en e-postadress, till exempel namn@kommun.se.',
  spaces: 'E-postadressen får inte innehålla mellanslag.',
  'missing-at': 'E-postadressen saknar @, till exempel namn@kommun.se.',
  'several-at': 'E-postadressen får bara innehålla ett @.',
  'local-empty': 'Det saknas en mottagare före @, till exempel namn@kommun.se.',
  'domain-empty': 'Det saknas en domän efter @, till exempel namn@kommun.se.',
  'double-dot': 'E-postadressen får inte ha två punkter i rad.',
  'dot-edge': 'En punkt får inte stå först eller sist, eller direkt före eller efter @.',
  'local-chars': 'Delen före @ innehåller tecken som inte är tillåtna.',
  'domain-chars': 'Domänen efter @ får bara innehålla bokstäver, siffror, bindestreck (inte först eller sist) och punkter.',
  'domain-no-dot': 'Domänen efter @ saknar toppdomän, till exempel .se.',
  tld: 'Toppdomänen (sist, efter punkten) ska vara minst två bokstäver, till exempel .se.',
  'too-long': 'E-postadressen är för lång (högst 254 tecken, högst 64 före @).',
};

export type ParsedEmail = { ok: true; value: string } | { ok: false; reason: EmailRefusal; message: string };

const LOCAL_CHARS = /^[\p{L}\p{M}\p{N}!#$%&'*+\-/=?^_`{|}~.]+$/u;
const DOMAIN_LABEL = /^[\p{L}\p{M}\p{N}](?:[\p{L}\p{M}\p{N}-]{0,61}[\p{L}\p{M}\p{N}])?$/u;
const TLD = /^(?:\p{L}{2,63}|xn--[a-z0-9-]{1,59})$/u;

function refuseEmail(reason: EmailRefusal): ParsedEmail {
  return { ok: false, reason, message: emailMessages[reason] };
}

/** Text as typed -> the stored address (NFC, domain in lower case), or a refusal. Never throws. */
export function parseEmail(input: string): ParsedEmail {
  const text = input.normalize('NFC').trim();
  if (text === '') return refuseEmail('empty');
  if (/\s/u.test(text)) return refuseEmail('spaces');
  const at = text.split('@');
  if (at.length < 2) return refuseEmail('missing-at');
  if (at.length > 2) return refuseEmail('several-at');
  const [local = '', rawDomain = ''] = at;
  if (local === '') return refuseEmail('local-empty');
  if (rawDomain === '') return refuseEmail('domain-empty');
  if (text.length > 254 || local.length > 64) return refuseEmail('too-long');
  if (text.includes('..')) return refuseEmail('double-dot');
  const domain = rawDomain.toLocaleLowerCase('sv-SE');
  if (local.startsWith('.') || local.endsWith('.') || domain.startsWith('.') || domain.endsWith('.')) return refuseEmail('dot-edge');
  if (!LOCAL_CHARS.test(local)) return refuseEmail('local-chars');
  const labels = domain.split('.');
  if (labels.length < 2) return refuseEmail('domain-no-dot');
  if (!labels.every((label) => DOMAIN_LABEL.test(label))) return refuseEmail('domain-chars');
  if (!TLD.test(labels[labels.length - 1] ?? '')) return refuseEmail('tld');
  return { ok: true, value: `${local}@${domain}` };
}

// ---------------------------------------------------------------- phone

export type PhoneRefusal = 'empty' | 'chars' | 'invalid';

export const phoneMessages: Record<PhoneRefusal, string> = {
  empty: 'Skriv ett telefonnummer, till exempel 070-123 45 67.',
  chars: 'Telefonnumret får bara innehålla siffror, mellanslag, bindestreck, parenteser och ett inledande +.',
  invalid: 'Telefonnumret är inte ett giltigt nummer. Skriv till exempel 070-123 45 67, 08-123 456 78 eller +46 70 123 45 67.',
};

export type ParsedPhone = { ok: true; value: string } | { ok: false; reason: PhoneRefusal; message: string };

const PHONE_CHARS = /^\+?[\d\s\u00A0\-\u2010-\u2013()/.]+$/u;

function refusePhone(reason: PhoneRefusal): ParsedPhone {
  return { ok: false, reason, message: phoneMessages[reason] };
}

/** Text as typed -> E.164 (`+46701234567`), or a refusal. Numbers without a country code are Swedish. */
export function parsePhone(input: string): ParsedPhone {
  const text = input.normalize('NFC').trim();
  if (text === '') return refusePhone('empty');
  if (!PHONE_CHARS.test(text)) return refusePhone('chars');
  const parsed = parsePhoneNumberFromString(text, 'SE');
  if (!parsed || !parsed.isValid()) return refusePhone('invalid');
  return { ok: true, value: parsed.number };
}

/** E.164 -> how Swedes read it: `070-123 45 67` for Swedish numbers, `+47 22 12 34 56` for others. */
export function formatPhone(e164: string): string {
  if (e164 === '') return '';
  const parsed = parsePhoneNumberFromString(e164);
  if (!parsed) return e164;
  return parsed.country === 'SE' ? parsed.formatNational() : parsed.formatInternational();
}

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

/** `date` moved by whole months; a day that does not exist in the target month becomes its last day. */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) + months;
  const ty = Math.floor(index / 12);
  const tm = index - ty * 12;
  const lastDay = new Date(Date.UTC(ty, tm + 1, 0)).getUTCDate();
  return `${String(ty).padStart(4, '0')}-${String(tm + 1).padStart(2, '0')}-${String(Math.min(d, lastDay)).padStart(2, '0')}`;
}

/** How long a confirmation holds: a contact confirmed 12 months ago or less (on the same day, inclusive) is current. */
export const CONFIRMATION_VALID_MONTHS = 12;

/**
 * Whether a contact needs confirming again at `date`: never confirmed, or confirmed before the day twelve
 * months earlier (confirmed 2021-04-28 is still current on 2022-04-28 and stale on 2022-04-29).
 */
export function confirmationStale(contact: Pick<Contact, 'confirmedAt'>, date: string): boolean {
  return contact.confirmedAt === undefined || contact.confirmedAt < addMonths(date, -CONFIRMATION_VALID_MONTHS);
}

export type ContactRow = Contact & {
  organisationName: string;
  active: boolean;
  confirmationStale: boolean;
  phoneDisplay: string;
  businessAreaLabels: string[];
  roleLabels: string[];
};

/** Contacts as the lists show them: active first, then by name (Swedish collation). */
export function contactRows(
  doc: Pick<SambrukDocument, 'contacts' | 'organisations'>,
  options: { organisationId?: string; includeEnded?: boolean; date: string },
): ContactRow[] {
  const names = new Map(doc.organisations.map((o) => [o.id, o.name]));
  return doc.contacts
    .filter((c) => options.organisationId === undefined || c.organisationId === options.organisationId)
    .filter((c) => options.includeEnded !== false || contactActiveAt(c, options.date))
    .map((c) => ({
      ...c,
      organisationName: names.get(c.organisationId) ?? '',
      active: contactActiveAt(c, options.date),
      confirmationStale: confirmationStale(c, options.date),
      phoneDisplay: formatPhone(c.phone),
      businessAreaLabels: c.businessAreas.map((a) => businessAreaLabels[a]),
      roleLabels: c.roles.map((r) => contactRoleLabels[r]),
    }))
    .sort((a, b) => Number(b.active) - Number(a.active) || compareSv(a.name, b.name) || compareSv(a.organisationName, b.organisationName));
}
