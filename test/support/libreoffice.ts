/**
 * LibreOffice as a real consumer of our workbooks: opens an xlsx headless, recalculates every formula, and
 * exports a sheet's cell values as CSV, which we read back.
 *
 * - Each call uses its own fresh profile (`-env:UserInstallation`), so parallel runs never share a lock.
 * - The profile is pre-seeded to ALWAYS recalculate OOXML files on load (`OOXMLRecalcMode` 0). LibreOffice's
 *   default may trust the cached results in the file, and then a test would only read back our own numbers.
 * - Values are exported raw ("save cell contents as shown" off): `3172048`, `0.0873…`, not `3 172 048 kr`.
 *
 * `sofficePath()` is undefined when LibreOffice is not installed; tests then skip with `skipReason`.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const CANDIDATES = ['/usr/bin/soffice', '/usr/local/bin/soffice', '/usr/lib/libreoffice/program/soffice', '/opt/libreoffice/program/soffice'];

export function sofficePath(): string | undefined {
  const fromEnv = process.env.SOFFICE_PATH;
  if (fromEnv && fs.existsSync(fromEnv)) return fromEnv;
  return CANDIDATES.find((p) => fs.existsSync(p));
}

export const skipReason =
  'LibreOffice (soffice) finns inte på den här datorn: testet som räknar om arbetsboken i LibreOffice hoppas över. ' +
  'Installera med `apt-get install -y libreoffice-calc` eller ange SOFFICE_PATH.';

const RECALC_ALWAYS = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

function run(file: string, args: string[], timeoutMs: number): Promise<{ stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    execFile(file, args, { timeout: timeoutMs, env: { ...process.env, HOME: os.tmpdir() } }, (error, stdout, stderr) => {
      if (error) reject(new Error(`${file} ${args.join(' ')} failed: ${error.message}\n${stderr}`));
      else resolve({ stdout, stderr });
    });
  });
}

/** Minimal RFC 4180 reader for LibreOffice's own output (kept apart from the code under test). */
function parseLibreOfficeCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/**
 * Recalculates `xlsx` in LibreOffice and returns the values of sheet `sheetNumber` (1-based) as rows of
 * strings (numbers unformatted, with `.` as decimal point).
 */
export async function recalculateWithLibreOffice(xlsx: Uint8Array, sheetNumber = 1, timeoutMs = 120_000): Promise<string[][]> {
  const soffice = sofficePath();
  if (!soffice) throw new Error(skipReason);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sambruk-lo-'));
  try {
    const profile = path.join(dir, 'profile');
    fs.mkdirSync(path.join(profile, 'user'), { recursive: true });
    fs.writeFileSync(path.join(profile, 'user', 'registrymodifications.xcu'), RECALC_ALWAYS);
    const input = path.join(dir, 'book.xlsx');
    fs.writeFileSync(input, xlsx);
    const out = path.join(dir, 'out');
    fs.mkdirSync(out);
    // Tokens: separator 44 (,), text delimiter 34 ("), charset 76 (UTF-8), from line 1, -, language, quoted
    // as text false, detect numbers true, save as shown FALSE (raw values), formulas false, trim false, sheet N.
    const filter = `csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,${sheetNumber}`;
    await run(
      soffice,
      [`-env:UserInstallation=${pathToFileURL(profile).href}`, '--headless', '--norestore', '--nologo', '--convert-to', filter, '--outdir', out, input],
      timeoutMs,
    );
    const produced = fs.readdirSync(out).filter((f) => f.endsWith('.csv'));
    const file = produced[0];
    if (!file) throw new Error(`LibreOffice skrev ingen CSV-fil (katalogen innehåller: ${produced.join(', ') || 'inget'})`);
    return parseLibreOfficeCsv(fs.readFileSync(path.join(out, file), 'utf8').replace(/^\uFEFF/, ''));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Prints workbooks to PDF as LibreOffice lays them out for paper (page setup, print titles, page headers), all in
 * one start of LibreOffice. Answers each file's PDF path inside `outDir`.
 */
export async function printWithLibreOffice(files: Readonly<Record<string, Uint8Array>>, outDir: string, timeoutMs = 120_000): Promise<Record<string, string>> {
  const soffice = sofficePath();
  if (!soffice) throw new Error(skipReason);
  const profile = path.join(outDir, 'profile');
  fs.mkdirSync(path.join(profile, 'user'), { recursive: true });
  fs.writeFileSync(path.join(profile, 'user', 'registrymodifications.xcu'), RECALC_ALWAYS);
  const inputs = Object.entries(files).map(([name, bytes]) => {
    const input = path.join(outDir, `${name}.xlsx`);
    fs.writeFileSync(input, bytes);
    return input;
  });
  await run(
    soffice,
    [`-env:UserInstallation=${pathToFileURL(profile).href}`, '--headless', '--norestore', '--nologo', '--convert-to', 'pdf', '--outdir', outDir, ...inputs],
    timeoutMs,
  );
  const pdfs: Record<string, string> = {};
  for (const name of Object.keys(files)) {
    const pdf = path.join(outDir, `${name}.pdf`);
    if (!fs.existsSync(pdf)) throw new Error(`LibreOffice skrev ingen PDF för ${name}`);
    pdfs[name] = pdf;
  }
  return pdfs;
}
