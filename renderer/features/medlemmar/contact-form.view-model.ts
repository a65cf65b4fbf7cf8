/**
 * The contact dialog: form state <-> `contacts/create` / `contacts/update`, and the export file's name.
 * E-mail and phone are checked and normalised by the core (å/ä/ö accepted; phone stored as E.164).
 */
import type { ChannelInput, ContactDuplicate, ContactRow } from '../../../electron/contract';
import type { BusinessArea, ContactRole } from '../../../electron/core/store/schema';
import { sv } from '../../lib/i18n/sv';

export type LegalBasis = keyof typeof sv.medlemmar.legalBases;
export type ErasureGround = keyof typeof sv.medlemmar.erasureGrounds;

export const areaOrder = Object.keys(sv.medlemmar.areas) as BusinessArea[];
export const roleOrder = Object.keys(sv.medlemmar.roles) as ContactRole[];
export const legalBasisOrder = Object.keys(sv.medlemmar.legalBases) as LegalBasis[];
export const erasureGroundOrder = Object.keys(sv.medlemmar.erasureGrounds) as ErasureGround[];

export type ContactForm = {
  name: string;
  title: string;
  email: string;
  phone: string;
  businessAreas: BusinessArea[];
  roles: ContactRole[];
  confirmedAt: string;
  legalBasis: LegalBasis;
  endedAt: string;
  note: string;
};

export function emptyContactForm(): ContactForm {
  return { name: '', title: '', email: '', phone: '', businessAreas: [], roles: [], confirmedAt: '', legalBasis: 'allmant-intresse', endedAt: '', note: '' };
}

/** A stored contact as the form edits it; the phone as Swedes read it, not E.164. */
export function contactFormFrom(row: ContactRow): ContactForm {
  return {
    name: row.name,
    title: row.title,
    email: row.email,
    phone: row.phoneDisplay,
    businessAreas: [...row.businessAreas],
    roles: [...row.roles],
    confirmedAt: row.confirmedAt ?? '',
    legalBasis: row.legalBasis,
    endedAt: row.endedAt ?? '',
    note: row.note,
  };
}

/** Adds or removes one value, keeping the canonical order of `order`. */
export function toggleIn<T extends string>(order: readonly T[], selected: readonly T[], value: T, on: boolean): T[] {
  const set = new Set(selected);
  if (on) set.add(value);
  else set.delete(value);
  return order.filter((v) => set.has(v));
}

export function contactCreateInput(organisationId: string, form: ContactForm): ChannelInput<'contacts/create'> {
  return {
    organisationId,
    name: form.name,
    title: form.title,
    email: form.email,
    phone: form.phone,
    businessAreas: form.businessAreas,
    roles: form.roles,
    ...(form.confirmedAt !== '' ? { confirmedAt: form.confirmedAt } : {}),
    legalBasis: form.legalBasis,
    ...(form.endedAt !== '' ? { endedAt: form.endedAt } : {}),
    note: form.note,
  };
}

/** Every field is sent: a blank date clears it (`null`), blank e-mail or phone clears them too. */
export function contactUpdateInput(id: string, form: ContactForm): ChannelInput<'contacts/update'> {
  return {
    id,
    name: form.name,
    title: form.title,
    email: form.email,
    phone: form.phone,
    businessAreas: form.businessAreas,
    roles: form.roles,
    confirmedAt: form.confirmedAt === '' ? null : form.confirmedAt,
    legalBasis: form.legalBasis,
    endedAt: form.endedAt === '' ? null : form.endedAt,
    note: form.note,
  };
}

/**
 * `personuppgifter-asa-oberg-2022-06-30.json`: the person's name in plain letters (å, ä, ö as a, a, o),
 * so the file name travels through any mail program or file share.
 */
export function exportFileName(name: string, date: string): string {
  const slug = name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLocaleLowerCase('sv-SE')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return `${sv.medlemmar.contacts.exportFilePrefix}-${slug || 'kontakt'}-${date}.json`;
}

/** What the dialog asks the core while the user types: only the fields that can repeat another contact. */
export function contactDuplicateInput(organisationId: string, form: Pick<ContactForm, 'name' | 'email'>, ignoreId?: string): ChannelInput<'contacts/duplicates'> {
  return {
    organisationId,
    name: form.name.slice(0, 500),
    email: form.email.slice(0, 500),
    ...(ignoreId !== undefined ? { ignoreId } : {}),
  };
}

/** One «finns redan» line per stored contact the entry repeats, naming it and saying what is the same. */
export function duplicateLines(duplicates: readonly ContactDuplicate[]): string[] {
  const t = sv.medlemmar.contacts.duplicates;
  return duplicates.map((d) => {
    const same = d.reasons.length === 2 ? t.sameBoth : d.reasons[0] === 'email' ? t.sameEmail : t.sameName;
    return t.line(d.name, d.organisationName, same, d.ended);
  });
}
