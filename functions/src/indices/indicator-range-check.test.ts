import { describe, expect, it } from 'vitest';
import { assertIndicatorValuesInRange, indicatorValueProblems } from './indicator-range-check.js';

const spec = (id: string, valueKind: 'percent' | 'rate' | 'dollars' | 'km', range?: { min: number; max: number }) => ({ id, unit: 'u', valueKind, ...(range ? { range } : {}) });
const level = (entries: Record<string, Record<string, number>>) => new Map(Object.entries(entries).map(([id, byPlace]) => [id, new Map(Object.entries(byPlace).map(([p, value]) => [p, { value }]))]));

describe('indicatorValueProblems', () => {
  it('passes values inside each kind’s range, including the income top-code as a value', () => {
    const values = { town: level({ obesity: { a: 0, b: 100 }, income: { a: 250001 }, distance: { a: 0, b: 41.2 } }) };
    expect(indicatorValueProblems([spec('obesity', 'percent'), spec('income', 'dollars'), spec('distance', 'km')], values)).toEqual([]);
  });

  it('names indicator, level and place of a value outside its range, NaN or infinite', () => {
    const values = { town: level({ obesity: { a: 100.5 } }), zcta: level({ distance: { '01001': -0.1, '01002': Number.NaN }, rate: { '01003': Number.POSITIVE_INFINITY } }) };
    expect(indicatorValueProblems([spec('obesity', 'percent'), spec('distance', 'km'), spec('rate', 'rate')], values)).toEqual([
      { indicator: 'obesity', level: 'town', place: 'a', message: '100.5 is out of range: expected from 0 to 100' },
      { indicator: 'distance', level: 'zcta', place: '01001', message: '-0.1 is out of range: expected ≥ 0' },
      { indicator: 'distance', level: 'zcta', place: '01002', message: 'NaN is out of range: expected ≥ 0' },
      { indicator: 'rate', level: 'zcta', place: '01003', message: 'Infinity is out of range: expected ≥ 0' },
    ]);
  });

  it('uses an indicator’s own range over its kind’s', () => {
    expect(indicatorValueProblems([spec('beds', 'rate', { min: 0, max: 50 })], { town: level({ beds: { a: 51 } }) })).toHaveLength(1);
  });
});

describe('assertIndicatorValuesInRange', () => {
  it('throws naming the value, so the run stops before writing', () => {
    expect(() => assertIndicatorValuesInRange([spec('obesity', 'percent')], { town: level({ obesity: { a: -317.5 } }) })).toThrow(
      'Indicator values out of range (1); nothing was published:\n  obesity (town a): -317.5 is out of range: expected from 0 to 100',
    );
    expect(() => assertIndicatorValuesInRange([spec('obesity', 'percent')], { town: level({ obesity: { a: 17.5 } }) })).not.toThrow();
  });
});
