import { describe, expect, it } from 'vitest';
import type { Geometry } from '../api';
import { minPopulation, townLabelList } from './town-labels';

// Synthetic towns (test fixture).
const town = (id: string, name: string, x: number): Geometry['features'][number] => ({ type: 'Feature', properties: { id, name }, geometry: { type: 'Polygon', coordinates: [[[x, 0], [x + 2, 0], [x + 2, 2], [x, 2], [x, 0]]] } });
const geometry: Geometry = { type: 'FeatureCollection', features: [town('a', 'Ashby', 0), town('b', 'Boston', 10), town('c', 'Carver', 20)] };

describe('town labels', () => {
  it('lists towns most populous first, each at a point inside it; no population counts as none', () => {
    const list = townLabelList(geometry, new Map([['a', 3000], ['b', 650_000], ['c', null]]));
    expect(list.map((l) => l.name)).toEqual(['Boston', 'Ashby', 'Carver']);
    expect(list[0]!.lngLat).toEqual([11, 1]);
    expect(list[2]!.population).toBe(0);
  });

  it('names nothing at the state view, cities first, every town zoomed in', () => {
    expect(minPopulation(7.5)).toBe(Infinity);
    expect(minPopulation(9)).toBeGreaterThan(minPopulation(10));
    expect(minPopulation(10)).toBeGreaterThan(minPopulation(11));
    expect(minPopulation(11)).toBe(0);
  });
});
