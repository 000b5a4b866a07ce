import { describe, expect, it } from 'vitest';
import { reweight } from './custom-weights.js';
import type { Domain } from './indicator-registry.js';

// Synthetic domain percentiles for four places (labelled).
const place = (id: string, c: number | null, m: number | null, s: number | null, a: number | null) => ({
  id,
  domains: { cardiometabolic: { percentile: c }, maternal_perinatal: { percentile: m }, social_drivers: { percentile: s }, access_to_care: { percentile: a } } as Record<Domain, { percentile: number | null }>,
});
const places = [place('a', 1, 0, 0, 0), place('b', 0, 1, 0, 0), place('c', 0.5, 0.5, 0.5, 0.5), place('d', null, null, null, 1)];
const equal = { cardiometabolic: 1, maternal_perinatal: 1, social_drivers: 1, access_to_care: 1 };

describe('reweight', () => {
  it('ranks by the weighted mean of domain percentiles', () => {
    const out = reweight(places, { ...equal, cardiometabolic: 3 }, 0.5);
    expect(out.find((r) => r.id === 'a')!.score).toBe(0.5); // (3·1) / 6
    expect(out.find((r) => r.id === 'a')!.rank).toBe(1);
    expect(out.find((r) => r.id === 'd')!.score).toBeNull(); // 1 of 6 weight units has data < 50 %
  });

  it('moves a place to the top when its domain gets all the weight', () => {
    const out = reweight(places, { cardiometabolic: 0, maternal_perinatal: 1, social_drivers: 0, access_to_care: 0 }, 0.5);
    expect(out.find((r) => r.id === 'b')).toMatchObject({ score: 1, percentile: 1, rank: 1 });
  });

  it('rejects negative or all-zero weights', () => {
    expect(() => reweight(places, { ...equal, social_drivers: -1 }, 0.5)).toThrow(/weights/);
    expect(() => reweight(places, { cardiometabolic: 0, maternal_perinatal: 0, social_drivers: 0, access_to_care: 0 }, 0.5)).toThrow(/weights/);
  });
});
