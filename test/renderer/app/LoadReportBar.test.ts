import { describe, expect, it } from 'vitest';
import type { LoadReport } from '../../../electron/contract';
import { loadReportLines, loadReportNeedsBar } from '../../../renderer/app/LoadReportBar';
import { saveStateText } from '../../../renderer/components/SaveStatusText';

const reason =
  'Registret är skapat av en nyare version av Sambruk Kansli (schemaversion 3); den här versionen känner bara till schemaversion 2. Registret är därför öppnat skrivskyddat …';

describe('the load report: why the register is read-only', () => {
  it('a register that opened read-only on its own gets the bar, with the reason first', () => {
    const report: LoadReport = { outcome: 'opened', messages: [], readOnlyReason: reason };
    expect(loadReportNeedsBar(report)).toBe(true);
    expect(loadReportLines(report)).toEqual([reason]);
  });

  it('a plain open gets no bar; a restore still does', () => {
    expect(loadReportNeedsBar({ outcome: 'opened', messages: ['Registret är öppnat av anna på KANSLI-PC.'] })).toBe(false);
    expect(loadReportNeedsBar({ outcome: 'restored-backup', messages: [] })).toBe(true);
  });
});

describe('the save status with a notice from the store', () => {
  it('says «Allt sparat» and what was done to make room', () => {
    expect(saveStateText({ state: 'saved', revision: 3 })).toBe('Allt sparat');
    expect(saveStateText({ state: 'saved', revision: 3, message: 'Disken var full. Den äldsta säkerhetskopian togs bort så att ändringen kunde sparas.' })).toBe(
      'Allt sparat. Disken var full. Den äldsta säkerhetskopian togs bort så att ändringen kunde sparas.',
    );
  });
});
