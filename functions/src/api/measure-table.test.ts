import { describe, expect, it } from 'vitest';
import { buildMeasureTable } from './measure-table.js';
import type { PlaceRecord, VersionMeta } from '../indices/place-record.js';

// Synthetic two-place version (test fixture, not real data): one place with values, one without.
const meta = {
  version: 'v-test',
  method: { id: 'ma-hei-1.0', domains: [{ id: 'maternal_perinatal', label: 'Maternal and perinatal health', weight: 1 }] },
  measures: { town: { id: 'overall', label: 'Index', unit: 'score', direction: 'higher_is_worse', description: '', sourceIds: ['s1'], vintage: 'v' } },
  indicators: [{ id: 'low_birth_weight', label: 'Low birth weight', domain: 'maternal_perinatal', unit: '% of live births', direction: 'higher_is_worse', vintage: '2005–2008', source: { sourceId: 'masschip' } }],
  derivation: { town: { low_birth_weight: 'native (town)' } },
} as unknown as VersionMeta;

const place = (id: string, value: number | null, pct: number | null): PlaceRecord =>
  ({
    level: 'town',
    id,
    name: `Town ${id}`,
    county: 'Bristol',
    countyFips: '25005',
    population: 1000,
    score: pct,
    percentile: pct === null ? null : pct * 100,
    percentileInterval: pct === null ? null : [pct * 90, pct * 100],
    rank: pct === null ? null : 1,
    rankInterval: null,
    noDataReason: pct === null ? 'Too few domains with data.' : null,
    flagCount: 0,
    domains: { maternal_perinatal: { score: pct, percentile: pct, indicatorsWithData: value === null ? 0 : 1, indicatorsAvailable: 1, noDataReason: pct === null ? 'Fewer than half of the indicators.' : null } },
    indicators: { low_birth_weight: { value, se: null, percentile: pct, flagged: false } },
  }) as unknown as PlaceRecord;

describe('buildMeasureTable', () => {
  const table = buildMeasureTable(meta, 'town', [place('a', 7.123456789, 0.91234), place('b', null, null)]);

  it('has one column per measure: overall, each domain, each indicator, in that order', () => {
    expect(table.measures.map((m) => [m.id, m.kind])).toEqual([
      ['overall', 'overall'],
      ['domain:maternal_perinatal', 'domain'],
      ['low_birth_weight', 'indicator'],
    ]);
    expect(table.places.map((p) => p.id)).toEqual(['a', 'b']);
  });

  it('gives percentiles on 0–100 and trims values to 6 significant digits', () => {
    const lbw = table.measures[2]!;
    expect(lbw.values).toEqual([7.12346, null]);
    expect(lbw.percentiles).toEqual([91.23, null]);
    expect(table.measures[1]!.percentiles).toEqual([91.23, null]);
  });

  it('says why each missing value is missing', () => {
    expect(table.measures[0]!.noData).toEqual([null, 'Too few domains with data.']);
    expect(table.measures[1]!.noData).toEqual([null, 'Fewer than half of the indicators.']);
    expect(table.measures[2]!.noData[1]).toMatch(/No value for this place/);
  });
});
