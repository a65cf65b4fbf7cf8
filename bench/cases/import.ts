/**
 * `import`: 5 000 rows of member organisations with contact persons, as a CSV file the way Excel saves one in
 * Sweden (UTF-8, semicolons), through the import's three channels as the UI calls them: `imports/read`
 * (sheets and proposed mapping), `imports/preview` (every row planned) and `imports/apply` (planned again and
 * written as one change, made durable by the file store). Each sample starts from the register as generated
 * (a fresh copy of the file, opened outside the timing), so every sample imports the same rows.
 *
 * The rows (deterministic): 60 % a new contact person at a municipality already in the register (by name and
 * municipality code), 30 % new organisations (kind, organisation number, member since) with two persons each,
 * 10 % persons already in the register exactly as it has them (unchanged).
 */
import { copyFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { openDocumentFile } from '../../electron/node/document-file-store';
import { withCheckDigit } from '../../tools/demo/demo-document';
import { firstNames, surnames } from '../../tools/demo/demo-names';
import { createRandom } from '../../tools/demo/random';
import { businessAreaLabels, formatPhone } from '../../electron/core/domain/contacts';
import { organisationKindLabels } from '../../electron/core/domain/organisations';
import { businessAreas, type SambrukDocument } from '../../electron/core/store/schema';
import type { BenchContext } from '../lib/context';
import { collectGarbage, measure, median } from '../lib/measure';
import { missing, timed, type BenchResult } from '../lib/results';
import { benchServices, dataOf } from '../lib/services';

export const IMPORT_ROWS = 5000;
const HEADER = ['Organisation', 'Kommunkod', 'Organisationsnummer', 'Typ', 'Medlem sedan', 'Namn', 'Titel', 'E-post', 'Telefon', 'Verksamhetsområde'];

function csvCell(value: string): string {
  return /[";\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** The import file's text: header and IMPORT_ROWS rows, the same for the same register. */
export function importCsv(doc: SambrukDocument, rows = IMPORT_ROWS): string {
  const r = createRandom('sambruk-bench-import');
  const municipalities = doc.organisations.filter((o) => o.kind === 'kommun' && !o.archived);
  // Each known person at most once (a repeated row is, rightly, held for review).
  const contacts = r.sample(
    doc.contacts.filter((c) => c.endedAt === undefined && c.email !== ''),
    Math.ceil(rows * 0.12),
  );
  let nextContact = 0;
  const orgById = new Map(doc.organisations.map((o) => [o.id, o]));
  const lines: string[][] = [];
  let person = 0;
  let newOrg = 0;
  const taken = new Set(doc.contacts.map((c) => `${c.organisationId} ${c.name}`));
  /** A person not yet at the organisation: the same name twice would be one person with two sets of details. */
  const newPerson = (orgKey: string, domain: string): string[] => {
    person += 1;
    let first: string;
    let last: string;
    do {
      first = r.pick(firstNames);
      last = r.pick(surnames);
    } while (taken.has(`${orgKey} ${first} ${last}`));
    taken.add(`${orgKey} ${first} ${last}`);
    const area = r.pick(businessAreas);
    const mobile = `070${String(1_000_000 + ((person * 7919) % 9_000_000)).padStart(7, '0')}`;
    return [`${first} ${last}`, 'Kontaktperson', `import.${person}@${domain}`, mobile, businessAreaLabels[area]];
  };
  while (lines.length < rows) {
    const roll = r.next();
    if (roll < 0.6 && municipalities.length > 0) {
      const m = r.pick(municipalities);
      lines.push([m.name, m.municipalityCode ?? '', '', '', '', ...newPerson(m.id, `kommun${m.municipalityCode ?? ''}.se`)]);
    } else if (roll < 0.9) {
      newOrg += 1;
      const name = `Importbolaget ${newOrg} AB`;
      const orgNumber = withCheckDigit(`559${String(newOrg).padStart(6, '0')}`);
      const joined = `20${String(10 + (newOrg % 12)).padStart(2, '0')}-0${1 + (newOrg % 9)}-01`;
      for (let k = 0; k < 2 && lines.length < rows; k += 1) {
        lines.push([name, '', orgNumber, 'Annan organisation', joined, ...newPerson(orgNumber, `importbolaget${newOrg}.se`)]);
      }
    } else if (nextContact < contacts.length) {
      const c = contacts[nextContact] as (typeof contacts)[number];
      nextContact += 1;
      const org = orgById.get(c.organisationId);
      lines.push([
        org?.name ?? '',
        org?.municipalityCode ?? '',
        org?.municipalityCode ? '' : (org?.orgNumber ?? ''),
        org ? organisationKindLabels[org.kind] : '',
        '',
        c.name,
        c.title,
        c.email,
        formatPhone(c.phone),
        c.businessAreas.map((a) => businessAreaLabels[a]).join(', '),
      ]);
    }
  }
  return `${[HEADER, ...lines].map((line) => line.map(csvCell).join(';')).join('\r\n')}\r\n`;
}

type FileView = { sheets: { name: string; rowCount: number; proposal: { mapping: Record<string, number> } }[] };
type Preview = { summary: Record<string, number>; revision: number };
type Applied = { message: string };

export async function benchImport(ctx: BenchContext): Promise<BenchResult> {
  const probe = benchServices(ctx.document);
  for (const channel of ['imports/read', 'imports/preview', 'imports/apply']) {
    if (!probe.has(channel)) return missing('import', `kanalen ${channel} finns inte i kärnan`);
  }
  const fileName = 'medlemmar-och-kontakter.csv';
  const bytesBase64 = Buffer.from(importCsv(ctx.document), 'utf8').toString('base64');
  const dir = path.join(ctx.dir, 'import');
  await mkdir(dir, { recursive: true });

  const phases = { read: [] as number[], preview: [] as number[], apply: [] as number[] };
  let summary: Record<string, number> = {};
  let message = '';
  let fresh: ReturnType<typeof benchServices> | undefined;
  let run = 0;
  const prepare = async () => {
    run += 1;
    const file = path.join(dir, `register-${run}.json`);
    await copyFile(ctx.documentFile, file);
    const opened = await openDocumentFile({
      file,
      createDefault: () => {
        throw new Error('The bench register must exist');
      },
    });
    fresh = benchServices(opened.document, (doc) => opened.port.save(doc));
    collectGarbage();
  };
  await prepare();
  const samples = await measure(
    async () => {
      const services = fresh;
      if (!services) throw new Error('not prepared');
      let t = performance.now();
      const view = dataOf<FileView>(await services.call('imports/read', { fileName, bytesBase64 }), 'imports/read');
      const sheet = view.sheets[0];
      if (!sheet) throw new Error('imports/read: inget blad');
      const plan = { fileName, bytesBase64, sheet: sheet.name, mapping: sheet.proposal.mapping, decisions: {} };
      phases.read.push(performance.now() - t);
      t = performance.now();
      const preview = dataOf<Preview>(await services.call('imports/preview', plan), 'imports/preview');
      phases.preview.push(performance.now() - t);
      t = performance.now();
      const applied = dataOf<Applied>(await services.call('imports/apply', { ...plan, expectedRevision: preview.revision }), 'imports/apply');
      phases.apply.push(performance.now() - t);
      summary = preview.summary;
      message = applied.message;
      // The next sample imports into the register as generated again (set up outside the timing below).
      fresh = undefined;
    },
    // Seconds a sample: three samples and no warm-up keep the CI run (scale 1) short; p95 is then the slowest.
    { warmup: 0, minSamples: 3, maxSamples: 5, budgetMs: 20_000, between: prepare },
  );
  const ms = (values: number[]) => `${Math.round(median(values.slice(-samples.length)))} ms`;
  return timed('import', samples, {
    note:
      `${samples.length} mätningar; ${summary.rows ?? 0} rader (${summary.new ?? 0} nya, ${summary.update ?? 0} ändrade, ${summary.unchanged ?? 0} oförändrade, ` +
      `${summary.review ?? 0} att granska, ${summary.error ?? 0} fel); läs ${ms(phases.read)}, förhandsvisa ${ms(phases.preview)}, genomför ${ms(phases.apply)}: ${message}`,
  });
}
