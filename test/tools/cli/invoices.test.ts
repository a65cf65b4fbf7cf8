import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { produce } from 'immer';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultIssueDate, E_INVOICE_DIR, parseArgs, runInvoices, usage } from '../../../tools/cli/invoices';
import { isPublicBody } from '../../../electron/core/domain/billing';
import { serialiseDocument } from '../../../electron/core/store/parse-document';
import type { SambrukDocument } from '../../../electron/core/store/schema';
import { loadDefaultDocument } from '../../support/memory-document';
import { pdfPageCount, popplerPresent } from '../../support/pdf-text';

const tempDirs: string[] = [];
afterEach(() => {
  for (const dir of tempDirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});
function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sambruk-fakturor-'));
  tempDirs.push(dir);
  return dir;
}

type Run = { code: number; out: string[]; err: string[] };

async function run(argv: string[]): Promise<Run> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runInvoices(argv, { out: (l) => out.push(l), err: (l) => err.push(l), now: () => new Date('2026-12-07T10:00:00.000Z') });
  return { code, out, err };
}

function registerFile(dir: string, doc: SambrukDocument): string {
  const file = path.join(dir, 'register.json');
  fs.writeFileSync(file, serialiseDocument(doc));
  return file;
}

const sha = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');

type Voucher = { series: string; number: number; date: string; trans: { account: string; ore: number }[] };

/** Reads a SIE 4I file as a bookkeeping program would: CP437 lines, #KONTO and #VER with their #TRANS rows. */
function readSie(bytes: Buffer): { header: Map<string, string>; accounts: Set<string>; vouchers: Voucher[] } {
  // CP437 is ASCII below 0x80; the files' Swedish letters are above it and irrelevant to the structure.
  const lines = bytes.toString('latin1').split('\r\n');
  expect(lines.at(-1)).toBe('');
  const header = new Map<string, string>();
  const accounts = new Set<string>();
  const vouchers: Voucher[] = [];
  let open: Voucher | undefined;
  for (const line of lines.slice(0, -1)) {
    if (line === '{') continue;
    if (line === '}') {
      expect(open).toBeDefined();
      vouchers.push(open as Voucher);
      open = undefined;
      continue;
    }
    const ver = /^#VER (\S+) (\d+) (\d{8}) ".*"$/u.exec(line);
    if (ver) {
      open = { series: ver[1] as string, number: Number(ver[2]), date: ver[3] as string, trans: [] };
      continue;
    }
    const trans = /^ {3}#TRANS (\d{4}) \{[^}]*\} (-?\d+\.\d{2})$/u.exec(line);
    if (trans) {
      expect(open).toBeDefined();
      open?.trans.push({ account: trans[1] as string, ore: Math.round(Number(trans[2]) * 100) });
      continue;
    }
    const konto = /^#KONTO (\d{4}) ".+"$/u.exec(line);
    if (konto) {
      accounts.add(konto[1] as string);
      continue;
    }
    const tag = /^(#[A-Z]+) ?(.*)$/u.exec(line);
    expect(tag, line).not.toBeNull();
    header.set(tag?.[1] as string, tag?.[2] as string);
  }
  expect(open).toBeUndefined();
  return { header, accounts, vouchers };
}

describe('npm run invoices: arguments', () => {
  it('reads the demo or a register file, the year, the folder and an issue date (1 February by default)', () => {
    expect(parseArgs(['--demo', '--year', '2022', '--out', 'ut'])).toEqual({ ok: true, args: { demo: true, year: 2022, date: '2022-02-01', out: 'ut' } });
    expect(defaultIssueDate(2023)).toBe('2023-02-01');
    expect(parseArgs(['--data', 'r.json', '--year=2022', '--out', 'ut', '--date', '2022-03-15'])).toEqual({
      ok: true,
      args: { data: 'r.json', demo: false, year: 2022, date: '2022-03-15', out: 'ut' },
    });
    expect(parseArgs(['--help'])).toEqual({ ok: true, help: true });
  });

  it('refuses in Swedish what it cannot use, saying what to write', () => {
    const refused = (argv: string[]) => {
      const parsed = parseArgs(argv);
      if (parsed.ok) throw new Error('expected a refusal');
      return parsed.message;
    };
    expect(refused(['--year', '2022', '--out', 'ut'])).toBe('Ange registerfilen med --data <fil>, eller --demo för standardregistret.');
    expect(refused(['--demo', '--data', 'r.json', '--year', '2022', '--out', 'ut'])).toBe('Ange antingen --data <fil> eller --demo, inte båda.');
    expect(refused(['--demo', '--out', 'ut'])).toBe('Ange året som ska faktureras med --year, till exempel --year 2022.');
    expect(refused(['--demo', '--year', '22', '--out', 'ut'])).toMatch(/^Året ska vara ett årtal .+ \(fick ”22”\)\.$/u);
    expect(refused(['--demo', '--year', '2022'])).toBe('Ange mappen där filerna ska sparas med --out <mapp>.');
    expect(refused(['--demo', '--year', '2022', '--out', 'ut', '--date', '2022-02-30'])).toBe(
      'Fakturadatumet ska skrivas ÅÅÅÅ-MM-DD och finnas i kalendern, till exempel 2022-02-01 (fick ”2022-02-30”).',
    );
    expect(refused(['--demo', '--year', '2022', '--out', 'ut', '--date', '2023-01-10'])).toBe('Fakturadatumet 2023-01-10 ligger inte i 2022. Välj ett datum under året som faktureras.');
    expect(refused(['--demo', '--year', '2022', '--out', 'ut', 'extra'])).toMatch(/^Okänt argument: extra\./u);
  });

  it('answers bad arguments with exit code 2 and the usage, --help with 0', async () => {
    const bad = await run(['--demo']);
    expect(bad.code).toBe(2);
    expect(bad.err[0]).toMatch(/^Fel: /u);
    expect(bad.err.join('\n')).toContain(usage);
    const help = await run(['--help']);
    expect(help).toEqual({ code: 0, out: [usage], err: [] });
  });
});

describe('npm run invoices: a year invoiced into a folder', () => {
  it('drafts and issues the demo 2022 run in memory and writes every PDF, e-invoice and the SIE file, saying they are examples', async () => {
    const dir = tempDir();
    const doc = loadDefaultDocument();
    const source = registerFile(dir, doc);
    const before = sha(source);
    const out = path.join(dir, 'fakturor');
    const result = await run(['--data', source, '--year', '2022', '--out', out]);
    expect(result.err).toEqual([]);
    expect(result.code).toBe(0);
    // The register is read, never written.
    expect(sha(source)).toBe(before);

    const customers = new Set(doc.invoicing.billing.map((b) => b.organisationId));
    const count = customers.size;
    const publicCount = doc.organisations.filter((o) => customers.has(o.id) && isPublicBody(o)).length;
    const names = fs.readdirSync(out).sort();
    const pdfs = names.filter((n) => /^Faktura \d+\.pdf$/u.test(n));
    expect(pdfs).toHaveLength(count);
    expect(names).toEqual(expect.arrayContaining(['Fakturakörning 2022.pdf', 'Bokföring 2022.se', E_INVOICE_DIR]));
    const xmls = fs.readdirSync(path.join(out, E_INVOICE_DIR));
    expect(xmls).toHaveLength(publicCount);
    expect(xmls.every((n) => /^\d+\.xml$/u.test(n))).toBe(true);
    const first = fs.readFileSync(path.join(out, E_INVOICE_DIR, xmls[0] as string), 'utf8');
    expect(first).toContain('<cbc:CustomizationID>urn:cen.eu:en16931:2017#compliant#urn:fdc:peppol.eu:2017:poacc:billing:3.0</cbc:CustomizationID>');
    expect(first).toContain('<cbc:IssueDate>2022-02-01</cbc:IssueDate>');

    const sie = readSie(fs.readFileSync(path.join(out, 'Bokföring 2022.se')));
    expect(sie.header.get('#SIETYP')).toBe('4');
    expect(sie.header.get('#FORMAT')).toBe('PC8');
    expect(sie.header.get('#RAR')).toBe('0 20220101 20221231');
    expect(sie.vouchers.map((v) => v.number)).toEqual(Array.from({ length: count }, (_, i) => i + 1));
    for (const voucher of sie.vouchers) {
      expect(voucher.date).toBe('20220201');
      expect(voucher.trans.reduce((sum, t) => sum + t.ore, 0)).toBe(0);
      for (const t of voucher.trans) expect(sie.accounts.has(t.account)).toBe(true);
    }

    const text = result.out.join('\n');
    expect(result.out[0]).toMatch(new RegExp(`^Fakturering 2022: ${count} fakturor utfärdade 2022-02-01 \\(nummer 1–${count}\\), totalt .+ varav moms .+\\.$`, 'u'));
    expect(text).toContain(`  ${count} fakturor som PDF (Faktura <nr>.pdf)`);
    expect(text).toContain(`  ${publicCount} e-fakturor (Peppol BIS Billing 3.0) i ${E_INVOICE_DIR}/`);
    expect(text).toContain(`  Bokföring 2022.se (SIE 4I, ${count} verifikationer)`);
    expect(text).toMatch(/Obs: Föreningens uppgifter och \d+ kunders faktureringsuppgifter är exempel/u);

    if (popplerPresent()) {
      const single = ['Faktura 1.pdf', `Faktura ${count}.pdf`].map((n) => pdfPageCount(path.join(out, n)));
      expect(single.every((pages) => pages >= 1)).toBe(true);
      expect(pdfPageCount(path.join(out, 'Fakturakörning 2022.pdf'))).toBeGreaterThanOrEqual(count);
    }
  }, 120_000);

  it('sends a buyer that is not a public body no e-invoice, and says its invoice goes as PDF', async () => {
    const dir = tempDir();
    const doc = loadDefaultDocument();
    const billed = new Set(doc.invoicing.billing.map((b) => b.organisationId));
    const target = doc.organisations.find((o) => billed.has(o.id) && o.kind === 'kommun');
    const company = produce(doc, (d) => {
      const org = d.organisations.find((o) => o.id === target?.id);
      if (org) org.kind = 'annan';
    });
    const out = path.join(dir, 'ut');
    const result = await run(['--data', registerFile(dir, company), '--year', '2022', '--out', out, '--date', '2022-03-01']);
    expect(result.code).toBe(0);
    expect(result.out.join('\n')).toMatch(/ i e-faktura\/; 1 faktura till köpare utan e-fakturaadress skickas som PDF/u);
    expect(fs.readdirSync(path.join(out, E_INVOICE_DIR))).toHaveLength(fs.readdirSync(out).filter((n) => /^Faktura \d+\.pdf$/u.test(n)).length - 1);
  }, 120_000);

  it('writes nothing and exits 1 when issuing is refused, naming what is missing', async () => {
    const dir = tempDir();
    const bare = produce(loadDefaultDocument(), (d) => {
      d.invoicing.settings = [];
    });
    const out = path.join(dir, 'ut');
    const result = await run(['--data', registerFile(dir, bare), '--year', '2022', '--out', out]);
    expect(result.code).toBe(1);
    expect(result.err[0]).toMatch(/^Fel: Inget utfärdades: Föreningens uppgifter saknar föreningens namn, organisationsnummer, adress/u);
    expect(result.err[1]).toBe('Inga filer skrevs.');
    expect(fs.existsSync(out)).toBe(false);
  }, 60_000);

  it('exits 1 with the reason when the register cannot be read or the year has nothing to invoice', async () => {
    const dir = tempDir();
    const missing = await run(['--data', path.join(dir, 'finns-inte.json'), '--year', '2022', '--out', path.join(dir, 'ut')]);
    expect(missing.code).toBe(1);
    expect(missing.err[0]).toMatch(/^Fel: /u);
    const empty = await run(['--demo', '--year', '2015', '--out', path.join(dir, 'ut')]);
    expect(empty.code).toBe(1);
    expect(empty.err).toEqual(['Fel: Det finns ingen avgiftstabell för 2015 eller tidigare år. Lägg in avgiftstabellen först.', 'Inga filer skrevs.']);
  }, 60_000);
});
