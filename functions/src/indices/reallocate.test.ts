import { describe, expect, it } from 'vitest';
import { reallocate } from './reallocate.js';

// Synthetic: two source areas feeding three targets.
const source = new Map([
  ['a', { value: 10, se: 1 }],
  ['b', { value: 20, se: 2 }],
]);

describe('reallocate', () => {
  it('takes the weighted mean of sources with data and propagates SE', () => {
    const out = reallocate(source, new Map([['t', [{ from: 'a', weight: 0.25 }, { from: 'b', weight: 0.75 }]]]), 0.5);
    expect(out.get('t')!.estimate!.value).toBeCloseTo(17.5, 10);
    expect(out.get('t')!.estimate!.se).toBeCloseTo(Math.sqrt(0.25 ** 2 * 1 + 0.75 ** 2 * 4), 10);
    expect(out.get('t')!.coverage).toBe(1);
  });

  it('renormalizes over covered weight, and gives no data below the coverage rule', () => {
    const weights = new Map([
      ['half', [{ from: 'a', weight: 0.6 }, { from: 'missing', weight: 0.4 }]],
      ['thin', [{ from: 'a', weight: 0.3 }, { from: 'missing', weight: 0.7 }]],
    ]);
    const out = reallocate(source, weights, 0.5);
    expect(out.get('half')!.estimate).toEqual({ value: 10, se: 1 });
    expect(out.get('thin')).toEqual({ estimate: null, coverage: 0.3 });
  });

  it('reports an unknown SE when a contributing source has none', () => {
    const out = reallocate(new Map([['a', { value: 1, se: null }]]), new Map([['t', [{ from: 'a', weight: 1 }]]]), 1);
    expect(out.get('t')!.estimate).toEqual({ value: 1, se: null });
  });

  it('rejects a coverage outside (0, 1]', () => {
    expect(() => reallocate(source, new Map(), 0)).toThrow(/minCoverage/);
  });
});
