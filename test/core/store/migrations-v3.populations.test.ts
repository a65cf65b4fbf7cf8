import { describe, expect, it } from 'vitest';
import { parseDocumentText, serialiseDocument } from '../../../electron/core/store/parse-document';
import { SCHEMA_VERSION } from '../../../electron/core/store/schema';
import { feeForOrganisation } from '../../../electron/core/domain/fees';
import { loadDefaultDocument } from '../../support/memory-document';

/**
 * The default document as a schema-2 file held it: one population per municipality (2024) on the reference
 * record, Sweden's totals of 2021 and 2024, and fee tables without a population date or group rule.
 */
function versionTwo(): Record<string, unknown> {
  const doc = JSON.parse(serialiseDocument(loadDefaultDocument())) as Record<string, unknown> & {
    reference: { municipalities: Record<string, unknown>[]; populations?: { code: string; date: string; population: number }[]; swedenPopulation: unknown[] };
    feeTables: Record<string, unknown>[];
  };
  const of2024 = new Map((doc.reference.populations ?? []).filter((p) => p.date === '2024-12-31').map((p) => [p.code, p.population]));
  doc.schemaVersion = 2;
  doc.reference.municipalities = doc.reference.municipalities.map((m) => ({ ...m, population: of2024.get(m.code as string), populationDate: '2024-12-31' }));
  delete doc.reference.populations;
  doc.reference.swedenPopulation = [
    { date: '2021-12-31', population: 10_452_326 },
    { date: '2024-12-31', population: 10_587_710 },
  ];
  doc.feeTables = doc.feeTables.map(({ populationYearOffset: _o, groupRule: _g, ...t }) => t);
  return doc;
}

describe('migration 2 -> 3: populations by year', () => {
  it('moves each municipality’s single figure into dated populations, source SCB, and leaves the reference record without it', () => {
    const v2 = versionTwo();
    const doc = parseDocumentText(JSON.stringify(v2));
    expect(doc.schemaVersion).toBe(SCHEMA_VERSION);
    expect(doc.reference.populations).toHaveLength(290);
    expect(doc.reference.populations.every((p) => p.date === '2024-12-31' && p.source === 'scb')).toBe(true);
    expect(doc.reference.populations.find((p) => p.code === '0114')).toEqual({ code: '0114', date: '2024-12-31', population: 50_323, source: 'scb' });
    expect(doc.reference.municipalities.find((m) => m.code === '0114')).toEqual({ code: '0114', name: 'Upplands Väsby', countyCode: '01' });
  });

  it('gives every fee table the year-before population date and an unconfirmed group rule', () => {
    const doc = parseDocumentText(JSON.stringify(versionTwo()));
    expect(doc.feeTables.length).toBeGreaterThan(0);
    for (const table of doc.feeTables) {
      expect(table.populationYearOffset).toBe(-1);
      expect(table.groupRule).toEqual({ basis: 'combined-population', status: 'att-bekrafta', decision: '' });
    }
  });

  it('leaves a migrated 2022 fee on the only figure it has, saying the 2021 count is missing', () => {
    const doc = parseDocumentText(JSON.stringify(versionTwo()));
    const vasby = doc.organisations.find((o) => o.municipalityCode === '0114');
    expect(vasby).toBeDefined();
    const fee = feeForOrganisation(doc, vasby?.id ?? '', 2022);
    expect(fee?.populationText).toBe('folkmängd 2024-12-31; 2021 saknas');
  });

  it('keeps figures already dated and tables already stating their rule (a step may run on a version-3 shape)', () => {
    const current = JSON.parse(serialiseDocument(loadDefaultDocument())) as Record<string, unknown>;
    const asTwo = { ...current, schemaVersion: 2 };
    expect(JSON.parse(serialiseDocument(parseDocumentText(JSON.stringify(asTwo))))).toEqual(current);
  });
});
