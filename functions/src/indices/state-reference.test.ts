import { describe, expect, it } from 'vitest';
import type { IndicatorSpec } from './indicator-registry.js';
import { populationWeightedMean, stateReferences } from './state-reference.js';

// SYNTHETIC: invented towns and values.
const spec = (id: string, sourceId = 'places-place') => ({ id, source: { sourceId } }) as unknown as IndicatorSpec;

describe('populationWeightedMean', () => {
  it('weights by residents over the places with a value and reports the residents covered', () => {
    const m = populationWeightedMean([
      { value: 10, population: 100 },
      { value: 20, population: 300 },
      { value: null, population: 600 },
      { value: 99, population: 0 },
      { value: 99, population: null },
    ]);
    expect(m).toEqual({ value: 17.5, covered: 2, share: 0.4 });
  });
  it('is null when no place has a value (never 0)', () => {
    expect(populationWeightedMean([{ value: null, population: 5 }])).toBeNull();
    expect(populationWeightedMean([])).toBeNull();
  });
});

describe('stateReferences', () => {
  const towns = [
    { population: 1000, values: { a: 1, b: 4 } },
    { population: 3000, values: { a: 3, b: null } },
  ];
  it('takes the source figure where it is published, else the population-weighted mean, and says which', () => {
    const refs = stateReferences([spec('a', 'masschip-2010'), spec('b'), spec('c')], { published: new Map([['a', 2.2]]), sourceTitles: new Map([['masschip-2010', 'MassCHIP 2010']]), towns });
    expect(refs.a).toEqual({ value: 2.2, basis: 'source', note: 'Massachusetts figure published by the source (MassCHIP 2010).' });
    expect(refs.b!.value).toBe(4);
    expect(refs.b!.basis).toBe('population-weighted-mean');
    expect(refs.b!.note).toMatch(/1 municipalities with a value \(25 % of residents\)/);
    expect(refs.c).toMatchObject({ value: null, basis: null });
  });
});
