import type { Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { sharedBoundaryAdjacency } from './town-adjacency.js';

// Synthetic unit squares on a grid (labelled synthetic): A|B share an edge, C touches B only at a corner.
const square = (x: number, y: number): Polygon => ({
  type: 'Polygon',
  coordinates: [[[x, y], [x + 1, y], [x + 1, y + 1], [x, y + 1], [x, y]]],
});

describe('sharedBoundaryAdjacency', () => {
  it('links areas sharing an edge, not areas meeting at a corner', () => {
    const adj = sharedBoundaryAdjacency([
      { id: 'A', geometry: square(0, 0) },
      { id: 'B', geometry: square(1, 0) },
      { id: 'C', geometry: square(2, 1) },
      { id: 'island', geometry: square(10, 10) },
    ]);
    expect(adj.get('A')).toEqual(['B']);
    expect(adj.get('B')).toEqual(['A']);
    expect(adj.get('C')).toEqual([]);
    expect(adj.get('island')).toEqual([]);
  });

  it('finds a shared edge whichever direction each ring runs, inside a MultiPolygon', () => {
    const reversed: Polygon = { type: 'Polygon', coordinates: [square(0, 1).coordinates[0]!.slice().reverse()] };
    const adj = sharedBoundaryAdjacency([
      { id: 'A', geometry: square(0, 0) },
      { id: 'M', geometry: { type: 'MultiPolygon', coordinates: [square(5, 5).coordinates, reversed.coordinates] } },
    ]);
    expect(adj.get('A')).toEqual(['M']);
    expect(adj.get('M')).toEqual(['A']);
  });

  it('rejects duplicate ids', () => {
    expect(() => sharedBoundaryAdjacency([{ id: 'A', geometry: square(0, 0) }, { id: 'A', geometry: square(1, 0) }])).toThrow(/duplicate id "A"/);
  });
});
