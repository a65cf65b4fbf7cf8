/** Excel: the shared «Exportera till Excel» button, the accountant's workbook and the import flow on the Data screen. */
import type { ImportFieldKey, ImportOutcome } from '../../../electron/contract';
import { REGISTER_YEARS_TEXT } from '../../../electron/contract/rules/calendar-date';
import { countOf, nouns } from '../../../electron/core/domain/swedish';

/** «1 rad», «5 000 rader»: counts as the rest of the app writes them, grouped by thousands. */
const rowsText = (n: number) => countOf(n, nouns.rad);

export const excelSv = {
  // ------------------------------------------------------------ the shared export button
  exportButton: 'Exportera till Excel',
  exporting: 'Skapar Excel-filen…',
  cancelExport: 'Avbryt exporten',
  exportCancelled: 'Exporten avbröts. Ingen fil sparades.',
  exported: (fileName: string, size: string) => `${fileName} är klar (${size}).`,
  exportFailed: (message: string) => `Kunde inte exportera: ${message}`,

  // ------------------------------------------------------------ Ekonomiunderlag
  accountantCard: 'Ekonomiunderlag',
  accountantIntro:
    'En Excel-arbetsbok för ekonomibyrån: medlemmar och medlemsavgifter, fakturaunderlag, användning av tjänsterna med avgifter, nätverk och budget.',
  accountantSaveHint: 'I skrivbordsprogrammet väljer du var filen sparas. I webbläget hamnar den bland webbläsarens hämtade filer.',
  year: 'År',
  yearInvalid: `Skriv ett årtal ${REGISTER_YEARS_TEXT}.`,
  includePersonalDetails: 'Ta med personuppgifter (namn och e-post) på bladet Nätverk',
  exportAccountant: 'Exportera ekonomiunderlag',

  // ------------------------------------------------------------ import
  importCard: 'Importera',
  importIntro:
    'Läs in organisationer, medlemsperioder och kontaktpersoner från en Excel-fil (.xlsx) eller CSV-fil. Inget ändras förrän du väljer «Genomför import», och hela importen kan ångras i ett steg.',
  chooseFile: 'Välj fil…',
  fileInputLabel: 'Fil att importera (.xlsx eller .csv)',
  reading: 'Läser filen…',
  previewing: 'Förhandsvisar importen…',
  applying: 'Genomför importen…',
  cancel: 'Avbryt',
  cancelHint: 'Avbryt kastar det som lästs in hittills. Registret ändras inte.',
  startOver: 'Börja om',
  fileFacts: (fileName: string, format: string, rows: number) => `${fileName} · ${format} · ${rowsText(rows)}`,
  formats: { xlsx: 'Excel-arbetsbok', csv: 'CSV' } as Record<string, string>,
  csvDetails: (encoding: string, delimiter: string) => `${encoding.toUpperCase()}, avgränsare ${delimiter === ';' ? 'semikolon' : delimiter === ',' ? 'komma' : 'tabb'}`,
  sheet: 'Blad',
  sheetOption: (name: string, rows: number, hidden: boolean) => `${name} (${rowsText(rows)})${hidden ? ' – dolt blad' : ''}`,
  emptySheet: 'Bladet är tomt. Välj ett annat blad eller en annan fil.',
  headerRow: (row: number) => `Rubrikraden är rad ${row}.`,

  mappingHeading: 'Koppla kolumner till fält',
  mappingRemembered: 'Kolumnvalen kommer från förra importen av en fil med samma rubriker.',
  mappingSuggested: 'Kolumnvalen är föreslagna utifrån rubrikerna. Kontrollera dem innan du förhandsvisar.',
  mappingNeedsOrganisation: 'Välj minst en kolumn för Organisation, Kommunkod eller Organisationsnummer.',
  notUsed: '– Används inte –',
  example: (value: string) => `Exempel: ${value}`,
  noExample: 'Tom i de första raderna',
  partialMatch: 'Rubriken liknar fältet: kontrollera',
  fieldGroups: { organisation: 'Organisation', membership: 'Medlemskap', contact: 'Kontaktperson' },
  fields: {
    organisation: 'Organisation',
    municipalityCode: 'Kommunkod',
    orgNumber: 'Organisationsnummer',
    kind: 'Typ',
    county: 'Län',
    population: 'Folkmängd',
    joined: 'Medlem sedan',
    left: 'Utträde',
    name: 'Namn',
    title: 'Titel',
    email: 'E-post',
    phone: 'Telefon',
    businessArea: 'Verksamhetsområde',
  } satisfies Record<ImportFieldKey, string>,
  preview: 'Förhandsvisa',

  previewHeading: 'Förhandsvisning',
  previewIntro: 'Så här blir registret om du genomför importen. Rader att granska och rader med fel tas inte med.',
  outcomes: {
    new: 'Ny',
    update: 'Uppdateras',
    unchanged: 'Oförändrad',
    review: 'Att granska',
    error: 'Fel',
    skipped: 'Hoppas över',
  } satisfies Record<ImportOutcome, string>,
  /** `1 ny`, `3 nya`, `2 att granska`. */
  outcomeCount: (outcome: ImportOutcome, count: number) =>
    countOf(
      count,
      {
        new: { one: 'ny', other: 'nya' },
        update: { one: 'uppdateras', other: 'uppdateras' },
        unchanged: { one: 'oförändrad', other: 'oförändrade' },
        review: { one: 'att granska', other: 'att granska' },
        error: { one: 'med fel', other: 'med fel' },
        skipped: { one: 'hoppas över', other: 'hoppas över' },
      }[outcome],
    ),
  summaryLabel: 'Sammanfattning av förhandsvisningen',
  included: (n: number) => `${rowsText(n)} tas med`,
  filterLabel: 'Visa rader',
  filterAll: (n: number) => `Alla (${n})`,
  filterOutcome: (label: string, n: number) => `${label} (${n})`,
  tableLabel: 'Förhandsvisning av importen, en rad per rad i filen',
  columns: { row: 'Rad', outcome: 'Utfall', organisation: 'Organisation', what: 'Vad händer', decision: 'Beslut' },
  rowNumber: (n: number) => `Rad ${n}`,
  noChanges: 'Inga ändringar: registret har redan uppgifterna.',
  chooseMunicipality: 'Välj kommun',
  chooseMunicipalityFor: (row: number) => `Välj kommun för rad ${row}`,
  municipalityOption: (name: string, code: string, county: string) => `${name} (${code}, ${county})`,
  acceptConflict: 'Ersätt registrets värde',
  acceptConflictFor: (row: number) => `Ersätt registrets värde med filens för rad ${row}`,
  acceptNew: 'Lägg in som ny organisation',
  acceptNewFor: (row: number) => `Lägg in rad ${row} som ny organisation`,
  include: 'Ta med',
  includeFor: (row: number) => `Ta med rad ${row} i importen`,
  duplicateOf: (row: number) => `Samma som rad ${row}`,
  notImported: 'Tas inte med',
  apply: 'Genomför import',
  applyCount: (n: number) => `Genomför import (${rowsText(n)})`,
  nothingToApply: 'Ingen rad ändrar registret.',
  applied: (message: string) => `Importen är genomförd: ${message}.`,
  appliedUndo: 'Ångra hela importen med Ångra (Ctrl+Z).',
  failed: (message: string) => `Importen kunde inte göras: ${message}`,
  noRowsShown: 'Inga rader att visa med det valda filtret.',

  // ------------------------------------------------------------ progress and cancelling of long work
  progressLabel: 'Förlopp',
  progressReading: 'Läser filen…',
  progressPreviewRows: (done: string, total: string) => `Förhandsvisar rad ${done} av ${total}`,
  progressApplyRows: (done: string, total: string) => `Kontrollerar rad ${done} av ${total} inför importen`,
  progressSaving: 'Sparar importen…',
  savingNoCancel: 'Importen sparas och kan inte längre avbrytas.',
  importCancelled: 'Importen avbröts. Inget har ändrats.',
  cancelling: 'Avbryter…',
  progressSheet: (n: number, of: number, sheet: string) => `Skapar blad ${n} av ${of}: ${sheet}`,
  progressWriting: 'Skriver Excel-filen…',
};
