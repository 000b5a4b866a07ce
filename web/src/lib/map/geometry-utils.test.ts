import { describe, expect, it } from 'vitest';
import type { MultiPolygon } from 'geojson';
import { bboxOf, labelPoint } from './geometry-utils';

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
});
