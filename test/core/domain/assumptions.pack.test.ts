/**
 * The board pack's assumptions in two parts (the register's, the goals') are the report's items of the groups
 * `folkmangd`, `medlemmar` and `mal`, in the report's order.
 */
import { describe, expect, it } from 'vitest';
import { assumptionsReport, goalAssumptions, registerAssumptionsForPack } from '../../../electron/core/domain/assumptions';
import { generateDemoDocument } from '../../../tools/demo/demo-document';
import { readDemoBase } from '../../../scripts/demo-data';
import { loadDefaultDocument } from '../../support/memory-document';

const packGroups = new Set(['folkmangd', 'medlemmar', 'mal']);

describe('the board pack’s assumptions', () => {
  const registers = [
    ['the default register', loadDefaultDocument()],
    ['a demo register', generateDemoDocument({ scale: 0.5, seed: 'assumptions', base: readDemoBase() })],
  ] as const;

  it.each(registers.flatMap(([name, doc]) => ['2021-06-30', '2022-06-30', '2023-02-01'].map((date) => [name, doc, date] as const)))(
    'are the report’s goal, member and population items: %s at %s',
    (_name, doc, date) => {
      const expected = assumptionsReport(doc, date).items.filter((a) => packGroups.has(a.group));
      expect(expected.length).toBeGreaterThan(0);
      expect([...registerAssumptionsForPack(doc, date), ...goalAssumptions(doc)]).toEqual(expected);
    },
  );
});
