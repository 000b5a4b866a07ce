import { describe, expect, it } from 'vitest';
import type { Feature, Polygon } from 'geojson';
import { createPointIndex } from './point-index.js';

const square = (id: string, x: number, y: number, size = 1): Feature<Polygon> => ({
  type: 'Feature',
  id,
  properties: {},
  geometry: { type: 'Polygon', coordinates: [[[x, y], [x + size, y], [x + size, y + size], [x, y + size], [x, y]]] },
});
// An L-shaped polygon: its bounding box covers the notch, the exact test must not.
const ell: Feature<Polygon> = {
  type: 'Feature',
  properties: { id: 'ell' },
  geometry: { type: 'Polygon', coordinates: [[[10, 0], [12, 0], [12, 1], [11, 1], [11, 2], [10, 2], [10, 0]]] },
};

describe('createPointIndex (synthetic squares)', () => {
  const find = createPointIndex([square('a', 0, 0), square('b', 1, 0), ell]);

  it('finds the polygon containing a point', () => {
    expect(find(0.5, 0.5)).toBe('a');
    expect(find(1.5, 0.5)).toBe('b');
    expect(find(10.5, 1.5)).toBe('ell'); // id from properties
  });

  it('returns null outside every polygon, including inside a bounding box but outside the shape', () => {
    expect(find(5, 5)).toBeNull();
    expect(find(11.5, 1.5)).toBeNull();
    expect(createPointIndex([])(0, 0)).toBeNull();
  });

  it('names the feature without an id', () => {
    expect(() => createPointIndex([{ ...square('x', 0, 0), id: undefined }])).toThrow(/features\[0\]/);
  });
});
