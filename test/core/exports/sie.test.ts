import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Invoice, InvoiceLine, Payment, VatCategory } from '../../../electron/contract/model/invoicing';
import { AppError } from '../../../electron/contract/result';
import { encodeCp437, sieFile, sieQuote, sieText, type SieInput } from '../../../electron/core/exports/sie';
import { sampleArticles, sampleCreditNote, sampleInvoice, samplePayments, sampleRegionInvoice, sampleServiceInvoice, sampleSettings } from '../../fixtures/invoicing/sample-invoices';

const input: SieInput = {
  programVersion: '0.1.0',
  generated: '2022-12-31',
  year: 2022,
  settings: sampleSettings,
  invoices: [sampleInvoice, sampleServiceInvoice, sampleCreditNote, sampleRegionInvoice],
  payments: samplePayments,
  articles: sampleArticles,
};

// ---------------------------------------------------------------- a tiny SIE reader, kept apart from the writer

/** CP437 bytes back to text for the characters the tests use (ASCII and the Swedish letters). */
const SWEDISH_BYTES: Record<number, string> = { 0x86: 'å', 0x84: 'ä', 0x94: 'ö', 0x8f: 'Å', 0x8e: 'Ä', 0x99: 'Ö', 0x82: 'é' };
function decodeForTest(bytes: Uint8Array): string {
  return [...bytes].map((b) => (b < 0x80 ? String.fromCharCode(b) : (SWEDISH_BYTES[b] ?? `<${b.toString(16)}>`))).join('');
}

/** One record's fields: bare tokens, quoted strings (with \" and \\ unescaped) and `{…}` object lists as raw text. */
function fields(line: string): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < line.length) {
    const c = line[i]!;
    if (c === ' ' || c === '\t') i += 1;
    else if (c === '"') {
      let value = '';
      i += 1;
      while (i < line.length && line[i] !== '"') {
        if (line[i] === '\\' && i + 1 < line.length) i += 1;
        value += line[i];
        i += 1;
      }
      if (line[i] !== '"') throw new Error(`unterminated string: ${line}`);
      i += 1;
      out.push(value);
    } else if (c === '{') {
      const end = line.indexOf('}', i);
      if (end < 0) throw new Error(`unterminated object list: ${line}`);
      out.push(line.slice(i, end + 1));
      i = end + 1;
    } else {
      let value = '';
      while (i < line.length && line[i] !== ' ') value += line[i++];
      out.push(value);
    }
  }
  return out;
}

type ParsedTrans = { account: string; objects: string[]; ore: number };
type ParsedVoucher = { series: string; number: number; date: string; text: string; trans: ParsedTrans[] };
type ParsedSie = { records: string[][]; accounts: Map<string, string>; objects: Map<string, string>; vouchers: ParsedVoucher[] };

function toOre(amount: string): number {
  const m = /^(-?)(\d+)\.(\d{2})$/u.exec(amount);
  if (!m) throw new Error(`not an amount with two decimals: ${amount}`);
  return (m[1] ? -1 : 1) * (Number(m[2]) * 100 + Number(m[3]));
}

function parseSie(text: string): ParsedSie {
  expect(text.endsWith('\r\n')).toBe(true);
  const lines = text.slice(0, -2).split('\r\n');
  expect(lines.every((line) => !line.includes('\n') && !line.includes('\r'))).toBe(true);
  const parsed: ParsedSie = { records: [], accounts: new Map(), objects: new Map(), vouchers: [] };
  let open: ParsedVoucher | undefined;
  let inBlock = false;
  for (const line of lines) {
    const f = line === '{' || line === '}' ? [line] : fields(line.trim());
    if (f[0] === '{') {
      expect(open && !inBlock).toBe(true);
      inBlock = true;
    } else if (f[0] === '}') {
      expect(inBlock).toBe(true);
      parsed.vouchers.push(open!);
      open = undefined;
      inBlock = false;
    } else if (f[0] === '#TRANS') {
      expect(inBlock).toBe(true);
      const objects = f[2]!.slice(1, -1).trim();
      open!.trans.push({ account: f[1]!, objects: objects ? fields(objects) : [], ore: toOre(f[3]!) });
    } else {
      expect(inBlock).toBe(false);
      parsed.records.push(f);
      if (f[0] === '#KONTO') parsed.accounts.set(f[1]!, f[2]!);
      if (f[0] === '#OBJEKT') parsed.objects.set(`${f[1]} ${f[2]}`, f[3]!);
      if (f[0] === '#VER') open = { series: f[1]!, number: Number(f[2]), date: f[3]!, text: f[4]!, trans: [] };
    }
  }
  expect(inBlock).toBe(false);
  return parsed;
}

/** Every voucher sums to zero, every account has #KONTO, every object #OBJEKT. */
function expectWellFormed(parsed: ParsedSie): void {
  for (const voucher of parsed.vouchers) {
    expect(voucher.trans.length, `voucher ${voucher.number}`).toBeGreaterThanOrEqual(2);
    expect(voucher.trans.reduce((sum, t) => sum + t.ore, 0), `voucher ${voucher.number} balances`).toBe(0);
    for (const t of voucher.trans) {
      expect(parsed.accounts.has(t.account), `#KONTO ${t.account}`).toBe(true);
      if (t.objects.length > 0) expect(parsed.objects.has(`${t.objects[0]} ${t.objects[1]}`), `#OBJEKT ${t.objects.join(' ')}`).toBe(true);
    }
  }
}

// ---------------------------------------------------------------- CP437

describe('encodeCp437', () => {
  it('writes å ä ö Å Ä Ö as CP437 bytes, never as UTF-8', () => {
    expect([...encodeCp437('åäöÅÄÖ')]).toEqual([0x86, 0x84, 0x94, 0x8f, 0x8e, 0x99]);
  });

  it('maps the rest of the upper half to its code (spot checks across the table)', () => {
    const expected: [string, number][] = [
      ['Ç', 0x80], ['é', 0x82], ['É', 0x90], ['æ', 0x91], ['Æ', 0x92], ['Ü', 0x9a], ['¢', 0x9b], ['£', 0x9c], ['ƒ', 0x9f],
      ['á', 0xa0], ['½', 0xab], ['»', 0xaf], ['░', 0xb0], ['┐', 0xbf], ['└', 0xc0], ['╧', 0xcf], ['╨', 0xd0], ['▀', 0xdf],
      ['α', 0xe0], ['ß', 0xe1], ['µ', 0xe6], ['∩', 0xef], ['≡', 0xf0], ['°', 0xf8], ['·', 0xfa], ['²', 0xfd], ['■', 0xfe], ['\u00a0', 0xff],
    ];
    for (const [char, byte] of expected) expect([...encodeCp437(char)], char).toEqual([byte]);
  });

  it('gives all 128 upper codes to different characters', () => {
    const bytes = new Set<number>();
    // Every character CP437 has beyond ASCII lies in U+00A0–U+25FF (a few there compose to ASCII, e.g. U+037E to «;»).
    for (let code = 0xa0; code <= 0x25ff; code += 1) {
      const [byte] = encodeCp437(String.fromCodePoint(code));
      if (byte! >= 0x80) bytes.add(byte!);
    }
    expect(bytes.size).toBe(128);
  });

  it('keeps printable ASCII, tab, CR and LF, and writes ? for what CP437 lacks', () => {
    const ascii = Array.from({ length: 0x5f }, (_, i) => String.fromCharCode(0x20 + i)).join('');
    expect([...encodeCp437(`${ascii}\t\r\n`)]).toEqual([...ascii].map((c) => c.charCodeAt(0)).concat([9, 13, 10]));
    expect(new TextDecoder().decode(encodeCp437('€ – — ’ 😀 ő \u0001 \u007f'))).toBe('? ? ? ? ? ? ? ?');
  });

  it('composes a decomposed letter first (a + ring is å)', () => {
    expect([...encodeCp437('a\u030a')]).toEqual([0x86]);
  });
});

// ---------------------------------------------------------------- the file

describe('sieFile over the samples', () => {
  const text = sieText(input);
  const parsed = parseSie(text);

  it('starts with the 4I header', () => {
    expect(text.split('\r\n').slice(0, 8)).toEqual([
      '#FLAGGA 0',
      '#PROGRAM "Sambruk Kansli" "0.1.0"',
      '#FORMAT PC8',
      '#GEN 20221231',
      '#SIETYP 4',
      '#ORGNR 802400-0005',
      '#FNAMN "Sambruk"',
      '#RAR 0 20220101 20221231',
    ]);
  });

  it('is CP437 bytes with CR LF line ends: Företagskonto, Göteborgs and Utgående carry 0x94 and 0x86', () => {
    const bytes = sieFile(input);
    expect(decodeForTest(bytes)).toBe(text);
    const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));
    const contains = (needle: number[]) => bytes.some((_, i) => needle.every((b, j) => bytes[i + j] === b));
    expect(contains([...ascii('"F'), 0x94, ...ascii('retagskonto/bank"')])).toBe(true);
    expect(contains([...ascii('G'), 0x94, ...ascii('teborgs Stad')])).toBe(true);
    expect(contains([...ascii('Utg'), 0x86, ...ascii('ende moms 25 %')])).toBe(true);
    expect(contains([0xc3])).toBe(false);
    expect(contains([0x0d, 0x0a])).toBe(true);
    expect(bytes.filter((b) => b === 0x0a).length).toBe(bytes.filter((b) => b === 0x0d).length);
  });

  it('names every account used and only those, with the articles giving the income accounts', () => {
    expect([...parsed.accounts]).toEqual([
      ['1510', 'Kundfordringar'],
      ['1930', 'Företagskonto/bank'],
      ['2611', 'Utgående moms 25 %'],
      ['3010', 'Bibblix, EGIL, Utbildningsdag'],
      ['3011', 'Kursintyg'],
      ['3890', 'Medlemsavgift'],
    ]);
    expect(parsed.records.find((r) => r[0] === '#DIM')).toEqual(['#DIM', '1', 'Kostnadsställe']);
    expect([...parsed.objects]).toEqual([
      ['1 BIBBLIX', 'Bibblix'],
      ['1 EGIL', 'EGIL'],
      ['1 MEDLEM', 'Medlemsavgift'],
      ['1 UTB', 'Utbildningsdag'],
    ]);
    expectWellFormed(parsed);
  });

  it('books each invoice, credit note and payment as one balanced voucher in the series', () => {
    expect(parsed.vouchers.map((v) => [v.series, v.number, v.date, v.text])).toEqual([
      ['F', 1, '20220201', 'Faktura 1 Stockholms kommun'],
      ['F', 2, '20220201', 'Faktura 2 Göteborgs Stad'],
      ['F', 3, '20220310', 'Kreditfaktura 3 (krediterar faktura 2) Göteborgs Stad'],
      ['F', 4, '20220220', 'Betalning faktura 1 Stockholms kommun (Delbetalning)'],
      ['F', 5, '20220301', 'Betalning faktura 1 Stockholms kommun'],
      ['F', 6, '20220401', 'Faktura 4 Region Exempel'],
    ]);
    const trans = (n: number) => parsed.vouchers.find((v) => v.number === n)!.trans.map((t) => [t.account, t.objects.join(' '), t.ore]);
    expect(trans(1)).toEqual([['1510', '', 8_000_000], ['3890', '1 MEDLEM', -8_000_000]]);
    expect(trans(2)).toEqual([['1510', '', 5_833_375], ['3010', '1 EGIL', -4_500_000], ['3010', '1 BIBBLIX', -166_700], ['2611', '', -1_166_675]]);
    // The credit note reverses the Bibblix line: receivable credited, income and VAT debited.
    expect(trans(3)).toEqual([['1510', '', -208_375], ['3010', '1 BIBBLIX', 166_700], ['2611', '', 41_675]]);
    expect(trans(4)).toEqual([['1930', '', 5_000_000], ['1510', '', -5_000_000]]);
    expect(trans(6)).toEqual([['1510', '', 1_299_875], ['3010', '1 UTB', -999_900], ['3011', '', -50_000], ['2611', '', -249_975]]);
    expect(text).toContain('   #TRANS 3890 {1 "MEDLEM"} -80000.00\r\n');
    expect(text).toContain('   #TRANS 1510 {} 80000.00\r\n');
  });

  it('leaves out drafts and events outside the year', () => {
    const draft: Invoice = { ...sampleServiceInvoice, id: 'draft', status: 'draft', voucherNumber: undefined, number: undefined };
    const nextYear: Payment = { ...samplePayments[0]!, id: 'late', date: '2023-01-05', voucherNumber: 9 };
    const lastYear: Invoice = { ...sampleServiceInvoice, id: 'old', number: '0', issueDate: '2021-12-30', voucherNumber: 99 };
    const out = parseSie(sieText({ ...input, invoices: [...input.invoices, draft, lastYear], payments: [...input.payments, nextYear] }));
    expect(out.vouchers.map((v) => v.number)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('keeps an invoice of 0 kr in the series with rows of 0.00', () => {
    const zero: Invoice = { ...sampleServiceInvoice, lines: [{ ...sampleServiceInvoice.lines[0]!, unitPriceOre: 0, netOre: 0 }] };
    const out = parseSie(sieText({ ...input, invoices: [zero], payments: [] }));
    expect(out.vouchers.map((v) => [v.number, v.trans.map((t) => [t.account, t.ore])])).toEqual([[2, [['1510', 0], ['3010', 0]]]]);
  });

  it('omits the dimension when no line has a cost centre', () => {
    const lines = sampleServiceInvoice.lines.map(({ costCentre: _, ...line }) => line);
    const out = sieText({ ...input, invoices: [{ ...sampleServiceInvoice, lines }], payments: [], articles: [] });
    expect(out).not.toContain('#DIM');
    expect(out).not.toContain('#OBJEKT');
    expect(out).toContain('#KONTO 3010 "Intäkter"');
  });
});

describe('SIE texts', () => {
  it('escapes quotes and backslashes and flattens line breaks, and the reader gets the text back', () => {
    expect(sieQuote('Säg "hej" \\ då\r\nnu')).toBe('"Säg \\"hej\\" \\\\ då nu"');
    const name = 'Kommun "Test" \\ AB';
    const out = parseSie(sieText({ ...input, invoices: [{ ...sampleInvoice, buyer: { ...sampleInvoice.buyer!, name } }], payments: [] }));
    expect(out.vouchers[0]!.text).toBe(`Faktura 1 ${name}`);
    const quotedSeries = sieText({ ...input, settings: { ...sampleSettings, voucherSeries: 'F 1' }, invoices: [sampleInvoice], payments: [] });
    expect(quotedSeries).toContain('#VER "F 1" 1 20220201 ');
  });
});

describe('sieFile refuses what cannot be booked', () => {
  const refusal = (over: Partial<SieInput>): AppError => {
    try {
      sieFile({ ...input, ...over });
    } catch (error) {
      if (error instanceof AppError) return error;
      throw error;
    }
    throw new Error('no refusal');
  };

  it('an issued invoice or payment without a voucher number', () => {
    const error = refusal({ invoices: [{ ...sampleInvoice, voucherNumber: undefined }], payments: [{ ...samplePayments[1]!, voucherNumber: undefined }] });
    expect(error.code).toBe('conflict');
    expect(error.message).toBe('SIE-filen kan inte skapas: Faktura 1 saknar verifikationsnummer. Betalningen 2022-03-01 av 30000.00 kr saknar verifikationsnummer.');
  });

  it('a voucher number used twice, and a payment of an unknown invoice', () => {
    expect(refusal({ payments: [{ ...samplePayments[0]!, voucherNumber: 2 }] }).message).toBe('SIE-filen kan inte skapas: Verifikationsnummer F 2 används två gånger.');
    expect(refusal({ payments: [{ ...samplePayments[0]!, invoiceId: 'nope' }] }).message).toBe('SIE-filen kan inte skapas: Betalningen 2022-02-20 av 50000.00 kr hör till en faktura som inte finns.');
  });
});

// ---------------------------------------------------------------- property: any invoices balance

const ACCOUNTS = ['3010', '3011', '3890', '3990'];
const CENTRES = [undefined, 'EGIL', 'MEDLEM', 'Å "ö"'];

const lineArb = fc
  .record({
    category: fc.constantFrom<VatCategory>('S', 'E', 'O'),
    rate: fc.constantFrom(25, 12, 6),
    quantity: fc.integer({ min: 1, max: 50 }),
    unitKronor: fc.integer({ min: -20_000, max: 2_000_000 }),
    account: fc.constantFrom(...ACCOUNTS),
    centre: fc.constantFrom(...CENTRES),
  })
  .map(({ category, rate, quantity, unitKronor, account, centre }): InvoiceLine => ({
    id: 'l',
    articleId: 'a',
    description: 'Rad',
    quantity,
    unitPriceOre: unitKronor * 100,
    netOre: quantity * unitKronor * 100,
    vat: category === 'S' ? { category, ratePercent: rate } : { category, ratePercent: 0, exemptionReason: 'Skäl' },
    incomeAccount: account,
    costCentre: centre,
  }));

const invoiceArb = fc.record({ lines: fc.array(lineArb, { minLength: 1, maxLength: 8 }), credit: fc.boolean(), paid: fc.integer({ min: -1_000_000, max: 100_000_000 }) });

describe('sieFile: property', () => {
  it('balances every voucher to the öre and names every account and cost centre, for any invoices', () => {
    fc.assert(
      fc.property(fc.array(invoiceArb, { minLength: 1, maxLength: 12 }), (drafts) => {
        let voucher = 1;
        const invoices: Invoice[] = drafts.map((d, i) => ({
          ...sampleServiceInvoice,
          id: `inv-${i}`,
          number: String(i + 1),
          kind: d.credit ? 'credit-note' : 'invoice',
          lines: d.lines.map((line, j) => ({ ...line, id: `l-${i}-${j}` })),
          voucherNumber: voucher++,
        }));
        const payments: Payment[] = drafts.map((d, i) => ({ id: `p-${i}`, invoiceId: `inv-${i}`, date: '2022-06-01', amountOre: d.paid, recordedAt: '2022-06-01T10:00:00.000Z', voucherNumber: voucher++ }));
        const parsed = parseSie(decodeForTest(sieFile({ ...input, invoices, payments, articles: [] })));
        expect(parsed.vouchers).toHaveLength(invoices.length + payments.length);
        expectWellFormed(parsed);
        // The receivable moves by each invoice's total with the book sign.
        const first = parsed.vouchers[0]!;
        const receivable = first.trans.find((t) => t.account === '1510')?.ore ?? 0;
        const income = first.trans.filter((t) => ACCOUNTS.includes(t.account)).reduce((s, t) => s + t.ore, 0);
        expect(Math.sign(receivable) * Math.sign(income)).not.toBe(1);
      }),
      { numRuns: 200 },
    );
  });
});
