/**
 * The contacts directory: every active contact person of the register, filtered by business area, role,
 * organisation, confirmed or not, and a free text over name, e-mail, phone and organisation.
 */
import type { ContactFilter, SambrukDocument } from '../store/schema';
import type { ContactRow } from '../../contract/model/members';
import type { DirectoryAnswer } from '../../contract/model/reach';
import { contactRows } from './contacts';
import { queryVariants, rankVariants } from './search';
import { searchText } from './swedish';

function matchesText(row: ContactRow, variants: ReturnType<typeof queryVariants>, lower: string, digits: string): boolean {
  if (rankVariants(searchText(row.name), variants) !== undefined) return true;
  if (rankVariants(searchText(row.organisationName), variants) !== undefined) return true;
  if (lower.length >= 2 && row.email.toLowerCase().includes(lower)) return true;
  if (digits.length >= 3 && row.phone !== '') {
    const phone = row.phone.replace(/\D/g, '');
    return phone.includes(digits) || (phone.startsWith('46') && `0${phone.slice(2)}`.includes(digits));
  }
  return false;
}

export function contactDirectory(doc: Pick<SambrukDocument, 'contacts' | 'organisations'>, filter: ContactFilter, date: string): DirectoryAnswer {
  const all = contactRows(doc, { date, includeEnded: false });
  const areas = new Set(filter.businessAreas);
  const roles = new Set(filter.roles);
  const orgs = new Set(filter.organisationIds);
  const query = filter.query.normalize('NFC').trim();
  const variants = query === '' ? undefined : queryVariants(query);
  const lower = query.toLocaleLowerCase('sv-SE');
  const digits = /^[\d\s\-+()]+$/.test(query) ? query.replace(/\D/g, '').replace(/^00?46/, '') : '';
  const rows = all.filter(
    (row) =>
      (areas.size === 0 || row.businessAreas.some((a) => areas.has(a))) &&
      (roles.size === 0 || row.roles.some((r) => roles.has(r))) &&
      (orgs.size === 0 || orgs.has(row.organisationId)) &&
      (filter.confirmed === 'alla' || (filter.confirmed === 'bekraftade') === !row.confirmationStale) &&
      (variants === undefined || matchesText(row, variants, lower, digits)),
  );
  return { total: all.length, rows };
}
