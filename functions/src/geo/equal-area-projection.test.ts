import { describe, expect, it } from 'vitest';
import area from '@turf/area';
import { polygon } from '@turf/helpers';
import { ellipsoidArea, projectEqualArea } from './equal-area-projection.js';

/** Area of a lon/lat cell on the WGS84 ellipsoid by integrating M(φ)·N(φ)·cos φ dφ dλ numerically (Simpson) — independent of Snyder's q. */
function cellAreaByIntegration(lat1: number, lat2: number, dLon: number): number {
  const a = 6378137;
  const f = 1 / 298.257223563;
  const e2 = f * (2 - f);
  const rad = Math.PI / 180;
  const g = (phi: number) => {
    const w = 1 - e2 * Math.sin(phi) ** 2;
    return ((a * (1 - e2)) / w ** 1.5) * (a / Math.sqrt(w)) * Math.cos(phi);
  };
  const n = 1000;
  const h = ((lat2 - lat1) * rad) / n;
  let sum = g(lat1 * rad) + g(lat2 * rad);
  for (let i = 1; i < n; i++) sum += (i % 2 ? 4 : 2) * g(lat1 * rad + i * h);
  return ((sum * h) / 3) * dLon * rad;
}

/** Shoelace area of a lon/lat ring after projection, m². */
function projectedArea(ring: [number, number][]): number {
  const xy = ring.map(([lon, lat]) => projectEqualArea(lon, lat) as number[]);
  let twice = 0;
  for (let i = 0; i < xy.length - 1; i++) twice += xy[i]![0]! * xy[i + 1]![1]! - xy[i + 1]![0]! * xy[i]![1]!;
  return Math.abs(twice) / 2;
}

describe('projectEqualArea (Lambert cylindrical equal-area, WGS84)', () => {
  it('implies the published surface area of the WGS84 ellipsoid (510,065,621.724 km², GeographicLib)', () => {
    expect(ellipsoidArea() / 1e6).toBeCloseTo(510_065_621.724, 2);
  });

  it('puts the central meridian at x = 0 and the equator at y = 0', () => {
    expect(projectEqualArea(-71.5, 0)).toEqual([0, 0]);
  });

  it('gives a 1° × 1° cell its ellipsoidal area, which Turf (sphere R = 6,371,008.8 m) matches within 0.3 %', () => {
    // Parallels and meridians are straight in a cylindrical projection, so the 5-vertex cell is exact.
    const ring: [number, number][] = [[-72, 42], [-71, 42], [-71, 43], [-72, 43], [-72, 42]];
    const ours = projectedArea(ring);
    expect(Math.abs(ours / cellAreaByIntegration(42, 43, 1) - 1)).toBeLessThan(1e-9);
    // Turf's geodesic edges along parallels differ from the projected straight edges; densify the parallels.
    const dense: [number, number][] = [];
    for (let i = 0; i <= 100; i++) dense.push([-72 + i / 100, 42]);
    for (let i = 0; i <= 100; i++) dense.push([-71 - i / 100, 43]);
    dense.push([-72, 42]);
    expect(Math.abs(area(polygon([dense])) / ours - 1)).toBeLessThan(0.003);
  });
});
