/**
 * Issue 19, point 7 (F7): every refusal of a spreadsheet is a Swedish message about the file, never «Ett oväntat
 * fel inträffade». A sheet name with the character reference `&#x110000;` used to throw a RangeError out of the
 * import. Here the sheet XML (names, text, relationships, content types) is fuzzed with invalid character
 * references, other encodings than UTF-8 (UTF-16 with BOM, declared Latin-1), broken UTF-8, truncation and long or
 * odd names; so are the zip container's own bytes, and CSV bytes with broken encodings. Every outcome must be a
 * table of strings or an import refusal.
 *
 * FUZZ_IMPORTS sets the number of generated files per property (default 150); FUZZ_SEED the seed (fixed by
 * default, so CI is repeatable).
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { AppError } from '../../../electron/contract/result';
import { encodeBase64 } from '../../../electron/core/exports/base64';
import { importMessages } from '../../../electron/core/imports/import-messages';
import { readTable, type RawTable } from '../../../electron/core/imports/read-table';
import { createTestServices } from '../../support/memory-document';
import { asText, plainWorkbook, text, unzip, writeZip } from './zip-fixtures';

const RUNS = Number(process.env.FUZZ_IMPORTS ?? 150);
const SEED = Number(process.env.FUZZ_SEED ?? 20_261_207);

const staticMessages = new Set(Object.values(importMessages).filter((m): m is string => typeof m === 'string'));
/** The messages built from arguments (a sheet name, a count, a file extension), by their fixed parts. */
const builtMessages = [
  /^Bladet ”[\s\S]*” har (fler än|enligt filen) [\d\s]+ (rader|kolumner|celler)/,
  /^Filen har (fler än|enligt filen) [\d\s]+ (rader|kolumner|celler)/,
  /^Filen har filändelsen \.\S+ men är ingen giltig Excel-arbetsbok/,
  /^Filen är för stor \(/,
  /^Filen packas upp till mer än /,
  /^Arbetsboken har [\d\s]+ blad, men högst /,
  /^Ett citattecken \("\) som börjar på rad/,
  /^Filen är märkt som UTF-(8|16)-text, men textrad [\d\s]+ innehåller tecken som inte är giltig UTF-(8|16)/,
  /^Rad [\d\s]+ finns inte eller är tom och kan inte vara rubrikrad\.$/,
];
const isImportMessage = (message: string) => staticMessages.has(message) || builtMessages.some((re) => re.test(message));

type Outcome = 'read' | 'refused';

/** A table of strings, or an `AppError('validation')` with one of the import's Swedish messages: nothing else. */
async function outcomeOf(bytes: Uint8Array, fileName: string): Promise<Outcome> {
  let table: RawTable;
  try {
    table = await readTable(bytes, fileName);
  } catch (error) {
    if (!(error instanceof AppError)) throw new Error(`not an import refusal: ${String(error)}`, { cause: error });
    expect(error.code).toBe('validation');
    expect(isImportMessage(error.message), error.message).toBe(true);
    return 'refused';
  }
  for (const sheet of table.sheets) {
    expect(typeof sheet.name).toBe('string');
    for (const row of [sheet.header, ...sheet.rows]) for (const cell of row) expect(typeof cell).toBe('string');
  }
  return 'read';
}

// ---------------------------------------------------------------- workbook parts and how they are spoiled

const basePartsPromise = plainWorkbook().then(unzip);

const XML_PARTS = ['xl/workbook.xml', 'xl/worksheets/sheet1.xml', 'xl/sharedStrings.xml', 'xl/_rels/workbook.xml.rels', '[Content_Types].xml', 'xl/styles.xml', '_rels/.rels'] as const;
type XmlPart = (typeof XML_PARTS)[number];

const badReferences = [
  '&#x110000;',
  '&#1114112;',
  '&#0;',
  '&#x0;',
  '&#xD800;',
  '&#xDFFF;',
  '&#xFFFE;',
  '&#xFFFF;',
  '&#x1;',
  '&#x0B;',
  '&#99999999999999999999999;',
  '&#xFFFFFFFFFFFFFFFF;',
  '&#x;',
  '&#;',
  '&#x-1;',
  '&#X41;',
  '&bogus;',
  '&',
  '&amp',
  '&amp;#x110000;',
];
const referenceArb = fc.oneof(
  fc.constantFrom(...badReferences),
  fc.integer({ min: 0, max: 0x20ffff }).map((n) => `&#x${n.toString(16)};`),
  fc.integer({ min: 0, max: 0x20ffff }).map((n) => `&#${n};`),
);

const oddNames = ['', ' ', 'a'.repeat(10_000), '"', "'", '<', '>', '&', ']]>', '\u0000', '\u0007', '\uD800', '\uFFFE', '\u202Eexe.xlsx', 'Blad/1', 'Blad[1]', '*?:', '\\'];
const nameArb = fc.oneof(fc.constantFrom(...oddNames), fc.string({ unit: 'binary', maxLength: 300 }), fc.string({ maxLength: 40 }).map((s) => s.repeat(200)));

const escapeXml = (value: string) => value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

type Mutation =
  | { kind: 'reference'; where: 'sheet-name' | 'shared-string' | 'cell-value' | 'anywhere'; part: XmlPart; reference: string; at: number }
  | { kind: 'sheet-name'; name: string; escaped: boolean }
  | { kind: 'encoding'; part: XmlPart; encoding: 'utf-16le-bom' | 'utf-16be-bom' | 'utf-16-no-bom' | 'utf-8-bom' | 'latin1-declared' | 'utf-16-declared' }
  | { kind: 'broken-utf8'; part: XmlPart; bytes: readonly number[]; at: number }
  | { kind: 'truncate'; part: XmlPart; at: number };

const partArb = fc.constantFrom(...XML_PARTS);
const fraction = fc.double({ min: 0, max: 1, noNaN: true });
const brokenUtf8 = fc.constantFrom([0xc0, 0xaf], [0xff], [0xfe], [0x80], [0xed, 0xa0, 0x80], [0xe2, 0x82], [0xf4, 0x90, 0x80, 0x80], [0xf8, 0x88, 0x80, 0x80, 0x80], [0xef, 0xbb, 0xbf], [0x00]);

const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('reference' as const), where: fc.constantFrom('sheet-name' as const, 'shared-string' as const, 'cell-value' as const, 'anywhere' as const), part: partArb, reference: referenceArb, at: fraction }),
  fc.record({ kind: fc.constant('sheet-name' as const), name: nameArb, escaped: fc.boolean() }),
  fc.record({
    kind: fc.constant('encoding' as const),
    part: partArb,
    encoding: fc.constantFrom('utf-16le-bom' as const, 'utf-16be-bom' as const, 'utf-16-no-bom' as const, 'utf-8-bom' as const, 'latin1-declared' as const, 'utf-16-declared' as const),
  }),
  fc.record({ kind: fc.constant('broken-utf8' as const), part: partArb, bytes: brokenUtf8, at: fraction }),
  fc.record({ kind: fc.constant('truncate' as const), part: partArb, at: fraction }),
);

const insertAt = (value: string, at: number, insert: string) => {
  const i = Math.floor(at * value.length);
  return value.slice(0, i) + insert + value.slice(i);
};

function utf16(value: string, littleEndian: boolean, bom: boolean): Uint8Array {
  const out = new Uint8Array((value.length + (bom ? 1 : 0)) * 2);
  const view = new DataView(out.buffer);
  let at = 0;
  if (bom) {
    view.setUint16(0, 0xfeff, littleEndian);
    at = 2;
  }
  for (let i = 0; i < value.length; i++, at += 2) view.setUint16(at, value.charCodeAt(i), littleEndian);
  return out;
}

function applyMutation(parts: Map<string, Uint8Array>, mutation: Mutation): void {
  const textOf = (part: string) => asText(parts.get(part));
  switch (mutation.kind) {
    case 'reference': {
      const { reference } = mutation;
      if (mutation.where === 'sheet-name') parts.set('xl/workbook.xml', text(textOf('xl/workbook.xml').replace('name="Medlemmar"', `name="Med${reference}lemmar"`)));
      else if (mutation.where === 'shared-string') parts.set('xl/sharedStrings.xml', text(textOf('xl/sharedStrings.xml').replace('<t>Kommun</t>', `<t>Kom${reference}mun</t>`)));
      else if (mutation.where === 'cell-value') parts.set('xl/worksheets/sheet1.xml', text(textOf('xl/worksheets/sheet1.xml').replace('<v>2</v>', `<v>${reference}</v>`)));
      else parts.set(mutation.part, text(insertAt(textOf(mutation.part), mutation.at, reference)));
      return;
    }
    case 'sheet-name': {
      const name = mutation.escaped ? escapeXml(mutation.name) : mutation.name;
      parts.set('xl/workbook.xml', text(textOf('xl/workbook.xml').replace('name="Medlemmar"', `name="${name}"`)));
      return;
    }
    case 'encoding': {
      const xml = textOf(mutation.part);
      switch (mutation.encoding) {
        case 'utf-16le-bom':
          parts.set(mutation.part, utf16(xml.replace('encoding="UTF-8"', 'encoding="UTF-16"'), true, true));
          return;
        case 'utf-16be-bom':
          parts.set(mutation.part, utf16(xml.replace('encoding="UTF-8"', 'encoding="UTF-16"'), false, true));
          return;
        case 'utf-16-no-bom':
          parts.set(mutation.part, utf16(xml, true, false));
          return;
        case 'utf-8-bom':
          parts.set(mutation.part, new Uint8Array([0xef, 0xbb, 0xbf, ...text(xml)]));
          return;
        case 'latin1-declared':
          // Latin-1 bytes (å = 0xE5), declared as such: ExcelJS reads every part as UTF-8.
          parts.set(mutation.part, new Uint8Array(Buffer.from(xml.replace('encoding="UTF-8"', 'encoding="ISO-8859-1"').replace('Medlemmar', 'Medlemmar åäö'), 'latin1')));
          return;
        case 'utf-16-declared':
          parts.set(mutation.part, text(xml.replace('encoding="UTF-8"', 'encoding="UTF-16"')));
          return;
      }
      return;
    }
    case 'broken-utf8': {
      const bytes = parts.get(mutation.part) ?? new Uint8Array();
      const i = Math.floor(mutation.at * bytes.length);
      parts.set(mutation.part, new Uint8Array([...bytes.subarray(0, i), ...mutation.bytes, ...bytes.subarray(i)]));
      return;
    }
    case 'truncate': {
      const bytes = parts.get(mutation.part) ?? new Uint8Array();
      parts.set(mutation.part, bytes.slice(0, Math.floor(mutation.at * bytes.length)));
      return;
    }
  }
}

async function spoiledWorkbook(mutations: readonly Mutation[]): Promise<Uint8Array> {
  const parts = new Map(await basePartsPromise);
  for (const mutation of mutations) applyMutation(parts, mutation);
  return writeZip([...parts].map(([name, data]) => ({ name, data })));
}

async function workbookWithSheetName(nameAttribute: string): Promise<Uint8Array> {
  return spoiledWorkbook([{ kind: 'sheet-name', name: nameAttribute, escaped: false }]);
}

// ExcelJS warns on the console for every sheet name over 31 characters (and cuts it); thousands of lines here.
beforeAll(() => {
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});
afterAll(() => {
  vi.restoreAllMocks();
});

describe('a sheet name with an invalid character reference (F7)', () => {
  it('is refused as a damaged file, in Swedish, for every reference to no XML character', async () => {
    for (const reference of ['&#x110000;', '&#1114112;', '&#0;', '&#xD800;', '&#xFFFE;', '&#99999999999999999999999;']) {
      const bytes = await workbookWithSheetName(`Medlemmar${reference}`);
      const error = await readTable(bytes, 'blad.xlsx').then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error, reference).toBeInstanceOf(AppError);
      expect((error as AppError).code).toBe('validation');
      expect((error as AppError).message).toBe(importMessages.corrupt);
      expect((error as AppError).details).toMatchObject({ reason: 'xml' });
    }
  });

  it('reaches the user through the channel as that message, never as «Ett oväntat fel inträffade»', async () => {
    const s = createTestServices();
    const bytes = await workbookWithSheetName('Medlemmar&#x110000;');
    const answer = await s.call('imports/read', { fileName: 'blad.xlsx', bytesBase64: encodeBase64(bytes) });
    expect(answer).toEqual({ ok: false, error: expect.objectContaining({ code: 'validation', message: importMessages.corrupt }) });
  });

  it('resolves valid references in the name the refusals quote', async () => {
    const bytes = await workbookWithSheetName('Kr&#xF6;nor &amp; &#246;re &#x1F600;');
    const table = await readTable(bytes, 'blad.xlsx');
    expect(table.sheets[0]?.name).toBe('Krönor & öre 😀');
    const error = await readTable(bytes, 'blad.xlsx', { maxRows: 2 }).catch((e: unknown) => e);
    expect((error as AppError).message).toMatch(/^Bladet ”Krönor & öre 😀” har enligt filen 4 rader, men högst 2 rader/);
  });
});

describe('fuzzed workbooks: a table or a Swedish refusal, nothing else', () => {
  it(`${RUNS} workbooks with spoiled XML parts`, { timeout: 120_000 }, async () => {
    const seen: Record<Outcome, number> = { read: 0, refused: 0 };
    await fc.assert(
      fc.asyncProperty(fc.array(mutationArb, { minLength: 1, maxLength: 3 }), async (mutations) => {
        seen[await outcomeOf(await spoiledWorkbook(mutations), 'fuzz.xlsx')]++;
      }),
      { numRuns: RUNS, seed: SEED },
    );
    // Both kinds of outcome occur, so the property is not vacuous.
    expect(seen.read).toBeGreaterThan(0);
    expect(seen.refused).toBeGreaterThan(0);
  });

  it('each kind of spoiling on its own', { timeout: 60_000 }, async () => {
    const cases: Mutation[] = [
      ...XML_PARTS.flatMap((part) =>
        (['utf-16le-bom', 'utf-16be-bom', 'utf-16-no-bom', 'utf-8-bom', 'latin1-declared', 'utf-16-declared'] as const).map((encoding) => ({ kind: 'encoding' as const, part, encoding })),
      ),
      ...XML_PARTS.flatMap((part) => [0.1, 0.5, 0.99].map((at) => ({ kind: 'truncate' as const, part, at }))),
      ...badReferences.flatMap((reference) => (['sheet-name', 'shared-string', 'cell-value'] as const).map((where) => ({ kind: 'reference' as const, where, part: 'xl/workbook.xml' as const, reference, at: 0 }))),
      ...oddNames.flatMap((name) => [true, false].map((escaped) => ({ kind: 'sheet-name' as const, name, escaped }))),
    ];
    for (const mutation of cases) await expect(outcomeOf(await spoiledWorkbook([mutation]), 'fuzz.xlsx'), JSON.stringify(mutation).slice(0, 200)).resolves.toMatch(/read|refused/);
  });
});

describe('fuzzed zip containers: a table or a Swedish refusal, nothing else', () => {
  it(`${RUNS} workbooks with bytes of the zip itself overwritten, inserted or cut`, { timeout: 120_000 }, async () => {
    const plain = writeZip([...(await basePartsPromise)].map(([name, data]) => ({ name, data })));
    const edit = fc.oneof(
      fc.record({ kind: fc.constant('set' as const), at: fraction, bytes: fc.uint8Array({ minLength: 1, maxLength: 8 }) }),
      fc.record({ kind: fc.constant('insert' as const), at: fraction, bytes: fc.uint8Array({ minLength: 1, maxLength: 64 }) }),
      fc.record({ kind: fc.constant('cut' as const), at: fraction, bytes: fc.constant(new Uint8Array()) }),
    );
    const seen: Record<Outcome, number> = { read: 0, refused: 0 };
    await fc.assert(
      fc.asyncProperty(fc.array(edit, { minLength: 1, maxLength: 4 }), async (edits) => {
        let bytes = plain.slice();
        for (const { kind, at, bytes: b } of edits) {
          const i = Math.min(bytes.length - 1, Math.floor(at * bytes.length));
          if (kind === 'set') bytes.set(b.subarray(0, bytes.length - i), i);
          else if (kind === 'insert') bytes = new Uint8Array([...bytes.subarray(0, i), ...b, ...bytes.subarray(i)]);
          else bytes = bytes.slice(0, Math.max(1, i));
        }
        seen[await outcomeOf(bytes, 'fuzz.xlsx')]++;
      }),
      { numRuns: RUNS, seed: SEED },
    );
    expect(seen.refused).toBeGreaterThan(0);
  });
});

describe('fuzzed CSV bytes: a table or a Swedish refusal, nothing else', () => {
  const boms = [[], [0xef, 0xbb, 0xbf], [0xff, 0xfe], [0xfe, 0xff], [0xff, 0xfe, 0x00, 0x00]];
  const csvArb = fc.record({
    bom: fc.constantFrom(...boms),
    body: fc.oneof(
      fc.uint8Array({ maxLength: 400 }),
      fc.string({ unit: 'binary', maxLength: 200 }).map((s) => [...text(s)]),
      fc.tuple(fc.string({ maxLength: 100 }), brokenUtf8, fc.string({ maxLength: 100 })).map(([a, bad, b]) => [...text(`Kommun;Telefon\n${a}`), ...bad, ...text(b)]),
      fc.tuple(fc.boolean(), fc.string({ unit: 'binary', maxLength: 100 }), fc.integer({ min: 0, max: 0xffff })).map(([le, s, unit]) => [...utf16(`Kommun;Telefon\n${s}${String.fromCharCode(unit)}`, le, false)]),
    ),
    oddTail: fc.boolean(),
  });

  it(`${RUNS} CSV files with BOMs, broken UTF-8, lone surrogates and odd lengths`, { timeout: 60_000 }, async () => {
    const seen: Record<Outcome, number> = { read: 0, refused: 0 };
    await fc.assert(
      fc.asyncProperty(csvArb, async ({ bom, body, oddTail }) => {
        const bytes = new Uint8Array([...bom, ...body, ...(oddTail ? [0x41] : [])]);
        seen[await outcomeOf(bytes, 'fuzz.csv')]++;
      }),
      { numRuns: RUNS, seed: SEED },
    );
    expect(seen.read).toBeGreaterThan(0);
    expect(seen.refused).toBeGreaterThan(0);
  });

  it('a BOM that promises UTF-8 or UTF-16 over bytes that are not is refused, naming the first bad text line', async () => {
    const utf8Bom = new Uint8Array([0xef, 0xbb, 0xbf, ...text('Kommun;Telefon\r\nAle;0303\r\n'), ...Buffer.from('Malmö;040\r\n', 'latin1')]);
    const utf8Error = await readTable(utf8Bom, 'a.csv').catch((e: unknown) => e);
    expect((utf8Error as AppError).message).toBe(importMessages.badEncoding('UTF-8', 3));
    expect((utf8Error as AppError).message).toMatch(/^Filen är märkt som UTF-8-text, men textrad 3 innehåller tecken som inte är giltig UTF-8/);

    const loneSurrogate = utf16('Kommun;Telefon\nAle;\uD800\n', true, true);
    expect(((await readTable(loneSurrogate, 'a.csv').catch((e: unknown) => e)) as AppError).message).toBe(importMessages.badEncoding('UTF-16', 2));
    const oddLength = new Uint8Array([...utf16('Kommun;Telefon\nAle;0303', false, true), 0x41]);
    expect(((await readTable(oddLength, 'a.csv').catch((e: unknown) => e)) as AppError).message).toBe(importMessages.badEncoding('UTF-16', 2));

    // Valid text behind each BOM is still read, a second BOM left out as before.
    const twoBoms = new Uint8Array([0xef, 0xbb, 0xbf, 0xef, 0xbb, 0xbf, ...text('Kommun;Kod\nAle;1440\n')]);
    expect((await readTable(twoBoms, 'a.csv')).sheets[0]).toMatchObject({ header: ['Kommun', 'Kod'], rows: [['Ale', '1440']] });
    expect((await readTable(utf16('Kommun;Kod\nMalmö;1280\n', false, true), 'a.csv')).sheets[0]?.rows).toEqual([['Malmö', '1280']]);
  });
});
