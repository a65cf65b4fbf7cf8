/**
 * `npm run board-pack`: the workbook always, the PDF where a Chromium is found, figures from the register file
 * given (not the default data the web build carries), and clear Swedish refusals with a non-zero exit.
 */
import { execFile, execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseArgs, runBoardPack } from '../../../tools/cli/board-pack';
import { DEMO_DATA } from '../../../tools/cli/args';
import { buildBoardPack } from '../../../electron/core/domain/board-pack';
import { memberIdsAt } from '../../../electron/core/domain/memberships';
import { parseDocumentText, serialiseDocument } from '../../../electron/core/store/parse-document';
import { SCHEMA_VERSION } from '../../../electron/core/store/schema';

const NEWER = SCHEMA_VERSION + 1;

const DATE = '2022-06-30';
const chromium = ['/usr/bin/chromium', process.env.CHROMIUM_PATH].find((p): p is string => p !== undefined && existsSync(p));
const poppler = existsSync('/usr/bin/pdftotext') && existsSync('/usr/bin/pdfinfo');

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'sambruk-board-pack-cli-'));
});
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

function io() {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, io: { out: (l: string) => out.push(l), err: (l: string) => err.push(l), now: () => new Date(`${DATE}T10:00:00.000Z`), env: {} } };
}

async function readGoals(file: string) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(readFileSync(file) as unknown as ExcelJS.Buffer);
  const sheet = workbook.getWorksheet('Mål');
  if (!sheet) throw new Error('no Mål sheet');
  const rows: { title: unknown; value: unknown }[] = [];
  // The goal table ends at its first empty row; notes on the plan's figures follow below it.
  for (let r = 5; r <= sheet.rowCount; r++) {
    const title = sheet.getRow(r).getCell(2).value;
    if (title === null || title === undefined) break;
    rows.push({ title, value: sheet.getRow(r).getCell(4).value });
  }
  return rows;
}

/** The default register with one plain municipality gone since March and another name, written to a file. */
function changedRegister(): { file: string; expectedMembers: number } {
  const doc = parseDocumentText(readFileSync(DEMO_DATA, 'utf8'));
  const inGroups = new Set(doc.organisations.flatMap((o) => o.groupMemberIds));
  const leaving = doc.memberships.find((m) => m.left === undefined && doc.organisations.some((o) => o.id === m.organisationId && o.kind === 'kommun' && !inGroups.has(o.id)));
  if (!leaving) throw new Error('no open membership');
  const changed = {
    ...doc,
    meta: { ...doc.meta, associationName: 'Föreningen Provbruk' },
    memberships: doc.memberships.map((m) => (m.id === leaving.id ? { ...m, left: '2022-03-31' } : m)),
  };
  const file = path.join(dir, 'register.json');
  writeFileSync(file, serialiseDocument(changed));
  return { file, expectedMembers: memberIdsAt(changed, DATE).size };
}

describe('arguments', () => {
  it('refuses bad arguments in Swedish', () => {
    const refusal = (argv: string[]) => {
      const parsed = parseArgs(argv);
      return parsed.ok ? undefined : parsed.message;
    };
    expect(refusal(['--date', DATE, '--out', 'x'])).toBe('Ange registerfilen med --data <fil>, eller --demo för standardregistret.');
    expect(refusal(['--demo', '--data', 'a.json', '--date', DATE, '--out', 'x'])).toBe('Ange antingen --data <fil> eller --demo, inte båda.');
    expect(refusal(['--demo', '--out', 'x'])).toBe('Ange styrelsemötets datum med --date, till exempel --date 2022-06-30.');
    expect(refusal(['--demo', '--date', '2022-02-30', '--out', 'x'])).toContain('Datumet ska skrivas ÅÅÅÅ-MM-DD');
    expect(refusal(['--demo', '--date', DATE])).toBe('Ange mappen där filerna ska sparas med --out <mapp>.');
    expect(refusal(['--demo', '--date'])).toBe('--date behöver ett värde, till exempel --date 2022-06-30.');
    expect(refusal(['--demo', '--year', '2022'])).toContain('Okänt argument: --year');
    expect(parseArgs(['--demo', `--date=${DATE}`, '--out=ut', '--tidigare-ar'])).toEqual({
      ok: true,
      args: { demo: true, date: DATE, out: 'ut', includePreviousYear: true },
    });
  });

  it('exits with 2 and the usage from the real script entry', async () => {
    const run = promisify(execFile);
    const failure = await run('npx', ['tsx', 'tools/cli/board-pack.ts', '--demo', '--out', dir], { cwd: path.resolve(import.meta.dirname, '../../..') }).then(
      () => undefined,
      (error: { code?: number; stderr?: string }) => error,
    );
    expect(failure?.code).toBe(2);
    expect(failure?.stderr).toContain('Fel: Ange styrelsemötets datum med --date');
    expect(failure?.stderr).toContain('Användning:');
  });

  it('exits with 1 when the register cannot be read or is not a register', async () => {
    const missing = io();
    expect(await runBoardPack(['--data', path.join(dir, 'finns-inte.json'), '--date', DATE, '--out', dir], missing.io)).toBe(1);
    expect(missing.err.join('\n')).toContain('kunde inte läsas: filen finns inte');
    const broken = path.join(dir, 'trasig.json');
    writeFileSync(broken, '{"schemaVersion": 1');
    const bad = io();
    expect(await runBoardPack(['--data', broken, '--date', DATE, '--out', dir], bad.io)).toBe(1);
    expect(bad.err.join('\n')).toContain('är inte ett giltigt register');
  });

  it('reads the register through the same reader as the app: Windows-1252 refused, a newer version named', async () => {
    const text = serialiseDocument(parseDocumentText(readFileSync(DEMO_DATA, 'utf8')));
    const ansi = path.join(dir, 'ansi.json');
    writeFileSync(ansi, Buffer.from(text, 'latin1'));
    const refused = io();
    expect(await runBoardPack(['--data', ansi, '--date', DATE, '--out', path.join(dir, 'ansi-ut')], refused.io)).toBe(1);
    expect(refused.err.join('\n')).toMatch(/inte ett giltigt register\. Filen innehåller tecken som inte är giltig UTF-8-text/);
    expect(existsSync(path.join(dir, 'ansi-ut'))).toBe(false);

    const raw = JSON.parse(text) as Record<string, unknown>;
    raw.schemaVersion = NEWER;
    (raw.meta as Record<string, unknown>).revision = 'tre';
    const newer = path.join(dir, 'nyare.json');
    writeFileSync(newer, JSON.stringify(raw));
    const told = io();
    expect(await runBoardPack(['--data', newer, '--date', DATE, '--out', path.join(dir, 'nyare-ut')], told.io)).toBe(1);
    expect(told.err.join('\n')).toMatch(new RegExp(String.raw`nyare version av Sambruk Kansli \(schemaversion ${NEWER}\).*schemaversion ${SCHEMA_VERSION}`));
    expect(existsSync(path.join(dir, 'nyare-ut'))).toBe(false);
  });
});

describe('writing the pack', () => {
  it('writes only the workbook when no Chromium is found, and says so', async () => {
    const out = path.join(dir, 'utan-pdf');
    const run = io();
    expect(await runBoardPack(['--demo', '--date', DATE, '--out', out, '--chromium', path.join(dir, 'ingen-chromium')], run.io)).toBe(0);
    expect(run.out.join('\n')).toContain('Ingen PDF skrevs: ingen Chromium hittades');
    expect(existsSync(path.join(out, `Styrelserapport ${DATE}.pdf`))).toBe(false);
    const expected = buildBoardPack(parseDocumentText(readFileSync(DEMO_DATA, 'utf8')), DATE, { generatedAt: 'x' });
    expect(await readGoals(path.join(out, `Styrelserapport ${DATE}.xlsx`))).toEqual(expected.goals.map((g) => ({ title: g.title, value: g.value })));
  });

  it.skipIf(!chromium)('writes the workbook and an A4 PDF of the given register’s figures', async () => {
    const { file, expectedMembers } = changedRegister();
    const out = path.join(dir, 'med-pdf');
    const run = io();
    const code = await runBoardPack(['--data', file, '--date', DATE, '--out', out, '--chromium', chromium ?? ''], run.io);
    expect(run.err).toEqual([]);
    expect(code).toBe(0);
    const pdf = path.join(out, `Styrelserapport ${DATE}.pdf`);
    expect(run.out.at(-1)).toContain(`Skrev ${pdf}`);
    const goals = await readGoals(path.join(out, `Styrelserapport ${DATE}.xlsx`));
    expect(goals.find((g) => g.title === 'Minst 125 medlemmar')?.value).toBe(expectedMembers);

    expect(readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
    if (!poppler) return;
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))?.[1]);
    expect(pages).toBeGreaterThanOrEqual(8);
    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
    // The register's own name and figures, not the default data the web build carries.
    expect(text).toContain('Föreningen Provbruk');
    expect(text).toContain('Styrelsemöte 30 juni 2022');
    const goalsPage = execFileSync('pdftotext', ['-layout', '-f', '2', '-l', '2', pdf, '-'], { encoding: 'utf8' });
    expect(goalsPage).toMatch(new RegExp(`Minst 125 medlemmar\\s+2022\\s+${expectedMembers}\\s+minst 125`));
  }, 120_000);
});
