/**
 * The fields an import of organisations, membership periods and contact persons can fill, and how each
 * field's text is read. Every reader takes the cell's text exactly as the file has it (the readers in
 * `read-table.ts` never coerce), so:
 *
 * - a phone `0701234567` keeps its zero and is stored in E.164 (`+46701234567`) by the register's phone policy;
 * - an organisation number is checked (Luhn, not a personal identity number) and canonicalised `NNNNNN-NNNN`;
 * - dates are read only in the date fields (`joined`, `left`): `2022-03-01`, `2022-03-01 00:00` (a date cell
 *   with a time) or `20220301`; a text such as `212000-0142` in another column is never taken for a date;
 * - municipalities are matched by `municipality-matcher.ts` (Habo is never Håbo).
 */
import type { BusinessArea, CountyRef, OrganisationKind } from '../store/schema';
import { isSafeName } from '../store/schema';
import { DATE_YEARS_TEXT, dateShapeOf, isCalendarDate } from '../../contract/rules/calendar-date';
import { MAX_POPULATION, boundMessages } from '../../contract/rules/amounts';
import { businessAreaLabels } from '../domain/contacts';
import { organisationKindLabels } from '../domain/organisations';
import { identityKey } from '../domain/swedish';
import { parseOrgNumber } from '../../contract/rules/organisation-number';
import { commonImportFields, foldHeader, type ImportField } from './column-mapping';
import type { ImportFieldKey } from '../../contract/model/imports';

export { importFieldKeys } from '../../contract/model/imports';
export type { ImportFieldKey } from '../../contract/model/imports';

/** The fields that name the organisation of a row; at least one must be mapped. */
export const identityFields: readonly ImportFieldKey[] = ['organisation', 'municipalityCode', 'orgNumber'];

const f = commonImportFields;

/** Field definitions for `suggestMapping`: labels equal the headers of the app's own Medlemmar sheet. */
export const importFields: readonly (ImportField & { key: ImportFieldKey })[] = [
  { ...f.organisation, key: 'organisation' },
  { ...f.municipalityCode, key: 'municipalityCode' },
  { ...f.orgNumber, key: 'orgNumber' },
  { key: 'kind', label: 'Typ', synonyms: ['Organisationstyp', 'Typ av organisation', 'Kategori'] },
  { key: 'county', label: 'Län', synonyms: ['Länskod', 'Länsnamn', 'Lan'] },
  { key: 'population', label: 'Folkmängd', synonyms: ['Invånare', 'Antal invånare', 'Invånarantal', 'Befolkning'] },
  { ...f.joined, key: 'joined' },
  { key: 'left', label: 'Utträde', synonyms: ['Utträdesdatum', 'Medlem till', 'Slutdatum', 'Sista dag'] },
  { ...f.name, key: 'name' },
  { ...f.title, key: 'title' },
  { ...f.email, key: 'email' },
  { ...f.phone, key: 'phone' },
  { ...f.businessArea, key: 'businessArea' },
  { key: 'invoiceStreet', label: 'Fakturaadress', synonyms: ['Faktureringsadress', 'Fakturagatuadress', 'Gatuadress för fakturor', 'Fakturaadress gata'] },
  { key: 'invoicePostalCode', label: 'Postnummer', synonyms: ['Postnr', 'Fakturapostnummer', 'Postnummer för fakturor'] },
  { key: 'invoiceCity', label: 'Postort', synonyms: ['Ort', 'Fakturaort', 'Postort för fakturor'] },
  { key: 'buyerReference', label: 'Er referens', synonyms: ['Referens', 'Fakturareferens', 'Beställarreferens', 'Köparens referens', 'Ert referensnummer'] },
  { key: 'peppolId', label: 'Peppol-id', synonyms: ['Peppol', 'Peppol id', 'Peppoladress', 'E-fakturaadress', 'Elektronisk fakturaadress'] },
  { key: 'invoiceEmail', label: 'E-post för fakturor', synonyms: ['Fakturamejl', 'Fakturamail', 'Faktura e-post', 'E-postadress för fakturor', 'Fakturaepost'] },
  { key: 'payer', label: 'Betalas av', synonyms: ['Betalare', 'Betalande organisation', 'Fakturamottagare'] },
];

export type Read<T> = { ok: true; value: T } | { ok: false; message: string };

const MAX_NAME = 200;

/** A name as the register stores it: NFC, single spaces, trimmed; refused with control or direction characters. */
export function readName(text: string): Read<string> {
  const value = text.normalize('NFC').replace(/\s+/gu, ' ').trim();
  if (!isSafeName(value)) return { ok: false, message: 'Namnet innehåller styrtecken eller tecken som vänder textriktningen.' };
  if (value.length > MAX_NAME) return { ok: false, message: `Namnet är för långt (högst ${MAX_NAME} tecken).` };
  return { ok: true, value };
}

const KIND_WORDS: Record<string, OrganisationKind> = {
  ...Object.fromEntries(Object.entries(organisationKindLabels).map(([kind, label]) => [foldHeader(label), kind as OrganisationKind])),
  kommun: 'kommun',
  region: 'region',
  kommunalforbund: 'kommunalforbund',
  forbund: 'kommunalforbund',
  gemensamnamnd: 'gemensam-namnd',
  annan: 'annan',
  annanorganisation: 'annan',
  ovrig: 'annan',
  ovrigorganisation: 'annan',
  myndighet: 'annan',
};

export function readKind(text: string): Read<OrganisationKind> {
  const kind = KIND_WORDS[foldHeader(text)];
  if (kind) return { ok: true, value: kind };
  return { ok: false, message: `Okänd typ ”${text.trim().slice(0, 40)}”. Skriv Kommun, Region, Kommunalförbund, Gemensam nämnd eller Annan organisation.` };
}

/** A county by its two-digit code or its name, with or without `län` (`Stockholms län`, `Stockholms`). */
export function readCounty(text: string, counties: readonly CountyRef[]): Read<string> {
  const value = text.trim();
  if (/^\d{1,2}$/.test(value)) {
    const code = value.padStart(2, '0');
    if (counties.some((c) => c.code === code)) return { ok: true, value: code };
    return { ok: false, message: `Länskoden ${value} finns inte.` };
  }
  const key = identityKey(value).replace(/län$/u, '');
  const hit = counties.find((c) => identityKey(c.name).replace(/län$/u, '') === key || identityKey(c.name).replace(/slän$/u, '') === key);
  if (hit) return { ok: true, value: hit.code };
  return { ok: false, message: `Inget län heter ”${value.slice(0, 60)}”. Skriv länets namn, till exempel Stockholms län, eller dess länskod.` };
}

/** A whole number of inhabitants, with or without thousands separators (`12 345`, `12345`). */
export function readPopulation(text: string): Read<number> {
  const compact = text.replace(/[\s\u00A0\u202F]/gu, '');
  if (!/^\d{1,9}$/.test(compact)) return { ok: false, message: 'Folkmängden ska vara ett heltal, till exempel 12 345.' };
  const value = Number(compact);
  // The register's bound (see contract/rules/amounts.ts): a larger figure could not be saved and opened again.
  if (value > MAX_POPULATION) return { ok: false, message: boundMessages.population };
  return { ok: true, value };
}

/** A Swedish postal code, `12345` or `123 45`, stored as `123 45`. */
export function readPostalCode(text: string): Read<string> {
  const digits = text.replace(/[\s\u00A0\u202F]/gu, '');
  if (/^\d{5}$/.test(digits)) return { ok: true, value: `${digits.slice(0, 3)} ${digits.slice(3)}` };
  return { ok: false, message: `”${text.trim().slice(0, 20)}” är inget postnummer. Ett postnummer har fem siffror, till exempel 123 45.` };
}

/**
 * A Peppol participant id, `schema:identitet` (`0007:2120000142`): a four-digit ISO 6523 scheme, a colon and the
 * identifier. Under scheme 0007 (a Swedish organisation number) the identifier must be a valid organisation number.
 */
export function readPeppolId(text: string): Read<string> {
  const value = text.trim().replace(/\s+/gu, '');
  const m = /^(\d{4}):([^:]{1,50})$/.exec(value);
  if (!m) {
    return { ok: false, message: `”${text.trim().slice(0, 40)}” är inget Peppol-id. Skriv schema och identitet med kolon emellan, till exempel 0007:2120000142.` };
  }
  const [, scheme = '', id = ''] = m;
  if (scheme === '0007') {
    const parsed = parseOrgNumber(id);
    if (!parsed.ok || !/^\d{10}$/.test(id)) return { ok: false, message: `Peppol-id:t ${value} har schema 0007 men ${id} är inget giltigt organisationsnummer (tio siffror utan bindestreck).` };
  }
  return { ok: true, value: `${scheme}:${id}` };
}

/** `YYYY-MM-DD`, `YYYY-MM-DD HH:MM[:SS]` (a date cell with a time of day) or `YYYYMMDD`, as a real calendar date. */
/**
 * A join date as the workbook writes it: a date, or `före ÅÅÅÅ-MM-DD` for a membership whose start is known
 * only as before that date (so an exported «Medlem sedan» column reads back as it was).
 */
export function readJoinDate(text: string): Read<{ date: string; before: boolean }> {
  const before = /^\s*före\s+(.*)$/i.exec(text);
  const date = readDate(before ? (before[1] ?? '') : text);
  return date.ok ? { ok: true, value: { date: date.value, before: before !== null } } : date;
}

export function readDate(text: string): Read<string> {
  const value = text.trim();
  const iso = dateShapeOf(value, { time: true });
  if (iso && isCalendarDate(iso)) return { ok: true, value: iso };
  if (iso) return { ok: false, message: `Datumet ${iso} finns inte i kalendern eller ligger utanför ${DATE_YEARS_TEXT}.` };
  return { ok: false, message: `”${value.slice(0, 40)}” är inget datum. Skriv datumet som ÅÅÅÅ-MM-DD, till exempel 2022-03-01.` };
}

const AREA_WORDS = new Map<string, BusinessArea>(
  (Object.entries(businessAreaLabels) as [BusinessArea, string][]).flatMap(([area, label]) => [
    [foldHeader(label), area],
    [foldHeader(area), area],
  ]),
);

/** One or more business areas separated by `,`, `;` or `/` (`Skola, Fastighet`). */
export function readBusinessAreas(text: string): Read<BusinessArea[]> {
  const parts = text
    .split(/[,;/]/)
    .map((p) => p.trim())
    .filter((p) => p !== '');
  const areas: BusinessArea[] = [];
  for (const part of parts) {
    const area = AREA_WORDS.get(foldHeader(part));
    if (!area) {
      return {
        ok: false,
        message: `Okänt verksamhetsområde ”${part.slice(0, 40)}”. Välj bland ${Object.values(businessAreaLabels).join(', ')}.`,
      };
    }
    if (!areas.includes(area)) areas.push(area);
  }
  return { ok: true, value: areas };
}

/**
 * The inverse of the exports' guard against formula injection (`safeText` in `workbook-kit.ts`): a leading
 * apostrophe before `=`, `+`, `-`, `@` (or their full-width forms, tab, CR) is the guard, not the data, so an
 * organisation named `=HYPERLINK("x")` exported as `'=HYPERLINK("x")` imports as itself again.
 */
export function withoutFormulaGuard(text: string): string {
  return /^'[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/u.test(text) ? text.slice(1) : text;
}

/**
 * A row labelled just `Summa` or `Totalt` under a table is a sum, not an organisation (`Summa AB` is a name).
 */
export function isSummaryLabel(text: string): boolean {
  return /^(summa|totalt|total|sum)\s*:?$/iu.test(text.trim());
}
