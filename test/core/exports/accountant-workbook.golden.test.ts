/**
 * The accountant's workbook for the default data, cell by cell and with each sheet's print setup, equal to the one
 * the code made before the register's core was rebuilt (issue 15: nothing lost). The fixture was written by the
 * code at a6ea8f0. A change made on purpose rewrites it: `UPDATE_GOLDEN=1 npx vitest run --project core <this file>`,
 * and the commit says why the workbook changed.
 */
import fs from 'node:fs';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { accountantWorkbookFile } from '../../../electron/core/exports/accountant-workbook';
import { decodeBase64 } from '../../../electron/core/exports/base64';
import { loadDefaultDocument } from '../../support/memory-document';
import { workbookCells, type SheetDump } from '../../support/workbook-cells';

const FIXTURE = path.join(__dirname, '../../fixtures/exports/accountant-workbook-default-data.cells.json.gz');
const YEARS = [2021, 2022, 2023];

async function currentCells(): Promise<Record<string, Record<string, SheetDump>>> {
  const doc = loadDefaultDocument();
  const out: Record<string, Record<string, SheetDump>> = {};
  for (const year of YEARS) {
    // The same moment the fixture was made at: 30 June 2022, 10:00 UTC.
    const now = new Date(Date.UTC(2022, 5, 30, 10));
    const file = await accountantWorkbookFile(doc, { year, includePersonalDetails: false, now });
    const bytes = decodeBase64(file.bytesBase64);
    if (!bytes) throw new Error('the workbook is not valid base64');
    out[String(year)] = await workbookCells(bytes);
  }
  return out;
}

/** The first few differences, named by year, sheet and cell, so a failure says where the workbook changed. */
function differences(expected: Record<string, Record<string, SheetDump>>, actual: Record<string, Record<string, SheetDump>>): string[] {
  const found: string[] = [];
  for (const year of Object.keys({ ...expected, ...actual })) {
    const before = expected[year] ?? {};
    const after = actual[year] ?? {};
    for (const sheet of new Set([...Object.keys(before), ...Object.keys(after)])) {
      const a = before[sheet];
      const b = after[sheet];
      if (!a || !b) {
        found.push(`${year} «${sheet}»: ${a ? 'saknas nu' : 'ny'}`);
        continue;
      }
      if (JSON.stringify(a.print) !== JSON.stringify(b.print)) found.push(`${year} «${sheet}» print: ${JSON.stringify(a.print)} -> ${JSON.stringify(b.print)}`);
      for (const address of new Set([...Object.keys(a.cells), ...Object.keys(b.cells)])) {
        if (JSON.stringify(a.cells[address]) !== JSON.stringify(b.cells[address])) {
          found.push(`${year} «${sheet}»!${address}: ${JSON.stringify(a.cells[address])} -> ${JSON.stringify(b.cells[address])}`);
        }
      }
    }
  }
  return found;
}

describe('the accountant workbook of the default data', () => {
  it('is equal, cell by cell and in its print setup, to the workbook the fixture holds (2021–2023)', async () => {
    const actual = await currentCells();
    if (process.env.UPDATE_GOLDEN === '1') fs.writeFileSync(FIXTURE, gzipSync(JSON.stringify(actual), { level: 9 }));
    const expected = JSON.parse(gunzipSync(fs.readFileSync(FIXTURE)).toString('utf8')) as Record<string, Record<string, SheetDump>>;
    expect(Object.keys(expected)).toEqual(YEARS.map(String));
    expect(differences(expected, actual).slice(0, 20)).toEqual([]);
  }, 60_000);
});
