import { describe, expect, it } from 'vitest';
import type { IndicatorDetail } from '../api';
import { chooseDrivers, MAX_DRIVERS, MIN_DRIVERS } from './drivers';

const ind = (percentile: number | null, extra: Partial<IndicatorDetail> = {}): IndicatorDetail =>
  ({ label: 'x', domain: 'd', unit: '%', direction: 'higher_is_worse', sourceId: 's', vintage: '2022', ranked: true, value: 1, se: null, percentile, flagged: (percentile ?? 0) >= 0.9, derivation: null, noDataReason: null, ...extra }) as IndicatorDetail;

const place = (ps: Record<string, IndicatorDetail>) => ({ indicators: ps });

describe('chooseDrivers', () => {
  it('takes the highest percentiles first and fills to the minimum when few are flagged', () => {
    const ps = Object.fromEntries([0.1, 0.95, 0.5, 0.7, 0.2, 0.3, 0.4].map((p, i) => [`i${i}`, ind(p)]));
    const got = chooseDrivers(place(ps));
    expect(got.map((d) => d.percentile)).toEqual([0.95, 0.7, 0.5, 0.4, 0.3]);
    expect(got).toHaveLength(MIN_DRIVERS);
  });

  it('takes every flagged indicator up to the maximum', () => {
    const ps = Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`i${String(i).padStart(2, '0')}`, ind(0.9 + i / 200)]));
    const got = chooseDrivers(place(ps));
    expect(got).toHaveLength(MAX_DRIVERS);
    expect(got[0]!.id).toBe('i11');
    const six = Object.fromEntries(Array.from({ length: 6 }, (_, i) => [`f${i}`, ind(0.91)]).concat([['low', ind(0.2)]]));
    expect(chooseDrivers(place(six)).map((d) => d.id)).toEqual(['f0', 'f1', 'f2', 'f3', 'f4', 'f5']);
  });

  it('never shows an indicator without data, without a percentile or not ranked', () => {
    const got = chooseDrivers(
      place({
        a: ind(0.99, { value: null }),
        b: ind(null),
        c: ind(0.98, { ranked: false }),
        d: ind(0.5),
        e: ind(Number.NaN),
      }),
    );
    expect(got.map((d) => d.id)).toEqual(['d']);
  });

  it('breaks ties by id so the page is reproducible', () => {
    expect(chooseDrivers(place({ b: ind(0.6), a: ind(0.6), c: ind(0.6) })).map((d) => d.id)).toEqual(['a', 'b', 'c']);
  });
});
