/**
 * Reference data (municipalities, counties, populations by year, Sweden's population) read from the texts copied into
 * `assets/reference/`. Every check that the source notes promise is re-run here, so a damaged copy fails
 * the build instead of producing a quietly wrong register.
 */
import type { CountyRef, MunicipalityRef, PopulationFigure, Reference } from '../../electron/core/store/schema';

const MUNICIPALITY_HEADER = 'code,name,county_code,county_name,population,population_date,org_number';
const COUNTY_HEADER = 'code,name';
const POPULATION_HEADER = 'code,name,date,population';
const SWEDEN_HEADER = 'date,population';

/** A municipality as municipalities.csv lists it, with the single population figure the file carries. */
type MunicipalityRow = MunicipalityRef & { population: number; populationDate: string };

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

export function parseMunicipalities(text: string, counties: readonly CountyRef[]): MunicipalityRow[] {
  const countyCodes = new Set(counties.map((c) => c.code));
  const rows = csvRows(text, MUNICIPALITY_HEADER, 'municipalities.csv');
  const municipalities = rows.map(([code = '', name = '', countyCode = '', , population = '', populationDate = '', orgNumber = '']) => {
    if (!/^\d{4}$/.test(code)) throw new Error(`municipalities.csv: bad code "${code}"`);
    if (!countyCodes.has(countyCode) || !code.startsWith(countyCode)) {
      throw new Error(`municipalities.csv: ${code} ${name} has county ${countyCode}, which does not fit`);
    }
    if (!/^\d+$/.test(population)) throw new Error(`municipalities.csv: ${code} ${name} has population "${population}"`);
    const ref: MunicipalityRow = { code, name, countyCode, population: Number(population), populationDate };
    if (orgNumber !== '') ref.orgNumber = orgNumber;
    return ref;
  });
  if (municipalities.length !== 290) throw new Error(`municipalities.csv: ${municipalities.length} rows, expected 290`);
  if (new Set(municipalities.map((m) => m.code)).size !== 290) throw new Error('municipalities.csv: duplicate codes');
  if (new Set(municipalities.map((m) => m.name)).size !== 290) throw new Error('municipalities.csv: duplicate names');
  return municipalities;
}

/** sweden-population.csv: `date,population`, one row per 31 December. */
export function parseSwedenPopulationCsv(text: string): Reference['swedenPopulation'] {
  const rows = csvRows(text, SWEDEN_HEADER, 'sweden-population.csv').map(([date = '', population = '']) => {
    if (!/^\d{4}-12-31$/.test(date) || !/^\d+$/.test(population)) throw new Error(`sweden-population.csv: bad row ${date},${population}`);
    return { date, population: Number(population) };
  });
  if (new Set(rows.map((r) => r.date)).size !== rows.length) throw new Error('sweden-population.csv: duplicate dates');
  return rows.sort((a, b) => a.date.localeCompare(b.date));
}

/** population-by-year.csv: `code,name,date,population`; codes and names must be those of municipalities.csv. */
export function parsePopulationByYear(text: string, municipalities: readonly MunicipalityRef[]): PopulationFigure[] {
  const names = new Map(municipalities.map((m) => [m.code, m.name]));
  const seen = new Set<string>();
  return csvRows(text, POPULATION_HEADER, 'population-by-year.csv').map(([code = '', name = '', date = '', population = '']) => {
    if (names.get(code) !== name) throw new Error(`population-by-year.csv: ${code} ${name} is not a municipality of municipalities.csv`);
    if (!/^\d{4}-12-31$/.test(date)) throw new Error(`population-by-year.csv: ${code} has date "${date}"`);
    if (!/^\d+$/.test(population)) throw new Error(`population-by-year.csv: ${code} ${date} has population "${population}"`);
    const key = `${code} ${date}`;
    if (seen.has(key)) throw new Error(`population-by-year.csv: ${key} twice`);
    seen.add(key);
    return { code, date, population: Number(population), source: 'scb' as const };
  });
}

export function buildReference(texts: { municipalitiesCsv: string; countiesCsv: string; populationByYearCsv: string; swedenPopulationCsv: string }): Reference {
  const counties = parseCounties(texts.countiesCsv);
  const rows = parseMunicipalities(texts.municipalitiesCsv, counties);
  const municipalities: MunicipalityRef[] = rows.map(({ population: _p, populationDate: _d, ...m }) => m);
  const swedenPopulation = parseSwedenPopulationCsv(texts.swedenPopulationCsv);
  const populations = parsePopulationByYear(texts.populationByYearCsv, municipalities);
  // Each year's figures must cover all 290 municipalities and add up to SCB's national total of that date.
  for (const national of swedenPopulation) {
    const ofDate = populations.filter((p) => p.date === national.date);
    const sum = ofDate.reduce((s, p) => s + p.population, 0);
    if (ofDate.length !== municipalities.length || sum !== national.population) {
      throw new Error(`${national.date}: ${ofDate.length} municipal populations sum to ${sum}, Sweden is ${national.population}`);
    }
  }
  const dates = new Set(populations.map((p) => p.date));
  for (const date of dates) if (!swedenPopulation.some((s) => s.date === date)) throw new Error(`population-by-year.csv: no national total for ${date}`);
  // municipalities.csv carries SCB's 2024 table; the series must agree with it figure by figure.
  const series = new Map(populations.map((p) => [`${p.code} ${p.date}`, p.population]));
  for (const m of rows) {
    if (series.get(`${m.code} ${m.populationDate}`) !== m.population) throw new Error(`${m.code} ${m.name}: municipalities.csv and population-by-year.csv differ at ${m.populationDate}`);
  }
  return { municipalities, counties, swedenPopulation, populations };
}
