/**
 * `npm run data:build`: rebuilds assets/default-data.json from the plan and the reference lists in assets/.
 * The build is pure and deterministic (see scripts/default-data/build.ts); running it twice gives the same
 * bytes, and test/core/default-data.test.ts fails if the committed file differs from a fresh build.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildDefaultDataWithFindings, type DefaultDataSources } from './default-data/build';
import { serialiseDefaultData } from './default-data/serialise';

export { buildDefaultData, buildDefaultDataWithFindings, type DefaultDataSources } from './default-data/build';
export { serialiseDefaultData } from './default-data/serialise';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const DEFAULT_DATA_PATH = join(REPO_ROOT, 'assets', 'default-data.json');

/** The source texts, read from the copies committed under assets/ (no path outside the repository). */
export function readDefaultDataSources(root = REPO_ROOT): DefaultDataSources {
  const read = (...parts: string[]) => readFileSync(join(root, 'assets', ...parts), 'utf8');
  return {
    plan: read('seed', 'verksamhetsplan-2022.txt'),
    municipalitiesCsv: read('reference', 'municipalities.csv'),
    countiesCsv: read('reference', 'counties.csv'),
    populationByYearCsv: read('reference', 'population-by-year.csv'),
    swedenPopulationCsv: read('reference', 'sweden-population.csv'),
  };
}

function main(): void {
  const { document, findings } = buildDefaultDataWithFindings(readDefaultDataSources());
  writeFileSync(DEFAULT_DATA_PATH, serialiseDefaultData(document), 'utf8');
  const kinds = new Map<string, number>();
  for (const n of document.networks) kinds.set(n.kind, (kinds.get(n.kind) ?? 0) + 1);
  const lines = [
    `Skrev ${DEFAULT_DATA_PATH}`,
    `Organisationer: ${document.organisations.length}, medlemskap: ${document.memberships.length} (planen: ${findings.statedMemberCount} medlemmar)`,
    `Användningar: ${document.usages.length}, nätverk: ${[...kinds].map(([k, n]) => `${k} ${n}`).join(', ')}`,
    ...findings.emptyListItems.map((f) => `Obs: ${f.service}: ${f.count} tomt namn i planens lista`),
    ...findings.duplicateListEntries.map((f) => `Obs: ${f.service}: ${f.name} förekommer två gånger i planens lista`),
  ];
  console.log(lines.join('\n'));
}

const invokedPath = process.argv[1] ? resolve(process.argv[1]) : '';
if (invokedPath === fileURLToPath(import.meta.url)) main();
