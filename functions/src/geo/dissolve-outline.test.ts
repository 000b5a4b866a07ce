import booleanValid from '@turf/boolean-valid';
import area from '@turf/area';
import type { Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { dissolveOutline } from './dissolve-outline.js';
import { roundGeometry } from './web-geometry.js';

// Synthetic squares (labelled synthetic), 0.01° across, near Springfield.
const square = (x: number, y: number, d = 0.01): Polygon => ({
  type: 'Polygon',
  coordinates: [[[x, y], [x + d, y], [x + d, y + d], [x, y + d], [x, y]]],
});

describe('dissolveOutline', () => {
  it('merges two squares sharing an edge into one valid polygon without the inner boundary', () => {
    const out = dissolveOutline([square(-72.6, 42.1), square(-72.59, 42.1)])!;
    expect(out.type).toBe('Polygon');
    expect(booleanValid(out)).toBe(true);
    const ring = (out as Polygon).coordinates[0]!;
    // The union covers exactly both squares.
    const both = area(square(-72.6, 42.1)) + area(square(-72.59, 42.1));
    expect(area(out) / both).toBeCloseTo(1, 6);
    expect(ring.length).toBeLessThanOrEqual(7); // 4 corners (+ collinear points of the old shared edge at most), closed
  });

  it('keeps separate members as parts of a MultiPolygon', () => {
    const out = dissolveOutline([square(-72.6, 42.1), square(-71, 42.1)])!;
    expect(out.type).toBe('MultiPolygon');
    expect(booleanValid(out)).toBe(true);
  });

  it('returns null for no areas and the member itself for one', () => {
    expect(dissolveOutline([])).toBeNull();
    expect(dissolveOutline([square(-72.6, 42.1)])).toEqual(roundGeometry(square(-72.6, 42.1)));
  });
});
