import { beforeAll, describe, expect, it } from 'vitest';
import type { Polygon } from 'geojson';
import { loadConfig } from '../config.js';
import { readSource } from '../sources/source-manifest.js';
import { parseTowns, type Town } from '../sources/towns.js';
import { clippedWaterM2, stateLandBorder, type LandBorder, type OutlineArea } from './state-land-border.js';

// Synthetic "state" of three 0.01° squares in a row at 42° N, plus an island:
//
//     +----+----+----+
//     | A  | B  | C  |~~ sea      D (island, off to the east)
//     +----+----+----+
//
// A and B have nothing clipped (Census area = outline area); C and D lost 1 km² of water to the shore clip.
// Corners are literals so that shared edges have bit-identical vertices (-72 + 0.01 is not -71.99 in floating point).
const square = (x0: number, x1: number, y0 = 42, y1 = 42.01): Polygon => ({
  type: 'Polygon',
  coordinates: [[[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]]],
});
const inland = (id: string, geometry: Polygon): OutlineArea => {
  const outlineM2 = -clippedWaterM2({ id, geometry, landAreaM2: 0, waterAreaM2: 0 });
  return { id, geometry, landAreaM2: outlineM2, waterAreaM2: 0 };
};
const shore = (id: string, geometry: Polygon): OutlineArea => ({ ...inland(id, geometry), waterAreaM2: 1e6 });
const synthetic = [inland('A', square(-72, -71.99)), inland('B', square(-71.99, -71.98)), shore('C', square(-71.98, -71.97)), shore('D', square(-71.9, -71.89))];

describe('stateLandBorder (synthetic)', () => {
  it('keeps the unshared edges of areas that lost no water, and only those', () => {
    const border = stateLandBorder(synthetic);
    expect(border.borderAreas).toEqual(['A', 'B']);
    expect(border.shoreAreas).toEqual(['C', 'D']);
    // A: west, south, north edges; B: south, north edges. A|B and B|C are shared.
    expect(border.segments).toHaveLength(5);
    expect(border.segments.every(([a, b]) => a[0] <= -71.98 && b[0] <= -71.98)).toBe(true);
  });

  it('measures the outline on the ellipsoid: a 0.01° square at 42° N is 0.9202 km²', () => {
    // WGS84 at 42.005° N: 0.01° of latitude = 1.1107 km (meridian radius 6,364 km), of longitude = 0.8284 km (normal radius 6,388 km × cos φ).
    expect(-clippedWaterM2({ id: 'x', geometry: square(-72, -71.99), landAreaM2: 0, waterAreaM2: 0 }) / 1e6).toBeCloseTo(0.9202, 4);
  });

  it('names the argument it cannot use', () => {
    expect(() => stateLandBorder([synthetic[0]!, synthetic[0]!])).toThrow(/areas\[1\]: duplicate id "A"/);
    expect(() => stateLandBorder([{ ...synthetic[0]!, waterAreaM2: Number.NaN }])).toThrow(/areas\[0\]\.waterAreaM2/);
  });
});

describe('stateLandBorder on the 351 towns (MassGIS 2020, full resolution)', () => {
  const { dataDir } = loadConfig();
  let towns: Town[];
  let border: LandBorder;
  const names = (ids: readonly string[]) => ids.map((id) => towns.find((t) => t.id === id)!.name);

  beforeAll(() => {
    const t = readSource(dataDir, 'towns');
    towns = parseTowns(t.bytes, t.entry.path);
    border = stateLandBorder(towns);
  });

  it('finds the 60 towns on the land border with NY, VT, NH, CT and RI, less the two that also have a coast', () => {
    expect(border.borderAreas).toHaveLength(60);
    expect(names(border.borderAreas)).toEqual(
      expect.arrayContaining(['Williamstown', 'Clarksburg', 'Mount Washington', 'Southwick', 'Haverhill', 'Amesbury', 'Blackstone', 'Seekonk', 'Fall River']),
    );
    // Counties that touch another state: Berkshire, Franklin, Hampden, Worcester, Middlesex, Essex, Norfolk, Bristol.
    expect(new Set(border.borderAreas.map((id) => towns.find((t) => t.id === id)!.county))).toEqual(
      new Set(['Berkshire', 'Franklin', 'Hampden', 'Worcester', 'Middlesex', 'Essex', 'Norfolk', 'Bristol']),
    );
    expect(names(border.shoreAreas)).toEqual(expect.arrayContaining(['Boston', 'Nantucket', 'Provincetown', 'Medford', 'Salisbury', 'Westport']));
    expect(border.segments.length).toBeGreaterThan(3000);
  });

  it('separates the two kinds of town by a wide margin around the 1 ha threshold', () => {
    const clipped = (ids: readonly string[]) => ids.map((id) => clippedWaterM2(towns.find((t) => t.id === id)!));
    expect(Math.max(...clipped(border.borderAreas).map(Math.abs))).toBeLessThan(1_000); // coordinate rounding only
    expect(Math.min(...clipped(border.shoreAreas))).toBeGreaterThan(20_000); // Malden, on the tidal Malden River
    // Towns with no unshared edge lost no water either (nothing clipped from a town that does not reach the state's edge).
    const edgeless = towns.filter((t) => !border.borderAreas.includes(t.id) && !border.shoreAreas.includes(t.id));
    expect(Math.max(...edgeless.map((t) => Math.abs(clippedWaterM2(t))))).toBeLessThan(1_000);
  });
});
