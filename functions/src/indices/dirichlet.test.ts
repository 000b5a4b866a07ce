import { describe, expect, it } from 'vitest';
import { dirichletSource } from './dirichlet.js';

describe('dirichletSource', () => {
  it('draws positive weights that sum to 1, reproducibly for a seed', () => {
    const a = dirichletSource(20261130, 4);
    const draws = Array.from({ length: 2000 }, () => a());
    for (const w of draws) {
      expect(w).toHaveLength(4);
      for (const x of w) expect(x).toBeGreaterThan(0);
      expect(w.reduce((s, x) => s + x, 0)).toBeCloseTo(1, 12);
    }
    const b = dirichletSource(20261130, 4);
    expect(Array.from({ length: 3 }, () => b())).toEqual(draws.slice(0, 3));
    expect(dirichletSource(1, 4)()).not.toEqual(draws[0]);
  });

  it('is flat: each weight has mean 1/k and variance (k − 1)/(k²(k + 1))', () => {
    const next = dirichletSource(7, 4);
    const first = Array.from({ length: 20_000 }, () => next()[0]!);
    const mean = first.reduce((s, x) => s + x, 0) / first.length;
    const variance = first.reduce((s, x) => s + (x - mean) ** 2, 0) / first.length;
    expect(mean).toBeCloseTo(0.25, 2);
    expect(variance).toBeCloseTo(3 / 80, 2); // Beta(1, 3): 3 / (16 · 5)
  });

  it('names the argument on misuse', () => {
    expect(() => dirichletSource(1, 0)).toThrow(/k:/);
  });
});
