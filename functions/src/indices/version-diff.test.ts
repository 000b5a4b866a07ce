import { describe, expect, it } from 'vitest';
import type { IndicatorSpec, MethodSpec } from './indicator-registry.js';
import type { PlaceRecord, VersionMeta } from './place-record.js';
import { diffLevel, diffMethod, diffPlace, diffSummary, indicatorIdMap, numberChange } from './version-diff.js';

/** A synthetic place: every domain and indicator explicit, so each test says what differs. */
function place(id: string, over: Partial<PlaceRecord> = {}, indicators: Record<string, [number | null, number | null]> = {}): PlaceRecord {
  const domain = { score: 0.5, percentile: 0.5, indicatorsWithData: 1, indicatorsAvailable: 1, noDataReason: null };
  return {
    level: 'town', id, name: `Town ${id}`, county: null, countyFips: null, population: 1000,
    score: 0.5, percentile: 50, percentileInterval: null, rank: 10, rankInterval: null, noDataReason: null, flagCount: 0,
    domains: { cardiometabolic: { ...domain }, maternal_perinatal: { ...domain }, social_drivers: { ...domain }, access_to_care: { ...domain } },
    indicators: Object.fromEntries(Object.entries({ diabetes: [9.1, 0.42], poverty: [12, 0.6], ...indicators }).map(([k, [value, percentile]]) => [k, { value, se: null, percentile, flagged: false }])),
    ...over,
  } as PlaceRecord;
}

const spec = (id: string, over: Partial<IndicatorSpec> = {}) => ({ id, label: `Label ${id}`, vintage: '2022', unit: '%', ...over }) as IndicatorSpec;
const same = new Map([['diabetes', 'diabetes'], ['poverty', 'poverty']]);

describe('numberChange', () => {
  it('gives to − from at the published precision, not float noise', () => {
    expect(numberChange(37.1, 38.3)).toEqual({ from: 37.1, to: 38.3, delta: 1.2 });
    expect(numberChange(0.4213, 0.4)).toEqual({ from: 0.4213, to: 0.4, delta: -0.0213 });
    expect(numberChange(22, 18).delta).toBe(-4);
  });

  it('has no delta when either side has no value, and never -0', () => {
    expect(numberChange(null, 5)).toEqual({ from: null, to: 5, delta: null });
    expect(numberChange(4, undefined)).toEqual({ from: 4, to: null, delta: null });
    expect(Object.is(numberChange(0.1, 0.1).delta, 0)).toBe(true);
  });
});

describe('diffPlace', () => {
  it('reports an identical place as unchanged with no domains or indicators', () => {
    const d = diffPlace(place('a'), place('a'), same);
    expect(d.changed).toBe(false);
    expect(d.domains).toEqual([]);
    expect(d.indicators).toEqual([]);
    expect(d.rank).toEqual({ from: 10, to: 10, delta: 0 });
  });

  it('lists only the indicators whose value or percentile moved, with from/to', () => {
    const d = diffPlace(place('a', {}, { diabetes: [9.1, 0.42] }), place('a', {}, { diabetes: [9.1, 0.45], poverty: [12, 0.6] }), same);
    expect(d.changed).toBe(true);
    expect(d.indicators).toEqual([{ id: 'diabetes', value: { from: 9.1, to: 9.1, delta: 0 }, percentile: { from: 0.42, to: 0.45, delta: 0.03 } }]);
  });

  it('counts a value appearing where there was none as a change (delta null)', () => {
    const d = diffPlace(place('a', {}, { poverty: [null, null] }), place('a'), same);
    expect(d.indicators.map((i) => [i.id, i.value])).toEqual([['poverty', { from: null, to: 12, delta: null }]]);
  });

  it('reports rank, percentile, domain and ranked changes; a 1.0 record without `ranked` counts as ranked', () => {
    const older = place('a', { rank: 22, percentile: 91.2 });
    const newer = place('a', { rank: 18, percentile: 93.4, ranked: true, domains: { ...place('a').domains, social_drivers: { score: 0.7, percentile: 0.81, indicatorsWithData: 1, indicatorsAvailable: 1, noDataReason: null } } });
    const d = diffPlace(older, newer, same);
    expect(d.rank).toEqual({ from: 22, to: 18, delta: -4 });
    expect(d.percentile.delta).toBe(2.2);
    expect(d.ranked).toEqual({ from: true, to: true });
    expect(d.domains.map((x) => [x.id, x.percentile])).toEqual([['social_drivers', { from: 0.5, to: 0.81, delta: 0.31 }]]);
    const unranked = diffPlace(older, place('a', { ranked: false, rank: null }), same);
    expect(unranked.ranked).toEqual({ from: true, to: false });
    expect(unranked.rank).toEqual({ from: 22, to: null, delta: null });
  });

  it('compares a renamed indicator under its new id against its old id', () => {
    const older = place('a', {}, { low_bw: [7.5, 0.3] });
    const newer = place('a', {}, { low_birth_weight: [7.9, 0.35] });
    const ids = indicatorIdMap([spec('low_bw')], [spec('low_birth_weight', { aliases: ['low_bw'] })]);
    expect(diffPlace(older, newer, ids).indicators).toEqual([{ id: 'low_birth_weight', value: { from: 7.5, to: 7.9, delta: 0.4 }, percentile: { from: 0.3, to: 0.35, delta: 0.05 } }]);
  });
});

describe('diffLevel', () => {
  it('compares places in both versions and lists the others as added or removed, sorted by id', () => {
    const d = diffLevel([place('c'), place('a'), place('old')], [place('new'), place('a', { rank: 11 }), place('c')], same);
    expect(d.places.map((p) => [p.id, p.changed])).toEqual([['a', true], ['c', false]]);
    expect(d.added).toEqual([{ id: 'new', name: 'Town new' }]);
    expect(d.removed).toEqual([{ id: 'old', name: 'Town old' }]);
    expect(diffSummary(d)).toEqual({ compared: 2, changed: 1, rankChanged: 1, added: 1, removed: 1 });
  });
});

describe('diffMethod', () => {
  const method = (over: Partial<MethodSpec> = {}) =>
    ({
      id: 'ma-hei-1.0', label: 'x', flagPercentile: 0.9, domainCoverage: 0.5, overallCoverage: 0.5, reallocationCoverage: 0.5, monteCarlo: { draws: 500, seed: 1, interval: 0.9 },
      domains: [{ id: 'cardiometabolic', label: 'C', weight: 0.25 }, { id: 'maternal_perinatal', label: 'M', weight: 0.25 }, { id: 'social_drivers', label: 'S', weight: 0.25 }, { id: 'access_to_care', label: 'A', weight: 0.25 }],
      ...over,
    }) as MethodSpec;
  const source = (id: string, vintage: string, sha256: string) => ({ id, title: id, vintage, sha256, downloadUrl: 'https://example.org' });
  const meta = (over: Partial<VersionMeta>) => ({ method: method(), indicators: [spec('diabetes'), spec('poverty')], sources: [source('places', '2022', 'aa'), source('acs', '2022', 'bb')], ...over }) as VersionMeta;

  it('finds nothing between a version and itself', () => {
    const d = diffMethod(meta({}), meta({}));
    expect(d.method.changed).toEqual([]);
    expect(d.weights).toEqual([]);
    expect(d.indicators).toEqual({ added: [], removed: [], renamed: [], changed: [] });
    expect(d.sources).toEqual({ added: [], removed: [], changed: [] });
  });

  it('names method settings, weights, registry additions, removals, renames, spec changes and source changes', () => {
    const newer = meta({
      method: method({ id: 'ma-hei-1.1', minRankPopulation: 500, domains: [...method().domains.slice(0, 3), { id: 'access_to_care', label: 'A', weight: 0.4 }] }),
      indicators: [spec('diabetes', { vintage: '2023' }), spec('poverty_rate', { label: 'Label poverty', aliases: ['poverty'] }), spec('hospital_bed_access')],
      sources: [source('places', '2023', 'cc'), source('acs', '2022', 'bb'), source('hospitals', '2025', 'dd')],
      inputs: { sources: {}, methodId: 'ma-hei-1.1', methodSha256: 'm2', codeRevision: 'abc123' },
      asOf: '2026-11-01',
    });
    const d = diffMethod(meta({ indicators: [spec('diabetes'), spec('poverty'), spec('teen_births')] }), newer);
    expect(d.method.from).toBe('ma-hei-1.0');
    expect(d.method.to).toBe('ma-hei-1.1');
    expect(d.method.changed).toEqual([{ field: 'minRankPopulation', from: null, to: 500 }]);
    expect(d.weights).toEqual([{ domain: 'access_to_care', from: 0.25, to: 0.4 }]);
    expect(d.indicators.added).toEqual([{ id: 'hospital_bed_access', label: 'Label hospital_bed_access' }]);
    expect(d.indicators.removed).toEqual([{ id: 'teen_births', label: 'Label teen_births' }]);
    expect(d.indicators.renamed).toEqual([{ from: 'poverty', to: 'poverty_rate' }]);
    expect(d.indicators.changed).toEqual([{ id: 'diabetes', fields: [{ field: 'vintage', from: '2022', to: '2023' }] }]);
    expect(d.sources.changed).toEqual([{ id: 'places', from: { vintage: '2022', sha256: 'aa' }, to: { vintage: '2023', sha256: 'cc' } }]);
    expect(d.sources.added.map((s) => s.id)).toEqual(['hospitals']);
    expect(d.inputs.codeRevision).toEqual({ from: null, to: 'abc123' });
    expect(d.asOf).toEqual({ from: null, to: '2026-11-01' });
  });
});
