import { describe, expect, it } from 'vitest';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { computeLevelIndex } from './compute-index.js';
import type { Estimate } from './estimate.js';
import { DOMAINS, type IndicatorSpec, type MethodSpec } from './indicator-registry.js';
import type { LevelLayout } from './score-level.js';
import { levelSensitivity, rankSensitivity, SENSITIVITY_DRAWS } from './sensitivity.js';

// synthetic-three-places: one indicator per domain plus a twin in domain 0, all higher-is-worse, equal weights.
//              i0  i1 | i2 | i3 | i4      domain percentiles (d0..d3)   overall (mean)
//   A           3   3 |  1 |  1 |  3      1    0   0   1                0.5    → rank 2
//   B           2   2 |  3 |  3 |  1      .5   1   1   0                0.625  → rank 1
//   C           1   1 |  2 |  2 |  2      0    .5  .5  .5               0.375  → rank 3
//   D           no data anywhere                                          → unranked
// Without d1 (or d2, or i2/i3 which are their only indicators): A 2/3, B 1/2, C 1/3 → A moves up to 1, B down to 2.
// Without d0: A 1/3, B 2/3, C 1/2 → B, C, A. Without d3 (or i4): A 1/3, B 5/6, C 1/3 → B 1, A and C tie at 2.
// Leaving out i0 or i1 changes nothing (its twin carries domain 0 alone).
const col = (...xs: number[]) => Float64Array.from([...xs, Number.NaN]);
const threePlaces = {
  ids: ['A', 'B', 'C', 'D'],
  layout: {
    places: 4,
    indicators: [0, 0, 1, 2, 3].map((domain) => ({ domain, higherIsBetter: false })),
    domainWeights: [0.25, 0.25, 0.25, 0.25],
    availablePerDomain: [2, 1, 1, 1],
    domainCoverage: 0.5,
    overallCoverage: 0.5,
  } satisfies LevelLayout,
  values: [col(3, 2, 1), col(3, 2, 1), col(1, 3, 2), col(1, 3, 2), col(3, 1, 2)],
  labels: { domains: ['d0', 'd1', 'd2', 'd3'].map((id) => ({ id, label: id })), indicators: ['i0', 'i1', 'i2', 'i3', 'i4'].map((id) => ({ id, label: id })) },
};

describe('rankSensitivity (synthetic-three-places)', () => {
  const result = rankSensitivity(threePlaces.ids, threePlaces.layout, threePlaces.values, threePlaces.labels, { draws: 200, seed: 1 });
  const byId = Object.fromEntries(result.items.map((p) => [p.id, p]));

  it('lists baseline, each domain, each indicator, then one entry for the random draws', () => {
    expect(result.scenarios.map((s) => s.id)).toEqual([
      'baseline',
      'without-domain:d0', 'without-domain:d1', 'without-domain:d2', 'without-domain:d3',
      'without-indicator:i0', 'without-indicator:i1', 'without-indicator:i2', 'without-indicator:i3', 'without-indicator:i4',
      'random-weights',
    ]);
    expect(result.scenarios.map((s) => s.kind)).toEqual(['baseline', ...Array(4).fill('leave-domain-out'), ...Array(5).fill('leave-indicator-out'), 'random-weights']);
    expect(result.topDecileDenominator).toBe(10 + 200);
  });

  it('re-ranks each leave-one-out scenario as worked out by hand', () => {
    //                                 base  d0 d1 d2 d3  i0 i1 i2 i3 i4
    expect(byId.A!.ranksByScenario).toEqual([2, 3, 1, 1, 2, 2, 2, 1, 1, 2]);
    expect(byId.B!.ranksByScenario).toEqual([1, 1, 2, 2, 1, 1, 1, 2, 2, 1]);
    expect(byId.C!.ranksByScenario).toEqual([3, 2, 3, 3, 2, 3, 3, 3, 3, 2]);
    expect(byId.A!.rank).toBe(2);
    expect(byId.A!.rankMin).toBe(1);
    expect(byId.A!.rankMax).toBe(3);
  });

  it('counts the top decile over every scenario (here rank 1 of 3) and gives unranked places nulls', () => {
    // C can never be first: beating A needs w0 + w3 < 0.5 − 0.5·w0, beating B needs w3 > 0.5.
    expect(byId.C!.topDecileShare).toBe(0);
    expect(byId.C!.rankMin).toBe(2);
    // A is first in 4 fixed scenarios, B in 6; every draw puts A or B first.
    expect(Math.round(byId.A!.topDecileShare! * 210) + Math.round(byId.B!.topDecileShare! * 210)).toBe(210);
    expect(byId.A!.topDecileShare!).toBeGreaterThan(4 / 210);
    expect(byId.D).toEqual({ id: 'D', rank: null, rankMin: null, rankMax: null, rankP05: null, rankP95: null, medianRank: null, topDecileShare: null, ranksByScenario: Array(10).fill(null) });
  });

  it('is reproducible for a seed', () => {
    expect(rankSensitivity(threePlaces.ids, threePlaces.layout, threePlaces.values, threePlaces.labels, { draws: 200, seed: 1 })).toEqual(result);
  });

  it('names the argument on misuse', () => {
    expect(() => rankSensitivity(['A'], threePlaces.layout, threePlaces.values, threePlaces.labels)).toThrow(/placeIds/);
    expect(() => rankSensitivity(threePlaces.ids, threePlaces.layout, threePlaces.values.slice(1), threePlaces.labels)).toThrow(/values/);
    expect(() => rankSensitivity(threePlaces.ids, threePlaces.layout, threePlaces.values, threePlaces.labels, { draws: 0 })).toThrow(/options\.draws/);
  });
});

// synthetic-state: real-sized levels (351 towns, 537 ZCTAs) of seeded random values, 27 ranked indicators, some gaps.
function syntheticLevel(n: number, seed: number) {
  const rng = xoroshiro128plus(seed);
  const uniform = () => (rng.next() >>> 0) / 2 ** 32;
  const domainOf = (k: number) => DOMAINS[k % 4]!;
  const indicators: IndicatorSpec[] = Array.from({ length: 27 }, (_, k) => ({
    id: `x${k}`, label: `Synthetic ${k}`, domain: domainOf(k), unit: '%', direction: k % 5 === 0 ? 'higher_is_better' : 'higher_is_worse', nativeGeography: 'town',
    source: { kind: 'masschip-2005-2008', sourceId: 'masschip-2005-2008', column: `x${k}` }, uncertainty: 'none', vintage: 'synthetic', citation: 'https://example.org/', ranked: true,
  }));
  const method: MethodSpec = {
    id: 'synthetic-1', label: 'synthetic', flagPercentile: 0.9, domainCoverage: 0.5, overallCoverage: 0.5, reallocationCoverage: 0.5,
    monteCarlo: { draws: 0, seed: 1, interval: 0.9 },
    domains: DOMAINS.map((id) => ({ id, label: id, weight: 0.25 })),
  };
  const ids = Array.from({ length: n }, (_, i) => `p${String(i).padStart(4, '0')}`);
  const values = new Map(indicators.map((spec) => [spec.id, new Map(ids.flatMap((id) => (uniform() < 0.08 ? [] : [[id, { value: Math.round(uniform() * 1000) / 10, se: null } as Estimate] as const])))]));
  return { index: computeLevelIndex(ids, indicators, method, values, { draws: 0 }), method, indicators };
}

describe('levelSensitivity (synthetic-state)', () => {
  const scored = [syntheticLevel(351, 11), syntheticLevel(537, 12)];
  const started = performance.now();
  const levels = scored.map((l) => ({ ...l, result: levelSensitivity(l.index, l.method, l.indicators) }));
  const seconds = (performance.now() - started) / 1000;

  it(`keeps the published ranks as baseline and bounds every rank summary (351 + 537 places, ${SENSITIVITY_DRAWS} draws: ${seconds.toFixed(2)} s)`, () => {
    expect(seconds).toBeLessThan(3);
    for (const { index, result } of levels) {
      expect(result.draws).toBe(SENSITIVITY_DRAWS);
      expect(result.scenarios).toHaveLength(1 + 4 + 27 + 1);
      expect(result.items.map((p) => p.rank)).toEqual(index.places.map((p) => p.overall.rank));
      let ranked = 0;
      for (const p of result.items) {
        expect(p.ranksByScenario).toHaveLength(result.scenarios.length - 1);
        if (p.rank === null) continue;
        ranked++;
        expect(p.rankMin!).toBeLessThanOrEqual(p.rank);
        expect(p.rank).toBeLessThanOrEqual(p.rankMax!);
        expect(p.rankMin!).toBeLessThanOrEqual(p.rankP05!);
        expect(p.rankP05!).toBeLessThanOrEqual(p.medianRank!);
        expect(p.medianRank!).toBeLessThanOrEqual(p.rankP95!);
        expect(p.rankP95!).toBeLessThanOrEqual(p.rankMax!);
        expect(p.topDecileShare!).toBeGreaterThanOrEqual(0);
        expect(p.topDecileShare!).toBeLessThanOrEqual(1);
      }
      // Each scenario puts about a tenth of its ranked places in the top decile (ties can add a few).
      const total = result.items.reduce((s, p) => s + (p.topDecileShare ?? 0), 0);
      expect(total).toBeGreaterThanOrEqual(Math.ceil(0.1 * ranked) * 0.95);
      expect(total).toBeLessThanOrEqual(Math.ceil(0.1 * ranked) * 1.1);
      expect(result.items.some((p) => p.rankMin !== p.rankMax)).toBe(true);
    }
  });

  it('draws differ with the seed', () => {
    const { index, method, indicators } = levels[0]!;
    const other = levelSensitivity(index, method, indicators, { seed: 99 });
    expect(other.items.map((p) => p.medianRank)).not.toEqual(levels[0]!.result.items.map((p) => p.medianRank));
  });

  it('needs the value columns computeLevelIndex returns', () => {
    const { index, method, indicators } = levels[0]!;
    expect(() => levelSensitivity({ ...index, columns: undefined }, method, indicators)).toThrow(/index:/);
  });
});
