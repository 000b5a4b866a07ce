import { describe, expect, it } from 'vitest';
import type { Geometry, MeasureTable } from '../api';
import { locatorData } from './locator';

// Ten unit squares in a row; place i has overall percentile 10·i (place 9: no data).
const ids = Array.from({ length: 10 }, (_, i) => `p${i}`);
const geometry: Geometry = {
  type: 'FeatureCollection',
  features: ids.map((id, i) => ({ type: 'Feature', properties: { id, name: id.toUpperCase() }, geometry: { type: 'Polygon', coordinates: [[[i, 0], [i + 1, 0], [i + 1, 1], [i, 1], [i, 0]]] } })),
};
const values = ids.map((_, i) => (i === 9 ? null : i * 10));
const table = {
  version: 'v',
  level: 'town',
  method: 'm',
  places: ids.map((id) => ({ id, name: id, county: null, population: null, rank: null, flagCount: 0, percentileInterval: null })),
  measures: [{ id: 'overall', kind: 'overall', label: 'Overall', unit: 'percentile (0–100)', direction: 'higher_is_worse', domain: null, vintage: '', sourceIds: [], ranked: true, contextReason: null, values, percentiles: values, noData: values.map((v) => (v === null ? 'none' : null)) }],
} as MeasureTable;

describe('locatorData', () => {
  it('colours every place by overall quintile (darker = higher), marks the place and leaves no-data places uncoloured', () => {
    const l = locatorData(geometry, table, 'p4')!;
    const cls = l.collection.features.map((f) => f.properties.cls);
    // 9 values in 5 quantile classes: non-decreasing with the percentile, lowest 0, highest 4.
    expect(cls[0]).toBe(0);
    expect(cls[8]).toBe(4);
    for (let i = 1; i < 9; i++) expect(cls[i]!).toBeGreaterThanOrEqual(cls[i - 1]!);
    expect(cls[9]).toBe(-1);
    expect(l.collection.features.filter((f) => f.properties.target).map((f) => f.properties.id)).toEqual(['p4']);
    expect(l.legend).toHaveLength(5);
  });
  it('frames the place with a margin of its own size on each side', () => {
    expect(locatorData(geometry, table, 'p4')!.bounds).toEqual([3, -1, 6, 2]);
  });
  it('is null when the outlines lack the place', () => {
    expect(locatorData(geometry, table, 'p99')).toBeNull();
  });
});
