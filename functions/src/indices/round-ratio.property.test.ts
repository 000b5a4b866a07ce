import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { roundRatio4 } from './percentile-rank.js';
import { roundSvi } from './svi-round.js';

describe('roundRatio4', () => {
  it('equals half-up rounding of the exact ratio (as roundSvi) for every k ≤ d ≤ 100,000', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100_000 }).chain((d) => fc.tuple(fc.integer({ min: 0, max: d }), fc.constant(d))), ([k, d]) => {
        expect(roundRatio4(k, d)).toBe(roundSvi(k / d));
      }),
      { numRuns: 5_000 },
    );
  });

  it('rounds exact halves up (1 − 103/160 = 57/160 = 0.35625 → 0.3563)', () => {
    expect(roundRatio4(57, 160)).toBe(0.3563);
  });
});
