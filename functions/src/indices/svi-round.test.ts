import { describe, expect, it } from 'vitest';
import { roundSvi } from './svi-round.js';

describe('roundSvi', () => {
  it('rounds to 4 decimals, half up, on the decimal value rather than its binary neighbour', () => {
    expect(roundSvi(2 / 3)).toBe(0.6667);
    expect(roundSvi(1 / 32)).toBe(0.0313); // 0.03125 exactly
    expect(roundSvi(1 - 103 / 160)).toBe(0.3563); // 0.35624999999999996 in binary; Math.round(x*1e4) gives 0.3562
    expect(roundSvi(0.1 + 0.2)).toBe(0.3);
    expect(roundSvi(0.0769 + 0.0769 + 0.3077 + 0 + 0.0769)).toBe(0.5384); // SPL_THEME4, Dukes County 2018
  });

  it('agrees with exact integer rounding for every k/n and 1 − k/n, n ≤ 400', () => {
    for (let n = 1; n <= 400; n++)
      for (let k = 0; k <= n; k++)
        for (const [num, x] of [[k, k / n], [n - k, 1 - k / n]] as const) {
          const exact = Math.floor((20_000 * num + n) / (2 * n)) / 1e4;
          if (roundSvi(x) !== exact) expect.fail(`roundSvi(${x}) = ${roundSvi(x)}, expected ${exact} (num ${num}, n ${n})`);
        }
  });

  it('rejects negative and non-finite input, naming the argument', () => {
    expect(() => roundSvi(-0.1)).toThrow(/^x:/);
    expect(() => roundSvi(Number.NaN)).toThrow(/^x:/);
  });
});
