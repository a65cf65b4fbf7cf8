/**
 * The official Peppol BIS Billing 3.0 rules over a folder of UBL files, as `../shared/standards/peppol-bis-3/validate`
 * runs them (CEN EN 16931, then OpenPEPPOL with the Swedish national rules), but with one JVM per rule set for the
 * whole folder: Saxon's start and the rules' compilation cost seconds, so file by file would not scale to a run.
 *
 * `peppolToolsMissing()` says why the rules cannot run here (no java, no Saxon-HE jar, no rules); tests skip with
 * that reason locally and fail under CI=true.
 */
import { execFile, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** The rules as the shared standards folder holds them, beside the repository (`../shared`). */
export const PEPPOL_RULES_DIR = path.resolve(import.meta.dirname, '../../../shared/standards/peppol-bis-3');
export const RULE_SETS = ['CEN-EN16931-UBL', 'PEPPOL-EN16931-UBL'] as const;
const SAXON_JAR = process.env.SAXON_JAR ?? '/usr/share/java/Saxon-HE.jar';
const INSTALL = 'apt-get install -y --no-install-recommends default-jre-headless libsaxonhe-java';

export type RuleFailure = {
  ruleSet: (typeof RULE_SETS)[number];
  /** `fatal` or `warning`, as the rule states. */
  flag: string;
  id: string;
  text: string;
  location: string;
};

/** Why the rules cannot run on this machine, or undefined when they can. */
export function peppolToolsMissing(): string | undefined {
  if (spawnSync('java', ['-version'], { stdio: 'ignore' }).status !== 0) return `java saknas (${INSTALL})`;
  if (!fs.existsSync(SAXON_JAR)) return `Saxon-HE saknas: ${SAXON_JAR} (${INSTALL})`;
  const absent = RULE_SETS.filter((rules) => !fs.existsSync(path.join(PEPPOL_RULES_DIR, `${rules}.xsl`)));
  if (absent.length > 0) return `Peppol-reglerna saknas i ${PEPPOL_RULES_DIR}: ${absent.join(', ')}`;
  return undefined;
}

function runSaxon(args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    execFile('java', ['-jar', SAXON_JAR, ...args], { maxBuffer: 64 * 1024 * 1024, timeout: 600_000 }, (error, _stdout, stderr) => {
      if (error) reject(new Error(`Saxon failed (${args.join(' ')}): ${error.message}\n${stderr}`));
      else resolve();
    });
  });
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decode(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|\w+);/giu, (whole, name: string) => {
    if (name.startsWith('#x') || name.startsWith('#X')) return String.fromCodePoint(parseInt(name.slice(2), 16));
    if (name.startsWith('#')) return String.fromCodePoint(Number(name.slice(1)));
    return ENTITIES[name] ?? whole;
  });
}

/**
 * The failed assertions of one SVRL report, as `svrl-report.py` reads them: every `svrl:failed-assert` with its
 * flag (fatal when absent), id, whitespace-normalised text and location.
 */
export function readSvrl(svrl: string, ruleSet: RuleFailure['ruleSet']): RuleFailure[] {
  if (!/<svrl:schematron-output\b/u.test(svrl)) throw new Error(`Not an SVRL report (${ruleSet}): ${svrl.slice(0, 200)}`);
  const failures: RuleFailure[] = [];
  for (const m of svrl.matchAll(/<svrl:failed-assert\b([^>]*)>([\s\S]*?)<\/svrl:failed-assert>/gu)) {
    const attributes = Object.fromEntries([...m[1]!.matchAll(/([\w:-]+)="([^"]*)"/gu)].map((a) => [a[1]!, decode(a[2]!)]));
    const text = /<svrl:text>([\s\S]*?)<\/svrl:text>/u.exec(m[2]!)?.[1] ?? '';
    failures.push({
      ruleSet,
      flag: attributes.flag ?? 'fatal',
      id: attributes.id ?? '?',
      text: decode(text).split(/\s+/u).filter(Boolean).join(' '),
      location: attributes.location ?? '',
    });
  }
  return failures;
}

/**
 * Runs both rule sets over every `.xml` file in `dir` (one JVM per rule set) and returns each file's failures,
 * fatal and warnings alike, keyed by file name. Throws when Saxon cannot run or a report is missing.
 */
export async function validatePeppolFolder(dir: string): Promise<Map<string, RuleFailure[]>> {
  const files = fs.readdirSync(dir).filter((name) => name.endsWith('.xml')).sort();
  const result = new Map<string, RuleFailure[]>(files.map((name) => [name, []]));
  if (files.length === 0) return result;
  const outRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'peppol-svrl-'));
  try {
    for (const ruleSet of RULE_SETS) {
      const out = path.join(outRoot, ruleSet);
      fs.mkdirSync(out);
      await runSaxon([`-s:${dir}`, `-o:${out}`, `-xsl:${path.join(PEPPOL_RULES_DIR, `${ruleSet}.xsl`)}`]);
      for (const name of files) {
        const report = path.join(out, name);
        if (!fs.existsSync(report)) throw new Error(`Saxon wrote no ${ruleSet} report for ${name}`);
        result.get(name)!.push(...readSvrl(fs.readFileSync(report, 'utf8'), ruleSet));
      }
    }
  } finally {
    fs.rmSync(outRoot, { recursive: true, force: true });
  }
  return result;
}

/** Only the fatal failures, per file that has any. */
export function fatalFailures(results: Map<string, RuleFailure[]>): Map<string, RuleFailure[]> {
  return new Map([...results].map(([name, failures]) => [name, failures.filter((f) => f.flag === 'fatal')] as const).filter(([, failures]) => failures.length > 0));
}

/** One line per fatal failure, `file: rule set: id text (location)`, for a test's message. */
export function describeFailures(fatal: Map<string, RuleFailure[]>): string {
  return [...fatal].flatMap(([name, failures]) => failures.map((f) => `${name}: ${f.ruleSet}: ${f.id} ${f.text} (${f.location})`)).join('\n');
}
