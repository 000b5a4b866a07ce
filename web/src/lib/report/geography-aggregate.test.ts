import { describe, expect, it } from 'vitest';
import type { Geometry, MeasureTable } from '../api';
import { geographyLocatorData, memberPopulation, topFlaggedIndicators, weightedDomainPercentiles, type MemberFacts } from './geography-aggregate';
import { parseGeographyQuery, geographyReportHref } from './geography-report';

const member = (id: string, population: number | null, domains: Record<string, number | null>, flagged: string[] = []): MemberFacts => ({
  id,
  name: id.toUpperCase(),
  population,
  domains: Object.fromEntries(Object.entries(domains).map(([k, p]) => [k, { percentile: p }])),
  indicators: Object.fromEntries(['asthma', 'poverty', 'rent'].map((k) => [k, { label: `label ${k}`, flagged: flagged.includes(k) }])),
});

describe('weightedDomainPercentiles', () => {
  it('weights each member by its population: (1000·0.9 + 3000·0.5) / 4000 = 0.6', () => {
    const got = weightedDomainPercentiles([member('a', 1000, { health: 0.9 }), member('b', 3000, { health: 0.5 })]);
    expect(got).toEqual([{ id: 'health', percentile: 0.6, used: 2, skipped: 0 }]);
  });
  it('skips members without a percentile or a population (never counts them as 0) and says how many', () => {
    const got = weightedDomainPercentiles([member('a', 1000, { health: 0.8, env: null }), member('b', null, { health: 0.2, env: 0.4 }), member('c', 1000, { health: 0.4, env: 0.7 })]);
    expect(got.find((d) => d.id === 'health')).toEqual({ id: 'health', percentile: expect.closeTo(0.6, 12), used: 2, skipped: 1 });
    expect(got.find((d) => d.id === 'env')).toEqual({ id: 'env', percentile: 0.7, used: 1, skipped: 2 });
  });
  it('has no value when no member has one', () => {
    expect(weightedDomainPercentiles([member('a', 10, { health: null })])).toEqual([{ id: 'health', percentile: null, used: 0, skipped: 1 }]);
  });
});

describe('memberPopulation', () => {
  it('sums the members, and is unknown when one is', () => {
    expect(memberPopulation([{ population: 10 }, { population: 32 }])).toBe(42);
    expect(memberPopulation([{ population: 10 }, { population: null }])).toBeNull();
    expect(memberPopulation([])).toBeNull();
  });
});

describe('topFlaggedIndicators', () => {
  it('counts in how many members each indicator is flagged, most first, ties by id', () => {
    const got = topFlaggedIndicators([member('a', 1, {}, ['rent', 'poverty']), member('b', 1, {}, ['poverty']), member('c', 1, {}, ['asthma'])]);
    expect(got.map((f) => [f.id, f.count, f.members])).toEqual([
      ['poverty', 2, ['A', 'B']],
      ['asthma', 1, ['C']],
      ['rent', 1, ['A']],
    ]);
    expect(topFlaggedIndicators([member('a', 1, {}, ['rent', 'poverty'])], 1).map((f) => f.id)).toEqual(['poverty']);
    expect(topFlaggedIndicators([member('a', 1, {})])).toEqual([]);
  });
});

describe('geographyLocatorData', () => {
  const ids = ['p0', 'p1', 'p2', 'p3'];
  const geometry: Geometry = {
    type: 'FeatureCollection',
    features: ids.map((id, i) => ({ type: 'Feature', properties: { id, name: id }, geometry: { type: 'Polygon', coordinates: [[[i, 0], [i + 1, 0], [i + 1, 1], [i, 1], [i, 0]]] } })),
  };
  const values = [10, 20, 30, 40];
  const table = {
    version: 'v', level: 'town', method: 'm',
    places: ids.map((id) => ({ id, name: id, county: null, population: null, rank: null, flagCount: 0, percentileInterval: null })),
    measures: [{ id: 'overall', kind: 'overall', label: 'Overall', unit: 'percentile (0–100)', direction: 'higher_is_worse', domain: null, vintage: '', sourceIds: [], ranked: true, contextReason: null, values, percentiles: values, noData: values.map(() => null) }],
  } as MeasureTable;
  it('outlines every member with its line style and frames them all', () => {
    const l = geographyLocatorData(geometry, table, { p1: 'solid', p2: 'dashed' })!;
    const props = l.collection.features.map((f) => [f.properties.id, f.properties.target, f.properties.outline ?? null]);
    expect(props).toEqual([['p0', false, null], ['p1', true, 'solid'], ['p2', true, 'dashed'], ['p3', false, null]]);
    // Members span x 1..3, y 0..1; a quarter of that added on each side.
    expect(l.bounds).toEqual([0.5, -0.25, 3.5, 1.25]);
  });
  it('is null when the outlines have no member', () => {
    expect(geographyLocatorData(geometry, table, { p9: 'solid' })).toBeNull();
  });
});

describe('parseGeographyQuery', () => {
  it('reads a geography id and round-trips its own links', () => {
    expect(parseGeographyQuery('?geography=lawrence')).toEqual({ ok: true, id: 'lawrence' });
    expect(parseGeographyQuery(new URL(geographyReportHref('new-bedford'), 'http://x').search)).toEqual({ ok: true, id: 'new-bedford' });
  });
  it('refuses a missing or malformed id, saying what it needs', () => {
    expect(parseGeographyQuery('?geography=')).toMatchObject({ ok: false, message: expect.stringMatching(/geography=/) });
    expect(parseGeographyQuery('?geography=../x')).toMatchObject({ ok: false });
  });
});
