import { describe, expect, it } from 'vitest';
import { disparityMeasures } from './disparity.js';

// Synthetic: 10 places, value = i, population = 100 each except place 9 (1,000), so weighted means are checkable by hand.
const places = Array.from({ length: 10 }, (_, i) => ({ id: `p${i}`, value: i + 1, population: i === 9 ? 1000 : 100 }));

describe('disparityMeasures', () => {
  const d = disparityMeasures(places, { higherIsWorse: true, group: new Set(['p8', 'p9']) });
  const mu = (45 * 100 + 10 * 1000) / 1900; // Σ value·pop / Σ pop with values 1..9 at 100 and 10 at 1,000

  it('computes the population-weighted state rate', () => {
    expect(d.stateRate).toBeCloseTo(mu, 12);
  });

  it('contrasts the worst decile with the best', () => {
    expect(d.worstVsBestDecile).toMatchObject({ rate: 10, reference: 1, rateRatio: 10, rateDifference: 9, places: 1 });
  });

  it('contrasts a group with the rest of the state', () => {
    const group = (9 * 100 + 10 * 1000) / 1100;
    const rest = (36 * 100) / 800;
    expect(d.groupVsRest!.rate).toBeCloseTo(group, 12);
    expect(d.groupVsRest!.rateRatio).toBeCloseTo(group / rest, 12);
  });

  it('computes ID, Theil and between-group variance from their definitions', () => {
    const id = (100 * places.reduce((s, p) => s + Math.abs(p.value - mu), 0)) / 10 / mu;
    const theil = places.reduce((s, p) => s + (p.population / 1900) * (p.value / mu) * Math.log(p.value / mu), 0);
    const bgv = places.reduce((s, p) => s + (p.population / 1900) * (p.value - mu) ** 2, 0);
    expect(d.indexOfDisparity).toBeCloseTo(id, 10);
    expect(d.theil).toBeCloseTo(theil, 12);
    expect(d.betweenGroupVariance).toBeCloseTo(bgv, 10);
    expect(d.theil!).toBeGreaterThan(0);
  });

  it('takes the lowest values as worst for higher-is-better indicators, and is 0 for equal rates', () => {
    expect(disparityMeasures(places, { higherIsWorse: false }).worstVsBestDecile).toMatchObject({ rate: 1, reference: 10 });
    const equal = disparityMeasures(places.map((p) => ({ ...p, value: 5 })), { higherIsWorse: true });
    expect(equal).toMatchObject({ indexOfDisparity: 0, theil: 0, betweenGroupVariance: 0, groupVsRest: null });
  });

  it('lets a zero rate contribute its limit 0 to the Theil index', () => {
    const withZero = places.map((p, i) => (i === 0 ? { ...p, value: 0 } : p));
    expect(disparityMeasures(withZero, { higherIsWorse: true }).theil).toBeGreaterThan(0);
    expect(disparityMeasures(places.map((p, i) => (i === 0 ? { ...p, value: -1 } : p)), { higherIsWorse: true }).theil).toBeNull();
  });

  it('needs at least 10 places', () => {
    expect(() => disparityMeasures(places.slice(0, 9), { higherIsWorse: true })).toThrow(/values/);
  });
});
