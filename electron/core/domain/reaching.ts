/**
 * Reaching a group of contact persons: who may get which kind of mail, their addresses in batches a mail
 * program accepts, and the same people as CSV or vCard for a mailing tool.
 *
 * Mail kinds and legal basis (GDPR art. 6): an «ärende» concerns the organisation's own membership, services or
 * networks, which every basis the secretariat keeps a contact on covers; an «utskick» (newsletter, invitation to
 * many) is marketing-like mail, sent only to contacts who gave their consent («samtycke»). A contact left out is
 * counted with the reason, so the user sees who did not get it.
 */
import type { BusinessArea, Contact, ContactRole, LegalBasis, MailKind } from '../store/schema';
import { businessAreaLabels, contactRoleLabels } from '../../contract/labels';
import { formatPhone } from '../../contract/rules/contact-details';
import { safeText } from '../exports/workbook-kit';
import { countOf } from './swedish';

/** Which legal bases allow which kind of mail. */
export const mailAllowedBy: Readonly<Record<MailKind, ReadonlySet<LegalBasis>>> = {
  arende: new Set<LegalBasis>(['allmant-intresse', 'berattigat-intresse', 'avtal', 'samtycke']),
  utskick: new Set<LegalBasis>(['samtycke']),
};

export function mailAllowed(basis: LegalBasis, kind: MailKind): boolean {
  return mailAllowedBy[kind].has(basis);
}

export type ReachPerson = Pick<Contact, 'id' | 'name' | 'email' | 'phone' | 'title' | 'legalBasis'> & {
  organisationName: string;
  businessAreas: readonly BusinessArea[];
  roles: readonly ContactRole[];
};

export type OmitReason = 'saknar-samtycke' | 'saknar-e-post';

export type ReachPlan = {
  kind: MailKind;
  /** The people who get the mail, each address once (the first person with it). */
  recipients: ReachPerson[];
  addresses: string[];
  omitted: { contactId: string; name: string; organisationName: string; reason: OmitReason }[];
  /** «42 adresser; 3 utelämnade: saknar samtycke för nyhetsbrev». */
  summary: string;
};

const addressWords = { one: 'adress', other: 'adresser' };

/** Splits people into those the kind of mail may reach and those left out (with why). */
export function planReach(people: readonly ReachPerson[], kind: MailKind): ReachPlan {
  const recipients: ReachPerson[] = [];
  const omitted: ReachPlan['omitted'] = [];
  const seen = new Set<string>();
  for (const person of people) {
    const leaveOut = (reason: OmitReason) => omitted.push({ contactId: person.id, name: person.name, organisationName: person.organisationName, reason });
    if (!mailAllowed(person.legalBasis, kind)) leaveOut('saknar-samtycke');
    else if (person.email.trim() === '') leaveOut('saknar-e-post');
    else {
      const key = person.email.toLowerCase();
      if (seen.has(key)) continue;
      seen.add(key);
      recipients.push(person);
    }
  }
  return { kind, recipients, addresses: recipients.map((r) => r.email), omitted, summary: reachSummary(recipients.length, omitted) };
}

function reachSummary(count: number, omitted: ReachPlan['omitted']): string {
  const parts = [countOf(count, addressWords)];
  const noConsent = omitted.filter((o) => o.reason === 'saknar-samtycke').length;
  const noEmail = omitted.length - noConsent;
  if (noConsent > 0) parts.push(`${countOf(noConsent, { one: 'utelämnad', other: 'utelämnade' })}: saknar samtycke för nyhetsbrev`);
  if (noEmail > 0) parts.push(`${countOf(noEmail, { one: 'person', other: 'personer' })} utan e-postadress`);
  return parts.join('; ');
}

// ---------------------------------------------------------------- mailto batches

/** Mail programs and the OS hand-off cut long mailto: addresses; these keep every batch well within them. */
export const MAILTO_MAX_ADDRESSES = 50;
export const MAILTO_MAX_LENGTH = 1900;

export type MailBatch = { url: string; addresses: string[] };

/** One address as a mailto: header value needs it: percent-encoded, with `@` kept readable. */
function encodeAddress(address: string): string {
  return encodeURIComponent(address).replace(/%40/g, '@');
}

/**
 * The addresses as `mailto:?bcc=…` links, in order, each with at most `maxAddresses` addresses and at most
 * `maxLength` characters (RFC 6068). An address too long for a batch of its own still gets one.
 */
export function mailtoBatches(
  addresses: readonly string[],
  options: { maxAddresses?: number; maxLength?: number; subject?: string } = {},
): MailBatch[] {
  const maxAddresses = options.maxAddresses ?? MAILTO_MAX_ADDRESSES;
  const maxLength = options.maxLength ?? MAILTO_MAX_LENGTH;
  const subject = options.subject !== undefined && options.subject.trim() !== '' ? `&subject=${encodeURIComponent(options.subject.trim())}` : '';
  const head = 'mailto:?bcc=';
  const batches: MailBatch[] = [];
  let current: string[] = [];
  let length = head.length + subject.length;
  const flush = () => {
    if (current.length === 0) return;
    batches.push({ url: `${head}${current.map(encodeAddress).join(',')}${subject}`, addresses: current });
    current = [];
    length = head.length + subject.length;
  };
  for (const address of addresses) {
    const encoded = encodeAddress(address);
    if (current.length > 0 && (current.length >= maxAddresses || length + 1 + encoded.length > maxLength)) flush();
    length += (current.length > 0 ? 1 : 0) + encoded.length;
    current.push(address);
  }
  flush();
  return batches;
}

// ---------------------------------------------------------------- CSV

const CSV_HEADERS = ['Namn', 'Organisation', 'E-post', 'Telefon', 'Titel', 'Verksamhetsområden', 'Roller'];

function csvField(value: string): string {
  // Formula characters get the apostrophe as in the workbooks; the field is quoted when Excel would split it.
  const text = safeText(value).replace(/\n/g, '\r\n');
  return /[;"\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function personFields(p: ReachPerson): string[] {
  return [
    p.name,
    p.organisationName,
    p.email,
    formatPhone(p.phone),
    p.title,
    p.businessAreas.map((a) => businessAreaLabels[a]).join(', '),
    p.roles.map((r) => contactRoleLabels[r]).join(', '),
  ];
}

/** UTF-8 with a byte-order mark, semicolons and CRLF: what Excel in Sweden opens without an import dialog. */
export function contactsCsv(people: readonly ReachPerson[]): string {
  const lines = [CSV_HEADERS, ...people.map(personFields)].map((fields) => fields.map(csvField).join(';'));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

// ---------------------------------------------------------------- vCard

/** RFC 6350 text value: backslash, comma, semicolon and line breaks escaped. */
function vcardText(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/,/g, '\\,').replace(/;/g, '\\;').replace(/\r\n|\r|\n/g, '\\n');
}

/** Folds a content line at 75 octets (RFC 6350 3.2), never inside a UTF-8 character. */
function foldLine(line: string): string {
  const encoder = new TextEncoder();
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const ch of line) {
    const size = encoder.encode(ch).length;
    const limit = parts.length === 0 ? 75 : 74;
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
    }
    current += ch;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

/** Splits a display name into family and given name for N: the last word is taken as the family name. */
function structuredName(name: string): string {
  const words = name.trim().split(/\s+/u);
  const family = words.length > 1 ? (words.at(-1) ?? '') : name.trim();
  const given = words.length > 1 ? words.slice(0, -1).join(' ') : '';
  return `${vcardText(family)};${vcardText(given)};;;`;
}

/** One .vcf with a vCard 4.0 per person (RFC 6350), CRLF line ends. */
export function contactsVcard(people: readonly ReachPerson[]): string {
  const cards = people.map((p) => {
    const lines = ['BEGIN:VCARD', 'VERSION:4.0', `FN:${vcardText(p.name)}`, `N:${structuredName(p.name)}`];
    if (p.organisationName !== '') lines.push(`ORG:${vcardText(p.organisationName)}`);
    if (p.title !== '') lines.push(`TITLE:${vcardText(p.title)}`);
    if (p.email !== '') lines.push(`EMAIL;TYPE=work:${vcardText(p.email)}`);
    if (p.phone !== '') lines.push(`TEL;VALUE=uri;TYPE=work:tel:${p.phone}`);
    lines.push('END:VCARD');
    return lines.map(foldLine).join('\r\n');
  });
  return cards.length === 0 ? '' : `${cards.join('\r\n')}\r\n`;
}
