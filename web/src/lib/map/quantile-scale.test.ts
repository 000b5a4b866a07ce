import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { binOf, buildScale, CLASS_COLORS, NO_DATA, quantileBreaks } from './quantile-scale';

describe('quantileBreaks', () => {
  it('splits 100 distinct values into five groups of twenty', () => {
    const values = Array.from({ length: 100 }, (_, i) => i);
    const breaks = quantileBreaks(values);
    expect(breaks).toEqual([20, 40, 60, 80]);
    const sizes = [0, 0, 0, 0, 0];
    for (const v of values) sizes[binOf(v, breaks)]!++;
    expect(sizes).toEqual([20, 20, 20, 20, 20]);
  });

  it('never splits ties and ignores missing values', () => {
    expect(quantileBreaks([1, 1, 1, 1, 1, 1, 2, null, null])).toEqual([2]);
    expect(quantileBreaks([null, null])).toEqual([]);
  });

  it('breaks ascend strictly and every value falls in a bin', () => {
    fc.assert(
      fc.property(fc.array(fc.option(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { nil: null }), { maxLength: 400 }), (values) => {
        const breaks = quantileBreaks(values);
        for (let i = 1; i < breaks.length; i++) expect(breaks[i]!).toBeGreaterThan(breaks[i - 1]!);
        expect(breaks.length).toBeLessThanOrEqual(CLASS_COLORS.length - 1);
        for (const v of values) if (v !== null) expect(binOf(v, breaks)).toBeLessThanOrEqual(breaks.length);
      }),
    );
  });
});

describe('buildScale', () => {
  const values = [10, 20, 30, 40, 50, 60, 70, 80, 90, 100, null];

  it('colours higher values darker when higher is worse, and lists least disadvantaged first', () => {
    const s = buildScale(values, '% of adults', 'higher_is_worse');
    expect(s.classes[0]).toBe(0);
    expect(s.classes[9]).toBe(4);
    expect(s.classes[10]).toBe(NO_DATA);
    expect(s.noDataCount).toBe(1);
    expect(s.legend.map((l) => l.color)).toEqual([...CLASS_COLORS]);
    expect(s.legend[0]!.label).toBe('10 % – < 30 %');
    expect(s.legend.reduce((a, l) => a + l.count, 0)).toBe(10);
  });

  it('flips when higher is better: the lowest income is the darkest', () => {
    const s = buildScale(values, 'US dollars (2023)', 'higher_is_better');
    expect(s.classes[0]).toBe(4);
    expect(s.classes[9]).toBe(0);
    expect(s.legend[0]!.color).toBe(CLASS_COLORS[0]);
    expect(s.legend[0]!.label).toBe('$90 – $100');
    expect(s.legend[4]!.label).toBe('$10 – < $30');
  });

  it('labels a top-coded income "or more" in the legend, never as an exact figure', () => {
    const incomes = [40000, 60000, 80000, 120000, 180000, 250001];
    const s = buildScale(incomes, 'US dollars (2023)', 'higher_is_better', { id: 'median_household_income' });
    expect(s.legend[0]!.label).toMatch(/ – \$250,000 or more$/);
    expect(s.legend.map((l) => l.label).join(' ')).not.toContain('250,001');
  });

  it('says there is nothing to colour when every value is missing', () => {
    const s = buildScale([null, null], 'km', 'higher_is_worse');
    expect(s.legend).toEqual([]);
    expect(s.noDataCount).toBe(2);
  });
});
