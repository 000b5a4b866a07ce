import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { percentileRank } from './percentile-rank.js';

// Property tests for the CDC SVI ranking invariants (issue 7, item 9). Small
// integers make ties common; doubles cover the rest of the number line.
const value = fc.oneof(fc.integer({ min: -5, max: 5 }), fc.double({ noNaN: true, noDefaultInfinity: true }));
const values = fc.array(fc.option(value, { nil: null, freq: 4 }), { maxLength: 40 });
const known = (vs: (number | null)[]) => vs.filter((v): v is number => v !== null);

describe('percentileRank properties', () => {
  it('ranks lie in [0, 1]', () => {
    fc.assert(
      fc.property(values, (vs) => {
        for (const r of percentileRank(vs)) if (r !== null) expect(r >= 0 && r <= 1).toBe(true);
      }),
    );
  });

  it('is monotonic: a ≤ b ⇒ rank(a) ≤ rank(b)', () => {
    fc.assert(
      fc.property(values, (vs) => {
        const ranks = percentileRank(vs);
        vs.forEach((a, i) =>
          vs.forEach((b, j) => {
            if (a !== null && b !== null && a <= b && ranks[i] !== null) expect(ranks[i]!).toBeLessThanOrEqual(ranks[j]!);
          }),
        );
      }),
    );
  });

  it('gives tied values the same rank, the lowest: (count strictly lower)/(n − 1)', () => {
    fc.assert(
      fc.property(values, (vs) => {
        const ks = known(vs);
        const ranks = percentileRank(vs);
        vs.forEach((v, i) => {
          if (v === null || ks.length < 2) return;
          expect(ranks[i]).toBe(ks.filter((w) => w < v).length / (ks.length - 1));
          vs.forEach((w, j) => {
            if (w === v) expect(ranks[j]).toBe(ranks[i]);
          });
        });
      }),
    );
  });

  it('keeps nulls null and leaves them out of n', () => {
    fc.assert(
      fc.property(values, (vs) => {
        const ranks = percentileRank(vs);
        const withoutNulls = percentileRank(known(vs));
        expect(ranks.filter((_, i) => vs[i] === null).every((r) => r === null)).toBe(true);
        expect(ranks.filter((_, i) => vs[i] !== null)).toEqual(withoutNulls);
      }),
    );
  });

  it('does not depend on input order (permutation invariance)', () => {
    const withPermutation = values.chain((vs) =>
      fc.tuple(fc.constant(vs), fc.shuffledSubarray([...vs.keys()], { minLength: vs.length, maxLength: vs.length })),
    );
    fc.assert(
      fc.property(withPermutation, ([vs, order]) => {
        const ranks = percentileRank(vs);
        const permuted = percentileRank(order.map((k) => vs[k]!));
        order.forEach((k, i) => expect(permuted[i]).toBe(ranks[k]));
      }),
    );
  });

  it('gives the lowest known value 0, and 1 only to a maximum that is not tied', () => {
    fc.assert(
      fc.property(values, (vs) => {
        const ks = known(vs);
        fc.pre(ks.length >= 2);
        const ranks = percentileRank(vs);
        const [min, max] = [Math.min(...ks), Math.max(...ks)];
        vs.forEach((v, i) => {
          if (v === min) expect(ranks[i]).toBe(0);
          if (v === max) expect(ranks[i] === 1).toBe(ks.filter((w) => w === max).length === 1);
        });
      }),
    );
  });
});
