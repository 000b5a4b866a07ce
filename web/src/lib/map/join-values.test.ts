import { describe, expect, it } from 'vitest';
import type { Geometry } from '../api';
import { joinValues } from './join-values';

// Synthetic two-square geometry (labelled as such).
const square = (id: string) => ({
  type: 'Feature' as const,
  properties: { id, name: `Place ${id}` },
  geometry: { type: 'Polygon' as const, coordinates: [[[0, 0], [1, 0], [1, 1], [0, 0]]] },
});
const geometry: Geometry = { type: 'FeatureCollection', features: [square('a'), square('b'), square('c')] };

describe('joinValues', () => {
  it('copies values onto features and leaves gaps as no data with the reason', () => {
    const { collection, unmatched } = joinValues(geometry, [
      { id: 'a', name: 'Alpha', score: 12.5, percentile: 40, noDataReason: null },
      { id: 'b', name: 'Beta', score: null, percentile: null, noDataReason: 'suppressed by DPH' },
    ]);
    const [a, b, c] = collection.features.map((f) => f.properties) as Record<string, unknown>[];
    expect(a).toEqual({ id: 'a', name: 'Alpha', score: 12.5, percentile: 40 });
    expect(b).toEqual({ id: 'b', name: 'Beta', noDataReason: 'suppressed by DPH' });
    expect(c).not.toHaveProperty('percentile');
    expect(c!.noDataReason).toMatch(/not in the current index version/);
    expect(unmatched).toBe(1);
  });
});
