import { describe, expect, it } from 'vitest';
import { sv } from '../../../../renderer/lib/i18n/sv';
import fc from 'fast-check';
import { axisWidthPx, tickFormatter } from '../../../../electron/core/domain/budget-charts';
import { budgetTable } from '../../../../electron/core/domain/budget';
import type { Budget } from '../../../../electron/core/store/schema';
import {
  barStyle,
  barStyles,
  chartsVm,
  defaultPair,
  effectivePair,
  fillFor,
  lineStyles,
  safeId,
  varianceStyles,
  wrapLabel,
} from '../../../../renderer/features/budget/budget-charts.view-model';
import { ids, kr, planBudget, plain } from '../../../fixtures/budget/plan-budget';

const OUTCOME_2022 = 'col-utfall-2022';

function withOutcome2022(): Budget {
  const budget = planBudget();
  budget.columns.push({
    id: OUTCOME_2022,
    year: 2022,
    kind: 'utfall',
    amounts: { [ids.members]: kr(3_450_000), [ids.net]: kr(17_000_000), [ids.external]: kr(-17_500_000), [ids.staff]: kr(-3_600_000) },
    statedTotals: {},
  });
  return budget;
}

/** WCAG relative luminance of `#rrggbb`: what is left of a colour in greyscale. */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

describe('wrapLabel', () => {
  it('keeps a short name on one line and wraps a long one at spaces', () => {
    expect(wrapLabel('Medlemsavgifter', 20)).toEqual(['Medlemsavgifter']);
    expect(wrapLabel('Övriga externa kostnader', 14)).toEqual(['Övriga externa', 'kostnader']);
  });

  it('breaks a word wider than a line into even pieces with hyphens, never leaving it to overflow', () => {
    expect(wrapLabel('Personalkostnader', 12)).toEqual(['Personalk-', 'ostnader']);
  });

  it('measures with the measure it is given (pixels on screen)', () => {
    const wide = (text: string) => [...text].length * 10;
    expect(wrapLabel('Övriga intäkter', 100, wide)).toEqual(['Övriga', 'intäkter']);
  });

  it('never makes a line wider than the room, and loses no letter', () => {
    fc.assert(
      fc.property(fc.array(fc.stringMatching(/^[a-zåäö]{1,25}$/), { minLength: 1, maxLength: 5 }), fc.integer({ min: 4, max: 30 }), (words, max) => {
        const lines = wrapLabel(words.join(' '), max);
        for (const line of lines) expect([...line].length).toBeLessThanOrEqual(max);
        expect(lines.join('').replace(/[-\s]/g, '')).toBe(words.join(''));
      }),
    );
  });
});

describe('which columns the charts compare', () => {
  it('sets the latest budget beside the latest outcome when no year has both (the plan), as a reference without a variance', () => {
    expect(defaultPair(budgetTable(planBudget()))).toEqual({ baseId: ids.budget2022, otherId: ids.outcome2021 });
    const vm = chartsVm(budgetTable(planBudget()));
    expect(vm.variance).toBeUndefined();
    expect(vm.varianceNote).toBe(sv.budget.charts.crossYear('Budget 2022', 'Utfall 2021'));
  });

  it('prefers a year with both a budget and an outcome', () => {
    expect(defaultPair(budgetTable(withOutcome2022()))).toEqual({ baseId: ids.budget2022, otherId: OUTCOME_2022 });
  });

  it('needs two columns', () => {
    const budget = planBudget();
    budget.columns = budget.columns.slice(0, 1);
    expect(defaultPair(budgetTable(budget))).toBeUndefined();
    expect(chartsVm(budgetTable(budget)).budgetVsOutcome).toBeUndefined();
  });

  it('keeps a chosen pair while its columns exist, and falls back when one is removed', () => {
    const table = budgetTable(withOutcome2022());
    expect(effectivePair(table, { baseId: ids.budget2022, otherId: ids.outcome2021 })).toEqual({ baseId: ids.budget2022, otherId: ids.outcome2021 });
    expect(effectivePair(table, { baseId: ids.budget2022, otherId: 'removed' })).toEqual({ baseId: ids.budget2022, otherId: OUTCOME_2022 });
    // The same column twice is no comparison: the other side moves.
    expect(effectivePair(table, { baseId: OUTCOME_2022, otherId: OUTCOME_2022 })?.otherId).not.toBe(OUTCOME_2022);
  });
});

describe('chartsVm', () => {
  const vm = chartsVm(budgetTable(withOutcome2022()));

  it('gives every chart an axis wide enough for its longest tick label', () => {
    for (const chart of [vm.budgetVsOutcome, vm.income, vm.result, vm.variance]) {
      if (!chart) throw new Error('chart missing');
      expect(chart.axisWidth).toBe(axisWidthPx(chart.axis.widthChars, 12));
      const format = tickFormatter(chart.axis);
      for (const tick of chart.axis.ticks) {
        // 0.62 em a character covers digits, spaces and «mnkr» in the UI fonts.
        expect(Math.ceil([...format(tick)].length * 12 * 0.62)).toBeLessThanOrEqual(chart.axisWidth);
      }
    }
    expect(vm.budgetVsOutcome?.axis.tickLabels.map(plain)).toEqual(['−20 mnkr', '−10 mnkr', '0 mnkr', '10 mnkr', '20 mnkr']);
  });

  it('compares the chosen columns and labels each variance bar with its per cent', () => {
    expect(vm.budgetVsOutcome?.series.map((s) => s.label)).toEqual(['Budget 2022', 'Utfall 2022']);
    expect(vm.variance?.title).toBe('Avvikelse: Utfall 2022 mot Budget 2022');
    expect(vm.varianceNote).toBeUndefined();
    const result = vm.variance?.rows.find((r) => r.key === 'result');
    expect(vm.variance?.labels.result).toBe(result?.percentLabel);
    expect(vm.variance?.data.map((d) => d.key)).toEqual([ids.members, ids.net, ids.otherIncome, ids.external, ids.staff, 'result']);
    expect(vm.hasAmounts).toBe(true);
  });
});

describe('styles that survive greyscale', () => {
  it('steps bar colours apart in lightness and gives each its own pattern', () => {
    const lum = barStyles.slice(0, 3).map((s) => luminance(s.color));
    const sorted = [...lum].sort((a, b) => a - b);
    for (let i = 1; i < sorted.length; i += 1) expect(sorted[i]! - sorted[i - 1]!).toBeGreaterThanOrEqual(0.15);
    expect(new Set(barStyles.map((s) => s.pattern)).size).toBe(barStyles.length);
    expect(barStyle(barStyles.length)).toBe(barStyles[0]);
  });

  it('tells better from worse than budget by lightness and pattern, and the result lines by dash and marker', () => {
    expect(Math.abs(luminance(varianceStyles.favourable.color) - luminance(varianceStyles.unfavourable.color))).toBeGreaterThanOrEqual(0.3);
    expect(varianceStyles.favourable.pattern).not.toBe(varianceStyles.unfavourable.pattern);
    const lines = Object.values(lineStyles);
    expect(new Set(lines.map((l) => l.dash ?? 'solid')).size).toBe(lines.length);
    expect(new Set(lines.map((l) => l.marker)).size).toBe(lines.length);
  });

  it('fills with a pattern reference only where there is a pattern, under an id valid in url()', () => {
    expect(fillFor(barStyles[0]!, 'p-0')).toBe(barStyles[0]!.color);
    expect(fillFor(barStyles[1]!, 'p-1')).toBe('url(#p-1)');
    expect(safeId('«r1»:x')).toBe('r1x');
  });
});
