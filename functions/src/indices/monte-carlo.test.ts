import { describe, expect, it } from 'vitest';
import { normalSource, quantile } from './monte-carlo.js';

describe('normalSource', () => {
  it('is reproducible for a seed and standard normal in distribution', () => {
    const a = normalSource(42);
    const b = normalSource(42);
    const xs = Array.from({ length: 20_000 }, () => a());
    expect(Array.from({ length: 5 }, () => b())).toEqual(xs.slice(0, 5));
    const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
    const variance = xs.reduce((s, x) => s + (x - mean) ** 2, 0) / xs.length;
    expect(Math.abs(mean)).toBeLessThan(0.03);
    expect(Math.abs(variance - 1)).toBeLessThan(0.05);
    expect(xs.filter((x) => Math.abs(x) > 1.645).length / xs.length).toBeCloseTo(0.1, 1);
  });
});

describe('quantile', () => {
  it('interpolates linearly (type 7)', () => {
    expect(quantile([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(quantile([1, 2, 3, 4], 0)).toBe(1);
    expect(quantile([1, 2, 3, 4], 1)).toBe(4);
    expect(quantile([], 0.5)).toBeNaN();
  });
});
