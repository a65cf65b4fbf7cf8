import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import { parseArgs, runExport } from '../../../tools/cli/export';
import { membershipFeesForYear } from '../../../electron/core/domain/fees';
import { serialiseDocument } from '../../../electron/core/store/parse-document';
import { loadDefaultDocument } from '../../support/memory-document';
import { accountantFixture, PERSON_EMAIL } from '../../core/exports/accountant-fixture';
import { partXml } from '../../core/exports/reopen';
import { SCHEMA_VERSION } from '../../../electron/core/store/schema';
import { accountantSheetNames } from '../../../electron/core/exports/accountant-workbook';

/** A sheet's part in the package: ExcelJS numbers the parts in the workbook's sheet order. */
const sheetPart = (name: (typeof accountantSheetNames)[number]) => `xl/worksheets/sheet${accountantSheetNames.indexOf(name) + 1}.xml`;

const NEWER = SCHEMA_VERSION + 1;

const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));
const SCRIPT = path.join(repoRoot, 'tools/cli/export.ts');

const tempDirs: string[] = [];
afterEach(() => {
  for (const dir of tempDirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});
function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sambruk-cli-'));
  tempDirs.push(dir);
  return dir;
}

type Run = { code: number | null; stdout: string; stderr: string };

/** Runs the command as `npm run export` does (tsx), in its own process, optionally in another time zone. */
function runCli(args: string[], env: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', SCRIPT, ...args], { cwd: repoRoot, env: { ...process.env, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

async function open(file: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  return workbook;
}

const serial = (iso: string) => (Date.parse(`${iso}T00:00:00Z`) - Date.UTC(1899, 11, 30)) / 86_400_000;

describe('npm run export', () => {
  it('writes the demo workbook with its sheets and totals, dates the same day even far east of Greenwich', async () => {
    const dir = tempDir();
    const out = path.join(dir, 'Ekonomiunderlag 2022.xlsx');
    const run = await runCli(['--demo', '--year', '2022', '--out', out], { TZ: 'Pacific/Kiritimati' });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`Skrev Ekonomiunderlag 2022 till ${out}`);
    const workbook = await open(out);
    expect(workbook.worksheets.map((s) => s.name)).toEqual([...accountantSheetNames]);
    expect(workbook.title).toBe('Ekonomiunderlag 2022');

    const fees = membershipFeesForYear(loadDefaultDocument(), 2022);
    const sheet = workbook.getWorksheet('Fakturaunderlag');
    let total: unknown;
    let amountColumn = 0;
    sheet?.eachRow((row) => {
      if (row.getCell(1).value === 'Referens') amountColumn = row.values instanceof Array ? row.values.indexOf('Belopp') : 0;
      if (row.getCell(1).value === 'Summa') total = (row.getCell(amountColumn).value as ExcelJS.CellFormulaValue).result;
    });
    expect(total).toBe(fees.totalOre / 100);

    // The invoice lines of 2022 run from 2022-01-01; the serial is the day itself, not the day before. (The
    // members' «Medlem sedan» is «före 2022-01-01», text rather than a date.)
    const bytes = new Uint8Array(fs.readFileSync(out));
    const xml = await partXml(bytes, sheetPart('Fakturaunderlag'));
    expect(xml).toContain(`<v>${serial('2022-01-01')}</v>`);
    expect(xml).not.toContain(`<v>${serial('2021-12-31')}</v>`);
    expect(fs.readdirSync(dir)).toEqual(['Ekonomiunderlag 2022.xlsx']);
  });

  it('reads a register file, with persons only when asked, and never changes it', async () => {
    const dir = tempDir();
    const data = path.join(dir, 'register.json');
    fs.writeFileSync(data, serialiseDocument(accountantFixture()));
    const before = fs.readFileSync(data, 'utf8');
    const plain = path.join(dir, 'utan.xlsx');
    const personal = path.join(dir, 'med.xlsx');
    const a = await runCli(['--data', data, '--year=2022', '--out', plain], { TZ: 'America/New_York' });
    const b = await runCli(['--data', data, '--year', '2022', '--out', personal, '--personuppgifter']);
    expect([a.code, b.code]).toEqual([0, 0]);
    expect(b.stdout).toContain('med personuppgifter');
    const withoutXml = await partXml(new Uint8Array(fs.readFileSync(plain)), 'xl/sharedStrings.xml');
    const withXml = await partXml(new Uint8Array(fs.readFileSync(personal)), 'xl/sharedStrings.xml');
    expect(withoutXml).not.toContain(PERSON_EMAIL);
    expect(withXml).toContain(PERSON_EMAIL);
    const xml = await partXml(new Uint8Array(fs.readFileSync(plain)), sheetPart('Medlemmar'));
    expect(xml).toContain(`<v>${serial('2022-04-15')}</v>`);
    expect(fs.readFileSync(data, 'utf8')).toBe(before);
  });

  it('refuses bad arguments with a Swedish message and exit code 2', async () => {
    const dir = tempDir();
    const out = path.join(dir, 'x.xlsx');
    const cases: [string[], RegExp][] = [
      [[], /Ange registerfilen med --data/],
      [['--demo', '--out', out], /Ange året med --year/],
      [['--demo', '--year', 'tjugotjugotvå', '--out', out], /Året ska vara ett årtal/],
      [['--demo', '--year', '2022', '--out', path.join(dir, 'x.csv')], /ska sluta på \.xlsx/],
      [['--demo', '--year', '2022'], /Ange var arbetsboken ska sparas/],
      [['--demo', '--data', 'a.json', '--year', '2022', '--out', out], /antingen --data <fil> eller --demo/],
      [['--demo', '--year', '2022', '--out', out, '--format', 'pdf'], /Okänt argument: --format/],
    ];
    for (const [args, message] of cases) {
      const run = await runCli(args);
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.stderr, args.join(' ')).toMatch(message);
      expect(run.stderr).toContain('Användning:');
    }
    expect(fs.existsSync(out)).toBe(false);
  });

  it('refuses a missing, a corrupt and an invalid register file with exit code 1, writing nothing', async () => {
    const dir = tempDir();
    const out = path.join(dir, 'ut.xlsx');
    const missing = await runCli(['--data', path.join(dir, 'finns-inte.json'), '--year', '2022', '--out', out]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/Registerfilen .*finns-inte\.json kunde inte läsas: filen finns inte\./);

    const corrupt = path.join(dir, 'avbruten.json');
    fs.writeFileSync(corrupt, serialiseDocument(loadDefaultDocument()).slice(0, 5_000));
    const broken = await runCli(['--data', corrupt, '--year', '2022', '--out', out]);
    expect(broken.code).toBe(1);
    expect(broken.stderr).toMatch(/inte ett giltigt register\. Filen är inte giltig JSON/);

    const wrong = path.join(dir, 'fel.json');
    fs.writeFileSync(wrong, JSON.stringify({ hej: 'då' }));
    const invalid = await runCli(['--data', wrong, '--year', '2022', '--out', out]);
    expect(invalid.code).toBe(1);
    expect(invalid.stderr).toMatch(/inte ett giltigt register/);

    const early = await runCli(['--demo', '--year', '2019', '--out', out]);
    expect(early.code).toBe(1);
    expect(early.stderr).toMatch(/ingen avgiftstabell för 2019/);
    expect(fs.readdirSync(dir).filter((f) => f.endsWith('.xlsx') || f.endsWith('.tmp'))).toEqual([]);
  });
});

/** Runs the command in this process (the same `runExport` the script entry calls), collecting what it prints. */
async function runHere(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runExport(args, { out: (l) => out.push(l), err: (l) => err.push(l), now: () => new Date('2026-01-15T10:00:00Z') });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/** The default register as a newer version (schema 2) would write it; `breakIt` makes it one this version cannot read. */
function newerRegisterText(breakIt = false): string {
  const raw = JSON.parse(serialiseDocument(loadDefaultDocument())) as Record<string, unknown>;
  raw.schemaVersion = NEWER;
  raw.invoices = [];
  if (breakIt) (raw.meta as Record<string, unknown>).revision = 'sjutton';
  return JSON.stringify(raw);
}

describe('reads the register file as the app does (one reader)', () => {
  it('accepts a UTF-8 BOM (Notepad) and writes the same workbook as without it', async () => {
    const dir = tempDir();
    const plain = path.join(dir, 'register.json');
    const bom = path.join(dir, 'register-bom.json');
    const text = serialiseDocument(loadDefaultDocument());
    fs.writeFileSync(plain, text);
    fs.writeFileSync(bom, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]));
    const a = await runHere(['--data', plain, '--year', '2022', '--out', path.join(dir, 'a.xlsx')]);
    const b = await runHere(['--data', bom, '--year', '2022', '--out', path.join(dir, 'b.xlsx')]);
    expect(a).toMatchObject({ code: 0, err: '' });
    expect(b).toMatchObject({ code: 0, err: '' });
    const sheetA = partXml(fs.readFileSync(path.join(dir, 'a.xlsx')), 'xl/worksheets/sheet1.xml');
    const sheetB = partXml(fs.readFileSync(path.join(dir, 'b.xlsx')), 'xl/worksheets/sheet1.xml');
    expect(await sheetB).toBe(await sheetA);
  });

  it('refuses a register saved as Windows-1252 in Swedish, writing nothing (no garbled names)', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'ansi.json');
    // Å, Ä, Ö are single bytes in Windows-1252 (the same as Latin-1 for these letters), never valid UTF-8 there.
    fs.writeFileSync(file, Buffer.from(serialiseDocument(loadDefaultDocument()), 'latin1'));
    const run = await runHere(['--data', file, '--year', '2022', '--out', path.join(dir, 'ut.xlsx')]);
    expect(run.code).toBe(1);
    expect(run.err).toMatch(/inte ett giltigt register\. Filen innehåller tecken som inte är giltig UTF-8-text/);
    expect(fs.readdirSync(dir)).toEqual(['ansi.json']);
  });

  it("reads a newer version's register with a notice naming both versions, and leaves the file as it was", async () => {
    const dir = tempDir();
    const file = path.join(dir, 'nyare.json');
    fs.writeFileSync(file, newerRegisterText(), { mode: 0o644 });
    const before = fs.statSync(file);
    const run = await runHere(['--data', file, '--year', '2022', '--out', path.join(dir, 'ut.xlsx')]);
    expect(run.code).toBe(0);
    expect(run.err).toMatch(new RegExp(String.raw`^Obs: Registret är skapat av en nyare version av Sambruk Kansli \(schemaversion ${NEWER}\); den här versionen känner bara till schemaversion ${SCHEMA_VERSION}\.`));
    expect(run.err).toMatch(/Installera den nyare versionen/);
    expect(fs.readFileSync(file, 'utf8')).toBe(newerRegisterText());
    const after = fs.statSync(file);
    expect([after.mtimeMs, after.mode, after.ino]).toEqual([before.mtimeMs, before.mode, before.ino]);
    expect(fs.readdirSync(dir).sort()).toEqual(['nyare.json', 'ut.xlsx']);
  });

  it("refuses a newer version's register it cannot read with a message naming both versions, and exit code 1", async () => {
    const dir = tempDir();
    const file = path.join(dir, 'nyare.json');
    fs.writeFileSync(file, newerRegisterText(true));
    const run = await runHere(['--data', file, '--year', '2022', '--out', path.join(dir, 'ut.xlsx')]);
    expect(run.code).toBe(1);
    expect(run.err).toMatch(new RegExp(String.raw`^Fel: Registerfilen är skapad av en nyare version av Sambruk Kansli \(schemaversion ${NEWER}\).*schemaversion ${SCHEMA_VERSION}.*Installera den nyare versionen`));
    expect(run.err).not.toMatch(/inte ett giltigt register/);
    expect(fs.readdirSync(dir)).toEqual(['nyare.json']);
  });
});

describe('parseArgs', () => {
  it('accepts both --flag value and --flag=value, and --help', () => {
    expect(parseArgs(['--demo', '--year=2022', '--out=a.xlsx'])).toEqual({ ok: true, args: { demo: true, year: 2022, out: 'a.xlsx', includePersonalDetails: false } });
    expect(parseArgs(['--data', 'r.json', '--year', '2030', '--out', 'b.XLSX', '--personuppgifter'])).toEqual({
      ok: true,
      args: { data: 'r.json', demo: false, year: 2030, out: 'b.XLSX', includePersonalDetails: true },
    });
    expect(parseArgs(['--help'])).toEqual({ ok: true, help: true });
    expect(parseArgs(['--data', '--year', '2022'])).toMatchObject({ ok: false, message: expect.stringMatching(/--data behöver ett värde/) });
    expect(parseArgs(['--demo', '--year', '1989', '--out', 'a.xlsx'])).toMatchObject({ ok: false });
    expect(parseArgs(['--demo', '--year', '2022', '--year', '2023', '--out', 'a.xlsx'])).toMatchObject({ ok: false, message: '--year anges två gånger.' });
  });
});
