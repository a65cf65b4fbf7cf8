/**
 * SCB's yearly table «Folkmängd i riket, län och kommuner 31 december ÅÅÅÅ» as SCB publishes it (xlsx or CSV):
 * title rows above the table, a header with «Kod», «Kommun»/«Län» (or «Kommunnamn») and «Folkmängd …», and
 * riket, county and municipality rows mixed. The file is read by `readTable` (the zip and xlsx checks stay);
 * this module finds the table in it and plans what would change in the register's populations for that
 * 31 December. Counties are skipped; the riket row becomes Sweden's total of the date.
 *
 * Refusals (no table, no year, no municipality) are `AppError('validation')` in Swedish. Problems with single
 * rows are issues: an unknown code or an unreadable figure stops the import (`canApply` false), a name that
 * differs from the reference or missing municipalities are warnings shown in the review.
 */
import { AppError } from '../../contract/result';
import type { SambrukDocument } from '../store/schema';
import { populationIndex } from '../domain/population';
import { countOf, nouns } from '../domain/swedish';
import { readTable, type RawSheet } from './read-table';
import { MAX_POPULATION } from '../../contract/rules/amounts';

import type { PopulationImportPlan } from '../../contract/channels/members.channels';

export type { PopulationImportPlan } from '../../contract/channels/members.channels';
type PopulationImportIssue = PopulationImportPlan['issues'][number];
type PopulationChange = PopulationImportPlan['changes'][number];

const sv = new Intl.NumberFormat('sv-SE');
const clean = (s: string) => s.replace(/[\s\u00a0\u202f]+/gu, ' ').trim();

const isCodeHeader = (cell: string) => /^(kod|kommunkod|länskod|regionkod|kommun ?kod|region)$/iu.test(clean(cell));
const isNameHeader = (cell: string) => /^(kommun|kommunnamn|län|län\/kommun|kommun\/län|namn|region ?namn|kommun och län|län och kommun)$/iu.test(clean(cell));
const isPopulationHeader = (cell: string) => /folkmängd/iu.test(cell);

const YEAR_IN_TEXT = /31\s*dec(?:ember|\.)?\s*((?:19|20)\d{2})/iu;

function findYear(texts: readonly string[]): number | undefined {
  for (const t of texts) {
    const m = YEAR_IN_TEXT.exec(t);
    if (m?.[1]) return Number(m[1]);
  }
  return undefined;
}

/** The figure of a cell: digits with SCB's thin-space or space grouping; undefined when it is not one. */
function readFigure(cell: string): number | undefined {
  const compact = cell.replace(/[\s\u00a0\u202f]/gu, '');
  if (!/^\d{1,9}$/.test(compact)) return undefined;
  const n = Number(compact);
  return n <= MAX_POPULATION ? n : undefined;
}

type Located = { sheet: RawSheet; code: number; name: number; population: number };

function locate(sheet: RawSheet): Located | undefined {
  const code = sheet.header.findIndex(isCodeHeader);
  const population = sheet.header.findIndex(isPopulationHeader);
  if (code < 0 || population < 0) return undefined;
  const name = sheet.header.findIndex((c, i) => i !== code && isNameHeader(c));
  return { sheet, code, name, population };
}

/** Reads the file and finds SCB's table in it: the first sheet whose header row has «Kod» and «Folkmängd». */
export async function readScbPopulationTable(bytes: Uint8Array, fileName: string): Promise<Located & { titleLines: string[] }> {
  const table = await readTable(bytes, fileName);
  for (const sheet of table.sheets) {
    const direct = locate(sheet);
    if (direct) return { ...direct, titleLines: sheet.titleLines };
    // The density guess may take a title or a notes row for the header: look for the real one below it.
    const index = sheet.rows.findIndex((cells) => cells.some(isCodeHeader) && cells.some(isPopulationHeader));
    if (index >= 0) {
      const reread = await readTable(bytes, fileName, { headerRow: sheet.rowNumbers[index] as number });
      const again = reread.sheets.find((s) => s.name === sheet.name);
      const located = again ? locate(again) : undefined;
      if (located && again) return { ...located, titleLines: again.titleLines };
    }
  }
  throw new AppError(
    'validation',
    'Filen liknar inte SCB:s tabell «Folkmängd i riket, län och kommuner 31 december ÅÅÅÅ»: ingen rubrikrad med «Kod» och «Folkmängd» hittades. Hämta tabellen från scb.se och importera den som den är.',
  );
}

export function planPopulationImport(
  doc: Pick<SambrukDocument, 'reference'>,
  found: Located & { titleLines: string[] },
  fileName: string,
): PopulationImportPlan {
  const { sheet } = found;
  const populationHeader = sheet.header[found.population] ?? '';
  const year = findYear([...found.titleLines, populationHeader, ...sheet.header, fileName]);
  if (year === undefined) {
    throw new AppError(
      'validation',
      'Filen säger inte vilket år folkmängden gäller: varken rubriken eller kolumnen «Folkmängd» nämner «31 december ÅÅÅÅ». Importera SCB:s tabell som den är, med dess rubrik.',
    );
  }
  const date = `${year}-12-31`;
  const names = new Map(doc.reference.municipalities.map((m) => [m.code, m.name]));
  const index = populationIndex(doc.reference);
  const issues: PopulationImportIssue[] = [];
  const changes: PopulationChange[] = [];
  const seen = new Set<string>();
  let unchanged = 0;
  let municipalSum = 0;
  let sweden: PopulationImportPlan['sweden'];

  sheet.rows.forEach((cells, i) => {
    const row = sheet.rowNumbers[i] as number;
    let code = clean(cells[found.code] ?? '');
    let name = found.name >= 0 ? clean(cells[found.name] ?? '') : '';
    // Some exports put code and name in one cell: «0114 Upplands Väsby».
    const joined = /^(\d{2}|\d{4})\s+(.+)$/u.exec(code);
    if (joined) {
      code = joined[1] as string;
      if (name === '') name = joined[2] as string;
    }
    const figureCell = cells[found.population] ?? '';
    const isRiket = code === '00' || (/^(riket|sverige|hela riket)$/iu.test(name) && !/^\d{4}$/.test(code)) || /^riket$/iu.test(code);
    if (isRiket) {
      const figure = readFigure(figureCell);
      if (figure === undefined) issues.push({ severity: 'error', row, message: `Rad ${row}: riket har ingen läsbar folkmängd («${clean(figureCell)}»).` });
      else sweden = { after: figure, ...beforeSweden(doc, date) };
      return;
    }
    if (!/^\d{4}$/.test(code)) return; // counties (two digits), notes and footnotes
    const refName = names.get(code);
    if (refName === undefined) {
      issues.push({ severity: 'error', row, message: `Rad ${row}: kommunkoden ${code} (${name || 'utan namn'}) finns inte bland Sveriges 290 kommuner.` });
      return;
    }
    if (seen.has(code)) {
      issues.push({ severity: 'error', row, message: `Rad ${row}: ${refName} (${code}) står två gånger i filen.` });
      return;
    }
    seen.add(code);
    if (name !== '' && name.normalize('NFC') !== refName) {
      issues.push({ severity: 'warning', row, message: `Rad ${row}: kod ${code} heter ${refName} i registret men «${name}» i filen. Koden gäller.` });
    }
    const figure = readFigure(figureCell);
    if (figure === undefined) {
      issues.push({ severity: 'error', row, message: `Rad ${row}: folkmängden för ${refName} går inte att läsa («${clean(figureCell)}»). Skriv den som ett heltal.` });
      return;
    }
    municipalSum += figure;
    const current = index.exact.get(`${code} ${date}`);
    if (current && current.population === figure && current.source !== 'rattad') unchanged += 1;
    else changes.push({ code, name: refName, ...(current ? { before: current.population } : {}), after: figure, row });
  });

  if (seen.size === 0 && !issues.some((i) => i.severity === 'error')) {
    throw new AppError('validation', `Filen innehåller inga kommunrader (fyrsiffrig kod och folkmängd) under rubriken «${clean(populationHeader)}».`);
  }
  const missing = names.size - seen.size;
  if (missing > 0) {
    issues.push({ severity: 'warning', message: `${countOf(missing, nouns.kommun)} saknas i filen; deras folkmängd ${date} ändras inte.` });
  }
  if (sweden && missing === 0 && municipalSum !== sweden.after) {
    issues.push({
      severity: 'warning',
      message: `Kommunernas folkmängd summerar till ${sv.format(municipalSum)}, men riket anges till ${sv.format(sweden.after)}.`,
    });
  }
  if (!sweden) issues.push({ severity: 'warning', message: `Filen har ingen rad för riket; Sveriges folkmängd ${date} ändras inte.` });
  const title = found.titleLines.find((t) => /folkmängd/iu.test(t)) ?? fileName;
  return {
    date,
    title: clean(title).slice(0, 200),
    changes,
    unchanged,
    ...(sweden ? { sweden } : {}),
    issues,
    canApply: !issues.some((i) => i.severity === 'error') && (changes.length > 0 || (sweden !== undefined && sweden.after !== sweden.before)),
  };
}

function beforeSweden(doc: Pick<SambrukDocument, 'reference'>, date: string): { before?: number } {
  const current = doc.reference.swedenPopulation.find((p) => p.date === date);
  return current ? { before: current.population } : {};
}
