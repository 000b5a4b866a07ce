import { describe, expect, it } from 'vitest';
import type { MultiPolygon, Polygon, Position } from 'geojson';
import { checkAreaGeometry, firstCrossing } from './polygon-checks.js';

// A 0.1° square near Worcester, counter-clockwise, and helpers around it.
const x0 = -71.8;
const y0 = 42.2;
const ccw: Position[] = [[x0, y0], [x0 + 0.1, y0], [x0 + 0.1, y0 + 0.1], [x0, y0 + 0.1], [x0, y0]];
const hole: Position[] = [[x0 + 0.02, y0 + 0.02], [x0 + 0.02, y0 + 0.04], [x0 + 0.04, y0 + 0.04], [x0 + 0.04, y0 + 0.02], [x0 + 0.02, y0 + 0.02]]; // clockwise
const polygon = (...rings: Position[][]): Polygon => ({ type: 'Polygon', coordinates: rings });

describe('checkAreaGeometry', () => {
  it('passes a valid polygon with a hole unchanged (same object)', () => {
    const g = polygon(ccw, hole);
    const checked = checkAreaGeometry(g);
    expect(checked).toEqual({ geometry: g, issues: [], rewound: 0 });
    expect(checked.geometry).toBe(g);
  });

  it('rewinds a clockwise exterior and a counter-clockwise hole (RFC 7946), without touching the input', () => {
    const g = polygon([...ccw].reverse(), [...hole].reverse());
    const checked = checkAreaGeometry(g);
    expect(checked.issues).toEqual([]);
    expect(checked.rewound).toBe(2);
    expect(checked.geometry.coordinates).toEqual([ccw, hole]);
    expect(g.coordinates[0]![1]).toEqual([x0, y0 + 0.1]); // input kept
  });

  it('rejects a bow-tie, naming the crossing point', () => {
    const bowTie: Position[] = [[x0, y0], [x0 + 0.1, y0 + 0.1], [x0 + 0.1, y0], [x0, y0 + 0.1], [x0, y0]];
    expect(checkAreaGeometry(polygon(bowTie)).issues).toEqual([
      { message: 'self-intersection: ring 1 crosses itself at [-71.75, 42.25]', at: [-71.75, 42.25] },
    ]);
  });

  it('rejects a hole crossing its exterior, and names the part of a MultiPolygon', () => {
    const outside: Position[] = [[x0 + 0.05, y0 + 0.05], [x0 + 0.05, y0 + 0.2], [x0 + 0.07, y0 + 0.2], [x0 + 0.07, y0 + 0.05], [x0 + 0.05, y0 + 0.05]];
    const g: MultiPolygon = { type: 'MultiPolygon', coordinates: [[ccw], [ccw, outside]] };
    expect(checkAreaGeometry(g).issues.map((i) => i.message)).toEqual(['part 2, self-intersection: rings 1 and 2 cross at [-71.75, 42.3]']);
  });

  it('rejects an unclosed ring, a ring without area, non-finite and out-of-state coordinates', () => {
    const msgs = (g: Polygon) => checkAreaGeometry(g).issues.map((i) => i.message);
    expect(msgs(polygon(ccw.slice(0, 4)))).toEqual([`ring 1 (exterior): ring is not closed (starts at [${x0}, ${y0}], ends at [${x0}, ${y0 + 0.1}])`]);
    expect(msgs(polygon([[x0, y0], [x0 + 0.1, y0], [x0 + 0.2, y0], [x0, y0]]))[0]).toMatch(/all its points on one line and no area/);
    expect(msgs(polygon([[x0, y0], [x0, y0], [x0 + 0.1, y0], [x0, y0]]))[0]).toMatch(/2 distinct points/);
    expect(msgs(polygon(ccw.map(([x, y]) => [x! + 10, y!])))[0]).toMatch(/coordinate \[-61\.8, 42\.2\] lies outside Massachusetts/);
    expect(msgs(polygon([[x0, y0], [Number.NaN, y0], [x0, y0 + 0.1], [x0, y0]]))[0]).toMatch(/not a finite number/);
  });

  it('allows rings that touch at a vertex (common in Census outlines)', () => {
    const touching: Position[] = [[x0, y0], [x0 + 0.1, y0], [x0 + 0.05, y0 + 0.05], [x0 + 0.1, y0 + 0.1], [x0, y0 + 0.1], [x0 + 0.05, y0 + 0.05], [x0, y0]];
    expect(firstCrossing([touching])).toBeNull();
  });
});
