import type { z } from 'zod';

/** Swedish names of input fields, so a refusal names the field the way the screen does. */
export const fieldLabels: Record<string, string> = {
  name: 'Namn',
  kind: 'Typ',
  date: 'Datum',
  year: 'År',
  email: 'E-post',
  phone: 'Telefon',
  title: 'Titel',
  orgNumber: 'Organisationsnummer',
  municipalityCode: 'Kommun',
  countyCode: 'Län',
  organisationId: 'Organisation',
  serviceId: 'Tjänst',
  networkId: 'Nätverk',
  contactId: 'Kontaktperson',
  entity: 'Slag av post',
  joined: 'Inträdesdatum',
  left: 'Utträdesdatum',
  noticeGiven: 'Uppsägningsdatum',
  from: 'Från och med',
  to: 'Till och med',
  amount: 'Belopp',
  note: 'Anteckning',
  description: 'Beskrivning',
  reason: 'Orsak',
  role: 'Roll',
  target: 'Mål',
  usageId: 'Användning',
  viaOrganisationId: 'Via organisation',
  businessArea: 'Verksamhetsområde',
  technicalManager: 'Teknisk förvaltare',
  operator: 'Drifttjänst',
  contentManager: 'Innehållsförvaltare',
  supplier: 'Innehållsleverantör',
  councilNetworkId: 'Förvaltningsråd',
  pricing: 'Prismodell',
  model: 'Prismodell',
  bands: 'Prisband',
  minPopulation: 'Lägsta invånarantal',
  yearlyFeeOre: 'Årsavgift',
  orePerInhabitant: 'Pris per invånare',
  entryId: 'Deltagare',
  meetingId: 'Möte',
  externalName: 'Extern deltagare',
  participation: 'Deltagandeform',
  startDate: 'Startdatum',
  endDate: 'Slutdatum',
  attendeeContactIds: 'Närvarande',
  networkIds: 'Nätverk',
  serviceIds: 'Tjänster',
  scope: 'Urval',
  kinds: 'Organisationstyper',
  minServices: 'Minst antal tjänster',
  maxServices: 'Högst antal tjänster',
  quick: 'Snabbfilter',
  step: 'Intervall',
  archived: 'Arkiverad',
  includeArchived: 'Visa arkiverade',
  includeArchivedServices: 'Visa arkiverade tjänster',
  since: 'Matrisen som visas',
  columnId: 'Kolumn',
  lineId: 'Budgetrad',
  parentId: 'Överordnad rad',
  copyFromColumnId: 'Kopiera från kolumn',
  registerSource: 'Registerkälla',
  // member register
  id: 'Post',
  groupMemberIds: 'Gruppens medlemmar',
  population: 'Folkmängd',
  website: 'Webbplats',
  businessAreas: 'Verksamhetsområden',
  roles: 'Roller',
  confirmedAt: 'Senast bekräftad',
  legalBasis: 'Rättslig grund',
  endedAt: 'Slutade',
  query: 'Sök',
  countyCodes: 'Län',
  statuses: 'Medlemsstatus',
  servicesUsedMin: 'Minst antal tjänster',
  servicesUsedMax: 'Högst antal tjänster',
  sort: 'Sortering',
  by: 'Sortera efter',
  direction: 'Sorteringsordning',
  excludeId: 'Organisation',
  entryFeeOre: 'Medlemsinsats',
  otherOrganisations: 'Övriga organisationer',
  rejoinEntryFeePercent: 'Medlemsinsats vid återinträde (procent)',
  ground: 'Grund för radering',
  includeEnded: 'Visa avslutade',
  limit: 'Antal',
  offset: 'Från rad',
  table: 'Avgiftstabell',
  membershipId: 'Medlemsperiod',
};

/**
 * Fields of channels that arrived without a label, so that every refusal names its field in Swedish
 * (test/core/security/channel-fuzz.test.ts checks every field of every channel). A label given above wins.
 */
const laterFieldLabels: Record<string, string> = {
  search: 'Sök',
  includePersonalDetails: 'Ta med personuppgifter',
  columns: 'Kolumner',
  filtersDescription: 'Beskrivning av urvalet',
  header: 'Kolumnrubrik',
  rows: 'Rader',
  comparison: 'Jämförelse',
  metric: 'Mått',
  targetMax: 'Övre mål',
  goalId: 'Mål',
  accept: 'Godkänn raden',
  bytesBase64: 'Filens innehåll',
  decisions: 'Beslut per rad',
  expectedRevision: 'Registrets version',
  fileName: 'Filnamn',
  headerRow: 'Rubrikrad',
  mapping: 'Kolumnkoppling',
  sheet: 'Blad',
  includePreviousYear: 'Ta med föregående år',
  packId: 'Styrelserapport',
  taskId: 'Uppgift',
  // keys of a document file (see store/parse-document.ts) whose innermost key is data, not a field
  amounts: 'Belopp',
  statedTotals: 'Angiven summa',
};
for (const [key, label] of Object.entries(laterFieldLabels)) fieldLabels[key] ??= label;

/**
 * The Swedish name of the field a path points into: the innermost key that has one, so a record's data keys
 * (`budget.columns.0.amounts.<line id>`) name the field holding them; else the last key as it is.
 */
export function labelForPath(path: readonly PropertyKey[]): string {
  const keys = path.filter((p): p is string => typeof p === 'string');
  const last = keys[keys.length - 1];
  if (!last) return 'Indata';
  const named = keys.findLast((key) => Object.hasOwn(fieldLabels, key));
  return named !== undefined ? fieldLabels[named]! : last;
}

/** One sentence naming the first offending field, e.g. «Organisationsnummer: Ogiltigt …». */
export function describeValidationError(error: z.ZodError): { message: string; field: string } {
  const issue = error.issues[0];
  if (!issue) return { message: 'Ogiltig indata.', field: '' };
  if (issue.code === 'unrecognized_keys') {
    const keys = (issue as { keys?: string[] }).keys ?? [];
    const field = [...issue.path.map(String), keys[0] ?? ''].filter(Boolean).join('.');
    return { message: `Okänt fält: ${keys.map((k) => `”${k.slice(0, 40)}”`).join(', ')}.`, field };
  }
  const field = issue.path.map(String).join('.');
  return { message: `${labelForPath(issue.path)}: ${issue.message}`, field };
}
