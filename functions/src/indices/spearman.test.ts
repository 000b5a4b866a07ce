import { describe, expect, it } from 'vitest';
import { midRanks, spearman } from './spearman.js';

describe('spearman', () => {
  it('gives tied values the mean of their ranks', () => {
    expect(midRanks([10, 20, 20, 5])).toEqual([2, 3.5, 3.5, 1]);
  });

  it('is 1 for a monotone relation, −1 for a reversed one, whatever the scale', () => {
    expect(spearman([1, 2, 3, 4], [1, 8, 27, 64]).rho).toBeCloseTo(1, 12);
    expect(spearman([1, 2, 3, 4], [9, 4, 1, 0]).rho).toBeCloseTo(-1, 12);
  });

  it('matches the textbook value without ties: 1 − 6Σd² / n(n² − 1)', () => {
    const x = [86, 97, 99, 100, 101, 103, 106, 110, 112, 113];
    const y = [2, 20, 28, 27, 50, 29, 7, 17, 6, 12];
    expect(spearman(x, y).rho).toBeCloseTo(-29 / 165, 12); // Wikipedia's worked example: ρ = −0.1758
  });

  it('skips pairs with a missing value', () => {
    expect(spearman([1, 2, null, 4], [1, 2, 3, null]).n).toBe(2);
  });
});
