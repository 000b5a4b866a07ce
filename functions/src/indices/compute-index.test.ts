import { describe, expect, it } from 'vitest';
import type { Estimate } from './estimate.js';
import { computeLevelIndex } from './compute-index.js';
import type { IndicatorSpec, MethodSpec } from './indicator-registry.js';

// Synthetic registry and values (labelled): small enough to check by hand.
const spec = (id: string, domain: IndicatorSpec['domain'], direction: IndicatorSpec['direction'] = 'higher_is_worse', ranked = true): IndicatorSpec => ({
  id,
  label: id,
  domain,
  unit: '%',
  direction,
  nativeGeography: 'town',
  source: { kind: 'masschip-2005-2008', sourceId: 'masschip-2005-2008', column: id },
  uncertainty: 'none',
  vintage: 'synthetic',
  citation: 'https://example.org/',
  ranked,
  ...(ranked ? {} : { contextReason: 'context only' }),
});
const method: MethodSpec = {
  id: 'test-1',
  label: 'test',
  flagPercentile: 0.9,
  domainCoverage: 0.5,
  overallCoverage: 0.5,
  reallocationCoverage: 0.5,
  monteCarlo: { draws: 200, seed: 7, interval: 0.9 },
  domains: [
    { id: 'cardiometabolic', label: 'c', weight: 1 },
    { id: 'maternal_perinatal', label: 'm', weight: 1 },
    { id: 'social_drivers', label: 's', weight: 1 },
    { id: 'access_to_care', label: 'a', weight: 1 },
  ],
};
const places = ['p1', 'p2', 'p3', 'p4', 'p5'];
const col = (xs: (number | null)[], se: number | null = null) =>
  new Map(xs.flatMap((v, i) => (v === null ? [] : [[places[i]!, { value: v, se } as Estimate]])));

const indicators = [spec('c1', 'cardiometabolic'), spec('c2', 'cardiometabolic'), spec('m1', 'maternal_perinatal'), spec('s1', 'social_drivers', 'higher_is_better'), spec('ctx', 'access_to_care', 'higher_is_worse', false)];
const values = new Map([
  ['c1', col([1, 2, 3, 4, 5], 0.5)],
  ['c2', col([5, 4, 3, 2, null])],
  ['m1', col([10, 20, 30, 40, 50])],
  ['s1', col([50, 40, 30, 20, 10])], // income: higher is better → p5 most disadvantaged
  ['ctx', col([9, 9, 9, 9, 9])],
]);

describe('computeLevelIndex', () => {
  const result = computeLevelIndex(places, indicators, method, values);
  const byId = Object.fromEntries(result.places.map((p) => [p.id, p]));

  it('ranks indicators with the SVI convention, direction-adjusted', () => {
    expect(places.map((p) => byId[p]!.indicators.c1!.percentile)).toEqual([0, 0.25, 0.5, 0.75, 1]);
    expect(places.map((p) => byId[p]!.indicators.s1!.percentile)).toEqual([0, 0.25, 0.5, 0.75, 1]);
    expect(byId.p5!.indicators.c2!.percentile).toBeNull();
  });

  it('averages a domain over indicators with data under the coverage rule', () => {
    // p1: c1 = 0, c2 = 1 → 0.5; p5: only c1 (1 of 2 meets the 50 % rule) → 1
    expect(byId.p1!.domains.cardiometabolic.score).toBe(0.5);
    expect(byId.p5!.domains.cardiometabolic.score).toBe(1);
    expect(byId.p5!.domains.cardiometabolic.indicatorsWithData).toBe(1);
  });

  it('leaves context-only indicators unranked and domains without indicators as no data', () => {
    expect(byId.p1!.indicators.ctx).toEqual({ value: 9, se: null, percentile: null, flagged: false });
    expect(byId.p1!.domains.access_to_care.score).toBeNull();
    expect(byId.p1!.domains.access_to_care.noDataReason).toMatch(/No indicator/);
  });

  it('scores overall as the weighted mean of domain percentiles, ranks 1 = most disadvantaged, flags ≥ 90th', () => {
    expect(byId.p5!.overall.rank).toBe(1);
    expect(byId.p5!.overall.percentile).toBe(1);
    expect(byId.p5!.flagCount).toBe(3); // c1, m1, s1 at the top
    const scores = places.map((p) => byId[p]!.overall.score!);
    expect(scores).toEqual([...scores].sort((a, b) => a - b));
  });

  it('gives a 90 % interval that contains the point estimate and is reproducible', () => {
    for (const p of result.places) {
      const [lo, hi] = p.overall.percentileInterval!;
      expect(lo).toBeLessThanOrEqual(hi);
      expect(lo).toBeGreaterThanOrEqual(0);
      expect(hi).toBeLessThanOrEqual(1);
    }
    const again = computeLevelIndex(places, indicators, method, values);
    expect(again.places.map((p) => p.overall.percentileInterval)).toEqual(result.places.map((p) => p.overall.percentileInterval));
  });

  it('has zero-width intervals when no indicator carries uncertainty', () => {
    const noSe = new Map([...values].map(([k, m]) => [k, new Map([...m].map(([p, e]) => [p, { value: e.value, se: null }]))]));
    const r = computeLevelIndex(places, indicators, method, noSe);
    for (const p of r.places) expect(p.overall.percentileInterval![0]).toBe(p.overall.percentileInterval![1]);
  });
});
