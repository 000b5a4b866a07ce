import { describe, expect, it } from 'vitest';
import { shareOf, sumByTarget } from './aggregate-block-groups.js';

// Synthetic block groups (labelled): two split between towns A and B, one zero estimate with the ACS's fixed MOE.
const allocation = new Map([
  ['bg1', [{ target: 'A', share: 1 }]],
  ['bg2', [{ target: 'A', share: 0.5 }, { target: 'B', share: 0.5 }]],
  ['bg3', [{ target: 'A', share: 1 }]],
  ['bg4', [{ target: 'A', share: 1 }]],
]);

describe('sumByTarget', () => {
  it('sums allocated counts and their MOEs in quadrature', () => {
    const s = sumByTarget([{ id: 'bg1', amount: 30, moe: 12 }, { id: 'bg2', amount: 10, moe: 8 }], allocation);
    expect(s.get('A')).toEqual({ total: 35, moe: Math.sqrt(12 ** 2 + 4 ** 2), contributors: 2 });
    expect(s.get('B')).toEqual({ total: 5, moe: 4, contributors: 1 });
  });

  it('counts only the largest MOE among zero estimates (ACS General Handbook ch. 8)', () => {
    const s = sumByTarget([{ id: 'bg1', amount: 30, moe: 12 }, { id: 'bg3', amount: 0, moe: 14 }, { id: 'bg4', amount: 0, moe: 19 }], allocation);
    expect(s.get('A')!.moe).toBeCloseTo(Math.sqrt(12 ** 2 + 19 ** 2), 12);
  });

  it('leaves unknown amounts out of numerator and denominator, and a zero in', () => {
    const s = sumByTarget([{ id: 'bg1', amount: null }, { id: 'bg3', amount: 0 }], allocation);
    expect(s.get('A')).toEqual({ total: 0, moe: null, contributors: 1 });
  });
});

describe('shareOf', () => {
  it('is a percentage with the numerator MOE over the denominator', () => {
    expect(shareOf({ total: 5, moe: 2, contributors: 1 }, { total: 50, moe: null, contributors: 1 })).toEqual({ value: 10, moe: 4 });
    expect(shareOf({ total: 0, moe: 0, contributors: 1 }, { total: 0, moe: null, contributors: 1 })).toBeNull();
  });
});
