/** Every refusal of an imported file, in Swedish, ready to show. Each says what is wrong and what to do. */
import { AppError } from '../../contract/result';
import { countOf, nouns } from '../domain/swedish';

const sv = new Intl.NumberFormat('sv-SE');
const mb = (bytes: number) => new Intl.NumberFormat('sv-SE', { maximumFractionDigits: 1 }).format(bytes / 1_000_000);

const saveAsHelp = 'Öppna den i Excel och spara den som Excel-arbetsbok (.xlsx) eller CSV (UTF-8), och försök sedan igen.';

export const importMessages = {
  empty: 'Filen är tom.',
  tooLarge: (bytes: number, maxBytes: number) =>
    `Filen är för stor (${mb(bytes)} MB). Högst ${mb(maxBytes)} MB kan läsas in. Dela upp den eller ta bort det som inte ska importeras.`,
  oleCompound: `Filen är lösenordsskyddad (krypterad) eller sparad i det gamla Excel-formatet (.xls) och kan inte läsas. Ta bort lösenordet eller ${saveAsHelp.charAt(0).toLowerCase()}${saveAsHelp.slice(1)}`,
  macro: `Filen innehåller makron (.xlsm) och läses av säkerhetsskäl inte in. ${saveAsHelp}`,
  notExcel: (extension: string) => `Filen har filändelsen .${extension} men är ingen giltig Excel-arbetsbok. Den kan vara skadad. ${saveAsHelp}`,
  ods: `Filen är ett OpenDocument-kalkylark (.ods), som inte kan läsas in. Öppna den i LibreOffice och spara den som Excel-arbetsbok (.xlsx) eller CSV.`,
  notSpreadsheet: 'Filen är en zip-fil men ingen Excel-arbetsbok (kanske ett Word- eller PowerPoint-dokument). Välj en .xlsx- eller CSV-fil.',
  corrupt: `Excel-filen är skadad och kan inte läsas. ${saveAsHelp}`,
  hiddenData: `Excel-filen innehåller data utöver arbetsbokens delar (till exempel en dold andra innehållsförteckning), vilket kan vara ett tecken på en manipulerad fil. Den läses inte in. Om du litar på filen: öppna den i Excel och spara den som en ny Excel-arbetsbok (.xlsx), och försök sedan igen.`,
  encrypted: `Filen är krypterad och kan inte läsas. Ta bort krypteringen eller ${saveAsHelp.charAt(0).toLowerCase()}${saveAsHelp.slice(1)}`,
  bomb: (maxUncompressedBytes: number) =>
    `Filen packas upp till mer än ${mb(maxUncompressedBytes)} MB eller är ovanligt hårt packad, vilket kan vara ett tecken på en skadlig fil. Den läses inte in.`,
  /** `claimed`: the row count the file itself states, when known. */
  tooManyRows: (sheet: string, maxRows: number, claimed?: number) =>
    `${sheet ? `Bladet ”${sheet}”` : 'Filen'} har ${claimed === undefined ? 'fler än' : 'enligt filen'} ${countOf(claimed ?? maxRows, nouns.rad)}, men högst ${countOf(maxRows, nouns.rad)} kan läsas in. Ta bort tomma eller onödiga rader, eller dela upp filen.`,
  tooManyColumns: (sheet: string, maxColumns: number) =>
    `${sheet ? `Bladet ”${sheet}”` : 'Filen'} har fler än ${countOf(maxColumns, { one: 'kolumn', other: 'kolumner' })}, vilket är mer än som kan läsas in. Ta bort kolumner som inte ska importeras.`,
  tooManyCells: (sheet: string, maxCells: number) =>
    `${sheet ? `Bladet ”${sheet}”` : 'Filen'} har fler än ${sv.format(maxCells)} celler och kan inte läsas in. Dela upp filen eller ta bort kolumner som inte ska importeras.`,
  tooManySheets: (sheets: number, maxSheets: number) =>
    `Arbetsboken har ${sv.format(sheets)} blad, men högst ${sv.format(maxSheets)} kan läsas in.`,
  /** A BOM promised `encoding`, but the bytes on text line `line` are not in it. */
  badEncoding: (encoding: 'UTF-8' | 'UTF-16', line: number) =>
    `Filen är märkt som ${encoding}-text, men textrad ${sv.format(line)} innehåller tecken som inte är giltig ${encoding}, så texten skulle bli fel. Öppna filen i Excel och spara den som CSV (UTF-8) igen, och försök sedan igen.`,
  binaryText: 'Filen är varken en Excel-arbetsbok (.xlsx) eller en textfil (CSV). Välj en .xlsx- eller CSV-fil.',
  unterminatedQuote: (record: number) =>
    `Ett citattecken (") som börjar på rad ${sv.format(record)} avslutas aldrig, så resten av filen skulle hamna i en enda cell. Kontrollera filen och försök igen.`,
  unreadable: `Excel-filen kunde inte läsas. ${saveAsHelp}`,
  headerRowMissing: (row: number) => `Rad ${sv.format(row)} finns inte eller är tom och kan inte vara rubrikrad.`,
};

export function refuse(message: string, details?: ConstructorParameters<typeof AppError>[2]): never {
  throw new AppError('validation', message, details);
}
