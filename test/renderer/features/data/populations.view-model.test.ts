import { describe, expect, it } from 'vitest';
import { importReview, parseFigure, populationRows } from '../../../../renderer/features/data/populations.view-model';

describe('the populations card', () => {
  it('names each figure’s source: SCB, an imported file, or the reason of a correction', () => {
    const rows = populationRows({
      code: '0114',
      name: 'Upplands Väsby',
      figures: [
        { code: '0114', date: '2024-12-31', population: 50_323, source: 'scb' },
        { code: '0114', date: '2022-12-31', population: 49_000, source: 'scb-import', sourceNote: 'SCB-fil be0101.xlsx' },
        { code: '0114', date: '2021-12-31', population: 50_100, source: 'rattad', sourceNote: 'SCB:s rättelse' },
      ],
    });
    expect(rows.map((r) => r.source)).toEqual(['SCB', 'SCB, importerad (SCB-fil be0101.xlsx)', 'Rättad: SCB:s rättelse']);
    expect(rows[0]?.population).toMatch(/^50\s323$/);
  });

  it('reads a typed figure with spaces, and refuses anything else', () => {
    expect(parseFigure('50 100')).toBe(50_100);
    expect(parseFigure('50\u00a0100')).toBe(50_100);
    expect(parseFigure('50,1')).toBeUndefined();
    expect(parseFigure('')).toBeUndefined();
  });

  it('summarises a review: changes, Sweden’s total, errors apart from warnings', () => {
    const vm = importReview({
      date: '2021-12-31',
      title: 'Folkmängd i riket, län och kommuner 31 december 2021',
      changes: [{ code: '0114', name: 'Upplands Väsby', before: 47_820, after: 47_900, row: 7 }],
      unchanged: 289,
      sweden: { after: 10_452_326 },
      issues: [
        { severity: 'warning', message: 'Varning.' },
        { severity: 'error', message: 'Fel.', row: 9 },
      ],
      canApply: false,
    });
    expect(vm.title).toBe('Granska folkmängden 2021-12-31 från SCB');
    expect(vm.summary).toBe('1 kommun får ny folkmängd; 289 kommuner är oförändrade.');
    expect(vm.sweden).toMatch(/^Sveriges folkmängd: – → 10\s452\s326$/);
    expect(vm.errors).toEqual(['Fel.']);
    expect(vm.warnings).toEqual(['Varning.']);
    expect(vm.canApply).toBe(false);
  });
});
