/**
 * Reference data (municipalities, counties, Sweden's population) read from the texts copied into
 * `assets/reference/`. Every check that the source notes promise is re-run here, so a damaged copy fails
 * the build instead of producing a quietly wrong register.
 */
import type { CountyRef, MunicipalityRef, Reference } from '../../electron/core/store/schema';

const MUNICIPALITY_HEADER = 'code,name,county_code,county_name,population,population_date,org_number';
const COUNTY_HEADER = 'code,name';

/** Rows of a plain comma-separated file without quoting (the reference files use none; see SOURCES.md). */
function csvRows(text: string, expectedHeader: string, file: string): string[][] {
  const lines = text.replace(/\r\n/g, '\n').split('\n').filter((l) => l.trim() !== '');
  const [header, ...rows] = lines;
  if (header !== expectedHeader) throw new Error(`${file}: unexpected header "${header ?? ''}"`);
  const width = expectedHeader.split(',').length;
  return rows.map((line, i) => {
    if (line.includes('"')) throw new Error(`${file} row ${i + 2}: quoted fields are not expected`);
    const cells = line.split(',');
    if (cells.length !== width) throw new Error(`${file} row ${i + 2}: ${cells.length} fields, expected ${width}`);
    return cells.map((c) => c.normalize('NFC'));
  });
}

export function parseCounties(text: string): CountyRef[] {
  const counties = csvRows(text, COUNTY_HEADER, 'counties.csv').map(([code = '', name = '']) => ({ code, name }));
  if (counties.length !== 21) throw new Error(`counties.csv: ${counties.length} counties, expected 21`);
  return counties;
}

export function parseMunicipalities(text: string, counties: readonly CountyRef[]): MunicipalityRef[] {
  const countyCodes = new Set(counties.map((c) => c.code));
  const rows = csvRows(text, MUNICIPALITY_HEADER, 'municipalities.csv');
  const municipalities = rows.map(([code = '', name = '', countyCode = '', , population = '', populationDate = '', orgNumber = '']) => {
    if (!/^\d{4}$/.test(code)) throw new Error(`municipalities.csv: bad code "${code}"`);
    if (!countyCodes.has(countyCode) || !code.startsWith(countyCode)) {
      throw new Error(`municipalities.csv: ${code} ${name} has county ${countyCode}, which does not fit`);
    }
    if (!/^\d+$/.test(population)) throw new Error(`municipalities.csv: ${code} ${name} has population "${population}"`);
    const ref: MunicipalityRef = { code, name, countyCode, population: Number(population), populationDate };
    if (orgNumber !== '') ref.orgNumber = orgNumber;
    return ref;
  });
  if (municipalities.length !== 290) throw new Error(`municipalities.csv: ${municipalities.length} rows, expected 290`);
  if (new Set(municipalities.map((m) => m.code)).size !== 290) throw new Error('municipalities.csv: duplicate codes');
  if (new Set(municipalities.map((m) => m.name)).size !== 290) throw new Error('municipalities.csv: duplicate names');
  return municipalities;
}

/** The "Whole of Sweden" table in SOURCES.md: `| 2024-12-31 | 10,587,710 | source |`. */
export function parseSwedenPopulation(sourcesMd: string): Reference['swedenPopulation'] {
  const start = sourcesMd.indexOf('## Whole of Sweden');
  if (start < 0) throw new Error('SOURCES.md: section "Whole of Sweden" is missing');
  const section = sourcesMd.slice(start).split(/\n## /)[0] ?? '';
  const rows = [...section.matchAll(/^\|\s*(\d{4}-\d{2}-\d{2})\s*\|\s*([\d,]+)\s*\|/gm)].map((m) => ({
    date: m[1] ?? '',
    population: Number((m[2] ?? '').replace(/,/g, '')),
  }));
  if (rows.length === 0) throw new Error('SOURCES.md: no population rows under "Whole of Sweden"');
  return rows.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

export function buildReference(texts: { municipalitiesCsv: string; countiesCsv: string; sourcesMd: string }): Reference {
  const counties = parseCounties(texts.countiesCsv);
  const municipalities = parseMunicipalities(texts.municipalitiesCsv, counties);
  const swedenPopulation = parseSwedenPopulation(texts.sourcesMd);
  // The municipality figures must add up to SCB's national total at their own reference date.
  const dates = new Set(municipalities.map((m) => m.populationDate));
  if (dates.size !== 1) throw new Error(`municipalities.csv: mixed population dates ${[...dates].join(', ')}`);
  const [date] = [...dates];
  const national = swedenPopulation.find((p) => p.date === date);
  const sum = municipalities.reduce((s, m) => s + m.population, 0);
  if (!national || national.population !== sum) {
    throw new Error(`municipal populations sum to ${sum}, Sweden at ${date ?? '?'} is ${national?.population ?? 'unknown'}`);
  }
  return { municipalities, counties, swedenPopulation };
}
