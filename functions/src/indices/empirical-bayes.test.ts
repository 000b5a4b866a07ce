import { describe, expect, it } from 'vitest';
import { empiricalBayes } from './empirical-bayes.js';

// Synthetic rates (labelled): three areas around a prior of 0.01.
const areas = [
  { id: 'big', rate: 0.012, exposure: 1_000_000 },
  { id: 'mid', rate: 0.008, exposure: 10_000 },
  { id: 'tiny', rate: 0.05, exposure: 50 },
];

describe('empiricalBayes (Marshall global estimator)', () => {
  it('matches the formula computed by hand', () => {
    const prior = 0.01;
    const total = 1_010_050;
    const spread = (1_000_000 * 0.002 ** 2 + 10_000 * 0.002 ** 2 + 50 * 0.04 ** 2) / total;
    const between = spread - prior / (total / 3);
    const r = empiricalBayes(areas, prior, 'poisson');
    for (const a of areas) {
      const w = between / (between + prior / a.exposure);
      expect(r.get(a.id)!.weight).toBeCloseTo(w, 12);
      expect(r.get(a.id)!.rate).toBeCloseTo(w * a.rate + (1 - w) * prior, 12);
    }
  });

  it('shrinks a rate from few events toward the prior and leaves a large area almost as observed', () => {
    const r = empiricalBayes(areas, 0.01, 'poisson');
    expect(r.get('big')!.weight).toBeGreaterThan(0.99);
    expect(r.get('tiny')!.weight).toBeLessThan(0.2);
    expect(Math.abs(r.get('tiny')!.rate - 0.01)).toBeLessThan(Math.abs(0.05 - 0.01));
  });

  it('shrinks everything to the prior when the rates vary no more than chance', () => {
    const r = empiricalBayes([{ id: 'a', rate: 0.01, exposure: 100 }, { id: 'b', rate: 0.01, exposure: 100 }], 0.01, 'binomial');
    expect(r.get('a')!.weight).toBe(0);
    expect(r.get('a')!.rate).toBe(0.01);
  });

  it('refuses a zero denominator instead of inventing a rate', () => {
    expect(() => empiricalBayes([{ id: 'none', rate: 0, exposure: 0 }], 0.01, 'poisson')).toThrow(/zero denominators/);
  });
});
