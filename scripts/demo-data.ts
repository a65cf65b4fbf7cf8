/**
 * `npm run demo-data -- --scale <n> --out <file> [--seed <s>]`: writes a demo register at n times the
 * association's size (see tools/demo/demo-document.ts). The document is validated with the
 * register's schema before it is written, and the same scale and seed always give the same bytes.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { demoSizes, generateDemoDocument, type DemoBase } from '../tools/demo/demo-document';
import { parseDocumentBytes } from '../electron/core/store/parse-document';
import { documentSchema, type SambrukDocument } from '../electron/core/store/schema';

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const DEFAULT_SEED = 'sambruk';

/** The real register the demo builds on: reference data, fee table, goals, the ten services, budget lines. */
export function readDemoBase(root = REPO_ROOT): DemoBase {
  return parseDocumentBytes(readFileSync(join(root, 'assets', 'default-data.json')));
}

/** The demo document and its bytes; throws with the schema's first complaint if it does not validate. */
export function buildDemoDocument(scale: number, seed = DEFAULT_SEED, base = readDemoBase()): { document: SambrukDocument; text: string } {
  const document = generateDemoDocument({ scale, seed, base });
  const checked = documentSchema.safeParse(document);
  if (!checked.success) {
    const issue = checked.error.issues[0];
    throw new Error(`Demodatan följer inte registrets format: ${issue?.path.join('.') ?? ''} ${issue?.message ?? ''}`);
  }
  return { document, text: JSON.stringify(document) };
}

type Args = { scale: number; out: string; seed: string };

function parseArgs(argv: readonly string[]): Args {
  const values = new Map<string, string>();
  for (let i = 0; i < argv.length; i += 1) {
    const flag = argv[i] ?? '';
    const value = argv[i + 1];
    if (!['--scale', '--out', '--seed'].includes(flag) || value === undefined) {
      throw new Error(`Okänt eller ofullständigt argument: ${flag}. Använd --scale <n> --out <fil> [--seed <frö>].`);
    }
    values.set(flag, value);
    i += 1;
  }
  const scale = Number(values.get('--scale') ?? '1');
  const out = values.get('--out');
  if (!out) throw new Error('Ange vart filen ska skrivas: --out <fil>.');
  if (!Number.isFinite(scale) || scale <= 0 || scale > 100) throw new Error('--scale ska vara ett tal över 0 och högst 100.');
  return { scale, out: resolve(out), seed: values.get('--seed') ?? DEFAULT_SEED };
}

function main(): void {
  let args: Args;
  try {
    args = parseArgs(process.argv.slice(2));
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exitCode = 2;
    return;
  }
  const started = performance.now();
  const { document, text } = buildDemoDocument(args.scale, args.seed);
  writeFileSync(args.out, text, 'utf8');
  const sizes = demoSizes(args.scale);
  const meetings = document.networks.reduce((sum, n) => sum + n.meetings.length, 0);
  console.log(
    [
      `Skrev ${args.out} (${(Buffer.byteLength(text) / 1_048_576).toFixed(1)} MB, ${((performance.now() - started) / 1000).toFixed(1)} s)`,
      `Skala ${args.scale}, frö «${args.seed}»`,
      `Organisationer: ${document.organisations.length}, medlemsperioder: ${document.memberships.length}, kontaktpersoner: ${document.contacts.length}`,
      `Tjänster: ${document.services.length}, användningar: ${document.usages.length}`,
      `Nätverk: ${document.networks.length} med ${meetings} möten, budgetår: ${sizes.budgetYears}, mål: ${document.goals.length}`,
    ].join('\n'),
  );
}

const invokedPath = process.argv[1] ? resolve(process.argv[1]) : '';
if (invokedPath === fileURLToPath(import.meta.url)) main();
