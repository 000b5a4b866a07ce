import { describe, expect, it } from 'vitest';
import type { MultiPolygon } from 'geojson';
import { bboxOf, containsPoint, interiorPoint, labelPoint } from './geometry-utils';

const square = (x: number, y: number, s: number) => [[[x, y], [x + s, y], [x + s, y + s], [x, y + s], [x, y]]];

describe('geometry utils', () => {
  const g: MultiPolygon = { type: 'MultiPolygon', coordinates: [square(0, 0, 1), square(10, 10, 4)] };

  it('bbox covers every part', () => {
    expect(bboxOf(g)).toEqual([0, 0, 14, 14]);
  });

  it('labels the largest part at its centroid, whatever the ring orientation', () => {
    expect(labelPoint(g)).toEqual([12, 12]);
    const reversed: MultiPolygon = { type: 'MultiPolygon', coordinates: [square(0, 0, 1), [square(10, 10, 4)[0]!.slice().reverse()]] };
    expect(labelPoint(reversed)).toEqual([12, 12]);
  });

  it('tells inside from outside, holes included', () => {
    const holed: MultiPolygon = { type: 'MultiPolygon', coordinates: [[square(0, 0, 10)[0]!, square(4, 4, 2)[0]!]] };
    expect(containsPoint(holed, [1, 1])).toBe(true);
    expect(containsPoint(holed, [5, 5])).toBe(false);
    expect(containsPoint(holed, [11, 5])).toBe(false);
  });

  it('puts the interior point inside a crescent whose centroid falls outside it', () => {
    // A U shape: the centroid (2, ~1.9) lies in the notch between the arms.
    const u: MultiPolygon = { type: 'MultiPolygon', coordinates: [[[[0, 0], [4, 0], [4, 4], [3, 4], [3, 1], [1, 1], [1, 4], [0, 4], [0, 0]]]] };
    expect(containsPoint(u, labelPoint(u))).toBe(false);
    const p = interiorPoint(u);
    expect(containsPoint(u, p)).toBe(true);
    expect(interiorPoint(g)).toEqual([12, 12]);
  });
});
